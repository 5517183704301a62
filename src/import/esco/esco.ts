import path from 'node:path';
import { slug } from '../../modules/slug';
import { Crosswalk } from '../crosswalk';
import { LatestVersions, lines, oneOf, optional, required } from '../fields';
import { Dataset, Notice, Table } from '../pipeline';
import { fileDate } from '../provenance';
import { nodesStatement, NodeRow, relationshipsStatement, RelationshipRow } from '../statements';
import { mapsTo, requires } from '../../model/model';
import { ImportFileError, RowError } from '../table';

/**
 * ESCO (European Skills, Competences, Qualifications and Occupations), the CSV download in English:
 * occupations become Roles (`escoUri`, `iscoGroup` and, when ISCOGroups_en.csv is there, `iscoGroupName`),
 * skills become Skills (`skillType`, `reuseLevel`), both with their `altLabels` as `alternativeNames`;
 * occupation-skill relations become `requires` relationships with `level` ESSENTIAL or OPTIONAL. A concept's id is
 * `esco-` and the UUID that ends its URI: stable across ESCO versions, where labels get reworded, and
 * never equal to a team id (the slug of a name).
 */

export const ESCO_FILES = {
  occupations: 'occupations_en.csv',
  skills: 'skills_en.csv',
  relations: 'occupationSkillRelations_en.csv',
  iscoGroups: 'ISCOGroups_en.csv',
} as const;

const CONCEPT_URI = /^http:\/\/data\.europa\.eu\/esco\/(occupation|skill)\/([0-9a-f-]{36})$/;

/** The node id of an ESCO concept, from its URI (which must be of `kind`). */
export function escoId(uri: string, kind: 'occupation' | 'skill', column: string): string {
  const match = CONCEPT_URI.exec(uri);
  if (!match || match[1] !== kind) throw new RowError(column, `"${uri}" is not an ESCO ${kind} URI (http://data.europa.eu/esco/${kind}/<uuid>)`);
  return `esco-${match[2]}`;
}

const LEVELS = { essential: 'ESSENTIAL', optional: 'OPTIONAL' } as const;

/**
 * An ISCO-08 unit group, four digits. ESCO v1.1 publishes the armed forces' groups without their leading
 * zero (`110` for 0110, as its own ISCOGroups_en.csv does not): three digits are padded, with a notice.
 */
function iscoUnitGroup(value: string, notice: Notice): string {
  if (/^\d{3}$/.test(value)) {
    notice('iscoGroup', `"${value}" read as the ISCO-08 unit group "0${value}"`);
    return `0${value}`;
  }
  if (!/^\d{4}$/.test(value)) throw new RowError('iscoGroup', `"${value}" is not a four-digit ISCO-08 unit group`);
  return value;
}

/** "v1.2.0" from a folder such as "ESCO dataset - v1.2.0 - classification - en - csv". */
function versionFromPath(dir: string): string | undefined {
  return /\bv\d+(?:\.\d+)+\b/.exec(path.resolve(dir))?.[0];
}

