import { ApolloClient, ApolloLink, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition, relayStylePagination } from '@apollo/client/utilities';
import { Client as UrqlClient, fetchExchange, subscriptionExchange } from '@urql/core';
import { request as graphqlRequest } from 'graphql-request';
import { serverAudits } from 'graphql-http';
import { bearer, Harness } from '../support/harness';
import { waitFor } from '../support/processes';
import { graphqlWsClient, noSubscriptionsRunning, subscriptionsRunning } from '../support/subscriptions';

/** The clients front-end apps use, with their defaults, and the GraphQL-over-HTTP spec's own audit. */
let server: Harness;
beforeAll(async () => {
  server = await Harness.start();
});
afterAll(() => server.stop());

/** A fetch that records the method of each request, so a test can tell GET from POST. */
function recordingFetch(methods: string[]): typeof fetch {
  return (input, init) => {
    methods.push(init?.method ?? 'GET');
    return fetch(input, init);
  };
}

describe('graphql-http serverAudits (the GraphQL-over-HTTP spec)', () => {
  it('passes every audit: no MUST failure, no SHOULD warning, no notice', async () => {
    const results = [];
    for (const audit of serverAudits({ url: `${server.url}/graphql`, fetchFn: fetch })) results.push(await audit.fn());
    const notOk = results.filter((result) => result.status !== 'ok').map((result) => `${result.status}: ${result.name}`);
    expect(notOk).toEqual([]);
    // The count can only go up: 61 audits, all ok, with graphql-http 1.22.
    expect(results.filter((result) => result.status === 'ok').length).toBeGreaterThanOrEqual(61);
  });
});

describe('Apollo Client 4', () => {
  const TECHNOLOGIES = gql`
    query Technologies($after: String) {
      technologies(first: 4, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id name kind } }
      }
    }
  `;

  function client(methods: string[], useGETForQueries = false) {
    return new ApolloClient({
      link: new HttpLink({ uri: `${server.url}/graphql`, fetch: recordingFetch(methods), useGETForQueries }),
      cache: new InMemoryCache({
        possibleTypes: { Node: ['Role', 'Responsibility', 'Technology', 'Skill', 'Salary', 'Source', 'Team'] },
        typePolicies: { Query: { fields: { technologies: relayStylePagination(['kind']) } } },
      }),
    });
  }

  it('pages through every technology with relayStylePagination, over POST', async () => {
    const methods: string[] = [];
    const apollo = client(methods);
    const first = await apollo.query({ query: TECHNOLOGIES });
    let page = first.data as { technologies: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const total = page.technologies.totalCount;
    for (let pages = 1; page.technologies.pageInfo.hasNextPage; pages += 1) {
      if (pages > total) throw new Error('more pages than technologies: the cursors do not advance');
      // network-only: with `after` outside the key arguments, the cache would answer the merged list again.
      const more = await apollo.query({ query: TECHNOLOGIES, variables: { after: page.technologies.pageInfo.endCursor }, fetchPolicy: 'network-only' });
      page = more.data as typeof page;
    }
    const merged = apollo.readQuery({ query: TECHNOLOGIES }) as { technologies: { edges: { node: { id: string } }[] } };
    const ids = merged.technologies.edges.map((edge) => edge.node.id);
    expect(total).toBeGreaterThan(4);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect(new Set(methods)).toEqual(new Set(['POST']));
  });

  it('normalises nodes by type and id, and sends queries over GET with useGETForQueries', async () => {
    const methods: string[] = [];
    const apollo = client(methods, true);
    const { data } = await apollo.query({
      query: gql`{ node(id: "backend-developer") { id name ... on Role { summary } } }`,
    });
    expect(data).toEqual({ node: { __typename: 'Role', id: 'backend-developer', name: 'Backend Developer', summary: expect.any(String) } });
    expect(apollo.cache.identify({ __typename: 'Role', id: 'backend-developer' })).toBe('Role:backend-developer');
    expect((apollo.cache.extract() as Record<string, unknown>)['Role:backend-developer']).toEqual(expect.objectContaining({ name: 'Backend Developer' }));
    expect(methods).toEqual(['GET']);
  });
});

describe('graphql-request 7', () => {
  it('answers a query with variables', async () => {
    const data = await graphqlRequest<{ role: { name: string } }>(`${server.url}/graphql`, 'query ($id: ID!) { role(id: $id) { name } }', {
      id: 'frontend-developer',
    });
    expect(data).toEqual({ role: { name: 'Frontend Developer' } });
  });
});

describe("Relay's fetch function (its docs' fetchGraphQL)", () => {
  it('answers the POST Relay sends, with the operation name and variables', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: 'query RoleQuery($id: ID!) { role(id: $id) { id name } }', variables: { id: 'backend-developer' } }),
    });
    expect(await response.json()).toEqual(expect.objectContaining({ data: { role: { id: 'backend-developer', name: 'Backend Developer' } } }));
  });
});

describe('subscriptions through the clients’ own WebSocket links', () => {
  const CHANGES = 'subscription { graphChanged(ids: ["client-live"]) { kind id } }';
  const upsert = async () =>
    server.data(`mutation { upsertTechnology(input: { id: "client-live", name: "Client Live", kind: TOOL }) { id } }`, {}, await bearer(['editor']));
  afterAll(async () => {
    await server.data(`mutation { deleteNode(id: "client-live") }`, {}, await bearer(['editor']));
  });

  it('Apollo Client 4: GraphQLWsLink, split from HttpLink as its docs show', async () => {
    const ws = graphqlWsClient(server.url);
    const link = ApolloLink.split(
      ({ query }) => {
        const definition = getMainDefinition(query);
        return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
      },
      new GraphQLWsLink(ws),
      new HttpLink({ uri: `${server.url}/graphql` }),
    );
    const client = new ApolloClient({ link, cache: new InMemoryCache() });
    const events: unknown[] = [];
    const subscription = client.subscribe({ query: gql(CHANGES) }).subscribe({ next: (result) => events.push(result.data) });
    try {
      await subscriptionsRunning(server.url, 1);
      await upsert();
      await waitFor(() => events.length > 0, 10_000, 'the Apollo Client event');
      expect(events[0]).toEqual({ graphChanged: { __typename: 'GraphChange', kind: 'UPSERTED', id: 'client-live' } });
    } finally {
      subscription.unsubscribe();
      await ws.dispose();
      await noSubscriptionsRunning(server.url);
    }
  });

  it('urql: subscriptionExchange over graphql-ws, as its docs show', async () => {
    const ws = graphqlWsClient(server.url);
    const client = new UrqlClient({
      url: `${server.url}/graphql`,
      exchanges: [
        fetchExchange,
        subscriptionExchange({
          forwardSubscription: (request) => ({
            subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
          }),
        }),
      ],
    });
    const events: unknown[] = [];
    const { unsubscribe } = client.subscription(CHANGES, {}).subscribe((result) => events.push(result.data));
    try {
      await subscriptionsRunning(server.url, 1);
      await upsert();
      await waitFor(() => events.length > 0, 10_000, 'the urql event');
      expect(events[0]).toEqual({ graphChanged: { kind: 'UPSERTED', id: 'client-live' } });
    } finally {
      unsubscribe();
      await ws.dispose();
      await noSubscriptionsRunning(server.url);
    }
  });
});
