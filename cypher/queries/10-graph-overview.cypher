// An overview of the graph: nodes per label and relationships per type.
// Returns: kind (label or relationship), name and count.
CALL () {
  MATCH (n) UNWIND [l IN labels(n) WHERE l <> 'Node'] AS label
  RETURN 'label' AS kind, label AS name, count(*) AS count
  UNION ALL
  MATCH ()-[r]->()
  RETURN 'relationship' AS kind, type(r) AS name, count(*) AS count
}
RETURN kind, name, count
ORDER BY kind, count DESC, name;
