import { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected, readAll } from '../read';
import { Team } from './team.type';

@Resolver(() => Team)
export class TeamResolver {
  @Query(() => [Team])
  teams(@Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Projected[]> {
    return readAll(context, info, 'Team');
  }
}
