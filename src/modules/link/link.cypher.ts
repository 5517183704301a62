import { Parameters } from '../../graph/projection';
import { RelationType } from './link.inputs';

interface Ends {
  /** Neo4j label of the start node; Node means any. */
  from: string;
  to: string;
  /** Collaboration has no direction: a->b and b->a are the same edge. */
  undirected?: boolean;
}

/** The label pair each relationship type allows: the only way a relationship type reaches a query's text. */
export const RELATION_ENDS: Record<RelationType, Ends> = {
  HAS_RESPONSIBILITY: { from: 'Role', to: 'Responsibility' },
  INVOLVES: { from: 'Responsibility', to: 'Technology' },
  USES: { from: 'Role', to: 'Technology' },
  REQUIRES: { from: 'Role', to: 'Skill' },
  COLLABORATES_WITH: { from: 'Role', to: 'Role', undirected: true },
  MEMBER_OF: { from: 'Role', to: 'Team' },
  EARNS: { from: 'Role', to: 'Salary' },
  CITES: { from: 'Node', to: 'Source' },
};

function pattern(type: RelationType): string {
  return RELATION_ENDS[type].undirected ? `(a)-[r:${type}]-(b)` : `(a)-[r:${type}]->(b)`;
}

function endsClauses(from: string, to: string, type: RelationType, params: Parameters): { match: string; allowed: string } {
  const ends = RELATION_ENDS[type];
  return {
    match: `OPTIONAL MATCH (a:Node {id: ${params.add(from)}})
OPTIONAL MATCH (b:Node {id: ${params.add(to)}})`,
    allowed: `a:${ends.from} AND b:${ends.to} AND a <> b`,
  };
}

/** Creates the edge once (MERGE) when both ends exist and have the allowed labels; reports which held. */
export function linkQuery(
  input: { from: string; to: string; type: RelationType; properties: Record<string, unknown>; actor: string },
  params: Parameters,
): string {
  const { match, allowed } = endsClauses(input.from, input.to, input.type, params);
  return `${match}
CALL (a, b) {
  WITH a, b WHERE ${allowed}
  MERGE ${pattern(input.type)}
  ON CREATE SET r.createdAt = datetime(), r.origin = 'user'
  SET r += ${params.add(input.properties)}, r.updatedAt = datetime(), r.updatedBy = ${params.add(input.actor)}
  RETURN count(r) AS changed
}
RETURN a IS NOT NULL AS fromExists, b IS NOT NULL AS toExists, coalesce(${allowed}, false) AS allowed, changed`;
}

/** Deletes the edge when both ends exist and have the allowed labels; `changed` is how many were removed. */
export function unlinkQuery(input: { from: string; to: string; type: RelationType }, params: Parameters): string {
  const { match, allowed } = endsClauses(input.from, input.to, input.type, params);
  return `${match}
CALL (a, b) {
  WITH a, b WHERE ${allowed}
  MATCH ${pattern(input.type)}
  DELETE r
  RETURN count(r) AS changed
}
RETURN a IS NOT NULL AS fromExists, b IS NOT NULL AS toExists, coalesce(${allowed}, false) AS allowed, changed`;
}
