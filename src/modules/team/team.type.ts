import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { Role } from '../role/role.type';
import { Bounded } from '../../graph/list-bound';
import { Connection } from '../connection/connection.type';

@ObjectType({ implements: Node, simpleResolvers: true })
export class Team extends Node {
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Bounded(200)
  @Field(() => [Role])
  roles!: Role[];
}

export const TeamConnection = Connection(Team);
