import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected } from '../../graph/db';
import { recordSalary, salaryStats } from './salary.cypher';
import { SalaryInput, SalaryStatsArgs } from './salary.inputs';
import { Salary, SalaryStat } from './salary.type';
import { Bounded } from '../../graph/list-bound';

@Resolver(() => SalaryStat)
export class SalaryResolver {
  @Bounded(1000)
  @Query(() => [SalaryStat], {
    description: 'Salary figures grouped; one stat per (key, currency): amounts in different currencies are never mixed.',
  })
  salaryStats(@Args() args: SalaryStatsArgs, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected[]> {
    return db.rows(info, salaryStats(args));
  }

  @Authorized('editor')
  @Mutation(() => Salary, { description: 'Records a data point; the same role, seniority, country and year again updates it.' })
  recordSalary(@Arg('input', () => SalaryInput) input: SalaryInput, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected> {
    return db.write(info, recordSalary(input));
  }
}
