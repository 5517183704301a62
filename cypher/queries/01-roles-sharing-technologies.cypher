// Roles that share the most technologies (used directly or through a responsibility), most shared first.
// Returns: one row per pair of roles, with the shared technology names.
MATCH (a:Role), (b:Role)
WHERE a.id < b.id
CALL (a, b) {
  MATCH (a)-[:USES|HAS_RESPONSIBILITY|INVOLVES*1..2]->(t:Technology)<-[:USES|HAS_RESPONSIBILITY|INVOLVES*1..2]-(b)
  RETURN collect(DISTINCT t.name) AS shared
}
WITH a, b, shared WHERE size(shared) > 0
RETURN a.name AS role, b.name AS otherRole, size(shared) AS sharedTechnologies, shared
ORDER BY sharedTechnologies DESC, role, otherRole;
