import { CypherText } from '../../graph/db';
import { NEO4J_LABEL } from '../node/node.type';

/** Node and relationship counts, and the nodes of each label: one row, from Neo4j's count store. */
export function graphStats(): CypherText {
  const byLabel = Object.entries(NEO4J_LABEL)
    .map(([label, neo4jLabel]) => `{label: '${label}', count: COUNT { (:${neo4jLabel}) }}`)
    .join(', ');
  return () => `RETURN COUNT { (:Node) } AS nodes, COUNT { ()-[]->() } AS relationships, [${byLabel}] AS byLabel`;
}
