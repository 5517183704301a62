/**
 * How names sort and match: without case and accents. A node's `sortName` is its `name` decomposed (NFD),
 * without combining marks (U+0300–U+036F) and lower-cased, so "Éclairagiste" sorts among the e's and ESCO's
 * "web developer" beside O*NET's "Web Developers"; other characters (digits, punctuation, other scripts) keep
 * their code point order. Pages order by (sortName, name, id): the exact name, then the id, break ties.
 *
 * The key is computed in Cypher by every writer of a name (`sortNameStamp`: the API, the importers, the
 * synthetic generator) and set on the rest (the seed, analysts' Cypher) by cypher/schema's back-fill, which
 * `npm start`, `npm run seed` and `npm run import` apply; `foldName` is the same fold in TypeScript.
 */

export const SORT_NAME = 'sortName';

/** Cypher expression: the sort key of the name expression `name` (null for a null name). */
export function sortNameOf(name: string): string {
  return `reduce(folded = '', c IN split(normalize(toLower(${name}), NFD), '') | folded + CASE WHEN c >= '\\u0300' AND c <= '\\u036f' THEN '' ELSE c END)`;
}

/** Cypher SET item: node variable `node`'s sort key, from its current name. Every write that sets a name ends with it. */
export function sortNameStamp(node: string): string {
  return `${node}.${SORT_NAME} = ${sortNameOf(`${node}.name`)}`;
}

/** The same fold in TypeScript. */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
