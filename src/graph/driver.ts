import neo4j, { BookmarkManager, Driver, Neo4jError, RoutingControl } from 'neo4j-driver';
import { badUserInput, modelViolation, serviceUnavailable } from '../errors';
import { traced } from '../tracing';

export interface GraphOptions {
  uri: string;
  user: string;
  password: string;
  database?: string;
  queryTimeoutMs: number;
  connectTimeoutMs: number;
  /** Most connections (and so concurrent queries) the driver opens to Neo4j. */
  maxPoolSize: number;
  /**
   * Whose writes a read waits for: by default this process's (the driver's own manager); given one that
   * shares bookmarks between instances, every instance's.
   */
  bookmarks?: BookmarkManager;
}

/** Counts the Cypher queries (database round trips) one GraphQL request makes; a retried query counts once. */
export interface RoundTrips {
  count: number;
}

export type Params = Record<string, unknown>;

/** What the graph reports about each query it ran, for metrics. */
export interface QueryEvent {
  routing: 'READ' | 'WRITE';
  seconds: number;
  ok: boolean;
}
export type Row = Record<string, unknown>;

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** The driver's fetch size meaning "every record in one batch". */
const FETCH_ALL = -1;

/** First pause before retrying a read; each further pause doubles (with ±20% jitter, as the driver's retries). */
const FIRST_RETRY_PAUSE_MS = 200;

/** Neo4j errors that mean "the database is not there" become the contract's SERVICE_UNAVAILABLE. */
export function mapDriverError(error: unknown): unknown {
  if (error instanceof Neo4jError) {
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return badUserInput('id', 'id is already used by another node');
    }
    // The database's model guard (scripts/neo4j, MODEL_GUARD=reject) refused the write; its message names the rule.
    if (error.code === 'Neo.ClientError.Transaction.TransactionHookFailed') return modelViolation(error.message);
    if (UNAVAILABLE_CODES.has(error.code) || /acquisition timed out|connect ECONNREFUSED/i.test(error.message)) {
      return serviceUnavailable();
    }
  }
  return error;
}

/** The driver with this server's settings (the benchmark's raw-driver baseline opens the same one). */
export function openDriver(options: GraphOptions, userAgent: string): Driver {
  return neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: options.connectTimeoutMs,
    connectionTimeout: options.connectTimeoutMs,
    maxTransactionRetryTime: options.connectTimeoutMs,
    maxConnectionPoolSize: options.maxPoolSize,
    // Every read is consumed whole (Graph.read returns all rows), so batches would only add PULL exchanges.
    fetchSize: FETCH_ALL,
    userAgent,
  });
}

export type ProbeState = 'ok' | 'unauthorized' | 'down';

/** Whether a Neo4j answers at `uri`; 'unauthorized' when it is up but refuses the credentials (or locked the user). */
export async function probeBolt(uri: string, user: string, password: string): Promise<ProbeState> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    connectionTimeout: 3000,
    connectionAcquisitionTimeout: 5000,
    maxConnectionPoolSize: 1,
    disableLosslessIntegers: true,
  });
  try {
    await driver.executeQuery('RETURN 1');
    return 'ok';
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    return code.startsWith('Neo.ClientError.Security.') ? 'unauthorized' : 'down';
  } finally {
    await driver.close();
  }
}

/**
 * The only code that talks to Neo4j: owns the driver, runs writes as managed transactions (retried by the
 * driver on transient errors) and reads as retried auto-commit transactions, and maps driver errors.
 * Requests reach it through their Db (db.ts); scripts and tests use it directly.
 */
export class Graph {
  /** Queries sent and not yet answered: how much of the connection pool is in use. */
  inFlight = 0;
  private listener: ((event: QueryEvent) => void) | undefined;

  private readonly bookmarks: BookmarkManager;

  private constructor(
    private readonly driver: Driver,
    private readonly options: GraphOptions,
  ) {
    this.bookmarks = options.bookmarks ?? driver.executeQueryBookmarkManager;
  }

  static open(options: GraphOptions): Graph {
    return new Graph(openDriver(options, 'team-knowledge-graph'), options);
  }

  read(cypher: string, params: Params = {}, trips?: RoundTrips): Promise<Row[]> {
    return this.run(neo4j.routing.READ, cypher, params, trips);
  }

