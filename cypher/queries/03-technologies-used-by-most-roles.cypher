// Technologies used by the most roles, directly or through one of their responsibilities.
// Returns: technology, kind, how many roles use it and which.
MATCH (t:Technology)
CALL (t) {
  MATCH (t)<-[:USES]-(r:Role) RETURN r
  UNION
  MATCH (t)<-[:INVOLVES]-(:Responsibility)<-[:HAS_RESPONSIBILITY]-(r:Role) RETURN r
}
WITH t, collect(r.name) AS roles
RETURN t.name AS technology, t.kind AS kind, size(roles) AS roleCount, roles
ORDER BY roleCount DESC, technology
LIMIT 25;
