/**
 * A map bounded in entries and key length, least recently used forgotten first, so hostile requests
 * (new documents, long variables) can neither grow it nor evict what is in use without being used more.
 */
export class Lru<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    readonly maxEntries: number,
    readonly maxKeyLength = 2_048,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Map keeps insertion order: re-inserting makes this the most recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores `value` when its key is short enough and the cache holds anything at all; returns `value`. */
  set(key: string, value: V): V {
    if (key.length > this.maxKeyLength || this.maxEntries < 1) return value;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }
}
