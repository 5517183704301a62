import path from 'node:path';
import { slug } from '../../modules/slug';
import { Crosswalk } from '../crosswalk';
import { FirstSeen, oneOf, optional, required } from '../fields';
import { Dataset, Table } from '../pipeline';
import { fileDate } from '../provenance';
import { linkedNodesStatement, LinkedNodeRow, nodesStatement, NodeRow, relationshipsStatement, RelationshipRow } from '../statements';
import { hasResponsibility, mapsTo, uses } from '../../model/model';
import { NamedTechnologies, technologyWrites } from '../technologies';
import { ImportFileError, RowError } from '../table';
import { technologyKind } from './technology-kinds';

/**
 * O*NET (US Department of Labor), the database's tab-separated text files: occupations become Roles
 * (`socCode`), task statements become Responsibilities of their occupation, and technology skills become
 * Technologies (kind from the commodity title, technology-kinds.ts) that the occupation `uses` with `hot` and
 * `inDemand`. Ids: `onet-` and the slug of the SOC code (`onet-15-1252-00`), `onet-task-` and the task id.
 */

export const ONET_FILES = {
  occupations: 'Occupation Data.txt',
  tasks: 'Task Statements.txt',
  technologies: 'Technology Skills.txt',
} as const;

const SOC_CODE = 'O*NET-SOC Code';
const SOC_PATTERN = /^\d{2}-\d{4}\.\d{2}$/;

export function onetId(socCode: string): string {
  return `onet-${slug(socCode)}`;
}

/** "29.0" from the download's folder name, such as "db_29_0_text". */
function versionFromPath(dir: string): string | undefined {
  const match = /db_(\d+)_(\d+)/.exec(path.resolve(dir));
  return match ? `${match[1]}.${match[2]}` : undefined;
}

/** Y or N; null when the release has no such column (In Demand, before O*NET 27.1). */
function yesNo(values: Record<string, string>, column: string): boolean | null {
  if (values[column] === undefined) return null;
  return oneOf(values, column, ['Y', 'N'] as const) === 'Y';
}

export function onetDataset(dir: string, crosswalk: Crosswalk, version = versionFromPath(dir)): Dataset {
  if (!version) throw new ImportFileError(`${dir}: no O*NET version in the folder's name (such as db_29_0_text): give it with --version`);
  const file = (name: string) => path.join(dir, name);
  const occupationCodes = new FirstSeen();
  const taskIds = new FirstSeen();
  const technologies = new NamedTechnologies();

  /** The SOC code of a row of tasks or technologies: one of Occupation Data's. */
  const knownOccupation = (values: Record<string, string>): string => {
    const code = required(values, SOC_CODE);
    if (!occupationCodes.has(code)) throw new RowError(SOC_CODE, `"${code}" is not in ${ONET_FILES.occupations}`);
    return onetId(code);
  };

  const occupations: Table<NodeRow> = {
    file: file(ONET_FILES.occupations),
    format: 'tsv',
    columns: [SOC_CODE, 'Title', 'Description'],
    map(values, line) {
      const socCode = required(values, SOC_CODE);
      if (!SOC_PATTERN.test(socCode)) throw new RowError(SOC_CODE, `"${socCode}" is not an O*NET-SOC code (such as 15-1252.00)`);
      occupationCodes.check(socCode, line, SOC_CODE);
      return [{ id: onetId(socCode), props: { name: required(values, 'Title'), summary: optional(values, 'Description'), socCode } }];
    },
    observe: (_rows, values, line) => occupationCodes.add(values[SOC_CODE].trim(), line),
  };

  const tasks: Table<LinkedNodeRow> = {
    file: file(ONET_FILES.tasks),
    format: 'tsv',
    columns: [SOC_CODE, 'Task ID', 'Task', 'Task Type'],
    map(values, line) {
      const parent = knownOccupation(values);
      const taskId = required(values, 'Task ID');
      if (!/^\d+$/.test(taskId)) throw new RowError('Task ID', `"${taskId}" is not a number`);
      taskIds.check(taskId, line, 'Task ID');
      return [{ id: `onet-task-${taskId}`, props: { name: required(values, 'Task'), taskType: optional(values, 'Task Type') }, parent, link: {} }];
    },
    observe: (_rows, values, line) => taskIds.add(values['Task ID'].trim(), line),
  };

  const technologySkills: Table<RelationshipRow> = {
    file: file(ONET_FILES.technologies),
    format: 'tsv',
    columns: [SOC_CODE, 'Example', 'Commodity Code', 'Commodity Title', 'Hot Technology'],
    optionalColumns: ['In Demand'],
    map(values) {
      const from = knownOccupation(values);
      const to = technologies.idOf(required(values, 'Example'));
      required(values, 'Commodity Title');
      return [{ from, to, props: { hot: yesNo(values, 'Hot Technology'), inDemand: yesNo(values, 'In Demand') } }];
    },
    observe(_rows, values, line) {
      const title = values['Commodity Title'].trim();
      technologies.add(values.Example.trim(), technologyKind(title), title, technologySkills.file, line);
    },
  };

  return {
    source: {
      id: `onet-${slug(version)}`,
      name: `O*NET ${version} Database`,
      publisher: 'U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)',
      url: 'https://www.onetcenter.org/database.html',
      version,
      licence: 'CC BY 4.0',
      retrievedAt: fileDate(occupations.file),
      description: `Includes information from the O*NET ${version} Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.`,
    },
    origin: 'onet',
    tables: [occupations, tasks, technologySkills],
    writes: [
      { table: occupations, statement: nodesStatement('Role', 'owned') },
      { table: tasks, statement: linkedNodesStatement(hasResponsibility, 'owned') },
      ...technologyWrites(technologies),
      { table: technologySkills, statement: relationshipsStatement(uses) },
      { derived: () => crosswalk.occupationLinks('onet', occupationCodes, onetId), statement: relationshipsStatement(mapsTo) },
    ],
    notices: async () => crosswalk.absentOccupations('onet', occupationCodes, ONET_FILES.occupations),
    async check(graph) {
      return [...(await crosswalk.missingRoles(graph, 'onet')), ...(await technologies.conflicts(graph))];
    },
  };
}
