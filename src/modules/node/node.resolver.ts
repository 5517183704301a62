import { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected, readNode } from '../read';
import { NodeIdArgs } from './node.inputs';
import { Node } from './node.type';

@Resolver(() => Node)
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any node by id; null when there is none.' })
  node(@Args() { id }: NodeIdArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Projected | null> {
    return readNode(context, info, 'Node', (params) => `MATCH (n:Node {id: ${params.add(id)}})`);
  }

  @Authorized('editor')
  @Mutation(() => Boolean, { description: 'Deletes the node and its relationships (a role takes its salaries along); false when no such node.' })
  async deleteNode(@Args() { id }: NodeIdArgs, @Ctx() context: Context): Promise<boolean> {
    const [row] = await context.graph.write(
      `OPTIONAL MATCH (n:Node {id: $id})
OPTIONAL MATCH (n:Role)-[:EARNS]->(salary:Salary)
WITH n, n IS NOT NULL AS existed, collect(salary) AS salaries
FOREACH (salary IN salaries | DETACH DELETE salary)
DETACH DELETE n
RETURN existed`,
      { id },
      context.roundTrips,
    );
    return row.existed as boolean;
  }
}
