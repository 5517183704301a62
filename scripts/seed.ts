import path from 'node:path';
import { graphConnection, readConfig, repoRoot } from '../src/config';
import { SORT_NAMES_FILE } from '../src/model/schema-cypher';
import { applySchema, cypherFiles, defaultCypherDirs, describeCounters, graphCounts, runCypherFiles, StatementReport } from '../src/graph/cypher-files';
import { Graph } from '../src/graph/driver';

/** `npm run seed`: applies cypher/schema then cypher/seed to NEO4J_URI (default: the local Neo4j's port). */
async function seed(): Promise<void> {
  const config = readConfig();
  const connection = graphConnection(config);
  const graph = Graph.open(connection);
  try {
    const dirs = defaultCypherDirs(repoRoot);
    const report = (statement: StatementReport) => console.log(`${statement.file} #${statement.statement}: ${describeCounters(statement.counters)}`);
    await applySchema(graph, dirs.schema, report);
    // The seed's names get their sort keys from cypher/schema's back-fill, run again after it.
    await runCypherFiles(graph, [...cypherFiles(dirs.seed), path.join(dirs.schema, SORT_NAMES_FILE)], report);
    const counts = await graphCounts(graph);
    console.log(`Graph at ${connection.uri}: ${counts.nodes} nodes, ${counts.relationships} relationships`);
  } finally {
    await graph.close();
  }
}

seed().catch((error: Error) => {
  console.error(`Seeding failed: ${error.message}`);
  process.exit(1);
});
