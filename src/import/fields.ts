import { RowError } from './table';

/** Reading one field of a row; a missing required value is a RowError naming its column. */

/** Datasets that mark a missing value with a word rather than an empty field (the survey writes `NA`). */
const MISSING = new Set(['', 'NA']);

export function optional(values: Record<string, string>, column: string): string | null {
  const value = (values[column] ?? '').trim();
  return MISSING.has(value) ? null : value;
}

export function required(values: Record<string, string>, column: string): string {
  const value = optional(values, column);
  if (value === null) throw new RowError(column, 'is empty');
  return value;
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
