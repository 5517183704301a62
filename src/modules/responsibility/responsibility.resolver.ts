import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected } from '../../graph/db';
import { upsertNode } from '../../graph/upsert';
import { idFor } from '../node/node.inputs';
import { ResponsibilityInput } from './responsibility.inputs';
import { Responsibility } from './responsibility.type';
import { everyNode } from '../node/node.cypher';

@Resolver(() => Responsibility)
export class ResponsibilityResolver {
  @Query(() => [Responsibility])
  responsibilities(@Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected[]> {
    return db.nodes(info, everyNode('Responsibility'));
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