export function escoDataset(dir: string, crosswalk: Crosswalk, version = versionFromPath(dir)): Dataset {
  if (!version) throw new ImportFileError(`${dir}: no ESCO version in the folder's name (such as v1.2.0): give it with --version`);
  const file = (name: string) => path.join(dir, name);
  const occupationUris = new LatestVersions();
  const skillUris = new LatestVersions();
  const iscoGroupNames = new Map<string, string>();

  const iscoGroups: Table = {
    file: file(ESCO_FILES.iscoGroups),
    format: 'csv',
    columns: ['code', 'preferredLabel'],
    optionalFile: true,
    gathered: true,
    map(values) {
      const code = required(values, 'code');
      if (!/^\d{1,4}$/.test(code)) throw new RowError('code', `"${code}" is not an ISCO-08 group code (one to four digits)`);
      required(values, 'preferredLabel');
      return [];
    },
    observe: (_rows, values) => iscoGroupNames.set(values.code.trim(), values.preferredLabel.trim()),
  };

  const occupations: Table<NodeRow> = {
    file: file(ESCO_FILES.occupations),
    format: 'csv',
    columns: ['conceptUri', 'preferredLabel', 'iscoGroup', 'description'],
    optionalColumns: ['modifiedDate', 'altLabels'],
    map(values, line, notice) {
      const uri = required(values, 'conceptUri');
      const id = escoId(uri, 'occupation', 'conceptUri');
      if (!occupationUris.isChosen(uri, line)) return [];
      const iscoGroup = iscoUnitGroup(required(values, 'iscoGroup'), notice);
      const props = {
        name: required(values, 'preferredLabel'),
        summary: optional(values, 'description'),
        escoUri: uri,
        iscoGroup,
        iscoGroupName: iscoGroupNames.get(iscoGroup) ?? null,
        alternativeNames: lines(values, 'altLabels'),
      };
      return [{ id, props }];
    },
    observe: (_rows, values, line) => occupationUris.offer(values.conceptUri.trim(), optional(values, 'modifiedDate') ?? '', line),
  };

  const skills: Table<NodeRow> = {
    file: file(ESCO_FILES.skills),
    format: 'csv',
    columns: ['conceptUri', 'skillType', 'reuseLevel', 'preferredLabel', 'description'],
    optionalColumns: ['modifiedDate', 'altLabels'],
    map(values, line) {
      const uri = required(values, 'conceptUri');
      const id = escoId(uri, 'skill', 'conceptUri');
      if (!skillUris.isChosen(uri, line)) return [];
      const props = {
        name: required(values, 'preferredLabel'),
        description: optional(values, 'description'),
        skillType: optional(values, 'skillType'),
        reuseLevel: optional(values, 'reuseLevel'),
        escoUri: uri,
        alternativeNames: lines(values, 'altLabels'),
      };
      return [{ id, props }];
    },
    observe: (_rows, values, line) => skillUris.offer(values.conceptUri.trim(), optional(values, 'modifiedDate') ?? '', line),
  };

  const relations: Table<RelationshipRow> = {
    file: file(ESCO_FILES.relations),
    format: 'csv',
    columns: ['occupationUri', 'relationType', 'skillUri'],
    map(values) {
      const occupationUri = required(values, 'occupationUri');
      const skillUri = required(values, 'skillUri');
      const from = escoId(occupationUri, 'occupation', 'occupationUri');
      const to = escoId(skillUri, 'skill', 'skillUri');
      if (!occupationUris.has(occupationUri)) throw new RowError('occupationUri', `"${occupationUri}" is not in ${ESCO_FILES.occupations}`);
      if (!skillUris.has(skillUri)) throw new RowError('skillUri', `"${skillUri}" is not in ${ESCO_FILES.skills}`);
      const level = LEVELS[oneOf(values, 'relationType', ['essential', 'optional'] as const)];
      return [{ from, to, props: { level } }];
    },
  };

  return {
    source: {
      id: `esco-${slug(version)}`,
      name: `ESCO ${version}`,
      publisher: 'European Commission',
      url: 'https://esco.ec.europa.eu/en/use-esco/download',
      version,
      licence: '© European Union; reuse authorised provided the source is acknowledged (Commission Decision 2011/833/EU)',
      retrievedAt: fileDate(occupations.file),
      description: 'European classification of occupations and of the skills, competences and knowledge they require.',
    },
    origin: 'esco',
    tables: [iscoGroups, occupations, skills, relations],
    writes: [
      { table: occupations, statement: nodesStatement('Role', 'owned') },
      { table: skills, statement: nodesStatement('Skill', 'owned') },
      { table: relations, statement: relationshipsStatement(requires) },
      {
        derived: () => crosswalk.occupationLinks('esco', occupationUris, (uri) => escoId(uri, 'occupation', 'code')),
        statement: relationshipsStatement(mapsTo),
      },
    ],
    notices: async () => [
      ...occupationUris.settle(occupations.file, 'conceptUri'),
      ...skillUris.settle(skills.file, 'conceptUri'),
      ...crosswalk.absentOccupations('esco', occupationUris, ESCO_FILES.occupations),
    ],
    check: (graph) => crosswalk.missingRoles(graph, 'esco'),
  };
}
