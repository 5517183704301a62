import fs from 'node:fs';
import { Transform, TransformCallback } from 'node:stream';
import { parse, Options } from 'csv-parse';

/**
 * Reading the published files: CSV (RFC 4180: quoted fields with commas, quotes and newlines, a UTF-8 BOM)
 * or O*NET's tab-separated text (no quoting at all: a `"` is an ordinary character there). Rows are
 * streamed, never loaded whole, and each carries the physical line it starts on, for `file:line` errors.
 */

export type TableFormat = 'csv' | 'tsv';

export interface TableFile {
  /** Path of the file. */
  file: string;
  format: TableFormat;
  /** The columns the importer reads; a file may have more (ESCO v1.2 adds some), never fewer. */
  columns: readonly string[];
  /** Groups of columns of which a release has at least one (the survey's YearsCodePro until 2024, WorkExp from 2025). */
  oneOfColumns?: readonly (readonly string[])[];
  /** Columns read when a release has them (O*NET's In Demand, from 27.1); a missing one reads as empty. */
  optionalColumns?: readonly string[];
  /** A file a download may lack (O*NET's Task Ratings, ESCO's ISCOGroups_en.csv): when absent, it is not read. */
  optionalFile?: boolean;
}

/** Whether the import reads `table`: its file is there, or it must be (and its absence is an error). */
export function isRead(table: TableFile): boolean {
  return !table.optionalFile || fs.existsSync(table.file);
}

export interface TableRow {
  line: number;
  values: Record<string, string>;
}

/** What is wrong with one row: reported as `file:line: column: reason`. */
export interface RowProblem {
  file: string;
  line: number;
  column: string;
  reason: string;
}

export function describeProblem(problem: RowProblem): string {
  return `${problem.file}:${problem.line}: ${problem.column}: ${problem.reason}`;
}

/** Thrown by a row's mapping: which column is wrong and why. The reader adds the file and line. */
export class RowError extends Error {
  constructor(
    readonly column: string,
    readonly reason: string,
  ) {
    super(`${column}: ${reason}`);
  }
}

/** A file that cannot be imported at all (missing, or without the expected header). Nothing is written. */
export class ImportFileError extends Error {}

const PARSER_OPTIONS: Record<TableFormat, Options> = {
  csv: { bom: true, skip_empty_lines: true, info: true },
  // O*NET's text files are tab-separated with no quoting convention; some task statements contain quotes.
  tsv: { bom: true, skip_empty_lines: true, info: true, delimiter: '\t', quote: false },
};

/**
 * csv-parse counts a CRLF line ending as two lines after the first record, so line numbers are only right
 * with LF endings: CRLF becomes LF before parsing (inside quoted fields too, where it is a line break).
 */
class CrlfToLf extends Transform {
  private pendingCr = false;

  _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let text = (this.pendingCr ? '\r' : '') + chunk.toString('latin1');
    this.pendingCr = text.endsWith('\r');
    if (this.pendingCr) text = text.slice(0, -1);
    done(null, Buffer.from(text.replace(/\r\n/g, '\n'), 'latin1'));
  }

  _flush(done: TransformCallback): void {
    done(null, this.pendingCr ? Buffer.from('\r', 'latin1') : null);
  }
}

function countNewlines(values: string[]): number {
  let count = 0;
  for (const value of values) {
    for (let index = value.indexOf('\n'); index !== -1; index = value.indexOf('\n', index + 1)) count += 1;
  }
  return count;
}

/** Refuses a header that lacks a column the importer reads, naming what was expected and what was found. */
export function checkHeader(table: TableFile, found: string[]): void {
  const missing = [
    ...table.columns.filter((column) => !found.includes(column)),
    ...(table.oneOfColumns ?? []).filter((group) => !group.some((column) => found.includes(column))).map((group) => group.join(' or ')),
  ];
  if (missing.length > 0) {
    throw new ImportFileError(
      `${table.file}:1: wrong header: missing ${missing.map((column) => `"${column}"`).join(', ')}; ` +
        `expected the columns ${[...table.columns, ...(table.oneOfColumns ?? []).map((group) => group.join(' or '))].join(', ')}; found ${found.join(', ') || 'nothing'}`,
    );
  }
}

/** The header of a table file, checked: read before anything is written. */
export async function readHeader(table: TableFile): Promise<string[]> {
  for await (const row of records(table)) {
    checkHeader(table, row.fields);
    return row.fields;
  }
  checkHeader(table, []);
  return [];
}

async function* records(table: TableFile): AsyncGenerator<{ fields: string[]; line: number }> {
  if (!fs.existsSync(table.file)) throw new ImportFileError(`${table.file}: no such file`);
  const parser = fs
    .createReadStream(table.file)
    .pipe(new CrlfToLf())
    .pipe(parse({ ...PARSER_OPTIONS[table.format], relax_column_count: true }));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // info.lines is the line a record ends on; a quoted field's line breaks put its start earlier.
      yield { fields: record, line: info.lines - countNewlines(record) };
    }
  } catch (error) {
    const { message, lines } = error as { message: string; lines?: number };
    throw new ImportFileError(`${table.file}:${lines ?? '?'}: not valid ${table.format.toUpperCase()}: ${message}`);
  } finally {
    parser.destroy();
  }
}

/**
 * The rows of a table after its header, as column -> value. A row with a different number of fields than
 * the header is yielded with `fieldCountProblem` set, so the caller reports it like any other bad row.
 */
export async function* tableRows(table: TableFile): AsyncGenerator<TableRow & { fieldCountProblem?: RowProblem }> {
  let header: string[] | undefined;
  for await (const { fields, line } of records(table)) {
    if (!header) {
      checkHeader(table, fields);
      header = fields;
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((column, index) => (values[column] = fields[index] ?? ''));
    const fieldCountProblem =
      fields.length === header.length
        ? undefined
        : { file: table.file, line, column: '(row)', reason: `${fields.length} fields where the header has ${header.length}` };
    yield { line, values, fieldCountProblem };
  }
}
