import { PageQuery } from '../../graph/connection';
import { CypherText, WriteQuery } from '../../graph/db';
import { PageArgs } from '../connection/connection.inputs';
import { arrow, ownedEnds } from '../../model/cypher';
import { SORT_NAME } from '../../model/sort-name';
import { nodeLabelOf } from './node.type';

/** The node of `label` (a label from code, never user text) with that id, bound to `n`. */
export function nodeById(label: string, id: string): CypherText {
  return ({ params }) => `MATCH (n:${label} {id: ${params.add(id)}})`;
}

/** The most nodes a root list of every node of a label (`skills`, `teams`, …) answers; past it, page with its `…Connection`. */
export const ROOT_LIST_BOUND = 1_000;

/** Every valid node of `label` (src/graph/validity.ts), in name order (src/model/sort-name.ts). */
export function everyNode(label: string): CypherText {
  return ({ valid }) => `MATCH (n:${label}) WHERE ${valid('n', label)} WITH n ORDER BY n.${SORT_NAME}, n.name, n.id`;
}

/** A page of every node of `label`, in name order: the `<label>sConnection` root fields. */
export function everyNodePage(label: string, { first, after }: PageArgs): PageQuery {
  return { select: () => ({ match: `MATCH (n:${label})`, conditions: [] }), direction: 'ASC', first, after };
}

/** Deletes the node and its relationships, and the nodes it owns (model.ts `ownsEnd`: a role's salaries). Answers whether it existed. */
export function deleteNode(id: string): WriteQuery<boolean> {
  const owned = ownedEnds()
    .map((relation) => `OPTIONAL MATCH (n:${relation.from})${arrow(relation)}(owned:${relation.to}) RETURN owned`)
    .join(' UNION ');
  return {
    cypher: ({ params }) => `OPTIONAL MATCH (n:Node {id: ${params.add(id)}})
CALL (n) { ${owned || 'RETURN null AS owned'} }
WITH n, n IS NOT NULL AS existed, ${nodeLabelOf('n')} AS nodeLabel, collect(owned) AS owned
WITH n, existed, nodeLabel, owned, [node IN owned | {id: node.id, label: ${nodeLabelOf('node')}}] AS ownedNodes
FOREACH (node IN owned | DETACH DELETE node)
DETACH DELETE n
RETURN existed, nodeLabel, ownedNodes`,
    answer: (row) => row.existed as boolean,
    changes: (row) =>
      row.existed
        ? [
            { kind: 'DELETED', id, label: row.nodeLabel as string },
            ...(row.ownedNodes as { id: string; label: string }[]).map((node) => ({ kind: 'DELETED' as const, id: node.id, label: node.label })),
          ]
        : [],
  };
}
