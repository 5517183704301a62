import { Field, Float, ObjectType } from 'type-graphql';
import { Node, NodeLabel } from '../node/node.type';

@ObjectType({ simpleResolvers: true })
export class SearchHit {
  @Field(() => Node)
  node!: Node;

  @Field(() => NodeLabel)
  label!: NodeLabel;

  @Field(() => Float)
  score!: number;
}
