import { cypherInteger } from '../../graph/cypher-params';
import { Seniority } from '../../modules/salary/salary.enums';
import { TechnologyKind } from '../../modules/technology/technology.enums';
import { countryCode } from '../countries';
import { UNKNOWN_COUNTRY } from '../../modules/salary/salary.cypher';
import { Crosswalk } from '../crosswalk';
import { FirstSeen, optional, required } from '../fields';
import { Dataset, Table } from '../pipeline';
import { fileDate } from '../provenance';
import { linkedNodesStatement, LinkedNodeRow, nodesStatement, relationshipsStatement, RelationshipRow } from '../statements';
import { earns, uses } from '../../model/model';
import { NamedTechnologies, technologyWrites } from '../technologies';
import { RowError } from '../table';

/**
 * The Stack Overflow Developer Survey's `survey_results_public.csv`, one year (2021 to 2025 read alike: columns
 * are found by name). Each respondent with a numeric ConvertedCompYearly and years of experience becomes a Salary
 * (USD, YEAR) of every team role their DevType maps to (crosswalk.csv; multi-select in 2021-2022), id
 * `so-survey-<year>-<ResponseId>-<role>`, with RemoteWork and OrgSize when the year asks them. Seniority comes from
 * YearsCodePro, else (2025 has none) from WorkExp. A country the survey names but ISO 3166 does not
 * ("Nomadic"), or none, is `ZZ` (ISO's code for an unknown territory): the salary counts for its role, in no
 * country group. Per role, every technology its respondents worked with gets a `uses` relationship with
 * `share`: the fraction of the role's respondents who answered that question and named it, rounded to four
 * decimals, and `answered`, that denominator.
 */

/** The technology columns read (when the year has them), and the kind of the technologies each lists that the catalogue does not. */
export const TECHNOLOGY_COLUMNS: Readonly<Record<string, TechnologyKind>> = {
  LanguageHaveWorkedWith: TechnologyKind.LANGUAGE,
  DatabaseHaveWorkedWith: TechnologyKind.DATABASE,
  PlatformHaveWorkedWith: TechnologyKind.SERVER,
  WebframeHaveWorkedWith: TechnologyKind.FRAMEWORK,
  ToolsTechHaveWorkedWith: TechnologyKind.TOOL,
};

/**
 * Seniority from years of experience: 0-2 JUNIOR, 3-5 MID, 6 and more SENIOR. LEAD is a position,
 * which years alone do not tell, so no respondent gets it.
 */
export const SENIORITY_BANDS: readonly { fromYears: number; seniority: Seniority }[] = [
  { fromYears: 6, seniority: Seniority.SENIOR },
  { fromYears: 3, seniority: Seniority.MID },
  { fromYears: 0, seniority: Seniority.JUNIOR },
];

/** The largest yearly amount a salary may have (the contract's rule for recordSalary). */
const MAX_AMOUNT = 1e9;

/** A number of years as the survey writes it: "Less than 1 year" is 0, "More than 50 years" 51, "5.0" 5. */
function years(value: string, column: string): number {
  if (value === 'Less than 1 year') return 0;
  if (value === 'More than 50 years') return 51;
  if (!/^\d{1,2}(\.\d+)?$/.test(value)) throw new RowError(column, `"${value}" is not a number of years`);
  return Math.floor(Number(value));
}

/** Years of professional coding (YearsCodePro), else of work (WorkExp, the only one from 2025): which, and how many. */
function experience(values: Record<string, string>): { column: 'YearsCodePro' | 'WorkExp'; years: number } | null {
  for (const column of ['YearsCodePro', 'WorkExp'] as const) {
    const value = optional(values, column);
    if (value !== null) return { column, years: years(value, column) };
  }
  return null;
}

export function seniorityFor(years: number): Seniority {
  return SENIORITY_BANDS.find((band) => years >= band.fromYears)!.seniority;
}

/** The `;`-separated values of a field, without NA. */
function list(values: Record<string, string>, column: string): string[] {
  const value = optional(values, column);
  return value === null ? [] : value.split(';').map((item) => item.trim()).filter((item) => item.length > 0);
}

/** Counts per key. */
class Counter<Key> extends Map<Key, number> {
  increment(key: Key): void {
    this.set(key, (this.get(key) ?? 0) + 1);
  }
}

