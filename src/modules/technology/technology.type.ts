import { Field, ObjectType } from 'type-graphql';
import { Connection } from '../connection/connection.type';
import { Node } from '../node/node.type';
import { Responsibility } from '../responsibility/responsibility.type';
import { Role } from '../role/role.type';
import { TechnologyKind } from './technology.enums';
import { Bounded } from '../../graph/list-bound';

@ObjectType({ implements: Node, simpleResolvers: true })
export class Technology extends Node {
  @Field(() => TechnologyKind)
  kind!: TechnologyKind;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Bounded(1000, 'Query.roles(where: { usesTechnology: <id> }, first, after)')
  @Field(() => [Role], { description: 'Roles that use it, directly or through a responsibility.' })
  usedBy!: Role[];

  @Bounded(500)
  @Field(() => [Responsibility])
  responsibilities!: Responsibility[];
}

export const TechnologyConnection = Connection(Technology);
