import { Field, ID, Int, ObjectType } from 'type-graphql';
import { NodeLabel } from '../node/node.type';

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
