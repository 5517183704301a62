import { spawn } from 'node:child_process';
import neo4j from 'neo4j-driver';
import { repoRoot } from '../../src/config';
import { testConnection } from '../support/env';
import { BUILT_BY_PARENT } from '../support/global-setup';

/**
 * NEO4J_URI=neo4j://… (the routing driver a cluster needs) works as bolt:// does. A single Community server
 * answers the routing protocol, naming itself reader, writer and router; the read and write contract's own
 * test files run again over that URI, in a Jest of their own (which reseeds the same database).
 */
const CONTRACT = [
  'test/integration/queries.test.ts',
  'test/integration/mutations.test.ts',
  'test/integration/pagination.test.ts',
  'test/integration/connections.test.ts',
  'test/integration/docs-queries.test.ts',
];

const routingUri = () => testConnection().uri.replace(/^[a-z+]+:\/\//, 'neo4j://');

it('gets a routing table from the server: readers, writers and routers', async () => {
  const { user, password } = testConnection();
  const driver = neo4j.driver(routingUri(), neo4j.auth.basic(user, password));
  try {
    const { records } = await driver.executeQuery('CALL dbms.routing.getRoutingTable({}) YIELD servers RETURN servers');
    const roles = (records[0].get('servers') as { role: string; addresses: string[] }[]).map((server) => server.role).sort();
    expect(roles).toEqual(['READ', 'ROUTE', 'WRITE']);
  } finally {
    await driver.close();
  }
});

it('passes the read and write contract over neo4j://', async () => {
  const child = spawn(process.execPath, [require.resolve('jest/bin/jest'), '--ci', ...CONTRACT], {
    cwd: repoRoot,
    env: { ...process.env, NEO4J_URI: routingUri(), [BUILT_BY_PARENT]: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const tally = /Tests:\s+(.*) total/.exec(output)?.[1] ?? 'no tally';
  console.log(`over ${routingUri()}: ${tally}`);
  expect({ code, failed: /\d+ failed/.test(tally) }).toEqual({ code: 0, failed: false });
  expect(Number(/(\d+) passed/.exec(tally)?.[1])).toBeGreaterThan(50);
}, 240_000);
