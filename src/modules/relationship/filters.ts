import { ArgsType, ClassType } from 'type-graphql';
import { CypherParams } from '../../graph/cypher-params';
import { Args } from '../../graph/projection';
import { FieldFilter } from '../../model/model';
import { Paginated } from '../connection/connection.inputs';
import { SalaryFilter, salaryConditionList } from '../salary/salary.cypher';
import { SalaryWhereArgs } from '../salary/salary.inputs';
import { TechnologyFilters, TechnologyKindPageArgs } from '../technology/technology.inputs';

/** What a relationship field's filter (model.ts `filter`) takes as arguments, and the conditions it puts on the related node. */
export interface FilterImplementation {
  /** The list's arguments. */
  args: ClassType;
  /** The connection's: the same, then the page's. */
  pageArgs: ClassType;
  conditions(node: string, args: Args, params: CypherParams): string[];
}

@ArgsType()
class SalariesPageArgs extends Paginated(SalaryWhereArgs) {}

export const FIELD_FILTERS: Record<FieldFilter, FilterImplementation> = {
  technologyKind: {
    args: TechnologyFilters,
    pageArgs: TechnologyKindPageArgs,
    conditions: (node, args, params) => (args.kind ? [`${node}.kind = ${params.add(args.kind)}`] : []),
  },
  salaryWhere: {
    args: SalaryWhereArgs,
    pageArgs: SalariesPageArgs,
    conditions: (node, args, params) => salaryConditionList(node, args.where as SalaryFilter | undefined, params),
  },
};
