import path from 'node:path';
import { graphConnection, readConfig } from '../src/config';
import { describeCounters, runCypherFiles } from '../src/graph/cypher-files';
import { Graph } from '../src/graph/driver';

const SHOWN_ROWS = 50;

/**
 * `npm run cypher -- FILE [FILE ...]`: runs cypher-shell style scripts against NEO4J_URI (default: the
 * local Neo4j's port) for analysts without cypher-shell, printing each statement's rows and counters.
 */
async function main(files: string[]): Promise<void> {
  if (files.length === 0) throw new Error('usage: npm run cypher -- FILE [FILE ...]');
  const config = readConfig();
  const graph = Graph.open(graphConnection(config));
  try {
    await runCypherFiles(graph, files.map((file) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file)), (report) => {
      console.log(`-- ${report.file}, statement ${report.statement}: ${report.rows.length} row(s); ${describeCounters(report.counters)}`);
      for (const row of report.rows.slice(0, SHOWN_ROWS)) console.log(JSON.stringify(row));
      if (report.rows.length > SHOWN_ROWS) console.log(`… ${report.rows.length - SHOWN_ROWS} more row(s)`);
    });
  } finally {
    await graph.close();
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(`Cypher script failed: ${error.message}`);
  process.exit(1);
});
