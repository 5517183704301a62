// What each role is responsible for, and the technologies each responsibility involves.
// Returns: role, responsibility, its description and technologies (with their kind).
MATCH (r:Role)-[:HAS_RESPONSIBILITY]->(x:Responsibility)
OPTIONAL MATCH (x)-[:INVOLVES]->(t:Technology)
RETURN r.name AS role, x.name AS responsibility, x.description AS description,
       collect(t.name + ' (' + t.kind + ')') AS technologies
ORDER BY role, responsibility;
