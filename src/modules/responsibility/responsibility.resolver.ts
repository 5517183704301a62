import { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected, readAll } from '../read';
import { Responsibility } from './responsibility.type';

@Resolver(() => Responsibility)
export class ResponsibilityResolver {
  @Query(() => [Responsibility])
  responsibilities(@Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Projected[]> {
    return readAll(context, info, 'Responsibility');
  }
}
