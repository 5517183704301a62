import { readConfig, repoRoot } from '../src/config';
import { cypherFiles, defaultCypherDirs, runCypherFiles } from '../src/graph/cypher-files';
import { Graph } from '../src/graph/driver';

/** `npm run seed`: applies cypher/schema then cypher/seed to NEO4J_URI (default: the local Neo4j's port). */
async function seed(): Promise<void> {
  const config = readConfig();
  const uri = config.neo4jUri ?? `bolt://127.0.0.1:${config.local.boltPort}`;
  const graph = Graph.open({ ...config, uri, user: config.neo4jUser, password: config.neo4jPassword, database: config.neo4jDatabase });
  try {
    const dirs = defaultCypherDirs(repoRoot);
    for (const dir of [dirs.schema, dirs.seed]) {
      for (const report of await runCypherFiles(graph, cypherFiles(dir))) {
        const changed = Object.entries(report.counters).filter(([, count]) => count > 0);
        console.log(`${report.file} #${report.statement}: ${changed.map(([name, count]) => `${name}=${count}`).join(' ') || 'no changes'}`);
      }
    }
    const [counts] = await graph.read('RETURN COUNT { () } AS nodes, COUNT { ()-[]->() } AS relationships');
    console.log(`Graph at ${uri}: ${counts.nodes} nodes, ${counts.relationships} relationships`);
  } finally {
    await graph.close();
  }
}

seed().catch((error: Error) => {
  console.error(`Seeding failed: ${error.message}`);
  process.exit(1);
});
