import { Field, ObjectType } from 'type-graphql';
import { Connection } from '../connection/connection.type';
import { Node } from '../node/node.type';
import { TechnologyKind } from './technology.enums';


@ObjectType({ implements: Node, simpleResolvers: true })
export class Technology extends Node {
  @Field(() => TechnologyKind)
  kind!: TechnologyKind;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

export const TechnologyConnection = Connection(Technology);
