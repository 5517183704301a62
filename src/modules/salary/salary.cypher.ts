import neo4j from 'neo4j-driver';
import { notFound } from '../../errors';
import { CypherParams } from '../../graph/cypher-params';
import { CypherText, Projected, WriteQuery } from '../../graph/db';
import { arrow, createdStamp, nodeStamp, updatedStamp } from '../../model/cypher';
import { sortNameStamp } from '../../model/sort-name';
import { cites, earns } from '../../model/model';
import { slug } from '../slug';
import { SalaryGroupBy } from './salary.enums';
import { SalaryStatsArgs } from './salary.inputs';

export interface SalaryFilter {
  country?: string | null;
  currency?: string | null;
  year?: number | null;
  seniority?: string | null;
  period?: string | null;
  remoteWork?: string | null;
  orgSize?: string | null;
}

const FILTER_FIELDS = ['country', 'currency', 'year', 'seniority', 'period', 'remoteWork', 'orgSize'] as const;

/** ISO 3166's code for an unknown territory: a salary whose country the dataset does not tell (the survey's "Nomadic"). */
export const UNKNOWN_COUNTRY = 'ZZ';

/** Equality conditions on salary variable `salary` for the filter's fields that are set. */
export function salaryConditionList(salary: string, filter: SalaryFilter | null | undefined, params: CypherParams): string[] {
  return FILTER_FIELDS.filter((field) => filter?.[field] !== null && filter?.[field] !== undefined).map(
    (field) => `${salary}.${field} = ${field === 'year' ? params.addInt(filter?.year as number) : params.add(filter?.[field])}`,
  );
}

const GROUP_KEY: Record<SalaryGroupBy, string> = {
  SENIORITY: 's.seniority',
  COUNTRY: 's.country',
  YEAR: 'toString(s.year)',
  ROLE: 'r.id',
  REMOTE_WORK: 's.remoteWork',
  ORG_SIZE: 's.orgSize',
};

/** Salaries in no group of a grouping: without the property grouped by, or of an unknown country. */
const UNGROUPED: Partial<Record<SalaryGroupBy, string>> = {
  COUNTRY: `s.country <> '${UNKNOWN_COUNTRY}'`,
  REMOTE_WORK: 's.remoteWork IS NOT NULL',
  ORG_SIZE: 's.orgSize IS NOT NULL',
};

/** Statistics per (group key, currency, period): amounts in different currencies or periods never meet. */
export function salaryStats({ groupBy, roleId, where }: SalaryStatsArgs): CypherText {
  return ({ params, valid }) => {
    const conditions = [valid('s', 'Salary'), ...salaryConditionList('s', where, params)];
    if (roleId) conditions.push(`r.id = ${params.add(roleId)}`);
    if (UNGROUPED[groupBy]) conditions.push(UNGROUPED[groupBy]);
    return `MATCH (r:Role)${arrow(earns)}(s:Salary)
${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
WITH ${GROUP_KEY[groupBy]} AS key, s
RETURN key, s.currency AS currency, s.period AS period, count(s) AS count,
       min(s.amount) AS min, max(s.amount) AS max, avg(s.amount) AS avg,
       percentileCont(s.amount, 0.25) AS p25, percentileCont(s.amount, 0.5) AS median, percentileCont(s.amount, 0.75) AS p75
ORDER BY key, currency, period`;
  };
}

const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });
const titleCase = (word: string) => word.charAt(0) + word.slice(1).toLowerCase();

export interface SalaryRecord {
  roleId: string;
  amount: number;
  currency: string;
  country: string;
  year: number;
  seniority: string;
  period: string;
  sourceId?: string | null;
}

/**
 * One data point per role, seniority, country and year: the id is the slug of its label
 * ("senior-backend-developer-australia-2019"), so recording the same point again updates it.
 * Writes only when the role (and the source, if named) exist; NOT_FOUND names the one missing.
 */
export function recordSalary(record: SalaryRecord): WriteQuery<Projected> {
  const countryName = REGION_NAMES.of(record.country) ?? record.country;
  const id = `${record.seniority.toLowerCase()}-${record.roleId}-${slug(countryName)}-${record.year}`;
  const properties = {
    amount: record.amount,
    currency: record.currency,
    country: record.country,
    year: neo4j.int(record.year),
    seniority: record.seniority,
    period: record.period,
  };
  return {
    cypher: ({ params, project, actor }) => {
      const sourceId = params.add(record.sourceId ?? null);
      return `OPTIONAL MATCH (r:Role {id: ${params.add(record.roleId)}})
OPTIONAL MATCH (source:Source {id: ${sourceId}})
CALL (r, source) {
  WITH r, source WHERE r IS NOT NULL AND (${sourceId} IS NULL OR source IS NOT NULL)
  MERGE (p:Salary {id: ${params.add(id)}})
  ON CREATE SET ${createdStamp('p', "'user'")}
  SET ${nodeStamp('p')}, p += ${params.add(properties)}, ${updatedStamp('p', params.add(actor))},
      p.name = ${params.add(`${titleCase(record.seniority)} `)} + r.name + ${params.add(`, ${countryName} ${record.year}`)}
  SET ${sortNameStamp('p')}
  MERGE (r)${arrow(earns, 'out', 'earns')}(p)
  ON CREATE SET ${createdStamp('earns', "'user'")}
  WITH p, source
  CALL (p, source) {
    WITH p, source WHERE source IS NOT NULL
    OPTIONAL MATCH (p)${arrow(cites, 'out', 'old')}(:Source)
    DELETE old
    MERGE (p)${arrow(cites, 'out', 'cites')}(source)
  }
  RETURN collect(p) AS recorded
}
RETURN r IS NOT NULL AS roleExists, source IS NOT NULL AS sourceExists, [p IN recorded | ${project('p')}][0] AS value`;
    },
    answer: (row) => {
      if (!row.roleExists) throw notFound('roleId', record.roleId);
      if (!row.sourceExists && record.sourceId) throw notFound('sourceId', record.sourceId);
      return row.value as Projected;
    },
    changes: () => [
      { kind: 'UPSERTED', id, label: 'SALARY' },
      { kind: 'LINKED', id: record.roleId, label: 'ROLE', from: record.roleId, to: id, type: earns.type },
      ...(record.sourceId ? [{ kind: 'LINKED' as const, id, label: 'SALARY', from: id, to: record.sourceId, type: cites.type }] : []),
    ],
  };
}
