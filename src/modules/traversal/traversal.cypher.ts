import { CypherText } from '../../graph/db';
import { nodeLabelOf } from '../node/node.type';
import { MAX_NEIGHBORHOOD_EDGES, NeighborhoodArgs, PathArgs } from './traversal.inputs';

/** Cypher map {id, label, name} of node variable `node`: the GraphNode shape. */
function graphNode(node: string): string {
  return `{id: ${node}.id, label: ${nodeLabelOf(node)}, name: ${node}.name}`;
}

const GRAPH_EDGE = 'r IN relationships(p) | {from: startNode(r).id, to: endNode(r).id, type: type(r)}';

/** maxHops is validated to 1..8 before it reaches here; a variable-length bound cannot be a parameter. */
export function shortestPath({ from, to, maxHops }: PathArgs): CypherText {
  return ({ params, valid }) => `MATCH (a:Node {id: ${params.add(from)}}), (b:Node {id: ${params.add(to)}})
WHERE ${valid('a', 'Node')} AND ${valid('b', 'Node')}
MATCH p = SHORTEST 1 (a)(()-[]-(x) WHERE ${valid('x', 'Node')}){0,${Math.trunc(maxHops)}}(b)
RETURN length(p) AS length, [n IN nodes(p) | ${graphNode('n')}] AS nodes, [${GRAPH_EDGE}] AS edges`;
}

/**
 * depth is validated to 1..3 before it reaches here. Nearest nodes first; edges only between returned nodes, one more
 * than Graph.edges answers at most (so that the result check sees a neighbourhood past it).
 */
export function neighborhood({ id, depth, limit }: NeighborhoodArgs): CypherText {
  return ({ params, valid }) => `MATCH (start:Node {id: ${params.add(id)}})
WHERE ${valid('start', 'Node')}
CALL (start) {
  MATCH p = (start)-[*1..${Math.trunc(depth)}]-(n:Node)
  WHERE n <> start
  // Checked once per node reached, not once per path to it (a popular node has many thousands).
  WITH n, min(length(p)) AS distance
  WHERE ${valid('n', 'Node')}
  ORDER BY distance, n.id
  LIMIT ${params.addInt(limit - 1)}
  RETURN collect(n) AS near
}
WITH [start] + near AS members
CALL (members) {
  UNWIND members AS a
  MATCH (a)-[r]->(b)
  WHERE b IN members
  WITH a, r, b LIMIT ${MAX_NEIGHBORHOOD_EDGES + 1}
  RETURN collect({from: a.id, to: b.id, type: type(r)}) AS edges
}
RETURN [n IN members | ${graphNode('n')}] AS nodes, edges`;
}

/** The neighbourhood of a node that does not exist. */
export const EMPTY_GRAPH = { nodes: [], edges: [] };
