import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { shapeRow } from '../../graph/shape';
import { Parameters, resolveTree } from '../../graph/projection';
import { Projected } from '../read';
import { salaryStatsQuery } from './salary.cypher';
import { SalaryStatsArgs } from './salary.inputs';
import { SalaryStat } from './salary.type';

@Resolver(() => SalaryStat)
export class SalaryResolver {
  @Query(() => [SalaryStat], {
    description: 'Salary figures grouped; one stat per (key, currency): amounts in different currencies are never mixed.',
  })
  async salaryStats(
    @Args() { groupBy, roleId, where }: SalaryStatsArgs,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Projected[]> {
    const params = new Parameters();
    const rows = await context.graph.read(salaryStatsQuery(groupBy, roleId, where, params), params.values, context.roundTrips);
    const tree = resolveTree(info);
    return rows.map((row) => shapeRow(tree, 'SalaryStat', row));
  }
}
