import 'reflect-metadata';
import { graphConnection, readConfig } from '../src/config';
import { Graph } from '../src/graph/driver';
import { nodeValidity } from '../src/graph/validity';
import { auditGraph } from '../src/model/model-audit';
import { modelRules } from '../src/model/model-rules';
import { buildGraphSchema, TYPE_SPECS } from '../src/schema';

/**
 * `npm run graph:check`: lists every node and relationship of NEO4J_URI's graph (default: the local Neo4j's
 * port) that breaks the model, each with the Cypher that fixes or removes it; exits 1 when there is any.
 * Run it after a Cypher script: the API leaves such nodes out of every list until they are mended.
 */
async function check(): Promise<number> {
  const connection = graphConnection(readConfig());
  const graph = Graph.open(connection);
  try {
    const schema = buildGraphSchema();
    const audit = await auditGraph(graph, modelRules(schema, TYPE_SPECS), nodeValidity(schema, TYPE_SPECS));
    for (const finding of audit.findings) {
      console.log(`${finding.subject}: ${finding.problems.join('; ')}`);
      if (finding.fix) console.log(`  fix:    ${finding.fix};`);
      console.log(`  remove: ${finding.remove};`);
    }
    const listed = audit.findings.length < audit.count ? ` (${audit.findings.length} listed)` : '';
    console.log(audit.count ? `${audit.count} nodes or relationships at ${connection.uri} break the model${listed}.` : `The graph at ${connection.uri} keeps the model.`);
    return audit.count ? 1 : 0;
  } finally {
    await graph.close();
  }
}

check().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`graph:check failed: ${error.message}`);
    process.exit(2);
  },
);
