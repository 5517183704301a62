import { PageQuery } from '../../graph/connection';
import { CypherText, WriteQuery } from '../../graph/db';
import { PageArgs } from '../connection/connection.inputs';
import { nodeLabelOf } from './node.type';

/** The node of `label` (a label from code, never user text) with that id, bound to `n`. */
export function nodeById(label: string, id: string): CypherText {
  return ({ params }) => `MATCH (n:${label} {id: ${params.add(id)}})`;
}

/** The most nodes a root list of every node of a label (`skills`, `teams`, …) answers; past it, page with its `…Connection`. */
export const ROOT_LIST_BOUND = 1_000;

/** Every node of `label`, ordered by name then id. */
export function everyNode(label: string): CypherText {
  return () => `MATCH (n:${label}) WITH n ORDER BY n.name, n.id`;
}

/** A page of every node of `label`, in (name, id) order: the `<label>sConnection` root fields. */
export function everyNodePage(label: string, { first, after }: PageArgs): PageQuery {
  return { select: () => ({ match: `MATCH (n:${label})`, conditions: [] }), direction: 'ASC', first, after };
}

/** Deletes the node and its relationships; a role takes its salaries along. Answers whether it existed. */
export function deleteNode(id: string): WriteQuery<boolean> {
  return {
    cypher: ({ params }) => `OPTIONAL MATCH (n:Node {id: ${params.add(id)}})
OPTIONAL MATCH (n:Role)-[:EARNS]->(salary:Salary)
WITH n, n IS NOT NULL AS existed, ${nodeLabelOf('n')} AS nodeLabel, collect(salary) AS salaries
WITH n, existed, nodeLabel, salaries, [salary IN salaries | salary.id] AS salaryIds
FOREACH (salary IN salaries | DETACH DELETE salary)
DETACH DELETE n
RETURN existed, nodeLabel, salaryIds`,
    answer: (row) => row.existed as boolean,
    changes: (row) =>
      row.existed
        ? [
            { kind: 'DELETED', id, label: row.nodeLabel as string },
            ...(row.salaryIds as string[]).map((salaryId) => ({ kind: 'DELETED' as const, id: salaryId, label: 'SALARY' })),
          ]
        : [],
  };
}
