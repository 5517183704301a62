import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Node, NodeLabel } from '../node/node.type';

@ObjectType({ description: 'A node in a graph-shaped answer, ready for a visualisation library.', simpleResolvers: true })
export class GraphNode {
  @Field(() => ID)
  id!: string;

  @Field(() => NodeLabel)
  label!: NodeLabel;

  @Field()
  name!: string;
}

@ObjectType({ simpleResolvers: true })
export class GraphEdge {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field()
  type!: string;
}

@ObjectType('Graph', { simpleResolvers: true })
export class GraphView {
  @Field(() => [GraphNode])
  nodes!: GraphNode[];

  @Field(() => [GraphEdge])
  edges!: GraphEdge[];
}

@ObjectType({ simpleResolvers: true })
export class Path {
  @Field(() => Int)
  length!: number;

  @Field(() => [GraphNode])
  nodes!: GraphNode[];

  @Field(() => [GraphEdge])
  edges!: GraphEdge[];
}

@ObjectType({ simpleResolvers: true })
export class SearchHit {
  @Field(() => Node)
  node!: Node;

  @Field(() => NodeLabel)
  label!: NodeLabel;

  @Field(() => Float)
  score!: number;
}

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

  @Field(() => [LabelCount])
  byLabel!: LabelCount[];
}
