import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected } from '../../graph/db';
import { EMPTY_GRAPH, neighborhood, shortestPath } from './traversal.cypher';
import { NeighborhoodArgs, PathArgs } from './traversal.inputs';
import { GraphView, Path } from './traversal.type';

@Resolver()
export class TraversalResolver {
  @Query(() => Path, {
    nullable: true,
    description: 'A shortest path between two nodes, over any relationship, ignoring direction; null when none within maxHops (1..8).',
  })
  path(@Args() args: PathArgs, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected | null> {
    return db.row(info, shortestPath(args));
  }

  @Query(() => GraphView, {
    description: 'The node and everything within depth (1..3) hops, at most limit (1..500) nodes, the start node always included.',
  })
  neighborhood(@Args() args: NeighborhoodArgs, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected | null> {
    return db.row(info, neighborhood(args), EMPTY_GRAPH);
  }
}
