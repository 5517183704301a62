// Every fact grouped by the source it cites: nodes that CITE a source, and relationships whose
// `source` property names it. Illustrative examples (origin "example") cite nothing and are not listed.
// Returns: one row per source with its cited nodes and relationships.
MATCH (s:Source)
CALL (s) {
  OPTIONAL MATCH (n)-[:CITES]->(s)
  RETURN collect(DISTINCT [l IN labels(n) WHERE l <> 'Node'][0] + ': ' + n.name) AS nodes
}
CALL (s) {
  OPTIONAL MATCH (a)-[r]->(b) WHERE r.source = s.id
  RETURN collect(a.name + ' -' + type(r) + '-> ' + b.name) AS relationships
}
RETURN s.id AS source, s.name AS name, size(nodes) AS nodeCount, size(relationships) AS relationshipCount, nodes, relationships
ORDER BY source;
