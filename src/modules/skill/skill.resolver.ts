import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected } from '../../graph/db';
import { upsertNode } from '../../graph/upsert';
import { idFor } from '../node/node.inputs';
import { skillsPage } from './skill.cypher';
import { SkillInput, SkillsArgs } from './skill.inputs';
import { Skill, SkillConnection } from './skill.type';
import { everyNode, ROOT_LIST_BOUND } from '../node/node.cypher';
import { Bounded, useConnection } from '../../graph/list-bound';

@Resolver(() => Skill)
export class SkillResolver {
  @Bounded(ROOT_LIST_BOUND)
  @Query(() => [Skill], { deprecationReason: useConnection('skillsConnection', ROOT_LIST_BOUND) })
  skills(@Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected[]> {
    return db.nodes(info, everyNode('Skill'));
  }

  @Query(() => SkillConnection, { description: 'Every skill, a page at a time: in name order, or the most required first (orderBy).' })
  skillsConnection(@Args() args: SkillsArgs, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected> {
    return db.page(info, skillsPage(args));
  }

  @Authorized('editor')
  @Mutation(() => Skill)
  upsertSkill(@Arg('input', () => SkillInput) input: SkillInput, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected> {
    const { category, description } = input;
    return db.write(info, upsertNode('Skill', idFor(input), { name: input.name.trim(), category, description }));
  }
}
