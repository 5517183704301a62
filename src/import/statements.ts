import { arrow, createdStamp, nodeStamp } from '../model/cypher';
import { sortNameStamp } from '../model/sort-name';
import { cites, MODEL, RelationshipDeclaration } from '../model/model';

/**
 * The Cypher of every import write. Each statement takes a batch as `$rows` (plus `$source`, the id of the
 * import's Source node, and `$origin`) and returns what it changed, so the summary reports counts the
 * database measured. Labels and relationship types come from the model (src/model), never from a file.
 *
 * Every imported node cites the import's Source; every imported relationship carries `source` and `origin`.
 * A relationship that already existed (a seed's use of a technology that the survey gives a `share`) keeps the `source` and
 * `origin` it had; one without a `source` (the seed's illustrative examples cite nothing) takes the import's.
 */

/** A node label of the model. */
export type ImportLabel = string;

/**
 * `owned`: the dataset owns these nodes, so their properties are set from the file on every run.
 * `shared`: nodes other sources describe too (a technology such as PostgreSQL): created with the file's
 * properties when missing, otherwise left as they are, only gaining the citation.
 */
export type Ownership = 'owned' | 'shared';

export interface ImportStatement {
  cypher: string;
  /** What a batch of this statement writes, for the summary: e.g. "Skill nodes". */
  nodes?: string;
  relationships?: string;
}

/** A node row: `{id, props}`. */
export interface NodeRow {
  id: string;
  props: Record<string, unknown>;
}

