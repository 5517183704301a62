import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { Role } from '../role/role.type';
import { Source } from '../source/source.type';
import { Technology } from '../technology/technology.type';

@ObjectType({ implements: Node, simpleResolvers: true })
export class Responsibility extends Node {
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'O*NET task type (Core or Supplemental), for tasks imported from O*NET.' })
  taskType?: string | null;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => [Technology])
  technologies!: Technology[];

  @Field(() => [Source])
  sources!: Source[];
}
