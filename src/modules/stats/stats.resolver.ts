import { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected } from '../../graph/db';
import { graphStats } from './stats.cypher';
import { GraphStats } from './stats.type';

@Resolver()
export class StatsResolver {
  @Query(() => GraphStats)
  stats(@Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected | null> {
    return db.row(info, graphStats());
  }
}
