import { LocalNeo4j } from '../../scripts/processes/local-neo4j';

export default async function globalTeardown(): Promise<void> {
  // Called once per project that ran; the first call stops the Neo4j the setup started.
  const state = globalThis as Record<string, unknown>;
  const local = state.__LOCAL_NEO4J__ as LocalNeo4j | undefined;
  state.__LOCAL_NEO4J__ = undefined;
  await local?.stop();
}
