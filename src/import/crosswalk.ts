import path from 'node:path';
import { repoRoot } from '../config';
import { Graph } from '../graph/driver';
import { ImportOrigin } from './provenance';
import { RelationshipRow } from './statements';
import { ImportFileError, RowProblem, tableRows } from './table';

/**
 * The crosswalk (cypher/import/crosswalk.csv, one reviewable file): which team role each survey DevType,
 * ESCO occupation and O*NET-SOC occupation stands for. One mapping per line: `role,dataset,code,label`,
 * where `dataset` is `so-survey`, `esco` or `onet` and `code` a DevType, an ESCO URI or a SOC code.
 */

export const CROSSWALK_FILE = path.join(repoRoot, 'cypher', 'import', 'crosswalk.csv');

export interface CrosswalkEntry {
  role: string;
  code: string;
  line: number;
}

export class Crosswalk {
  private constructor(
    readonly file: string,
    private readonly entries: Map<ImportOrigin, CrosswalkEntry[]>,
  ) {}

  static async load(file = CROSSWALK_FILE): Promise<Crosswalk> {
    const entries = new Map<ImportOrigin, CrosswalkEntry[]>([['so-survey', []], ['esco', []], ['onet', []]]);
    for await (const { line, values } of tableRows({ file, format: 'csv', columns: ['role', 'dataset', 'code'] })) {
      const list = entries.get(values.dataset as ImportOrigin);
      if (!list || !values.role || !values.code) {
        throw new ImportFileError(`${file}:${line}: each line needs a role, a dataset (so-survey, esco or onet) and a code`);
      }
      list.push({ role: values.role, code: values.code, line });
    }
    return new Crosswalk(file, entries);
  }

  /** The mappings of one dataset. */
  of(dataset: ImportOrigin): CrosswalkEntry[] {
    return this.entries.get(dataset)!;
  }

  /** The team roles one code of a dataset maps to. */
  rolesFor(dataset: ImportOrigin, code: string): string[] {
    return this.of(dataset)
      .filter((entry) => entry.code === code)
      .map((entry) => entry.role);
  }

  /**
   * The `mapsTo` rows (model.ts) of a dataset of standard occupations: from each team role to the occupation its code
   * names, for the codes the import read (`occupations`); `occupationId` turns a code into the node's id.
   */
  occupationLinks(dataset: 'esco' | 'onet', occupations: { has(code: string): boolean }, occupationId: (code: string) => string): RelationshipRow[] {
    return this.of(dataset)
      .filter((entry) => occupations.has(entry.code))
      .map((entry) => ({ from: entry.role, to: occupationId(entry.code), props: {} }));
  }

  /**
   * The mappings whose code is not among the occupations of `file`: notices, not errors, so that an extract of
   * a release (or an older one, whose codes differ) still imports; those mappings are left out.
   */
  absentOccupations(dataset: 'esco' | 'onet', occupations: { has(code: string): boolean }, file: string): RowProblem[] {
    return this.of(dataset)
      .filter((entry) => !occupations.has(entry.code))
      .map((entry) => ({ file: this.file, line: entry.line, column: 'code', reason: `"${entry.code}" is not in ${file}: this mapping is left out` }));
  }

  /** The dataset's mappings whose team role is not in the graph (the seed creates the team's roles). */
  async missingRoles(graph: Graph, dataset: ImportOrigin): Promise<RowProblem[]> {
    const entries = this.of(dataset);
    const rows = await graph.read('UNWIND $ids AS id MATCH (r:Role {id: id}) RETURN collect(r.id) AS found', {
      ids: [...new Set(entries.map((entry) => entry.role))],
    });
    const found = new Set(rows[0].found as string[]);
    return entries
      .filter((entry) => !found.has(entry.role))
      .map((entry) => ({ file: this.file, line: entry.line, column: 'role', reason: `no Role "${entry.role}" in the graph (npm run seed creates the team's roles)` }));
  }
}
