import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { Connection } from '../connection/connection.type';

@ObjectType({ implements: Node, simpleResolvers: true })
export class Team extends Node {
  @Field(() => String, { nullable: true })
  description?: string | null;
}

export const TeamConnection = Connection(Team);
