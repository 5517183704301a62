import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected, readAll } from '../read';
import { idFor, upsertNode } from '../write';
import { SkillInput } from './skill.inputs';
import { Skill } from './skill.type';

@Resolver(() => Skill)
export class SkillResolver {
  @Query(() => [Skill])
  skills(@Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Projected[]> {
    return readAll(context, info, 'Skill');
  }

  @Authorized('editor')
  @Mutation(() => Skill)
  upsertSkill(@Arg('input', () => SkillInput) input: SkillInput, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Projected> {
    const { category, description } = input;
    return upsertNode(context, info, 'Skill', idFor(input), { name: input.name.trim(), category, description });
  }
}
