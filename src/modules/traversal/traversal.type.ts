import { Field, ID, Int, ObjectType } from 'type-graphql';
import { NodeLabel } from '../node/node.type';
import { Bounded } from '../../graph/list-bound';
import { MAX_HOPS, MAX_NEIGHBORHOOD_EDGES, MAX_NEIGHBORHOOD_NODES } from './traversal.inputs';

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
  @Bounded(MAX_NEIGHBORHOOD_NODES)
  @Field(() => [GraphNode])
  nodes!: GraphNode[];

  @Bounded(MAX_NEIGHBORHOOD_EDGES)
  @Field(() => [GraphEdge])
  edges!: GraphEdge[];
}

@ObjectType({ simpleResolvers: true })
export class Path {
  @Field(() => Int)
  length!: number;

  @Bounded(MAX_HOPS + 1)
  @Field(() => [GraphNode])
  nodes!: GraphNode[];

  @Bounded(MAX_HOPS)
  @Field(() => [GraphEdge])
  edges!: GraphEdge[];
}
