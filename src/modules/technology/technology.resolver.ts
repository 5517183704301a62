import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected } from '../../graph/db';
import { upsertNode } from '../../graph/upsert';
import { idFor } from '../node/node.inputs';
import { technologiesPage } from './technology.cypher';
import { TechnologiesArgs, TechnologyInput } from './technology.inputs';
import { Technology, TechnologyConnection } from './technology.type';

@Resolver(() => Technology)
export class TechnologyResolver {
  @Query(() => TechnologyConnection)
  technologies(
    @Args() args: TechnologiesArgs,
    @Ctx() { db }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Projected> {
    return db.page(info, technologiesPage(args));
  }

  @Authorized('editor')
  @Mutation(() => Technology)
  upsertTechnology(
    @Arg('input', () => TechnologyInput) input: TechnologyInput,
    @Ctx() { db }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Projected> {
    const { kind, description } = input;
    return db.write(info, upsertNode('Technology', idFor(input), { name: input.name.trim(), kind, description }));
  }
}
