import { Field, Int, ObjectType } from 'type-graphql';
import { NodeLabel } from '../node/node.type';
import { Bounded } from '../../graph/list-bound';

@ObjectType({ simpleResolvers: true })
export class LabelCount {
  @Field(() => NodeLabel)
  label!: NodeLabel;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true })
export class GraphStats {
  @Field(() => Int)
  nodes!: number;

  @Field(() => Int)
  relationships!: number;

  @Bounded(Object.keys(NodeLabel).length)
  @Field(() => [LabelCount])
  byLabel!: LabelCount[];
}
