// Every fact grouped by the source it cites: nodes that CITE a source, and relationships whose `source`
// property names it, for the seed's sources and every imported dataset (ESCO, O*NET, the survey), with the
// dataset's version, licence and whether its import completed. Illustrative examples (origin "example")
// cite nothing and are not listed. A dataset cites thousands of facts: the lists show the first 25.
// Returns: one row per source with its counts and examples of its nodes and relationships.
MATCH (s:Source)
CALL (s) {
  OPTIONAL MATCH (n)-[:CITES]->(s)
  WITH [l IN labels(n) WHERE l <> 'Node'][0] + ': ' + n.name AS node
  RETURN count(node) AS nodeCount, collect(node)[0..25] AS nodes
}
CALL (s) {
  OPTIONAL MATCH (a)-[r]->(b) WHERE r.source = s.id
  WITH a.name + ' -' + type(r) + '-> ' + b.name AS relationship
  RETURN count(relationship) AS relationshipCount, collect(relationship)[0..25] AS relationships
}
RETURN s.id AS source, s.name AS name, s.origin AS origin, s.version AS version, s.licence AS licence,
       s.complete AS complete, nodeCount, relationshipCount, nodes, relationships
ORDER BY source;
