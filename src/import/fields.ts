import { RowError, RowProblem } from './table';

/** Reading one field of a row; a missing required value is a RowError naming its column. */

/** Datasets that mark a missing value with a word rather than an empty field (the survey writes `NA`, O*NET `n/a`). */
const MISSING = new Set(['', 'NA', 'n/a']);

export function optional(values: Record<string, string>, column: string): string | null {
  const value = (values[column] ?? '').trim();
  return MISSING.has(value) ? null : value;
}

export function required(values: Record<string, string>, column: string): string {
  const value = optional(values, column);
  if (value === null) throw new RowError(column, 'is empty');
  return value;
}

/**
 * A field holding several values, one per line (ESCO's `altLabels`): the distinct values, trimmed; null
 * when there are none.
 */
export function lines(values: Record<string, string>, column: string): string[] | null {
  const found = [...new Set((values[column] ?? '').split('\n').map((value) => value.trim()).filter((value) => !MISSING.has(value)))];
  return found.length > 0 ? found : null;
}

/** One of `allowed` (compared without case), as written in `allowed`. */
export function oneOf<T extends string>(values: Record<string, string>, column: string, allowed: readonly T[]): T {
  const value = required(values, column);
  const match = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  if (!match) throw new RowError(column, `"${value}" is not one of ${allowed.join(', ')}`);
  return match;
}

/**
 * Remembers on which line each key was first seen, so a second row with the same key is reported (a
 * duplicate would silently overwrite the first). The validation pass fills it; both passes check it.
 */
export class FirstSeen {
  private readonly lines = new Map<string, number>();

  check(key: string, line: number, column: string): void {
    const first = this.lines.get(key);
    if (first !== undefined && first !== line) throw new RowError(column, `"${key}" is already on line ${first}`);
  }

  add(key: string, line: number): void {
    if (!this.lines.has(key)) this.lines.set(key, line);
  }

  has(key: string): boolean {
    return this.lines.has(key);
  }
}

/**
 * A file that lists a key more than once (ESCO v1.2.1 lists 4 occupations twice, differing only in
 * `modifiedDate`): the row with the latest version is imported, the others are notices. The validation pass
 * offers every row; `settle` then chooses, and `isChosen` answers for the write pass.
 */
export class LatestVersions {
  private readonly chosen = new Map<string, { line: number; version: string }>();
  private readonly duplicates: { key: string; line: number }[] = [];
  private settled = false;

  offer(key: string, version: string, line: number): void {
    const current = this.chosen.get(key);
    if (current === undefined) {
      this.chosen.set(key, { line, version });
      return;
    }
    this.duplicates.push({ key, line });
    // ISO 8601 dates in one format compare as text; a tie keeps the later line, as a re-published row would.
    if (version >= current.version) this.chosen.set(key, { line, version });
  }

  has(key: string): boolean {
    return this.chosen.has(key);
  }

  /** Whether the row on `line` is the one imported for `key` (every row is, until the validation pass settles). */
  isChosen(key: string, line: number): boolean {
    return !this.settled || this.chosen.get(key)?.line === line;
  }

  /** Ends the validation pass: one notice per key listed more than once. */
  settle(file: string, column: string): RowProblem[] {
    this.settled = true;
    const keys = [...new Set(this.duplicates.map(({ key }) => key))];
    return keys.map((key) => {
      const { line, version } = this.chosen.get(key)!;
      return { file, line, column, reason: `"${key}" is listed more than once; the row with the latest version (${version}, this line) is imported` };
    });
  }
}
