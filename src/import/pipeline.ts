import { Graph } from '../graph/driver';
import { completeSource, ImportOrigin, SourceInfo, startSource } from './provenance';
import { ChangeCounts, changeCounts, ImportRow, ImportStatement } from './statements';
import { isRead, readHeader, RowError, RowProblem, TableFile, tableRows } from './table';

/**
 * An import in two streaming passes over the files. The first validates every row, keeps nothing but the
 * problems and what the dataset gathers (ids seen, aggregates), and stops before any write when a row is
 * bad (unless told to skip bad rows). The second reads the files again and writes parameterised `UNWIND`
 * batches, each in its own transaction, between the Source marked incomplete and the Source marked complete.
 */

/** Reports something read differently from what the file says, which is not an error (e.g. an unknown country kept as ZZ). */
export type Notice = (column: string, reason: string) => void;

export interface Table<Row extends ImportRow = ImportRow> extends TableFile {
  /** One row of the file -> the rows it writes (none: nothing to import from it). Throws RowError. */
  map(values: Record<string, string>, line: number, notice: Notice): Row[];
  /** Called in the validation pass with each good row: where a dataset gathers what later tables and derived writes need. */
  observe?(rows: Row[], values: Record<string, string>, line: number): void;
  /**
   * The table writes nothing itself: what its rows say is gathered (`observe`) for another table or a derived
   * write (ISCO group names, alternate titles). Its rows do not count as rows without data.
   */
  gathered?: boolean;
}

/** A write step: the rows of a table, or rows derived from what the validation pass gathered. */
export type Write = { table: Table; statement: ImportStatement } | { derived: () => ImportRow[]; statement: ImportStatement };

export interface Dataset {
  source: SourceInfo;
  origin: ImportOrigin;
  /** In validation order: a table may check its rows against what earlier tables gathered. */
  tables: Table[];
  /** In write order: nodes before the relationships that need them. */
  writes: Write[];
  /** Checks that need the whole validated input or the graph (e.g. the crosswalk's team roles exist). */
  check?(graph: Graph): Promise<RowProblem[]>;
  /** Called once the validation pass has read every file: what it read differently (duplicates settled, absent occupations). */
  notices?(graph: Graph): Promise<RowProblem[]>;
}

export interface ImportOptions {
  dryRun: boolean;
  skipBadRows: boolean;
  batchSize: number;
  /** Stops (as a crash would, the Source left incomplete) after this many batches: to see and test recovery. */
  stopAfterBatches?: number;
  /** Told the rows written so far and the total, after each batch (the CLI draws a progress line). */
  onProgress?: (done: number, total: number) => void;
}

export interface WrittenCounts extends ChangeCounts {
  /** e.g. "Skill nodes / … relationships". */
  what: string;
  batches: number;
  /** Time spent on this step: reading and mapping its rows, and writing them. */
  seconds: number;
}

export interface ImportSummary {
  source: SourceInfo;
  /** Data rows (records after the header) of every file. */
  rowsRead: number;
  /** Rows that are valid but carry nothing to import (e.g. a respondent without a salary or a mapped role). */
  rowsWithoutData: number;
  badRows: RowProblem[];
  /** What was read differently from what the file says, and why: counted and shown, never refused. */
  notices: RowProblem[];
  /** Time of the validation pass (reading every file once, and the checks). */
  validationSeconds: number;
  /** Per write step: what it wrote (a dry run: how many rows it would write, counted as `planned`). */
  written: (WrittenCounts & { planned: number })[];
  dryRun: boolean;
}

/** Bad rows found and not skipped: nothing was written. */
export class BadRowsError extends Error {
  constructor(readonly problems: RowProblem[]) {
    super(`${problems.length} bad row${problems.length === 1 ? '' : 's'}; nothing was written (--skip-bad-rows imports the others)`);
  }
}

/** The run stopped after `--stop-after-batches`, leaving the Source incomplete. */
export class ImportStoppedError extends Error {}

function problemOf(error: unknown, file: string, line: number): RowProblem {
  if (error instanceof RowError) return { file, line, column: error.column, reason: error.reason };
  throw error;
}

/** The good rows of a table with what they map to; bad rows go to `onProblem`. */
async function* mappedRows(
  table: Table,
  onProblem: (problem: RowProblem) => void,
  onNotice: (problem: RowProblem) => void = () => undefined,
): AsyncGenerator<{ rows: ImportRow[]; values: Record<string, string>; line: number }> {
  for await (const { line, values, fieldCountProblem } of tableRows(table)) {
    if (fieldCountProblem) {
      onProblem(fieldCountProblem);
      continue;
    }
    let rows: ImportRow[];
    try {
      rows = table.map(values, line, (column, reason) => onNotice({ file: table.file, line, column, reason }));
    } catch (error) {
      onProblem(problemOf(error, table.file, line));
      continue;
    }
    yield { rows, values, line };
  }
}

