import { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected } from '../../graph/db';
import { deleteNode, nodeById } from './node.cypher';
import { NodeIdArgs } from './node.inputs';
import { Node } from './node.type';

@Resolver(() => Node)
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any node by id; null when there is none.' })
  node(@Args() { id }: NodeIdArgs, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected | null> {
    return db.node(info, nodeById('Node', id));
  }

  @Authorized('editor')
  @Mutation(() => Boolean, { description: 'Deletes the node and its relationships (a role takes its salaries along); false when no such node.' })
  deleteNode(@Args() { id }: NodeIdArgs, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<boolean> {
    return db.write(info, deleteNode(id));
  }
}
