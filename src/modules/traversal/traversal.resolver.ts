import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Row, shape, shapeRow } from '../../graph/shape';
import { Parameters, resolveTree } from '../../graph/projection';
import { Projected, projectionFor } from '../read';
import { NeighborhoodArgs, PathArgs, SearchArgs } from './traversal.inputs';
import { neighborhoodQuery, pathQuery, searchQuery, statsQuery } from './traversal.cypher';
import { GraphStats, GraphView, Path, SearchHit } from './traversal.type';

const GRAPH_LISTS = { nodes: 'GraphNode', edges: 'GraphEdge' };

@Resolver()
export class TraversalResolver {
  @Query(() => [SearchHit], { description: 'Full-text search over names and descriptions, best first. first: 1..50.' })
  async search(@Args() { text, labels, first }: SearchArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Projected[]> {
    const projection = projectionFor(info);
    const tree = resolveTree(info);
    const nodeFields = Object.values(tree.fieldsByTypeName.SearchHit ?? {}).filter((field) => field.name === 'node');
    const nodes = projection.mapByAlias('Node', nodeFields, { node: 'n' });
    const cypher = searchQuery(text, labels, first, nodes, projection.params);
    const rows = await context.graph.read(cypher, projection.params.values, context.roundTrips);
    return rows.map((row) =>
      shape(tree, 'SearchHit', (field) => (field.name === 'node' ? (row.nodes as Row)[field.alias] : row[field.name])),
    );
  }

  @Query(() => Path, {
    nullable: true,
    description: 'A shortest path between two nodes, over any relationship, ignoring direction; null when none within maxHops (1..8).',
  })
  async path(@Args() { from, to, maxHops }: PathArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Projected | null> {
    const params = new Parameters();
    const [row] = await context.graph.read(pathQuery(from, to, maxHops, params), params.values, context.roundTrips);
    return row ? shapeRow(resolveTree(info), 'Path', row, GRAPH_LISTS) : null;
  }

  @Query(() => GraphView, {
    description: 'The node and everything within depth (1..3) hops, at most limit (1..500) nodes, the start node always included.',
  })
  async neighborhood(
    @Args() { id, depth, limit }: NeighborhoodArgs,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Projected> {
    const params = new Parameters();
    const [row] = await context.graph.read(neighborhoodQuery(id, depth, limit, params), params.values, context.roundTrips);
    return shapeRow(resolveTree(info), 'Graph', row ?? { nodes: [], edges: [] }, GRAPH_LISTS);
  }

  @Query(() => GraphStats)
  async stats(@Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Projected> {
    const [row] = await context.graph.read(statsQuery(), {}, context.roundTrips);
    return shapeRow(resolveTree(info), 'GraphStats', row, { byLabel: 'LabelCount' });
  }
}
