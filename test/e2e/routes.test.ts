import { readExampleOperations } from '../../src/http/examples';
import { EXPLORER_POLICY, IDE_POLICY } from '../../src/http/browser-pages';
import { Harness } from '../support/harness';

/** What a browser sends when it navigates to a page. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

let server: Harness;
beforeAll(async () => {
  server = await Harness.start();
});
afterAll(() => server.stop());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

describe('the IDE page', () => {
  it.each(['/', '/graphql'])('is what a browser gets at %s, under a self-only Content-Security-Policy', async (path) => {
    const response = await get(path, { accept: BROWSER_ACCEPT });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(IDE_POLICY);
    expect(await response.text()).toContain('<script src="/ide/assets/graphiql.min.js"></script>');
  });

  it('lets operations through to Apollo: a GET with a query, a POST, and a client that prefers JSON', async () => {
    const withQuery = await get('/graphql?query=%7Bstats%7Bnodes%7D%7D', {
      accept: 'text/html,application/json;q=0.9',
      'apollo-require-preflight': 'true',
    });
    expect(await withQuery.json()).toMatchObject({ data: { stats: { nodes: expect.any(Number) } } });

    const post = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { accept: BROWSER_ACCEPT, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { nodes } }' }),
    });
    expect((await post.json()).data.stats.nodes).toBeGreaterThan(0);

    const json = await get('/graphql', { accept: 'application/json' });
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(json.status).toBe(400);
  });

  it('serves the example operations of docs/queries', async () => {
    expect(await (await get('/ide/examples.json')).json()).toEqual(await readExampleOperations());
  });
});

describe('the explorer page and the assets', () => {
  it('serves the explorer under its own policy', async () => {
    const response = await get('/explorer');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(EXPLORER_POLICY);
    expect(await response.text()).toContain('<script src="/explorer/assets/cytoscape.min.js"></script>');
  });

  it.each([
    ['/ide/assets/graphiql.min.js', 'text/javascript'],
    ['/ide/assets/graphiql.min.css', 'text/css'],
    ['/ide/assets/react.production.min.js', 'text/javascript'],
    ['/explorer/assets/cytoscape.min.js', 'text/javascript'],
    ['/explorer/assets/explorer.css', 'text/css'],
  ])('serves %s', async (path, type) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
  });

  it.each(['/ide/assets/constructor', '/ide/assets/..%2F..%2Fpackage.json', '/explorer/assets/index.html', '/ide/assets/'])(
    'serves nothing else: %s is not found',
    async (path) => {
      expect((await get(path)).status).toBe(404);
    },
  );
});

describe('request ids (logging off, as in these tests)', () => {
  it('echoes a sane X-Request-Id and gives any other request a fresh one', async () => {
    expect((await get('/health/live', { 'x-request-id': 'trace-me-2' })).headers.get('x-request-id')).toBe('trace-me-2');
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect((await get('/health/live', { 'x-request-id': 'not sane; <script>' })).headers.get('x-request-id')).toMatch(uuid);
    const [first, second] = await Promise.all([get('/health/live'), get('/health/live')]);
    expect(first.headers.get('x-request-id')).toMatch(uuid);
    expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
  });
});
