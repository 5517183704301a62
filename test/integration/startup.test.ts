import path from 'node:path';
import { repoRoot } from '../../src/config';
import { startLocalRedis, stopLocalRedis } from '../../scripts/processes/local-redis';
import { testConnection } from '../support/env';
import { BUILT_SERVER as MAIN, freePort, runBuiltServer as run, waitFor } from '../support/processes';

describe('npm start (the built server)', () => {
  it('serves the seeded graph from NEO4J_URI and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const { uri, password } = testConnection();
    const server = run({ NEO4J_URI: uri, NEO4J_PASSWORD: password, PORT: String(port) });
    try {
      await waitFor(() => server.output().includes('GraphQL API on'), 30_000);
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ role(id: "backend-developer") { salaries { amount } } }' }),
      });
      const body = (await response.json()) as { data: { role: { salaries: { amount: number }[] } } };
      expect(body.data.role.salaries.map((salary) => salary.amount).sort()).toEqual([55000, 95000]);
      const live = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(live.status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  });

  it('starts while the database is down: says so clearly, answers 503 and SERVICE_UNAVAILABLE quickly', async () => {
    const closed = await freePort();
    const port = await freePort();
    const server = run({ NEO4J_URI: `bolt://127.0.0.1:${closed}`, NEO4J_CONNECT_TIMEOUT_MS: '2000', PORT: String(port) });
    try {
      await waitFor(() => server.output().includes('Cannot reach Neo4j'), 30_000);
      expect(server.output()).toMatch(/Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:\d+ .*Serving anyway/);
      expect(server.output()).not.toMatch(/^\s+at /m);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable', reason: expect.any(String), sharedState: 'in-process' });
      const started = Date.now();
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ stats { nodes } }' }),
      });
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  });

  /** Starts the built server with `redisUrl`, which fails, and checks it serves with one log line and a degraded readiness. */
  async function servesWithoutRedis(redisUrl: string): Promise<void> {
    const port = await freePort();
    const { uri, password } = testConnection();
    const server = run({ NEO4J_URI: uri, NEO4J_PASSWORD: password, PORT: String(port), REDIS_URL: redisUrl, LOG_FORMAT: 'json' });
    try {
      await waitFor(() => server.output().includes('GraphQL API on'), 30_000);
      await waitFor(() => server.output().includes('Redis:'), 10_000);
      expect(server.output().match(/Redis: the \w+ connection failed; falling back to this instance/g)).toHaveLength(1);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 200, body: { status: 'ok', sharedState: 'degraded', modelViolations: 0, changeFeed: 'api' } });
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ role(id: "backend-developer") { name } }' }),
      });
      expect(await response.json()).toEqual(expect.objectContaining({ data: { role: { name: 'Backend Developer' } } }));
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  }

  it('starts while REDIS_URL names a Redis that does not answer: one clear line, ready but degraded, and it serves', async () => {
    await servesWithoutRedis(`redis://127.0.0.1:${await freePort()}`);
  });

  it('starts the same way when Redis refuses the password', async () => {
    const home = path.join(repoRoot, '.redis', `startup-${process.pid}`);
    const redis = await startLocalRedis({ home, port: await freePort(), password: 'the-right-password', maxMemory: '16mb' });
    try {
      await servesWithoutRedis(redis.url.replace('the-right-password', 'a-wrong-password'));
    } finally {
      await stopLocalRedis(home);
    }
  });

  it('refuses a bad setting with one clear line', async () => {
    const server = run({ PORT: 'eighty' });
    expect(await server.exited).toBe(1);
    expect(server.output().trim()).toBe('Cannot start: PORT must be an integer from 0 to 65535, got "eighty"');
  });

  describe('the start banner', () => {
    const BANNER_ROWS = ['IDE', 'Explorer', 'Metrics', 'Health', 'Neo4j', 'Graph', 'Auth', 'Stop'];

    async function bannerOf(env: Record<string, string | undefined>, command?: string[]): Promise<string> {
      const port = await freePort();
      const { uri, password } = testConnection();
      const server = run({ NEO4J_URI: uri, NEO4J_PASSWORD: password, PORT: String(port), JWT_SECRET: undefined, ...env }, command);
      try {
        await waitFor(() => /\n\s+Stop\s+Ctrl\+C/.test(server.output()) || server.output().includes('"stop":'), 30_000);
        return server.output().replace(/\r/g, '');
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    }

    it('names every URL, the Neo4j, the graph, the auth mode and how to stop, on one screen', async () => {
      const output = await bannerOf({ LOG_FORMAT: 'pretty' });
      const banner = output.slice(output.indexOf('GraphQL API on'));
      const origin = /GraphQL API on (http:\/\/127\.0\.0\.1:\d+)\/graphql/.exec(banner)![1];
      const rows = Object.fromEntries(
        banner
          .split('\n')
          .slice(1, 1 + BANNER_ROWS.length)
          .map((line) => /^ {2}(\w+)\s+(.*)$/.exec(line)!.slice(1, 3)),
      );
      expect(Object.keys(rows)).toEqual(BANNER_ROWS);
      expect(rows.IDE).toBe(`${origin}/`);
      expect(rows.Explorer).toBe(`${origin}/explorer`);
      expect(rows.Metrics).toBe(`${origin}/metrics`);
      expect(rows.Health).toBe(`${origin}/health/live  ${origin}/health/ready`);
      expect(rows.Neo4j).toBe(testConnection().uri);
      expect(rows.Graph).toMatch(/^\d+ nodes, \d+ relationships$/);
      expect(rows.Auth).toContain('writes disabled');
      expect(rows.Auth).toContain('npm run token -- --role editor');
      expect(rows.Stop).toBe('Ctrl+C (or SIGTERM)');
      expect(output).not.toContain('{"level"');
      expect(output.split('\n').length).toBeLessThan(25);
    });

    it('names HS256 and the token command when JWT_SECRET is set', async () => {
      const output = await bannerOf({ LOG_FORMAT: 'pretty', JWT_SECRET: 'a-development-secret-of-32-characters-or-more' });
      expect(output).toMatch(/\n {2}Auth\s+HS256 tokens verified with JWT_SECRET; a development token: npm run token -- --role editor\n/);
    });

    it('is pretty on a terminal without LOG_FORMAT, and JSON lines when stdout is a pipe', async () => {
      const onTerminal = await bannerOf({ LOG_FORMAT: undefined }, ['script', '-qec', `${process.execPath} ${MAIN}`, '/dev/null']);
      expect(onTerminal).toMatch(/\n {2}Explorer\s+http:\/\/127\.0\.0\.1:\d+\/explorer\n/);
      expect(onTerminal).not.toContain('{"level"');

      const piped = await bannerOf({ LOG_FORMAT: undefined });
      const lines = piped
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, string>);
      expect(lines.map((line) => line.msg)).toContain('Neo4j is ready.');
      const banner = lines.find((line) => line.msg?.startsWith('GraphQL API on'))!;
      expect(banner).toEqual(expect.objectContaining({ ide: expect.stringMatching(/\/$/), explorer: expect.stringMatching(/\/explorer$/), stop: 'Ctrl+C (or SIGTERM)' }));
    });
  });
});
