import { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected, readAll } from '../read';
import { Skill } from './skill.type';

@Resolver(() => Skill)
export class SkillResolver {
  @Query(() => [Skill])
  skills(@Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Projected[]> {
    return readAll(context, info, 'Skill');
  }
}
