// Who collaborates with whom and why (collaboration has no direction), with each role's team.
// Returns: the two roles, the reason, and the teams they share.
MATCH (a:Role)-[c:COLLABORATES_WITH]-(b:Role)
WHERE a.id < b.id
OPTIONAL MATCH (a)-[:MEMBER_OF]->(t:Team)<-[:MEMBER_OF]-(b)
RETURN a.name AS role, b.name AS collaborator, c.reason AS reason, collect(t.name) AS sharedTeams
ORDER BY role, collaborator;
