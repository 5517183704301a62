import { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected } from '../../graph/db';
import { Team } from './team.type';
import { everyNode } from '../node/node.cypher';

@Resolver(() => Team)
export class TeamResolver {
  @Query(() => [Team])
  teams(@Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected[]> {
    return db.nodes(info, everyNode('Team'));
  }
}
