import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';

@ObjectType({ implements: Node, simpleResolvers: true })
export class Source extends Node {
  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}
