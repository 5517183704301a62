import { Field, ObjectType } from 'type-graphql';
import { Connection } from '../connection/connection.type';
import { Node } from '../node/node.type';
import { Responsibility } from '../responsibility/responsibility.type';
import { Role } from '../role/role.type';
import { TechnologyKind } from './technology.enums';

@ObjectType({ implements: Node, simpleResolvers: true })
export class Technology extends Node {
  @Field(() => TechnologyKind)
  kind!: TechnologyKind;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [Role], { description: 'Roles that use it, directly or through a responsibility.' })
  usedBy!: Role[];

  @Field(() => [Responsibility])
  responsibilities!: Responsibility[];
}

export const TechnologyConnection = Connection(Technology);
