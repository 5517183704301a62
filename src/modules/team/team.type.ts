import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { Role } from '../role/role.type';

@ObjectType({ implements: Node, simpleResolvers: true })
export class Team extends Node {
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [Role])
  roles!: Role[];
}
