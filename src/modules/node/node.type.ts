import { Field, ID, InterfaceType, registerEnumType } from 'type-graphql';
import { RESOLVED_TYPE } from '../../graph/projection';

export enum NodeLabel {
  ROLE = 'ROLE',
  RESPONSIBILITY = 'RESPONSIBILITY',
  TECHNOLOGY = 'TECHNOLOGY',
  SKILL = 'SKILL',
  SALARY = 'SALARY',
  SOURCE = 'SOURCE',
  TEAM = 'TEAM',
}
registerEnumType(NodeLabel, { name: 'NodeLabel' });

/** The Neo4j label of each NodeLabel: the only way a label reaches a query's text. */
export const NEO4J_LABEL: Record<NodeLabel, string> = {
  ROLE: 'Role',
  RESPONSIBILITY: 'Responsibility',
  TECHNOLOGY: 'Technology',
  SKILL: 'Skill',
  SALARY: 'Salary',
  SOURCE: 'Source',
  TEAM: 'Team',
};

/** Cypher expression: the NodeLabel of node variable `node` (its domain label, upper-cased). */
export function nodeLabelOf(node: string): string {
  return `toUpper(head([label IN labels(${node}) WHERE label <> 'Node']))`;
}

@InterfaceType({ resolveType: (value: Record<string, string>) => value[RESOLVED_TYPE] })
export abstract class Node {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}
