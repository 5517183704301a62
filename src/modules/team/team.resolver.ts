import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected } from '../../graph/db';
import { Team, TeamConnection } from './team.type';
import { everyNode, everyNodePage, ROOT_LIST_BOUND } from '../node/node.cypher';
import { PageArgs } from '../connection/connection.inputs';
import { Bounded, useConnection } from '../../graph/list-bound';

@Resolver(() => Team)
export class TeamResolver {
  @Bounded(ROOT_LIST_BOUND)
  @Query(() => [Team], { deprecationReason: useConnection('teamsConnection', ROOT_LIST_BOUND) })
  teams(@Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected[]> {
    return db.nodes(info, everyNode('Team'));
  }

  @Query(() => TeamConnection, { description: 'Every team, a page at a time, in name order (keyset cursors).' })
  teamsConnection(@Args() args: PageArgs, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected> {
    return db.page(info, everyNodePage('Team', args));
  }
}
