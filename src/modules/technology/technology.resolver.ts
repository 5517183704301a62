import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Extensions, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { Projected } from '../../graph/db';
import { upsertNode } from '../../graph/upsert';
import { PREFETCHED_FIELD, prefetched } from '../../graph/projection';
import { PageArgs } from '../connection/connection.inputs';
import { TechnologyResponsibilitiesConnection, TechnologyUsedByConnection } from '../connection/relationships.type';
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

  @Extensions(PREFETCHED_FIELD)
  @FieldResolver(() => TechnologyUsedByConnection, { description: 'A page of the roles that use it (as `usedBy`), in name order.' })
  usedByConnection(@Root() technology: Projected, @Info() info: GraphQLResolveInfo, @Args() _page: PageArgs): unknown {
    return prefetched(technology, info);
  }

  @Extensions(PREFETCHED_FIELD)
  @FieldResolver(() => TechnologyResponsibilitiesConnection, { description: 'A page of the responsibilities that involve it (as `responsibilities`), in name order.' })
  responsibilitiesConnection(@Root() technology: Projected, @Info() info: GraphQLResolveInfo, @Args() _page: PageArgs): unknown {
    return prefetched(technology, info);
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
