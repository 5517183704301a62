import { GraphQLResolveInfo } from 'graphql';
import { Context } from '../context';
import { resolveTree } from '../graph/projection';
import { badUserInput } from './errors';
import { slug } from './slug';
import { Projected, projectionFor } from './read';

export function idFor(input: { id?: string | null; name: string }): string {
  if (input.id) return input.id;
  const id = slug(input.name);
  if (!id) throw badUserInput('name', 'name must contain a letter or digit to make an id from (or give an id)');
  return id;
}

/** Who a write is stamped with. */
export function actor(context: Context): string {
  return context.principal?.subject ?? 'anonymous';
}

/**
 * Creates or updates the node of `label` with that id in one transaction and returns it projected as
 * the mutation's selection asks. Properties given as undefined are left alone; null removes them.
 */
export async function upsertNode(
  context: Context,
  info: GraphQLResolveInfo,
  label: string,
  id: string,
  properties: Record<string, unknown>,
): Promise<Projected> {
  const projection = projectionFor(info);
  const { params } = projection;
  const given = Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined));
  const value = projection.map(label, resolveTree(info).fieldsByTypeName, { node: 'n' });
  const [row] = await context.graph.write(
    `MERGE (n:${label} {id: ${params.add(id)}})
ON CREATE SET n.createdAt = datetime(), n.origin = 'user'
SET n:Node, n += ${params.add(given)}, n.updatedAt = datetime(), n.updatedBy = ${params.add(actor(context))}
RETURN ${value} AS value`,
    params.values,
    context.roundTrips,
  );
  return row.value as Projected;
}
