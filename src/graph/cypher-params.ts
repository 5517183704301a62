import neo4j from 'neo4j-driver';

/** Collects a query's parameter values under generated names, so no value ever enters the query text. */
export class CypherParams {
  readonly values: Record<string, unknown> = {};
  private next = 0;

  /** `prefix` keeps apart the names of collections whose values one query holds together. */
  constructor(private readonly prefix = 'p') {}

  /** Stores `value` and returns its placeholder (`$p0`, `$p1`, …) for the query text. */
  add(value: unknown): string {
    const name = `${this.prefix}${this.next}`;
    this.next += 1;
    this.values[name] = value;
    return `$${name}`;
  }

  /** JavaScript numbers reach Neo4j as floats; LIMIT and integer properties need a Cypher integer. */
  addInt(value: number): string {
    return this.add(cypherInteger(value));
  }
}

/** A Cypher integer for a property value (a JavaScript number would be stored as a float). */
export function cypherInteger(value: number): unknown {
  return neo4j.int(value);
}
