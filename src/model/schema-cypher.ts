import { MODEL } from './model';
import { SORT_NAME, sortNameOf } from './sort-name';

/**
 * cypher/schema, derived from the model: the files analysts read and run (cypher-shell, `npm run seed`) are
 * written from here by `npm run schema` and checked in; test/unit/model.test.ts fails when they are stale.
 */

/** The change log's labels (written by the database's change capture, read by src/graph/change-feed.ts). */
export const CHANGE_LOG = 'ChangeLog';
export const CHANGE_LOG_SEQUENCE = 'ChangeLogSequence';

const snake = (label: string) => label.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

const GENERATED = '// Generated from src/model/model.ts by `npm run schema`; do not edit by hand.';

function constraints(): string {
  const lines = MODEL.nodeTypes.map(({ label }) => `CREATE CONSTRAINT ${snake(label)}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE;`);
  return `${GENERATED}
// Identity: every node carries its domain label plus the shared label Node, and its \`id\` (the kebab-case
// slug of its name) is unique per label and across the whole graph, so \`node(id:)\`, \`path\` and
// \`neighborhood\` can find any node through one index.
CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;
${lines.join('\n')}

// The change log (scripts/neo4j, kg/changes: one entry per transaction that changes the model, whoever sent it),
// which \`graphChanged\` reads in seq order. The sequence node exists before any writer, so that concurrent
// first writes do not each create one.
CREATE CONSTRAINT change_log_seq IF NOT EXISTS FOR (c:${CHANGE_LOG}) REQUIRE c.seq IS UNIQUE;
CREATE CONSTRAINT change_log_sequence_name IF NOT EXISTS FOR (s:${CHANGE_LOG_SEQUENCE}) REQUIRE s.name IS UNIQUE;
MERGE (:${CHANGE_LOG_SEQUENCE} {name: 'changes'});
`;
}

/** The full-text index behind `search`: every domain label, by name and the properties the model calls searchable. */
export function searchIndex(): { name: string; labels: string[]; properties: string[]; analyzer: string } {
  return {
    name: 'node_search',
    // Lower-cases and folds accents (Lucene's ASCIIFoldingFilter), as sortName does: "developpeur" finds "développeur".
    analyzer: 'standard-folding',
    labels: MODEL.nodeTypes.map(({ label }) => label),
    properties: [...new Set(['name', ...MODEL.nodeTypes.flatMap(({ searchable = [] }) => searchable)])],
  };
}

function indexes(): string {
  const index = (label: string, properties: string[]) =>
    `CREATE INDEX ${snake(label)}_${properties.join('_')} IF NOT EXISTS FOR (n:${label}) ON (${properties.map((property) => `n.${property}`).join(', ')});`;
  const keyset = MODEL.nodeTypes.map(({ label }) => index(label, [SORT_NAME, 'name', 'id']));
  const declared = MODEL.nodeTypes.flatMap(({ label, indexes = [] }) => indexes.map((properties) => index(label, properties)));
  const search = searchIndex();
  return `${GENERATED}
// Keyset pagination orders by (sortName, name, id) (src/model/sort-name.ts): composite range indexes serve both
// the order and the seek.
${keyset.join('\n')}
// Filters the model declares (a technology's kind, a salary's currency, country and year).
${declared.join('\n')}

// Full-text index behind the \`search\` query: names and descriptive text of every domain label.
// \`npm start\`, \`npm run seed\` and \`npm run import\` drop it first when it indexes other labels, properties
// or analyzer (an older model's). With cypher-shell, run \`DROP INDEX ${search.name} IF EXISTS\` first after such a change.
CREATE FULLTEXT INDEX ${search.name} IF NOT EXISTS
FOR (n:${search.labels.join('|')})
ON EACH [${search.properties.map((property) => `n.${property}`).join(', ')}]
OPTIONS { indexConfig: { \`fulltext.analyzer\`: '${search.analyzer}' } };

// Wait until every index is online, so a seed or query that follows can use them.
CALL db.awaitIndexes(300);
`;
}

/** The file of cypher/schema that sets every name's sort key; run again after a seed (prepareDatabase does). */
export const SORT_NAMES_FILE = '003-sort-names.cypher';

function sortNames(): string {
  return `${GENERATED}
// Every name's sort key (src/model/sort-name.ts: the name without case and accents), which pages order by. The
// API and the importers set it as they write; this sets it on nodes written otherwise (the seed, analysts'
// Cypher) and mends one a later write of the name left stale. Run it after such writes; it changes nothing
// when every key is right. Batched, so a graph of millions of names fits in transaction memory (an
// auto-commit statement: cypher-shell and \`npm run seed\` run files that way).
MATCH (n:Node) WHERE n.name IS NOT NULL
CALL (n) {
  WITH n, ${sortNameOf('n.name')} AS key
  WHERE n.${SORT_NAME} IS NULL OR n.${SORT_NAME} <> key
  SET n.${SORT_NAME} = key
} IN TRANSACTIONS OF 10000 ROWS;
`;
}

/** The files of cypher/schema, by name. */
export function schemaCypherFiles(): Record<string, string> {
  return { '001-constraints.cypher': constraints(), '002-indexes.cypher': indexes(), [SORT_NAMES_FILE]: sortNames() };
}
