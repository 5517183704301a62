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
 * `inDemand`. When the download has them, alternate titles become the occupation's `alternativeNames` and the
 * task ratings' importance (scale IM) the role-task relationship's `importance`. Ids: `onet-` and the slug of
 * the SOC code (`onet-15-1252-00`), `onet-task-` and the task id.
 */

export const ONET_FILES = {
  occupations: 'Occupation Data.txt',
  tasks: 'Task Statements.txt',
  technologies: 'Technology Skills.txt',
  alternateTitles: 'Alternate Titles.txt',
  taskRatings: 'Task Ratings.txt',
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

const taskNodeId = (taskId: string) => `onet-task-${taskId}`;

/** A task's importance to its occupation: Task Ratings' `Data Value` on the importance scale (IM), 1 to 5. */
function importance(values: Record<string, string>): number {
  const text = required(values, 'Data Value');
  const value = Number(text);
  if (!Number.isFinite(value) || value < 1 || value > 5) throw new RowError('Data Value', `"${text}" is not an importance rating from 1 to 5`);
  return value;
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
      return [{ id: taskNodeId(taskId), props: { name: required(values, 'Task'), taskType: optional(values, 'Task Type') }, parent, link: {} }];
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

  /** Per occupation (SOC code), its alternate and short titles. */
  const alternateTitlesOf = new Map<string, Set<string>>();
  const alternateTitles: Table = {
    file: file(ONET_FILES.alternateTitles),
    format: 'tsv',
    columns: [SOC_CODE, 'Alternate Title', 'Short Title'],
    optionalFile: true,
    gathered: true,
    map(values) {
      knownOccupation(values);
      required(values, 'Alternate Title');
      return [];
    },
    observe(_rows, values) {
      const titles = alternateTitlesOf.get(values[SOC_CODE].trim()) ?? new Set<string>();
      for (const column of ['Alternate Title', 'Short Title']) {
        const title = optional(values, column);
        if (title) titles.add(title);
      }
      alternateTitlesOf.set(values[SOC_CODE].trim(), titles);
    },
  };

  const taskRatings: Table<RelationshipRow> = {
    file: file(ONET_FILES.taskRatings),
    format: 'tsv',
    columns: [SOC_CODE, 'Task ID', 'Scale ID', 'Data Value'],
    optionalFile: true,
    map(values, _line, notice) {
      const from = knownOccupation(values);
      if (required(values, 'Scale ID') !== 'IM') return [];
      const taskId = required(values, 'Task ID');
      if (!taskIds.has(taskId)) {
        notice('Task ID', `task ${taskId} is not in ${ONET_FILES.tasks}: its rating is not imported`);
        return [];
      }
      return [{ from, to: taskNodeId(taskId), props: { importance: importance(values) } }];
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
    tables: [occupations, tasks, technologySkills, alternateTitles, taskRatings],
    writes: [
      { table: occupations, statement: nodesStatement('Role', 'owned') },
      { table: tasks, statement: linkedNodesStatement(hasResponsibility, 'owned') },
      ...technologyWrites(technologies),
      { table: technologySkills, statement: relationshipsStatement(uses) },
      { table: taskRatings, statement: relationshipsStatement(hasResponsibility) },
      {
        derived: () => [...alternateTitlesOf].map(([socCode, titles]) => ({ id: onetId(socCode), props: { alternativeNames: [...titles] } })),
        statement: nodesStatement('Role', 'owned'),
      },
      { derived: () => crosswalk.occupationLinks('onet', occupationCodes, onetId), statement: relationshipsStatement(mapsTo) },
    ],
    notices: async () => crosswalk.absentOccupations('onet', occupationCodes, ONET_FILES.occupations),
    async check(graph) {
      return [...(await crosswalk.missingRoles(graph, 'onet')), ...(await technologies.conflicts(graph))];
    },
  };
}
