import { createdStamp, nodeStamp, updatedStamp } from '../model/cypher';
import { sortNameStamp } from '../model/sort-name';
import { Projected, WriteQuery } from './db';

/**
 * Creates or updates the node of `label` with that id, stamped with who wrote it and when, and answers it
 * projected as the mutation's selection asks. Properties given as undefined are left alone; null removes them.
 */
export function upsertNode(label: string, id: string, properties: Record<string, unknown>): WriteQuery<Projected> {
  const given = Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined));
  return {
    cypher: ({ params, project, actor }) => `MERGE (n:${label} {id: ${params.add(id)}})
ON CREATE SET ${createdStamp('n', "'user'")}
SET ${nodeStamp('n')}, n += ${params.add(given)}, ${updatedStamp('n', params.add(actor))}
SET ${sortNameStamp('n')}
RETURN ${project('n')} AS value`,
    answer: (row) => row.value as Projected,
    changes: () => [{ kind: 'UPSERTED', id, label: label.toUpperCase() }],
  };
}
