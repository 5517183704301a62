import { getNamedType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { ResolveTree } from 'graphql-parse-resolve-info';
import { badArgument } from '../errors';
import { CypherParams } from './cypher-params';
import { SORT_NAME } from '../model/sort-name';
import { shape } from './shape';

/**
 * Relay-style connections with keyset cursors: a cursor is the (sortName, name, id) of the last node seen
 * (src/model/sort-name.ts: names order without case and accents, the exact name and then the id breaking
 * ties), so a page stays correct while nodes are inserted, and a deep page costs what the first one does (an
 * index seek, not a skip). Cursors are opaque to clients: base64url of that key.
 */

export type SortDirection = 'ASC' | 'DESC';

/** (sortName, name, id), and in a ranked page the rank too: (sortName, name, id, rank). */
type CursorKey = [string, string, string] | [string, string, string, number];

/** The node properties a page orders by, after any equality filter's. */
const ORDER_KEYS = [SORT_NAME, 'name', 'id'];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The largest page a connection gives (`first`). */
export const MAX_PAGE = 100;

/**
 * A cursor built by Cypher, for the connections of relationships, which the projection compiles into one
 * expression (Cypher has no base64): `c<length of id>.<length of sortName>:<id><sortName><name>`, lengths
 * in code points. decodeCursor reads both kinds.
 */
export function cursorText(node: string): string {
  return `'c' + toString(size(${node}.id)) + '.' + toString(size(${node}.${SORT_NAME})) + ':' + ${node}.id + ${node}.${SORT_NAME} + ${node}.name`;
}

const CYPHER_CURSOR = /^c(\d{1,4})\.(\d{1,4}):/;
/** The cursors of the API before names sorted without case and accents: (name, id) keys, and `k…` from Cypher. */
const OLDER_CURSOR = /^k\d{1,4}:/;

function isOlderKey(key: unknown[]): boolean {
  return key.length === 2 || (key.length === 3 && typeof key[2] === 'number');
}

export function decodeCursor(cursor: string): CursorKey {
  const older = () => badArgument('after', 'after is a cursor from before names sorted without case and accents: start again from the first page');
  if (OLDER_CURSOR.test(cursor)) throw older();
  const cypherCursor = CYPHER_CURSOR.exec(cursor);
  if (cypherCursor) {
    const rest = Array.from(cursor.slice(cypherCursor[0].length));
    const [idLength, sortLength] = [Number(cypherCursor[1]), Number(cypherCursor[2])];
    if (idLength > 0 && rest.length >= idLength + sortLength) {
      return [rest.slice(idLength, idLength + sortLength).join(''), rest.slice(idLength + sortLength).join(''), rest.slice(0, idLength).join('')];
    }
  }
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // not JSON: the error below
  }
  if (Array.isArray(key) && key.slice(0, 2).every((part) => typeof part === 'string')) {
    if (key.length === 3 && typeof key[2] === 'string') return key as CursorKey;
    if (key.length === 4 && typeof key[2] === 'string' && Number.isSafeInteger(key[3])) return key as CursorKey;
    if (isOlderKey(key)) throw older();
  }
  throw badArgument('after', 'after is not a cursor returned by this API');
}

/**
 * Cypher: whether node variable `node` comes after the key (sortName, name, id) in `op` ('>' or '<') order, the
 * three parameters given. Lists compare element by element: one predicate, which the planner keeps as a filter
 * on the index seek (spelt out as ORs, it would split the page into a union of seeks and sort it).
 */
function pastKey(node: string, op: string, key: string[]): string {
  return `[${ORDER_KEYS.map((property) => `${node}.${property}`).join(', ')}] ${op} [${key.join(', ')}]`;
}

/**
 * The conditions on node variable `node` of a keyset page in (sortName, name, id) order: the keys present,
 * and past the cursor `after` when there is one. Predicates on the keys let a (sortName, name, id) index serve
 * the order and, after a cursor, seek to it: the range on sortName is the seek, the tie-breaks on name and id
 * a filter on the few nodes sharing that sort key.
 */
export function keysetConditions(node: string, params: CypherParams, direction: SortDirection, after: string | null | undefined): string[] {
  const present = ORDER_KEYS.map((key) => `${node}.${key} IS NOT NULL`);
  if (!after) return present;
  const [sortName, name, id, rank] = decodeCursor(after);
  if (rank !== undefined) throw badArgument('after', 'after is a cursor of a page in another order: start again from the first page');
  const op = direction === 'ASC' ? '>' : '<';
  const keys = [params.add(sortName), params.add(name), params.add(id)];
  return [...present, `${node}.${SORT_NAME} ${op}= ${keys[0]}`, pastKey(node, op, keys)];
}

/**
 * The conditions of a ranked page (most first, then by name and id) past a cursor: a rank is counted per
 * node, so no index serves it; each page counts every candidate's rank again.
 */
function rankedKeysetConditions(node: string, rank: string, params: CypherParams, after: string | null | undefined): string[] {
  if (!after) return [];
  const [sortName, name, id, afterRank] = decodeCursor(after);
  if (afterRank === undefined) throw badArgument('after', 'after is a cursor of a page in another order: start again from the first page');
  const rankParam = params.addInt(afterRank);
  const keys = [params.add(sortName), params.add(name), params.add(id)];
  return [`(${rank} < ${rankParam} OR (${rank} = ${rankParam} AND ${pastKey(node, '>', keys)}))`];
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
  // Counted as listed: a node without its sort keys yet (written by Cypher, before the back-fill) is in neither.
  const total = wantsTotal
    ? `CALL () { ${query.match} ${where([...query.conditions, ...keysetConditions('n', params, 'ASC', null)])} RETURN count(n) AS totalCount }`
    : 'WITH null AS totalCount';
  const first = params.addInt(query.first);
  const limit = params.addInt(query.first + 1);
  const pageClauses = query.rank
    ? `${query.match} ${where([...query.conditions, ...keysetConditions('n', params, 'ASC', null)])}
  WITH n, ${query.rank('n')} AS rank
  ${where(rankedKeysetConditions('n', 'rank', params, query.after))}
  WITH n, rank ORDER BY rank DESC, ${ORDER_KEYS.map((key) => `n.${key}`).join(', ')} LIMIT ${limit}
  WITH collect({n: n, key: [${ORDER_KEYS.map((key) => `n.${key}`).join(', ')}, rank]}) AS page`
    : `${query.match} ${where([...query.conditions, ...keysetConditions('n', params, query.direction, query.after)])}
  WITH n ORDER BY ${[...(query.equalKeys ?? []), ...ORDER_KEYS].map((key) => `n.${key} ${query.direction}`).join(', ')} LIMIT ${limit}
  WITH collect({n: n, key: [${ORDER_KEYS.map((key) => `n.${key}`).join(', ')}]}) AS page`;
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
