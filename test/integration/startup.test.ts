import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { repoRoot } from '../../src/config';
import { testConnection } from '../support/env';

const MAIN = path.join(repoRoot, 'dist', 'src', 'main.js');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(env: Record<string, string>): Run {
  // NODE_ENV as `npm start` has it, not Jest's `test` (Apollo, for one, handles signals differently under test).
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, NODE_ENV: 'development', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

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
      expect(await ready.json()).toEqual({ status: 'unavailable', reason: expect.any(String) });
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

  it('refuses a bad setting with one clear line', async () => {
    const server = run({ PORT: 'eighty' });
    expect(await server.exited).toBe(1);
    expect(server.output().trim()).toBe('Cannot start: PORT must be an integer from 0 to 65535, got "eighty"');
  });
});
