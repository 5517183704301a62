import { Field, ID, InterfaceType, registerEnumType } from 'type-graphql';
import { RESOLVED_TYPE } from '../../graph/projection';
import { MODEL, nodeLabelName } from '../../model/model';

/** One value per node type of the model (src/model): its label upper-cased. */
export type NodeLabel = string;
export const NodeLabel: Record<string, NodeLabel> = Object.fromEntries(MODEL.nodeTypes.map(({ label }) => [nodeLabelName(label), nodeLabelName(label)]));
registerEnumType(NodeLabel, { name: 'NodeLabel' });

/** The Neo4j label of each NodeLabel: the only way a label reaches a query's text. */
export const NEO4J_LABEL: Record<NodeLabel, string> = Object.fromEntries(MODEL.nodeTypes.map(({ label }) => [nodeLabelName(label), label]));

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
