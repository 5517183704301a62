// The skills two roles require, directly or through the standard occupations they map to (MAPS_TO, from
// the ESCO import's crosswalk), with the level each needs: the skills essential to both come first.
// Change the two ids to compare other roles (a standard occupation's id works too).
// Returns: each skill, the levels the first and the second role require it at, and whether it is essential to both.
MATCH (first:Role {id: 'backend-developer'}), (second:Role {id: 'frontend-developer'})
CALL (first) {
  MATCH (first)-[:MAPS_TO*0..1]->(:Role)-[q:REQUIRES]->(k:Skill)
  RETURN k, collect(DISTINCT q.level) AS firstLevels
}
OPTIONAL MATCH (second)-[:MAPS_TO*0..1]->(:Role)-[q:REQUIRES]->(k)
WITH k, firstLevels, collect(DISTINCT q.level) AS secondLevels
RETURN k.name AS skill, k.skillType AS skillType, firstLevels, secondLevels,
       'ESSENTIAL' IN firstLevels AND 'ESSENTIAL' IN secondLevels AS essentialToBoth
ORDER BY essentialToBoth DESC, size(secondLevels) > 0 DESC, skill;
