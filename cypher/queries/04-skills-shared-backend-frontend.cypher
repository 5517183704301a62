// Skills that the backend and the frontend developer both require (empty when they share none),
// next to the skills only one of them requires.
// Returns: each skill with which of the two roles require it.
MATCH (k:Skill)<-[:REQUIRES]-(r:Role)
WHERE r.id IN ['backend-developer', 'frontend-developer']
WITH k, collect(r.id) AS requiredBy
RETURN k.name AS skill, requiredBy, size(requiredBy) = 2 AS shared
ORDER BY shared DESC, skill;
