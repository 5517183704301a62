import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected } from '../../graph/db';
import { upsertNode } from '../../graph/upsert';
import { idFor } from '../node/node.inputs';
import { SkillInput } from './skill.inputs';
import { Skill } from './skill.type';
import { everyNode } from '../node/node.cypher';

@Resolver(() => Skill)
export class SkillResolver {
  @Query(() => [Skill])
  skills(@Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected[]> {
    return db.nodes(info, everyNode('Skill'));
  }

  @Authorized('editor')
  @Mutation(() => Skill)
  upsertSkill(@Arg('input', () => SkillInput) input: SkillInput, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected> {
    const { category, description } = input;
    return db.write(info, upsertNode('Skill', idFor(input), { name: input.name.trim(), category, description }));
  }
}
