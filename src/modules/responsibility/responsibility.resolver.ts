import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected, readAll } from '../read';
import { idFor, upsertNode } from '../write';
import { ResponsibilityInput } from './responsibility.inputs';
import { Responsibility } from './responsibility.type';

@Resolver(() => Responsibility)
export class ResponsibilityResolver {
  @Query(() => [Responsibility])
  responsibilities(@Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Projected[]> {
    return readAll(context, info, 'Responsibility');
  }

  @Authorized('editor')
  @Mutation(() => Responsibility)
  upsertResponsibility(
    @Arg('input', () => ResponsibilityInput) input: ResponsibilityInput,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Projected> {
    return upsertNode(context, info, 'Responsibility', idFor(input), { name: input.name.trim(), description: input.description });
  }
}
