import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../src/config';
import { TEST_BOLT_PORT, TEST_HOME } from '../support/env';
import { freePort, waitFor } from '../support/processes';

/**
 * `npm run dev` (the built script): a change to a source file restarts the server, against the same Neo4j.
 * It runs in a copy of the project (node_modules linked), so the test never edits a tracked file.
 */
const COPIED = ['src', 'scripts', 'bench', 'cypher', 'docs', 'dist', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'schema.graphql'];

function projectCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-dev-'));
  for (const entry of COPIED) fs.cpSync(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

jest.setTimeout(180_000);

const localOnly = process.env.NEO4J_URI ? it.skip : it;

localOnly('restarts the server on a source change and keeps the Neo4j running', async () => {
  const port = await freePort();
  const project = projectCopy();
  /** A file the server loads; the test appends a comment to it. */
  const source = path.join(project, 'src', 'http', 'banner.ts');
  const original = fs.readFileSync(source, 'utf8');
  const dev = spawn(process.execPath, [path.join(project, 'dist', 'scripts', 'dev.js')], {
    env: { ...process.env, NODE_ENV: 'development', NEO4J_HOME: TEST_HOME, NEO4J_BOLT_PORT: String(TEST_BOLT_PORT), PORT: String(port), LOG_FORMAT: 'json' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  dev.stdout.on('data', (chunk) => (output += chunk));
  dev.stderr.on('data', (chunk) => (output += chunk));
  const banners = () => output.split('GraphQL API on').length - 1;
  const neo4jPid = () => fs.readFileSync(path.join(TEST_HOME, 'neo4j.pid'), 'utf8').trim();
  const pidBefore = neo4jPid();
  try {
    await waitFor(() => banners() === 1, 90_000);
    const answer = async () =>
      (await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ role(id: "backend-developer") { id } }' }),
      }).then((response) => response.json())) as { data: unknown };
    expect((await answer()).data).toEqual({ role: { id: 'backend-developer' } });

    fs.writeFileSync(source, `${original}\n// changed by test/integration/dev.test.ts\n`);
    await waitFor(() => banners() === 2, 60_000);
    expect(output).toContain(`against bolt://127.0.0.1:${TEST_BOLT_PORT}`);
    expect((await answer()).data).toEqual({ role: { id: 'backend-developer' } });
    expect(neo4jPid()).toBe(pidBefore);
  } finally {
    process.kill(dev.pid!, 'SIGTERM');
    await new Promise((resolve) => dev.once('exit', resolve));
    // Nothing of dev's outlives it, and the Neo4j it did not start is still there.
    await waitFor(() => {
      try {
        process.kill(-dev.pid!, 0);
        return false;
      } catch {
        return true;
      }
    }, 30_000);
    expect(neo4jPid()).toBe(pidBefore);
    fs.rmSync(project, { recursive: true, force: true });
  }
});
