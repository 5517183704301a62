import { Client, fetchExchange, gql } from '@urql/core';
import { readConfig } from '../../src/config';
import { Harness } from '../support/harness';

/** Browsers on other origins: CORS for the listed origins only, and clients' defaults (urql's GET) work. */
const PREFLIGHT_HEADERS = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization,x-request-id' };

describe('outside production', () => {
  let server: Harness;
  beforeAll(async () => {
    server = await Harness.start();
  });
  afterAll(() => server.stop());

  const preflight = (origin: string) => fetch(`${server.url}/graphql`, { method: 'OPTIONS', headers: { origin, ...PREFLIGHT_HEADERS } });

  it('answers a front-end dev server’s preflight with 204 and what it may send', async () => {
    const response = await preflight('http://localhost:5173');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-headers')?.split(',')).toEqual(
      expect.arrayContaining(['content-type', 'authorization', 'x-request-id', 'apollo-require-preflight']),
    );
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(response.headers.get('vary')).toMatch(/origin/i);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it.each(['https://evil.example', 'http://localhost.evil.example', 'http://localhost:5173.evil.example', 'http://127.0.0.1.nip.io:4000', 'null'])(
    'gives %s no CORS header, on preflight or request',
    async (origin) => {
      const answer = await preflight(origin);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ stats { nodes } }' }),
      });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    },
  );

  it('lets an allowed page read the answer and the headers it needs', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { origin: 'http://127.0.0.1:4199', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ role(id: "backend-developer") { id } }' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4199');
    expect(response.headers.get('access-control-expose-headers')).toBe('retry-after,x-request-id,x-trusted-documents');
    expect(((await response.json()) as { data: unknown }).data).toEqual({ role: { id: 'backend-developer' } });
  });

  it('answers urql with its defaults (queries over GET, no preflight-forcing header)', async () => {
    const methods: string[] = [];
    const client = new Client({
      url: `${server.url}/graphql`,
      exchanges: [fetchExchange],
      fetch: (input, init) => {
        methods.push(init?.method ?? 'GET');
        return fetch(input, init);
      },
    });
    const result = await client.query(gql`{ role(id: "backend-developer") { id name } }`, {}).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ role: { id: 'backend-developer', name: 'Backend Developer' } });
    expect(methods).toEqual(['GET']);
  });

  it('refuses a mutation over GET with 405, and changes nothing', async () => {
    const query = encodeURIComponent('mutation { deleteNode(id: "backend-developer") }');
    const response = await fetch(`${server.url}/graphql?query=${query}`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(405);
    expect(await server.data('{ role(id: "backend-developer") { id } }')).toEqual({ role: { id: 'backend-developer' } });
  });
});

describe('in production', () => {
  let server: Harness;
  beforeAll(async () => {
    server = await Harness.start({ production: true, cors: { origins: ['https://app.example.com'] } });
  });
  afterAll(() => server.stop());

  it.each([
    ['https://app.example.com', 'https://app.example.com'],
    ['http://localhost:5173', null],
    ['https://app.example.com.evil.example', null],
  ])('allows only the listed origins: %s', async (origin, allowed) => {
    const response = await fetch(`${server.url}/graphql`, { method: 'OPTIONS', headers: { origin, ...PREFLIGHT_HEADERS } });
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
  });
});

describe('CORS_ORIGINS', () => {
  it('takes exact origins and refuses anything else with one clear line', () => {
    expect(readConfig({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).cors.origins).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
    for (const bad of ['*', 'https://app.example.com/', 'app.example.com', 'https://*.example.com', 'ftp://files.example.com']) {
      expect(() => readConfig({ CORS_ORIGINS: bad })).toThrow(/^CORS_ORIGINS must list origins like https:\/\/app\.example\.com/);
    }
  });
});
