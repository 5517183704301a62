import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
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
}