  /** `metadata` goes with the transaction: the change capture records its `actor` (scripts/neo4j, kg/changes). */
  write(cypher: string, params: Params = {}, trips?: RoundTrips, metadata?: Record<string, string>): Promise<Row[]> {
    return this.run(neo4j.routing.WRITE, cypher, params, trips, metadata);
  }

  /**
   * Runs one statement of a script (read or write) and returns its rows and what it changed. It runs as an
   * auto-commit transaction, as cypher-shell runs a file's statements, so a script may batch a large write
   * with `CALL { … } IN TRANSACTIONS`.
   */
  async runStatement(cypher: string): Promise<{ rows: Row[]; counters: Record<string, number> }> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE, database: this.options.database, bookmarkManager: this.bookmarks });
    try {
      const result = await session.run(cypher);
      const counters = result.summary.counters;
      return {
        rows: result.records.map((record) => record.toObject()),
        counters: { ...counters.updates(), systemUpdates: counters.systemUpdates() },
      };
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /** Resolves when the database answers a query; rejects with the driver's error otherwise. */
  async verify(): Promise<void> {
    await this.driver.verifyConnectivity({ database: this.options.database });
  }

  /** Calls `listener` after every query (one listener; metrics use it). */
  observe(listener: (event: QueryEvent) => void): void {
    this.listener = listener;
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  /** One round trip, in a span of its own when tracing is on (src/tracing.ts). */
  private run(routing: RoutingControl, cypher: string, params: Params, trips?: RoundTrips, metadata?: Record<string, string>): Promise<Row[]> {
    const name = routing === neo4j.routing.READ ? 'neo4j.read' : 'neo4j.write';
    return traced(name, { 'db.system.name': 'neo4j', 'db.query.text': cypher }, () => this.roundTrip(routing, cypher, params, trips, metadata));
  }

  private async roundTrip(routing: RoutingControl, cypher: string, params: Params, trips?: RoundTrips, metadata?: Record<string, string>): Promise<Row[]> {
    if (trips) trips.count += 1;
    const started = process.hrtime.bigint();
    let ok = false;
    this.inFlight += 1;
    try {
      const rows = routing === neo4j.routing.READ ? await this.autoCommitRead(cypher, params) : await this.managedWrite(cypher, params, metadata);
      ok = true;
      return rows;
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      this.inFlight -= 1;
      this.listener?.({ routing, seconds: Number(process.hrtime.bigint() - started) / 1e9, ok });
    }
  }

  private async managedWrite(cypher: string, params: Params, metadata?: Record<string, string>): Promise<Row[]> {
    const result = await this.driver.executeQuery(cypher, params, {
      routing: neo4j.routing.WRITE,
      database: this.options.database,
      bookmarkManager: this.bookmarks,
      transactionConfig: { timeout: this.options.queryTimeoutMs, metadata },
    });
    return result.records.map((record) => record.toObject());
  }

  /**
   * A read is one statement, so it runs as an auto-commit transaction: one Bolt exchange instead of the
   * three (BEGIN, RUN, COMMIT) of a managed transaction, which measured 1.6x the reads per second and a
   * third less driver CPU per read. The driver retries only managed transactions, so retryable errors
   * (database unavailable, transient) are retried here, with the same time budget and growing pauses.
   * Reads share the bookmarks of the writes (GraphOptions.bookmarks), so a read after a write sees it in a
   * cluster too.
   */
  private async autoCommitRead(cypher: string, params: Params): Promise<Row[]> {
    const deadline = Date.now() + this.options.connectTimeoutMs;
    for (let pause = FIRST_RETRY_PAUSE_MS; ; pause *= 2) {
      const session = this.driver.session({
        defaultAccessMode: neo4j.session.READ,
        database: this.options.database,
        bookmarkManager: this.bookmarks,
      });
      try {
        const result = await session.run(cypher, params, { timeout: this.options.queryTimeoutMs });
        return result.records.map((record) => record.toObject());
      } catch (error) {
        if (!neo4j.isRetryableError(error) || Date.now() + pause > deadline) throw error;
      } finally {
        await session.close();
      }
      await new Promise((resolve) => setTimeout(resolve, pause * (0.8 + Math.random() * 0.4)));
    }
  }
}
