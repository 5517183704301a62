// Generated from src/model/model.ts by `npm run schema`; do not edit by hand.
// Every name's sort key (src/model/sort-name.ts: the name without case and accents), which pages order by. The
// API and the importers set it as they write; this sets it on nodes written otherwise (the seed, analysts'
// Cypher) and mends one a later write of the name left stale. Run it after such writes; it changes nothing
// when every key is right. Batched, so a graph of millions of names fits in transaction memory (an
// auto-commit statement: cypher-shell and `npm run seed` run files that way).
MATCH (n:Node) WHERE n.name IS NOT NULL
CALL (n) {
  WITH n, reduce(folded = '', c IN split(normalize(toLower(n.name), NFD), '') | folded + CASE WHEN c >= '\u0300' AND c <= '\u036f' THEN '' ELSE c END) AS key
  WHERE n.sortName IS NULL OR n.sortName <> key
  SET n.sortName = key
} IN TRANSACTIONS OF 10000 ROWS;
