import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected, readConnection } from '../read';
import { TechnologiesArgs } from './technology.inputs';
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
      direction: 'ASC',
      first: args.first,
      after: args.after,
    }));
  }
}
