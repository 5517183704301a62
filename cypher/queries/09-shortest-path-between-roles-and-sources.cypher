// How far each role is from each source: the length of the shortest path over any relationship,
// ignoring direction (at most 6 hops), and the node names along it.
// Returns: role, source, hops and the path.
MATCH (r:Role), (s:Source)
MATCH p = SHORTEST 1 (r)-[]-{1,6}(s)
RETURN r.name AS role, s.name AS source, length(p) AS hops, [n IN nodes(p) | n.name] AS path
ORDER BY role, hops, source;
