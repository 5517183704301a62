import { Parameters } from '../../graph/projection';
import { NEO4J_LABEL, NodeLabel, nodeLabelOf } from '../node/node.type';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * User text -> a Lucene query that cannot be a syntax error or an operator: every special character is
 * escaped and terms are lower-cased (so AND/OR/NOT are plain words). Each term counts as itself
 * (boosted) or as a prefix, so "back" finds "backend".
 */
export function luceneQuery(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .filter((term) => term.length > 0)
    .map((term) => term.toLowerCase().replace(LUCENE_SPECIAL, '\\$&'))
    .map((term) => `${term}^2 ${term}*`)
    .join(' ');
}

/** Cypher map {id, label, name} of node variable `node`: the GraphNode shape. */
function graphNode(node: string): string {
  return `{id: ${node}.id, label: ${nodeLabelOf(node)}, name: ${node}.name}`;
}

const GRAPH_EDGE = 'r IN relationships(p) | {from: startNode(r).id, to: endNode(r).id, type: type(r)}';

export function searchQuery(text: string, labels: NodeLabel[] | null | undefined, first: number, nodes: string, params: Parameters): string {
  const labelFilter = labels?.length
    ? `WHERE any(label IN labels(n) WHERE label IN ${params.add(labels.map((label) => NEO4J_LABEL[label]))})`
    : '';
  return `CALL db.index.fulltext.queryNodes('node_search', ${params.add(luceneQuery(text))}) YIELD node AS n, score
${labelFilter}
WITH n, score ORDER BY score DESC, n.id LIMIT ${params.addInt(first)}
RETURN ${nodes} AS nodes, ${nodeLabelOf('n')} AS label, score`;
}

/** maxHops is validated to 1..8 before it reaches here; a variable-length bound cannot be a parameter. */
export function pathQuery(from: string, to: string, maxHops: number, params: Parameters): string {
  return `MATCH (a:Node {id: ${params.add(from)}}), (b:Node {id: ${params.add(to)}})
MATCH p = SHORTEST 1 (a)-[]-{0,${Math.trunc(maxHops)}}(b)
RETURN length(p) AS length, [n IN nodes(p) | ${graphNode('n')}] AS nodes, [${GRAPH_EDGE}] AS edges`;
}

/** depth is validated to 1..3 before it reaches here. Nearest nodes first; edges only between returned nodes. */
export function neighborhoodQuery(id: string, depth: number, limit: number, params: Parameters): string {
  return `MATCH (start:Node {id: ${params.add(id)}})
CALL (start) {
  MATCH p = (start)-[*1..${Math.trunc(depth)}]-(n:Node)
  WHERE n <> start
  WITH n, min(length(p)) AS distance
  ORDER BY distance, n.id
  LIMIT ${params.addInt(limit - 1)}
  RETURN collect(n) AS near
}
WITH [start] + near AS members
CALL (members) {
  UNWIND members AS a
  MATCH (a)-[r]->(b)
  WHERE b IN members
  RETURN collect({from: a.id, to: b.id, type: type(r)}) AS edges
}
RETURN [n IN members | ${graphNode('n')}] AS nodes, edges`;
}

export function statsQuery(): string {
  const byLabel = Object.entries(NEO4J_LABEL)
    .map(([label, neo4jLabel]) => `{label: '${label}', count: COUNT { (:${neo4jLabel}) }}`)
    .join(', ');
  return `RETURN COUNT { () } AS nodes, COUNT { ()-[]->() } AS relationships, [${byLabel}] AS byLabel`;
}
