import { createHash } from 'node:crypto';
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { bearer, Harness } from '../support/harness';

/** Automatic persisted queries over POST and GET, and which answers a CDN may keep. */
const QUERY = '{ role(id: "backend-developer") { id name } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

let server: Harness;
beforeAll(async () => {
  server = await Harness.start({ httpCacheMaxAge: 60 });
});
afterAll(() => server.stop());

const get = (params: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(
    `${server.url}/graphql?${new URLSearchParams(
      Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)])),
    )}`,
    { headers: { accept: 'application/graphql-response+json', ...headers } },
  );

describe('automatic persisted queries', () => {
  it('over POST: an unknown hash asks for the query, which registers it', async () => {
    const query = `${QUERY} # post ${Date.now()}`;
    const hashOnly = () =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ extensions: persisted(sha256(query)) }),
      }).then((response) => response.json() as Promise<{ data?: unknown; errors?: { extensions: { code: string } }[] }>);
    expect((await hashOnly()).errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, extensions: persisted(sha256(query)) }),
    });
    expect(((await registered.json()) as { data: unknown }).data).toEqual({ role: { id: 'backend-developer', name: 'Backend Developer' } });
    expect((await hashOnly()).data).toEqual({ role: { id: 'backend-developer', name: 'Backend Developer' } });
  });

  it('over GET with Apollo Client’s persisted-query link: hashed GETs, a CDN-cacheable answer', async () => {
    const methods: string[] = [];
    const urls: string[] = [];
    const cacheControl: (string | null)[] = [];
    const apollo = new ApolloClient({
      link: new PersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(
        new HttpLink({
          uri: `${server.url}/graphql`,
          fetch: (input, init) => {
            methods.push(init?.method ?? 'GET');
            urls.push(String(input));
            return fetch(input, init).then((response) => {
              cacheControl.push(response.headers.get('cache-control'));
              return response;
            });
          },
        }),
      ),
      cache: new InMemoryCache(),
    });
    const query = gql`query PersistedRole { role(id: "frontend-developer") { id name } }`;
    const first = await apollo.query({ query, fetchPolicy: 'network-only' });
    const second = await apollo.query({ query, fetchPolicy: 'network-only' });
    expect(first.data).toEqual({ role: { __typename: 'Role', id: 'frontend-developer', name: 'Frontend Developer' } });
    expect(second.data).toEqual(first.data);
    // First: the hash alone (unknown), then the query with it; afterwards the hash alone is enough.
    expect(methods[0]).toBe('GET');
    expect(urls[urls.length - 1]).toContain('persistedQuery');
    expect(urls[urls.length - 1]).not.toContain('query=');
    expect(cacheControl[cacheControl.length - 1]).toBe('public, max-age=60');
  });
});

describe('Cache-Control and Vary', () => {
  it('lets an anonymous GET query without errors be cached for HTTP_CACHE_MAX_AGE', async () => {
    const response = await get({ query: QUERY });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('vary')?.toLowerCase()).toEqual(expect.stringContaining('accept'));
    expect(response.headers.get('vary')?.toLowerCase()).toEqual(expect.stringContaining('authorization'));
    expect(response.headers.get('vary')?.toLowerCase()).toEqual(expect.stringContaining('origin'));
  });

  it.each([
    ['with credentials', async () => get({ query: QUERY }, await bearer(['reader']))],
    ['with errors', async () => get({ query: '{ role(id: "NOT AN ID") { id } }' })],
    [
      'over POST',
      async () =>
        fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) }),
    ],
  ])('never lets an answer %s be stored', async (_case, send) => {
    expect((await send()).headers.get('cache-control')).toBe('no-store');
  });

  it('stores nothing while HTTP_CACHE_MAX_AGE is 0 (the default)', async () => {
    const uncached = await Harness.start();
    try {
      const response = await fetch(`${uncached.url}/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { accept: 'application/json' } });
      expect(response.headers.get('cache-control')).toBe('no-store');
    } finally {
      await uncached.stop();
    }
  });
});