const ZERO: ChangeCounts = {
  nodesCreated: 0,
  nodesUpdated: 0,
  nodesUnchanged: 0,
  relationshipsCreated: 0,
  relationshipsUpdated: 0,
  relationshipsUnchanged: 0,
};

function describeWrite(statement: ImportStatement): string {
  return [statement.nodes, statement.relationships].filter(Boolean).join(' + ');
}

const secondsSince = (start: number) => (Date.now() - start) / 1000;

export async function runImport(graph: Graph, dataset: Dataset, options: ImportOptions): Promise<ImportSummary> {
  const validationStarted = Date.now();
  const tables = dataset.tables.filter(isRead);
  const writes = dataset.writes.filter((write) => !('table' in write) || isRead(write.table));
  for (const table of tables) await readHeader(table);

  const badRows: RowProblem[] = [];
  const notices: RowProblem[] = [];
  /** Per table, the rows its good lines map to: what its write step will write. */
  const tableRowCounts = new Map<Table, number>();
  let goodLines = 0;
  let rowsWithoutData = 0;
  for (const table of tables) {
    let count = 0;
    for await (const { rows, values, line } of mappedRows(table, (problem) => badRows.push(problem), (notice) => notices.push(notice))) {
      goodLines += 1;
      count += rows.length;
      if (rows.length === 0 && !table.gathered) rowsWithoutData += 1;
      table.observe?.(rows, values, line);
    }
    tableRowCounts.set(table, count);
  }
  const rowsRead = goodLines + badRows.length;
  notices.push(...((await dataset.notices?.(graph)) ?? []));
  badRows.push(...((await dataset.check?.(graph)) ?? []));
  if (badRows.length > 0 && !options.skipBadRows) throw new BadRowsError(badRows);

  const summary: ImportSummary = {
    source: dataset.source,
    rowsRead,
    rowsWithoutData,
    badRows,
    notices,
    validationSeconds: secondsSince(validationStarted),
    written: [],
    dryRun: options.dryRun,
  };
  const derivedRows = new Map(writes.flatMap((write) => ('derived' in write ? [[write, write.derived()] as const] : [])));
  const total = writes.reduce((sum, write) => sum + ('table' in write ? (tableRowCounts.get(write.table) ?? 0) : derivedRows.get(write)!.length), 0);

  if (options.dryRun) {
    for (const write of writes) {
      const planned = 'table' in write ? (tableRowCounts.get(write.table) ?? 0) : derivedRows.get(write)!.length;
      summary.written.push({ what: describeWrite(write.statement), batches: 0, planned, seconds: 0, ...ZERO });
    }
    return summary;
  }

  await startSource(graph, dataset.source, dataset.origin);
  let done = 0;
  let batches = 0;
  for (const write of writes) {
    const stepStarted = Date.now();
    const counts: WrittenCounts & { planned: number } = { what: describeWrite(write.statement), batches: 0, planned: 0, seconds: 0, ...ZERO };
    summary.written.push(counts);
    const writeBatch = async (batch: ImportRow[]) => {
      const [row] = await graph.write(write.statement.cypher, { rows: batch, source: dataset.source.id, origin: dataset.origin });
      const change = changeCounts(row);
      for (const key of Object.keys(ZERO) as (keyof ChangeCounts)[]) counts[key] += change[key];
      counts.batches += 1;
      counts.planned += batch.length;
      batches += 1;
      done += batch.length;
      options.onProgress?.(done, total);
    };
    // A batch is written while the next one is read and mapped, so parsing the file and writing to the
    // database each keep a core busy; batches still commit one at a time, in order.
    let writing: Promise<void> = Promise.resolve();
    const flush = async (batch: ImportRow[]) => {
      await writing;
      if (options.stopAfterBatches !== undefined && batches >= options.stopAfterBatches) {
        throw new ImportStoppedError(`stopped after ${batches} batches (--stop-after-batches): the Source ${dataset.source.id} is left incomplete`);
      }
      writing = writeBatch(batch);
      // Its failure is thrown by the next `await writing`; until then it must not count as unhandled.
      writing.catch(() => undefined);
    };
    let batch: ImportRow[] = [];
    const rows = 'table' in write ? mappedRows(write.table, () => undefined) : derivedBatches(derivedRows.get(write)!);
    for await (const { rows: mapped } of rows) {
      for (const row of mapped) {
        batch.push(row);
        if (batch.length >= options.batchSize) {
          await flush(batch);
          batch = [];
        }
      }
    }
    if (batch.length > 0) await flush(batch);
    await writing;
    counts.seconds = secondsSince(stepStarted);
  }
  await completeSource(graph, dataset.source.id);
  return summary;
}

async function* derivedBatches(rows: ImportRow[]): AsyncGenerator<{ rows: ImportRow[] }> {
  yield { rows };
}
