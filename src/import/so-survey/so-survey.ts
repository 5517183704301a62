import { cypherInteger } from '../../graph/cypher-params';
import { Seniority } from '../../modules/salary/salary.enums';
import { TechnologyKind } from '../../modules/technology/technology.enums';
import { countryCode } from '../countries';
import { Crosswalk } from '../crosswalk';
import { FirstSeen, optional, required } from '../fields';
import { Dataset, Table } from '../pipeline';
import { fileDate } from '../provenance';
import { linkedNodesStatement, LinkedNodeRow, nodesStatement, relationshipsStatement, RelationshipRow } from '../statements';
import { earns, uses } from '../../model/model';
import { TechnologyCatalog } from '../technologies';
import { RowError } from '../table';

/**
 * The Stack Overflow Developer Survey's `survey_results_public.csv`, one year. Each respondent with a
 * numeric ConvertedCompYearly, a country and YearsCodePro becomes a Salary (USD, YEAR) of every team role
 * their DevType maps to (crosswalk.csv), id `so-survey-<year>-<ResponseId>-<role>`. Per role, every
 * technology its respondents worked with gets a `uses` relationship with `share`: the fraction of the role's respondents
 * (with or without a salary) who named it, rounded to four decimals.
 */

/** The technology columns read, and the kind of the technologies each lists. */
export const TECHNOLOGY_COLUMNS: Readonly<Record<string, TechnologyKind>> = {
  LanguageHaveWorkedWith: TechnologyKind.LANGUAGE,
  DatabaseHaveWorkedWith: TechnologyKind.DATABASE,
  PlatformHaveWorkedWith: TechnologyKind.SERVER,
  WebframeHaveWorkedWith: TechnologyKind.FRAMEWORK,
};

/**
 * Seniority from years of professional coding: 0-2 JUNIOR, 3-5 MID, 6 and more SENIOR. LEAD is a position,
 * which years alone do not tell, so no respondent gets it.
 */
export const SENIORITY_BANDS: readonly { fromYears: number; seniority: Seniority }[] = [
  { fromYears: 6, seniority: Seniority.SENIOR },
  { fromYears: 3, seniority: Seniority.MID },
  { fromYears: 0, seniority: Seniority.JUNIOR },
];

/** The largest yearly amount a salary may have (the contract's rule for recordSalary). */
const MAX_AMOUNT = 1e9;

/** YearsCodePro as a number: "Less than 1 year" is 0, "More than 50 years" 51. */
function yearsCodePro(value: string): number {
  if (value === 'Less than 1 year') return 0;
  if (value === 'More than 50 years') return 51;
  if (!/^\d{1,2}$/.test(value)) throw new RowError('YearsCodePro', `"${value}" is not a number of years`);
  return Number(value);
}

export function seniorityFor(years: number): Seniority {
  return SENIORITY_BANDS.find((band) => years >= band.fromYears)!.seniority;
}

/** The `;`-separated values of a field, without NA. */
function list(values: Record<string, string>, column: string): string[] {
  const value = optional(values, column);
  return value === null ? [] : value.split(';').map((item) => item.trim()).filter((item) => item.length > 0);
}

export function surveyDataset(file: string, crosswalk: Crosswalk, year: number): Dataset {
  const sourceId = `so-survey-${year}`;
  const responseIds = new FirstSeen();
  const technologies = new TechnologyCatalog();
  const respondentsByRole = new Map<string, number>();
  const usersByRoleAndTechnology = new Map<string, Map<string, number>>();

  const rolesOf = (values: Record<string, string>): string[] => [...new Set(list(values, 'DevType').flatMap((devType) => crosswalk.rolesFor('so-survey', devType)))];

  const respondents: Table<LinkedNodeRow> = {
    file,
    format: 'csv',
    columns: ['ResponseId', 'DevType', 'Country', 'ConvertedCompYearly', 'YearsCodePro', ...Object.keys(TECHNOLOGY_COLUMNS)],
    map(values, line) {
      const responseId = required(values, 'ResponseId');
      if (!/^\d+$/.test(responseId)) throw new RowError('ResponseId', `"${responseId}" is not a number`);
      responseIds.check(responseId, line, 'ResponseId');
      const compensation = optional(values, 'ConvertedCompYearly');
      const amount = compensation === null ? null : Number(compensation);
      if (amount !== null && !(Number.isFinite(amount) && amount > 0 && amount < MAX_AMOUNT)) {
        throw new RowError('ConvertedCompYearly', `"${compensation}" is not an amount (above 0, below 1e9, as recordSalary requires)`);
      }
      const countryName = optional(values, 'Country');
      const country = countryName === null ? null : countryCode(countryName);
      if (country === undefined) throw new RowError('Country', `unknown country "${countryName}"`);
      const yearsText = optional(values, 'YearsCodePro');
      const years = yearsText === null ? null : yearsCodePro(yearsText);
      if (amount === null || country === null || years === null) return [];
      const seniority = seniorityFor(years);
      return rolesOf(values).map((role) => ({
        id: `${sourceId}-${responseId}-${role}`,
        props: {
          name: `Survey ${year} respondent ${responseId} (${role})`,
          amount,
          currency: 'USD',
          period: 'YEAR',
          country,
          year: cypherInteger(year),
          seniority,
          yearsCodePro: cypherInteger(years),
        },
        parent: role,
        link: {},
      }));
    },
    observe(_rows, values, line) {
      responseIds.add(values.ResponseId.trim(), line);
      const roles = rolesOf(values);
      if (roles.length === 0) return;
      const named = Object.entries(TECHNOLOGY_COLUMNS).flatMap(([column, kind]) => list(values, column).map((name) => technologies.add(name, kind, null, file, line)));
      for (const role of roles) {
        respondentsByRole.set(role, (respondentsByRole.get(role) ?? 0) + 1);
        const users = usersByRoleAndTechnology.get(role) ?? new Map<string, number>();
        for (const technology of new Set(named)) users.set(technology, (users.get(technology) ?? 0) + 1);
        usersByRoleAndTechnology.set(role, users);
      }
    },
  };

  const shares = (): RelationshipRow[] =>
    [...usersByRoleAndTechnology].flatMap(([role, users]) =>
      [...users].map(([technology, count]) => ({ from: role, to: technology, props: { share: Math.round((count / respondentsByRole.get(role)!) * 10_000) / 10_000 } })),
    );

  return {
    source: {
      id: sourceId,
      name: `Stack Overflow Developer Survey ${year}`,
      publisher: 'Stack Overflow',
      url: 'https://survey.stackoverflow.co/',
      version: String(year),
      licence: 'Open Database License (ODbL) 1.0; contents under the Database Contents License (DbCL) 1.0',
      retrievedAt: fileDate(file),
      description: `Answers of the ${year} Stack Overflow Developer Survey: salaries, countries, experience and technologies of developers.`,
    },
    origin: 'so-survey',
    tables: [respondents],
    writes: [
      { table: respondents, statement: linkedNodesStatement(earns, 'owned') },
      { derived: () => technologies.rows(), statement: nodesStatement('Technology', 'shared') },
      { derived: shares, statement: relationshipsStatement(uses) },
    ],
    async check(graph) {
      return [...(await crosswalk.missingRoles(graph, 'so-survey')), ...(await technologies.conflicts(graph))];
    },
  };
}
