import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { RelationType } from '../link/link.inputs';
import { NodeLabel } from '../node/node.type';

export enum ChangeKind {
  UPSERTED = 'UPSERTED',
  DELETED = 'DELETED',
  LINKED = 'LINKED',
  UNLINKED = 'UNLINKED',
}
registerEnumType(ChangeKind, { name: 'ChangeKind' });

@ObjectType({ description: 'One committed change to the graph.', simpleResolvers: true })
export class GraphChange {
  @Field(() => ChangeKind)
  kind!: ChangeKind;

  @Field(() => ID, { description: 'The node upserted or deleted; for LINKED/UNLINKED, the relationship\'s start node.' })
  id!: string;

  @Field(() => NodeLabel, { nullable: true, description: 'The label of the node `id` names.' })
  label?: NodeLabel | null;

  @Field(() => ID, { nullable: true })
  from?: string | null;

  @Field(() => ID, { nullable: true })
  to?: string | null;

  @Field(() => RelationType, { nullable: true })
  type?: RelationType | null;

  @Field({ description: 'ISO-8601 UTC time of the commit.' })
  at!: string;

  @Field(() => String, { nullable: true, description: 'The token subject that made the change.' })
  actor?: string | null;
}
