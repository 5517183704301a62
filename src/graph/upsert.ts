import { Projected, WriteQuery } from './db';

/**
 * Creates or updates the node of `label` with that id, stamped with who wrote it and when, and answers it
 * projected as the mutation's selection asks. Properties given as undefined are left alone; null removes them.
 */
export function upsertNode(label: string, id: string, properties: Record<string, unknown>): WriteQuery<Projected> {
  const given = Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined));
  return {
    cypher: ({ params, project, actor }) => `MERGE (n:${label} {id: ${params.add(id)}})
ON CREATE SET n.createdAt = datetime(), n.origin = 'user'
SET n:Node, n += ${params.add(given)}, n.updatedAt = datetime(), n.updatedBy = ${params.add(actor)}
RETURN ${project('n')} AS value`,
    answer: (row) => row.value as Projected,
    changes: () => [{ kind: 'UPSERTED', id, label: label.toUpperCase() }],
  };
}