export function surveyDataset(file: string, crosswalk: Crosswalk, year: number): Dataset {
  const sourceId = `so-survey-${year}`;
  const responseIds = new FirstSeen();
  const technologies = new NamedTechnologies();
  /** Per role and technology column: how many of the role's respondents answered that question. */
  const answered = new Counter<string>();
  /** Per role and technology: how many named it, and the column whose respondents are its denominator. */
  const users = new Map<string, { role: string; technology: string; column: string; count: number }>();

  const rolesOf = (values: Record<string, string>): string[] => [...new Set(list(values, 'DevType').flatMap((devType) => crosswalk.rolesFor('so-survey', devType)))];

  const respondents: Table<LinkedNodeRow> = {
    file,
    format: 'csv',
    columns: ['ResponseId', 'DevType', 'Country', 'ConvertedCompYearly'],
    oneOfColumns: [['YearsCodePro', 'WorkExp']],
    optionalColumns: [...Object.keys(TECHNOLOGY_COLUMNS), 'RemoteWork', 'OrgSize'],
    map(values, line, notice) {
      const responseId = required(values, 'ResponseId');
      if (!/^\d+$/.test(responseId)) throw new RowError('ResponseId', `"${responseId}" is not a number`);
      responseIds.check(responseId, line, 'ResponseId');
      const compensation = optional(values, 'ConvertedCompYearly');
      const amount = compensation === null ? null : Number(compensation);
      if (amount !== null && !(Number.isFinite(amount) && amount > 0 && amount < MAX_AMOUNT)) {
        throw new RowError('ConvertedCompYearly', `"${compensation}" is not an amount (above 0, below 1e9, as recordSalary requires)`);
      }
      const countryName = optional(values, 'Country');
      let country = countryName === null ? UNKNOWN_COUNTRY : countryCode(countryName);
      if (country === undefined) {
        notice('Country', `"${countryName}" is no ISO 3166 country: the salary is kept with country ${UNKNOWN_COUNTRY}`);
        country = UNKNOWN_COUNTRY;
      }
      const experienced = experience(values);
      if (amount === null || experienced === null) return [];
      return rolesOf(values).map((role) => ({
        id: `${sourceId}-${responseId}-${role}`,
        props: {
          name: `Survey ${year} respondent ${responseId} (${role})`,
          amount,
          currency: 'USD',
          period: 'YEAR',
          country,
          year: cypherInteger(year),
          seniority: seniorityFor(experienced.years),
          yearsCodePro: experienced.column === 'YearsCodePro' ? cypherInteger(experienced.years) : null,
          workExp: experienced.column === 'WorkExp' ? cypherInteger(experienced.years) : null,
          remoteWork: optional(values, 'RemoteWork'),
          orgSize: optional(values, 'OrgSize'),
        },
        parent: role,
        link: {},
      }));
    },
    observe(_rows, values, line) {
      responseIds.add(values.ResponseId.trim(), line);
      const roles = rolesOf(values);
      if (roles.length === 0) return;
      // A technology counts once per respondent, for the first question that names it.
      const answeredColumns: string[] = [];
      const namedIn = new Map<string, string>();
      for (const [column, kind] of Object.entries(TECHNOLOGY_COLUMNS)) {
        const named = list(values, column);
        if (named.length === 0) continue;
        answeredColumns.push(column);
        for (const name of named) {
          const technology = technologies.add(name, kind, null, file, line);
          if (!namedIn.has(technology)) namedIn.set(technology, column);
        }
      }
      for (const role of roles) {
        for (const column of answeredColumns) answered.increment(`${role}\u0000${column}`);
        for (const [technology, column] of namedIn) {
          const key = `${role}\u0000${technology}`;
          const seen = users.get(key) ?? { role, technology, column, count: 0 };
          seen.count += 1;
          users.set(key, seen);
        }
      }
    },
  };

  const shares = (): RelationshipRow[] =>
    [...users.values()].map(({ role, technology, column, count }) => {
      const denominator = answered.get(`${role}\u0000${column}`)!;
      return { from: role, to: technology, props: { share: Math.min(1, Math.round((count / denominator) * 10_000) / 10_000), answered: cypherInteger(denominator) } };
    });
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
      ...technologyWrites(technologies),
      { derived: shares, statement: relationshipsStatement(uses) },
    ],
    async check(graph) {
      return [...(await crosswalk.missingRoles(graph, 'so-survey')), ...(await technologies.conflicts(graph))];
    },
  };
}
