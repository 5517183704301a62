import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected, readConnection } from '../read';
import { idFor, upsertNode } from '../write';
import { TechnologiesArgs, TechnologyInput } from './technology.inputs';
import { Technology, TechnologyConnection } from './technology.type';

const TECHNOLOGY_CONNECTION = { connection: 'TechnologyConnection', edge: 'TechnologyEdge', node: 'Technology' };

@Resolver(() => Technology)
export class TechnologyResolver {
  @Query(() => TechnologyConnection)
  technologies(
    @Args() args: TechnologiesArgs,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Projected> {
    return readConnection(context, info, TECHNOLOGY_CONNECTION, (params) => ({
      match: 'MATCH (n:Technology)',
      conditions: args.kind ? [`n.kind = ${params.add(args.kind)}`] : [],
      equalKeys: args.kind ? ['kind'] : [],
      direction: 'ASC',
      first: args.first,
      after: args.after,
    }));
  }

  @Authorized('editor')
  @Mutation(() => Technology)
  upsertTechnology(
    @Arg('input', () => TechnologyInput) input: TechnologyInput,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Projected> {
    const { kind, description } = input;
    return upsertNode(context, info, 'Technology', idFor(input), { name: input.name.trim(), kind, description });
  }
}
