import { getNamedType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { ResolveTree } from 'graphql-parse-resolve-info';
import { badArgument } from '../errors';
import { CypherParams } from './cypher-params';
import { shape } from './shape';

/**
 * Relay-style connections with keyset cursors: a cursor is the (name, id) of the last node seen, so a
 * page stays correct while nodes are inserted, and a deep page costs what the first one does (an index
 * seek, not a skip). Cursors are opaque to clients: base64url of that pair.
 */

export type SortDirection = 'ASC' | 'DESC';

/** (name, id), and in a ranked page first the rank: (name, id, rank). */
type CursorKey = [string, string] | [string, string, number];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The largest page a connection gives (`first`). */
export const MAX_PAGE = 100;

/**
 * A cursor built by Cypher, for the connections of relationships, which the projection compiles into one
 * expression (Cypher has no base64): `k<length of id>:<id><name>`. decodeCursor reads both kinds.
 */
export function cursorText(node: string): string {
  return `'k' + toString(size(${node}.id)) + ':' + ${node}.id + ${node}.name`;
}

const CYPHER_CURSOR = /^k(\d{1,4}):/;

export function decodeCursor(cursor: string): CursorKey {
  const cypherCursor = CYPHER_CURSOR.exec(cursor);
  if (cypherCursor) {
    const rest = Array.from(cursor.slice(cypherCursor[0].length));
    const idLength = Number(cypherCursor[1]);
    if (idLength > 0 && rest.length >= idLength) return [rest.slice(idLength).join(''), rest.slice(0, idLength).join('')];
  }
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && typeof key[0] === 'string' && typeof key[1] === 'string') {
      if (key.length === 2) return key as CursorKey;
      if (key.length === 3 && Number.isSafeInteger(key[2])) return key as CursorKey;
    }
  } catch {
    // fall through to the error below
  }
  throw badArgument('after', 'after is not a cursor returned by this API');
}

/**
 * The conditions on node variable `node` of a keyset page in (name, id) order: both keys present, and past
 * the cursor `after` when there is one. Predicates on both keys let a (name, id) index serve the order and,
 * after a cursor, seek to it: the range on name is the seek, the tie-break on id a filter on the few nodes
 * sharing that name.
 */
export function keysetConditions(node: string, params: CypherParams, direction: SortDirection, after: string | null | undefined): string[] {
  if (!after) return [`${node}.id IS NOT NULL`, `${node}.name IS NOT NULL`];
  const [name, id, rank] = decodeCursor(after);
  if (rank !== undefined) throw badArgument('after', 'after is a cursor of a page in another order: start again from the first page');
  const op = direction === 'ASC' ? '>' : '<';
  const nameParam = params.add(name);
  return [`${node}.id IS NOT NULL`, `${node}.name ${op}= ${nameParam}`, `(${node}.name ${op} ${nameParam} OR ${node}.id ${op} ${params.add(id)})`];
}

/**
 * The conditions of a ranked page (most first, then by name and id) past a cursor: a rank is counted per
 * node, so no index serves it; each page counts every candidate's rank again.
 */
function rankedKeysetConditions(node: string, rank: string, params: CypherParams, after: string | null | undefined): string[] {
  if (!after) return [];
  const [name, id, afterRank] = decodeCursor(after);
  if (afterRank === undefined) throw badArgument('after', 'after is a cursor of a page in another order: start again from the first page');
  const rankParam = params.addInt(afterRank);
  const nameParam = params.add(name);
  return [`(${rank} < ${rankParam} OR (${rank} = ${rankParam} AND (${node}.name > ${nameParam} OR (${node}.name = ${nameParam} AND ${node}.id > ${params.add(id)}))))`];
}

/** Which nodes a paginated list holds: the node variable is `n`. */
export interface PageSelection {
  /** e.g. "MATCH (n:Role)". */
  match: string;
  /** Filter conditions on `n`, already parameterised. */
  conditions: string[];
  /** Properties every matched node has the same value of (an equality filter), listed first in ORDER BY so a composite index starting with them serves the order. */
  equalKeys?: string[];
}

