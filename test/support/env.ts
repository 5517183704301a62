import path from 'node:path';
import neo4j from 'neo4j-driver';
import { graphConnection, readConfig, repoRoot } from '../../src/config';
import { LocalNeo4jConfig } from '../../scripts/processes/local-neo4j';

/** Where the test database lives: NEO4J_URI when set (it is wiped!), else a local Neo4j on its own port. */
export const TEST_BOLT_PORT = Number(process.env.NEO4J_TEST_BOLT_PORT || 7697);
/** One home per port, so runs on different ports (e.g. parallel checkouts) never share a database. */
export const TEST_HOME = path.join(repoRoot, '.neo4j', `test-${TEST_BOLT_PORT}`);

export function testConnection() {
  return graphConnection(readConfig(), process.env.NEO4J_URI || `bolt://127.0.0.1:${TEST_BOLT_PORT}`);
}

/** The server's own settings (password included) for a local Neo4j of the tests': its folder, port and memory. */
export function localNeo4jConfig(home: string, port: number, memory: { heap: string; pageCache: string }): LocalNeo4jConfig {
  return readConfig({
    ...process.env,
    NEO4J_HOME: home,
    NEO4J_BOLT_PORT: String(port),
    NEO4J_HEAP: memory.heap,
    NEO4J_PAGECACHE: memory.pageCache,
  });
}

/**
 * Deletes every node of the test database in transactions of 5,000 (CALL … IN TRANSACTIONS needs
 * an auto-commit transaction), so that even a synthetic graph left by an interrupted run fits in memory.
 */
export async function wipeTestDatabase(): Promise<void> {
  const connection = testConnection();
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password));
  const session = driver.session({ database: connection.database });
  try {
    // Relationships first: a batch of dense nodes' relationships would not fit.
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 5000 ROWS');
    await session.run('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
}
