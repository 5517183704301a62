import { GraphQLResolveInfo } from 'graphql';
import { Context } from '../context';
import { compileConnection, ConnectionQuery, connectionResult, ConnectionTypes } from '../graph/connection';
import { Parameters, Projection, resolveTree } from '../graph/projection';
import { TYPE_SPECS } from './specs';

export type Projected = Record<string, unknown>;

export function projectionFor(info: GraphQLResolveInfo): Projection {
  return new Projection(info.schema, TYPE_SPECS);
}

/**
 * Reads nodes bound to `n` by `match` (MATCH/WHERE/ORDER BY clauses) and returns each projected as the
 * selection of the current field asks: one query, one round trip, however deep the selection.
 */
export async function readNodes(
  context: Context,
  info: GraphQLResolveInfo,
  typeName: string,
  match: (params: Parameters) => string,
): Promise<Projected[]> {
  const projection = projectionFor(info);
  const clauses = match(projection.params);
  const value = projection.map(typeName, resolveTree(info).fieldsByTypeName, { node: 'n' });
  const rows = await context.graph.read(`${clauses} RETURN ${value} AS value`, projection.params.values, context.roundTrips);
  return rows.map((row) => row.value as Projected);
}

export async function readNode(
  context: Context,
  info: GraphQLResolveInfo,
  typeName: string,
  match: (params: Parameters) => string,
): Promise<Projected | null> {
  const [node] = await readNodes(context, info, typeName, match);
  return node ?? null;
}

/** Field resolvers of fields with arguments read what the projection fetched under the response name. */
export function prefetched(root: Projected, info: GraphQLResolveInfo): unknown {
  return root[info.path.key];
}

/** Reads one page of a keyset connection (and its total count when asked) in one query. */
export async function readConnection(
  context: Context,
  info: GraphQLResolveInfo,
  types: ConnectionTypes,
  query: (params: Parameters) => ConnectionQuery,
): Promise<Projected> {
  const projection = projectionFor(info);
  const tree = resolveTree(info);
  const page = query(projection.params);
  const cypher = compileConnection(projection, tree, types, page);
  const [answer] = await context.graph.read(cypher, projection.params.values, context.roundTrips);
  return connectionResult(tree, types, answer as { totalCount: unknown; rows: unknown; hasNextPage: unknown });
}

/** Every node of a label, ordered by name then id. */
export function readAll(context: Context, info: GraphQLResolveInfo, typeName: string): Promise<Projected[]> {
  return readNodes(context, info, typeName, () => `MATCH (n:${typeName}) WITH n ORDER BY n.name, n.id`);
}
