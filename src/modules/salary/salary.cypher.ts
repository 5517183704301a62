import { Parameters, TypeSpec } from '../../graph/projection';
import { SalaryGroupBy } from './salary.enums';

export const SALARY_SPEC: TypeSpec = {
  relations: {
    role: { target: 'Role', single: true, match: ({ from, to }) => `MATCH (${from})<-[:EARNS]-(${to}:Role)` },
    source: { target: 'Source', single: true, match: ({ from, to }) => `MATCH (${from})-[:CITES]->(${to}:Source)` },
  },
};

export interface SalaryFilter {
  country?: string | null;
  currency?: string | null;
  year?: number | null;
  seniority?: string | null;
  period?: string | null;
}

const FILTER_FIELDS = ['country', 'currency', 'year', 'seniority', 'period'] as const;

/** Equality conditions on salary variable `salary` for the filter's fields that are set. */
export function salaryConditionList(salary: string, filter: SalaryFilter | null | undefined, params: Parameters): string[] {
  return FILTER_FIELDS.filter((field) => filter?.[field] !== null && filter?.[field] !== undefined).map(
    (field) => `${salary}.${field} = ${params.add(filter?.[field])}`,
  );
}

/** ` WHERE ...` over salary variable `salary` ('' when the filter sets nothing). */
export function salaryConditions(salary: string, filter: SalaryFilter | null | undefined, params: Parameters): string {
  const conditions = salaryConditionList(salary, filter, params);
  return conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
}

const GROUP_KEY: Record<SalaryGroupBy, string> = {
  SENIORITY: 's.seniority',
  COUNTRY: 's.country',
  YEAR: 'toString(s.year)',
  ROLE: 'r.id',
};

/** Statistics per (group key, currency, period): amounts in different currencies or periods never meet. */
export function salaryStatsQuery(
  groupBy: SalaryGroupBy,
  roleId: string | null | undefined,
  filter: SalaryFilter | null | undefined,
  params: Parameters,
): string {
  const conditions = salaryConditionList('s', filter, params);
  if (roleId) conditions.push(`r.id = ${params.add(roleId)}`);
  return `MATCH (r:Role)-[:EARNS]->(s:Salary)
${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
WITH ${GROUP_KEY[groupBy]} AS key, s
RETURN key, s.currency AS currency, s.period AS period, count(s) AS count,
       min(s.amount) AS min, max(s.amount) AS max, avg(s.amount) AS avg
ORDER BY key, currency, period`;
}
