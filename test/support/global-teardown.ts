import { LocalNeo4j } from '../../scripts/processes/local-neo4j';

export default async function globalTeardown(): Promise<void> {
  const local = (globalThis as Record<string, unknown>).__LOCAL_NEO4J__ as LocalNeo4j | undefined;
  await local?.stop();
}
