import { badUserInput, notFound } from '../../errors';
import { CypherParams } from '../../graph/cypher-params';
import { WriteQuery } from '../../graph/db';
import { Row } from '../../graph/driver';
import { ChangeDraft } from '../../graph/changes';
import { nodeLabelOf } from '../node/node.type';
import { LinkInput, RelationType } from './link.inputs';
import { arrow, createdStamp, relationEnds, updatedStamp } from '../../model/cypher';

function pattern(type: RelationType): string {
  return `(a)${arrow(type, 'out', 'r')}(b)`;
}

function endsClauses(from: string, to: string, type: RelationType, params: CypherParams): { match: string; allowed: string } {
  const ends = relationEnds(type);
  return {
    match: `OPTIONAL MATCH (a:Node {id: ${params.add(from)}})
OPTIONAL MATCH (b:Node {id: ${params.add(to)}})`,
    allowed: `a:${ends.from} AND b:${ends.to} AND a <> b`,
  };
}

/** Refuses a link or unlink whose answer says an end is missing or the type does not allow the two ends. */
function check(input: LinkInput, outcome: Row): void {
  if (!outcome.fromExists) throw notFound('from', input.from);
  if (!outcome.toExists) throw notFound('to', input.to);
  if (!outcome.allowed) {
    const ends = relationEnds(input.type);
    const from = ends.from === 'Node' ? 'any node' : `a ${ends.from}`;
    throw badUserInput('type', `type ${input.type} links ${from} to a ${ends.to}, two different nodes`);
  }
}

function linkChange(kind: 'LINKED' | 'UNLINKED', input: LinkInput, outcome: Row): ChangeDraft {
  return { kind, id: input.from, label: outcome.fromLabel as string, from: input.from, to: input.to, type: input.type };
}

/** Creates the edge once (MERGE) when both ends exist and have the allowed labels. */
export function link(input: LinkInput): WriteQuery<boolean> {
  const properties = Object.fromEntries(
    Object.entries({ reason: input.reason, level: input.level }).filter(([, value]) => value !== undefined),
  );
  return {
    cypher: ({ params, actor }) => {
      const { match, allowed } = endsClauses(input.from, input.to, input.type, params);
      return `${match}
CALL (a, b) {
  WITH a, b WHERE ${allowed}
  MERGE ${pattern(input.type)}
  ON CREATE SET ${createdStamp('r', "'user'")}
  SET r += ${params.add(properties)}, ${updatedStamp('r', params.add(actor))}
  RETURN count(r) AS changed
}
RETURN a IS NOT NULL AS fromExists, b IS NOT NULL AS toExists, coalesce(${allowed}, false) AS allowed, changed, ${nodeLabelOf('a')} AS fromLabel`;
    },
    answer: (row) => {
      check(input, row);
      return true;
    },
    changes: (row) => [linkChange('LINKED', input, row)],
  };
}

/** Deletes the edge when both ends exist and have the allowed labels; answers whether there was one. */
export function unlink(input: LinkInput): WriteQuery<boolean> {
  return {
    cypher: ({ params }) => {
      const { match, allowed } = endsClauses(input.from, input.to, input.type, params);
      return `${match}
CALL (a, b) {
  WITH a, b WHERE ${allowed}
  MATCH ${pattern(input.type)}
  DELETE r
  RETURN count(r) AS changed
}
RETURN a IS NOT NULL AS fromExists, b IS NOT NULL AS toExists, coalesce(${allowed}, false) AS allowed, changed, ${nodeLabelOf('a')} AS fromLabel`;
    },
    answer: (row) => {
      check(input, row);
      return (row.changed as number) > 0;
    },
    changes: (row) => ((row.changed as number) > 0 ? [linkChange('UNLINKED', input, row)] : []),
  };
}
