import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected } from '../../graph/db';
import { upsertNode } from '../../graph/upsert';
import { idFor } from '../node/node.inputs';
import { ResponsibilityInput } from './responsibility.inputs';
import { Responsibility, ResponsibilityConnection } from './responsibility.type';
import { everyNode, everyNodePage, ROOT_LIST_BOUND } from '../node/node.cypher';
import { PageArgs } from '../connection/connection.inputs';
import { Bounded, useConnection } from '../../graph/list-bound';

@Resolver(() => Responsibility)
export class ResponsibilityResolver {
  @Bounded(ROOT_LIST_BOUND)
  @Query(() => [Responsibility], { deprecationReason: useConnection('responsibilitiesConnection', ROOT_LIST_BOUND) })
  responsibilities(@Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected[]> {
    return db.nodes(info, everyNode('Responsibility'));
  }

  @Query(() => ResponsibilityConnection, { description: 'Every responsibility, a page at a time, in name order (keyset cursors).' })
  responsibilitiesConnection(@Args() args: PageArgs, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected> {
    return db.page(info, everyNodePage('Responsibility', args));
  }

  @Authorized('editor')
  @Mutation(() => Responsibility)
  upsertResponsibility(
    @Arg('input', () => ResponsibilityInput) input: ResponsibilityInput,
    @Ctx() { db }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Projected> {
    return db.write(info, upsertNode('Responsibility', idFor(input), { name: input.name.trim(), description: input.description }));
  }
}
