import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { Role } from '../role/role.type';
import { Source } from '../source/source.type';
import { Technology } from '../technology/technology.type';
import { Bounded } from '../../graph/list-bound';
import { Connection } from '../connection/connection.type';

@ObjectType({ implements: Node, simpleResolvers: true })
export class Responsibility extends Node {
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'O*NET task type (Core or Supplemental), for tasks imported from O*NET.' })
  taskType?: string | null;

  @Bounded(50)
  @Field(() => [Role])
  roles!: Role[];

  @Bounded(50)
  @Field(() => [Technology])
  technologies!: Technology[];

  @Bounded(20)
  @Field(() => [Source])
  sources!: Source[];
}

export const ResponsibilityConnection = Connection(Responsibility);
