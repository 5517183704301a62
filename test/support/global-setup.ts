import { execFileSync } from 'node:child_process';
import { repoRoot } from '../../src/config';
import { defaultCypherDirs, prepareDatabase } from '../../src/graph/cypher-files';
import { Graph } from '../../src/graph/driver';
import { startLocalNeo4j, watchedStart } from '../../scripts/processes/local-neo4j';
import { localNeo4jConfig, TEST_BOLT_PORT, TEST_HOME, testConnection, wipeTestDatabase } from './env';

/** Set in the environment of a Jest run inside a test, whose project the outer run has already built. */
export const BUILT_BY_PARENT = 'KG_TEST_BUILT_BY_PARENT';

/**
 * Once per run: compile (the start-up test runs the built server), start Neo4j, reset it to the seed. Each
 * Jest project with database tests names this setup and Jest calls it once per project that runs, in one
 * process: the first call does the work.
 */
export default async function globalSetup(): Promise<void> {
  const state = globalThis as Record<string, unknown>;
  if (state.__TEST_DATABASE_READY__) return;
  state.__TEST_DATABASE_READY__ = true;
  const started = Date.now();
  // A Jest that a test runs (routing.test.ts) finds the project built by the run around it.
  if (!process.env[BUILT_BY_PARENT]) execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: repoRoot, stdio: 'inherit' });
  if (!process.env.NEO4J_URI) {
    const memory = { heap: process.env.NEO4J_HEAP || '768m', pageCache: process.env.NEO4J_PAGECACHE || '256m' };
    const local = await startLocalNeo4j(localNeo4jConfig(TEST_HOME, TEST_BOLT_PORT, memory), watchedStart(false, (line) => console.log(`[neo4j] ${line}`)));
    (globalThis as Record<string, unknown>).__LOCAL_NEO4J__ = local;
  }
  await wipeTestDatabase();
  const graph = Graph.open(testConnection());
  try {
    await prepareDatabase(graph, defaultCypherDirs(repoRoot), 'always');
  } finally {
    await graph.close();
  }
  console.log(`\nTest database ready at ${testConnection().uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
