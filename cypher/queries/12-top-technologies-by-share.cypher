// The technologies a role uses directly, by the share of its survey respondents who worked with them
// (USES.share, from the Stack Overflow survey import); uses without a share (the seed's) come last.
// Change the role id to look at another role.
// Returns: up to 25 technologies with their kind, share and the source of the relationship.
MATCH (:Role {id: 'backend-developer'})-[u:USES]->(t:Technology)
RETURN t.name AS technology, t.kind AS kind, u.share AS share, u.source AS source
ORDER BY u.share IS NULL, u.share DESC, technology
LIMIT 25;
