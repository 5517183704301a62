import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { shapeRow } from '../../graph/shape';
import { Parameters, resolveTree } from '../../graph/projection';
import { notFound } from '../errors';
import { Projected, projectionFor } from '../read';
import { actor } from '../write';
import { recordSalaryQuery, salaryStatsQuery } from './salary.cypher';
import { SalaryInput, SalaryStatsArgs } from './salary.inputs';
import { Salary, SalaryStat } from './salary.type';

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

  @Authorized('editor')
  @Mutation(() => Salary, { description: 'Records a data point; the same role, seniority, country and year again updates it.' })
  async recordSalary(
    @Arg('input', () => SalaryInput) input: SalaryInput,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Projected> {
    const projection = projectionFor(info);
    const fields = resolveTree(info).fieldsByTypeName;
    const cypher = recordSalaryQuery(input, actor(context), (salary) => projection.map('Salary', fields, { node: salary }), projection.params);
    const [row] = await context.graph.write(cypher, projection.params.values, context.roundTrips);
    if (!row.roleExists) throw notFound('roleId', input.roleId);
    if (!row.sourceExists && input.sourceId) throw notFound('sourceId', input.sourceId);
    return row.value as Projected;
  }
}
