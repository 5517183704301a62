import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { request as graphqlRequest } from 'graphql-request';
import { serverAudits } from 'graphql-http';
import { Harness } from '../support/harness';

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