/** A concept's paginated list: its selection, built with the query's parameters, and the page asked for. */
export interface PageQuery {
  select: (query: { params: CypherParams }) => PageSelection;
  /** Orders by this count of `n` (a Cypher expression), most first, then by name and id: a ranking such as "most used". */
  rank?: (node: string) => string;
  direction: SortDirection;
  first: number;
  after?: string | null;
}

export interface ConnectionTypes {
  connection: string;
  edge: string;
  node: string;
}

/** The edge and node types of a connection type, read from the schema (`edges: [XEdge!]!`, `node: X!`). */
export function connectionTypes(schema: GraphQLSchema, connection: string): ConnectionTypes {
  const fieldType = (typeName: string, field: string) =>
    getNamedType((schema.getType(typeName) as GraphQLObjectType).getFields()[field].type).name;
  const edge = fieldType(connection, 'edges');
  return { connection, edge, node: fieldType(edge, 'node') };
}

/**
 * One Cypher query that returns a page (one row per node, projected), whether a next page exists and, when
 * asked, the total count. One node more than the page is matched to learn whether there is a next page, but
 * only the page's nodes are projected.
 */
export function compileConnection(
  params: CypherParams,
  tree: ResolveTree,
  types: ConnectionTypes,
  page: PageQuery,
  projectNodes: (nodeSelections: ResolveTree[]) => string,
): string {
  const query = { ...page.select({ params }), ...page };
  const where = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
  const connectionFields = Object.values(tree.fieldsByTypeName[types.connection] ?? {});
  const nodeSelections = connectionFields
    .filter((field) => field.name === 'edges')
    .flatMap((edges) => Object.values(edges.fieldsByTypeName[types.edge] ?? {}))
    .filter((field) => field.name === 'node');
  const wantsTotal = connectionFields.some((field) => field.name === 'totalCount');
  const total = wantsTotal
    ? `CALL () { ${query.match} ${where(query.conditions)} RETURN count(n) AS totalCount }`
    : 'WITH null AS totalCount';
  const first = params.addInt(query.first);
  const limit = params.addInt(query.first + 1);
  const pageClauses = query.rank
    ? `${query.match} ${where([...query.conditions, ...keysetConditions('n', params, 'ASC', null)])}
  WITH n, ${query.rank('n')} AS rank
  ${where(rankedKeysetConditions('n', 'rank', params, query.after))}
  WITH n, rank ORDER BY rank DESC, n.name, n.id LIMIT ${limit}
  WITH collect({n: n, key: [n.name, n.id, rank]}) AS page`
    : `${query.match} ${where([...query.conditions, ...keysetConditions('n', params, query.direction, query.after)])}
  WITH n ORDER BY ${[...(query.equalKeys ?? []), 'name', 'id'].map((key) => `n.${key} ${query.direction}`).join(', ')} LIMIT ${limit}
  WITH collect({n: n, key: [n.name, n.id]}) AS page`;
  return `${total}
CALL () {
  ${pageClauses}
  RETURN [row IN page[..${first}] | row.key] AS keys, [n IN [row IN page[..${first}] | row.n] | ${projectNodes(nodeSelections)}] AS nodes,
    size(page) > ${first} AS hasNextPage
}
RETURN totalCount, keys, nodes, hasNextPage`;
}

/** Turns the query's answer into the connection object the client asked for. */
export function connectionResult(
  tree: ResolveTree,
  types: ConnectionTypes,
  answer: { totalCount: unknown; keys: unknown; nodes: unknown; hasNextPage: unknown },
): Record<string, unknown> {
  const keys = answer.keys as CursorKey[];
  const nodes = answer.nodes as Record<string, unknown>[];
  const page = keys.map((key, index) => ({ key, nodes: nodes[index] }));
  const last = page[page.length - 1];
  return shape(tree, types.connection, (field) => {
    switch (field.name) {
      case 'totalCount':
        return answer.totalCount;
      case 'pageInfo':
        return shape(field, 'PageInfo', (info) =>
          info.name === 'hasNextPage' ? answer.hasNextPage : last ? encodeCursor(last.key) : null,
        );
      case 'edges':
        return page.map((row) =>
          shape(field, types.edge, (edge) => (edge.name === 'cursor' ? encodeCursor(row.key) : row.nodes[edge.alias])),
        );
      default:
        return undefined;
    }
  });
}
