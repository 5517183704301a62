import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { Connection } from '../connection/connection.type';

@ObjectType({ implements: Node, simpleResolvers: true })
export class Responsibility extends Node {
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'O*NET task type (Core or Supplemental), for tasks imported from O*NET.' })
  taskType?: string | null;
}

export const ResponsibilityConnection = Connection(Responsibility);