/** A relationship row: `{from, to, props}`, both ends by id. */
export interface RelationshipRow {
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** A node row with the relationship that attaches it to an existing node (`parent`). */
export interface LinkedNodeRow extends NodeRow {
  parent: string;
  link: Record<string, unknown>;
}

export type ImportRow = NodeRow | RelationshipRow | LinkedNodeRow;

/** Per batch: created, updated (some property differs after the write) and unchanged. */
export interface ChangeCounts {
  nodesCreated: number;
  nodesUpdated: number;
  nodesUnchanged: number;
  relationshipsCreated: number;
  relationshipsUpdated: number;
  relationshipsUnchanged: number;
}

// `before` is the properties before the write (null when the node or relationship did not exist); the
// same node may appear on several rows of a batch, so nodes are counted once each.
const NODE_COUNTS = `count(DISTINCT CASE WHEN nodeBefore IS NULL THEN n END) AS nodesCreated,
       count(DISTINCT CASE WHEN nodeBefore IS NOT NULL AND nodeBefore <> properties(n) THEN n END) AS nodesUpdated,
       count(DISTINCT n) AS nodesTouched`;
const RELATIONSHIP_COUNTS = `count(CASE WHEN relBefore IS NULL THEN 1 END) AS relationshipsCreated,
       count(CASE WHEN relBefore IS NOT NULL AND relBefore <> properties(r) THEN 1 END) AS relationshipsUpdated,
       count(r) AS relationshipsTouched`;

/** Binds `n` (the node of `row`) and `nodeBefore`, keeping the variables `carried` (", parent"). */
function upsertNode(label: ImportLabel, ownership: Ownership, carried = ''): string {
  const onCreate = `ON CREATE SET ${nodeStamp('n')}, ${createdStamp('n', '$origin')}`;
  const setProps = ownership === 'owned' ? `${onCreate}\nSET n += row.props` : `${onCreate}, n += row.props`;
  return `MATCH (source:Source {id: $source})
OPTIONAL MATCH (old:${label} {id: row.id})
WITH row, source${carried}, properties(old) AS nodeBefore
MERGE (n:${label} {id: row.id})
${setProps}
SET ${sortNameStamp('n')}
MERGE (n)${arrow(cites)}(source)`;
}

/** Nodes of one label, each citing the source. */
export function nodesStatement(label: ImportLabel, ownership: Ownership): ImportStatement {
  return {
    cypher: `UNWIND $rows AS row
${upsertNode(label, ownership)}
RETURN ${NODE_COUNTS}, 0 AS relationshipsCreated, 0 AS relationshipsUpdated, 0 AS relationshipsTouched`,
    nodes: `${label} nodes`,
  };
}

/** Nodes at the end of `relation`, each attached to the existing node at its start: `(parent)-[relation]->(node)`. */
export function linkedNodesStatement(relation: RelationshipDeclaration, ownership: Ownership): ImportStatement {
  const { from: parentLabel, to: label, type } = relation;
  return {
    cypher: `UNWIND $rows AS row
MATCH (parent:${parentLabel} {id: row.parent})
${upsertNode(label, ownership, ', parent')}
WITH row, parent, n, nodeBefore
OPTIONAL MATCH (parent)${arrow(relation, 'out', 'oldRel')}(n)
WITH row, parent, n, nodeBefore, properties(oldRel) AS relBefore
MERGE (parent)${arrow(relation, 'out', 'r')}(n)
SET r.source = coalesce(r.source, $source), r.origin = coalesce(r.origin, $origin)
SET r += row.link
RETURN ${NODE_COUNTS}, ${RELATIONSHIP_COUNTS}`,
    nodes: `${label} nodes`,
    relationships: `${type} relationships`,
  };
}

/** Relationships between existing nodes: `(from)-[relation]->(to)`, both ends of the relation's labels. */
export function relationshipsStatement(relation: RelationshipDeclaration): ImportStatement {
  const { from: fromLabel, to: toLabel, type } = relation;
  return {
    cypher: `UNWIND $rows AS row
MATCH (a:${fromLabel} {id: row.from}), (b:${toLabel} {id: row.to})
OPTIONAL MATCH (a)${arrow(relation, 'out', 'oldRel')}(b)
WITH row, a, b, properties(oldRel) AS relBefore
MERGE (a)${arrow(relation, 'out', 'r')}(b)
SET r.source = coalesce(r.source, $source), r.origin = coalesce(r.origin, $origin)
SET r += row.props
RETURN 0 AS nodesCreated, 0 AS nodesUpdated, 0 AS nodesTouched, ${RELATIONSHIP_COUNTS}`,
    relationships: `${type} relationships`,
  };
}

/**
 * Merges each node of `label` with id `row.from` into the node with id `row.to` (both existing): every
 * relationship the model lets such a node have moves to the kept node (a relationship it already has keeps
 * its properties), then the merged node is deleted. Derived from the model, so a new relationship type moves too.
 */
export function mergeNodesStatement(label: ImportLabel): ImportStatement {
  // Each relationship end a node of `label` can be, as a pattern from that node.
  const patterns = MODEL.relationships.flatMap(({ type, from, to }) => [
    ...(from === label || from === 'Node' ? [(end: string, rel: string) => `(${end})-[${rel}:${type}]->(other)`] : []),
    ...(to === label || to === 'Node' ? [(end: string, rel: string) => `(other)-[${rel}:${type}]->(${end})`] : []),
  ]);
  const moves = patterns.map(
    (pattern, index) => `CALL (merged, kept) {
  MATCH ${pattern('merged', 'r')}
  MERGE ${pattern('kept', 'moved')}
  ON CREATE SET moved = properties(r)
  DELETE r
  RETURN count(r) AS moved${index}
}`,
  );
  return {
    cypher: `UNWIND $rows AS row
MATCH (merged:${label} {id: row.from}), (kept:${label} {id: row.to})
${moves.join('\n')}
DETACH DELETE merged
// Aggregated first: constants beside an aggregate would be grouping keys, and no row would come back when nothing merges.
WITH count(kept) AS mergedNodes
RETURN 0 AS nodesCreated, mergedNodes AS nodesUpdated, mergedNodes AS nodesTouched, 0 AS relationshipsCreated, 0 AS relationshipsUpdated, 0 AS relationshipsTouched`,
    nodes: `${label} nodes merged into their catalogue entry`,
  };
}

/** The one row a statement returns -> change counts. */
export function changeCounts(row: Record<string, unknown>): ChangeCounts {
  const value = (key: string) => Number(row[key] ?? 0);
  return {
    nodesCreated: value('nodesCreated'),
    nodesUpdated: value('nodesUpdated'),
    nodesUnchanged: value('nodesTouched') - value('nodesCreated') - value('nodesUpdated'),
    relationshipsCreated: value('relationshipsCreated'),
    relationshipsUpdated: value('relationshipsUpdated'),
    relationshipsUnchanged: value('relationshipsTouched') - value('relationshipsCreated') - value('relationshipsUpdated'),
  };
}
