import { Repeater } from '@graphql-yoga/subscription';
import neo4j from 'neo4j-driver';
import { badArgument } from '../errors';
import { ChangeKind, GraphChange } from './changes';
import { Graph, Row } from './driver';

/**
 * Committed changes from every writer, read from the database's change log. On the Neo4j the project starts
 * (and one with its plugin), the change capture (scripts/neo4j/src/main/java/kg/changes) writes one
 * `(:ChangeLog {seq, at, actor, events})` entry in each transaction that changes the model, whoever sent it:
 * cypher-shell, a seed, an import, the API. `seq` follows commit order. This polls the log while someone
 * listens, announces each entry's events in order, and replays what a subscriber missed from its cursor.
 * Retention is bounded by count and age; a cursor from before it (or after a wiped database) gets RESYNC.
 */

/** A change as the feed announces it: the subscription's GraphChange and the cursor to resume after it. */
export interface LoggedChange extends GraphChange {
  cursor: string;
  /** Where it is in the log: the entry's seq, and its place among the entry's events. */
  position: Position;
}

type Position = [seq: number, index: number];

const isAfter = ([seq, index]: Position, [lastSeq, lastIndex]: Position) => seq > lastSeq || (seq === lastSeq && index > lastIndex);

export interface ChangeFeedOptions {
  /** How often the log is read while someone listens. */
  pollMs: number;
  /** Entries kept: at most this many, none older than maxAgeMs. */
  retention: { entries: number; maxAgeMs: number };
}

type Listener = (change: LoggedChange) => void;

interface LoggedEvent {
  kind: 'CREATED' | 'UPDATED' | 'DELETED' | 'LINKED' | 'UNLINKED' | 'BULK';
  id?: string;
  label?: string;
  type?: string;
  from?: string;
  to?: string;
  labels?: Record<string, number>;
  types?: Record<string, number>;
  ids?: string[];
}

const KINDS: Record<LoggedEvent['kind'], ChangeKind> = {
  CREATED: 'UPSERTED',
  UPDATED: 'UPSERTED',
  DELETED: 'DELETED',
  LINKED: 'LINKED',
  UNLINKED: 'UNLINKED',
  BULK: 'BULK',
};

/** The id of a change about many nodes (BULK) or about what a client may have missed (RESYNC). */
export const MANY_NODES = '*';

const CURSOR = /^s(\d{1,16})\.(\d{1,16})$/;

export function encodeChangeCursor([seq, index]: Position): string {
  return Buffer.from(`s${seq}.${index}`, 'utf8').toString('base64url');
}

/** The position a cursor names; BAD_USER_INPUT for one this API did not give. */
export function decodeChangeCursor(cursor: string): Position {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badArgument('after', 'after is not a cursor of graphChanged');
  return [Number(match[1]), Number(match[2])];
}

const PAGE = 500;

export class ChangeFeed {
  private readonly listeners = new Set<Listener>();
  /** The last seq announced (read from the log) by this feed; unknown until the database first answers. */
  private last: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pruned = 0;
  private polling: Promise<void> | undefined;

  constructor(
    private readonly graph: Graph,
    private readonly options: ChangeFeedOptions,
    /** A poll that failed (the database down): the next one reads on from the same place. */
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /**
   * Starts from the end of the log (what was committed before is replayed on request only), once the database
   * answers: the server may start while it is down.
   */
  start(): void {
    this.timer = setInterval(() => void this.poll(), this.options.pollMs);
    this.timer.unref();
  }

  /** The last seq announced, read from the log the first time. */
  private async position(): Promise<number> {
    this.last ??= await this.latestSeq();
    return this.last;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.polling;
  }

  /**
   * The changes after `after` (a cursor), in commit order: first those already in the log, then each as it is
   * committed, none twice. Without a cursor, only what is committed from now on. A cursor from before the
   * log's retention, or past its end (the database was wiped), is answered by one RESYNC (refetch what you
   * show), then what follows.
   */
  changes(after?: string | null): AsyncIterable<LoggedChange> {
    return new Repeater<LoggedChange>(async (push, stop) => {
      let last: Position = [0, 0];
      let replaying = true;
      const buffered: LoggedChange[] = [];
      // In order, none twice: `last` moves before push hands the change over.
      const deliver = (change: LoggedChange) => {
        if (!isAfter(change.position, last)) return;
        last = change.position;
        void push(change);
      };
      const listener: Listener = (change) => (replaying ? buffered.push(change) : deliver(change));
      this.listeners.add(listener);
      try {
        const current = await this.position();
        last = [current, Number.MAX_SAFE_INTEGER];
        // Pushes wait for the client here, so a long replay is never held in memory whole.
        if (after !== undefined && after !== null) {
          await this.replay(decodeChangeCursor(after), current, async (change) => {
            last = change.position;
            await push(change);
          });
        }
        replaying = false;
        buffered.splice(0).forEach(deliver);
        await stop;
      } catch (error) {
        stop(error);
      } finally {
        this.listeners.delete(listener);
      }
    });
  }

  /** What was committed after `from`, up to `current`; one RESYNC instead when the log no longer holds it. */
  private async replay(from: Position, current: number, send: (change: LoggedChange) => Promise<void>): Promise<void> {
    const oldest = await this.oldestSeq();
    if (from[0] > current || (oldest !== null && from[0] < oldest - 1) || (oldest === null && from[0] < current)) {
      await send(this.resync());
      return;
    }
    // The rest of the entry the cursor is in, then every entry after it.
    for (let seq = from[0] - 1; ; ) {
      const { changes, entries, lastSeq } = await this.read(seq, PAGE);
      for (const change of changes) if (isAfter(change.position, from)) await send(change);
      if (entries < PAGE) return;
      seq = lastSeq;
    }
  }

  private resync(): LoggedChange {
    const position: Position = [this.last ?? 0, Number.MAX_SAFE_INTEGER];
    return { kind: 'RESYNC', id: MANY_NODES, label: null, from: null, to: null, type: null, bulk: null, at: new Date().toISOString(), actor: null, position, cursor: encodeChangeCursor(position) };
  }

  private poll(): Promise<void> {
    if (this.listeners.size === 0 && Date.now() - this.pruned < 60_000) return Promise.resolve();
    this.polling ??= this.pollOnce().finally(() => (this.polling = undefined));
    return this.polling;
  }

  private async pollOnce(): Promise<void> {
    try {
      if (Date.now() - this.pruned >= 60_000) await this.prune();
      for (;;) {
        const { changes, entries, lastSeq } = await this.read(await this.position(), PAGE);
        for (const change of changes) for (const listener of this.listeners) listener(change);
        if (entries > 0) this.last = lastSeq;
        if (entries < PAGE) return;
      }
    } catch (error) {
      // The database is down: the next poll reads on from the same seq, so nothing committed is lost.
      this.onError(error);
    }
  }

  private async prune(): Promise<void> {
    this.pruned = Date.now();
    const { entries, maxAgeMs } = this.options.retention;
    await this.graph.write(
      `MATCH (c:ChangeLog) WHERE c.seq <= $newest - $entries OR c.at < $cutoff
       WITH c LIMIT 10000 DELETE c`,
      { newest: neo4j.int(await this.latestSeq()), entries: neo4j.int(entries), cutoff: neo4j.int(Date.now() - maxAgeMs) },
    );
  }

  private async latestSeq(): Promise<number> {
    const [row] = await this.graph.read('MATCH (c:ChangeLog) RETURN max(c.seq) AS seq');
    return (row?.seq as number | null) ?? 0;
  }

  private async oldestSeq(): Promise<number | null> {
    const [row] = await this.graph.read('MATCH (c:ChangeLog) RETURN min(c.seq) AS seq');
    return (row?.seq as number | null) ?? null;
  }

  /** The changes of the entries after `seq`, at most `limit` entries, and the last entry's seq. */
  private async read(seq: number, limit: number): Promise<{ changes: LoggedChange[]; entries: number; lastSeq: number }> {
    const rows = await this.graph.read(
      'MATCH (c:ChangeLog) WHERE c.seq > $seq RETURN c.seq AS seq, c.at AS at, c.actor AS actor, c.events AS events ORDER BY c.seq LIMIT $limit',
      { seq: neo4j.int(seq), limit: neo4j.int(limit) },
    );
    return { changes: rows.flatMap(changesOf), entries: rows.length, lastSeq: (rows[rows.length - 1]?.seq as number | undefined) ?? seq };
  }
}

/** One log entry's events as GraphChanges, each with its position and cursor. */
function changesOf(row: Row): LoggedChange[] {
  const seq = row.seq as number;
  const entry = { at: new Date(row.at as number).toISOString(), actor: (row.actor as string | null) ?? null };
  return (JSON.parse(row.events as string) as LoggedEvent[]).map((event, index): LoggedChange => {
    const position: Position = [seq, index];
    const base = { ...entry, position, cursor: encodeChangeCursor(position), kind: KINDS[event.kind], label: null, from: null, to: null, type: null, bulk: null };
    switch (event.kind) {
      case 'BULK':
        return {
          ...base,
          id: MANY_NODES,
          bulk: {
            labels: Object.entries(event.labels ?? {}).map(([label, count]) => ({ label: label.toUpperCase(), count })),
            types: Object.entries(event.types ?? {}).map(([type, count]) => ({ type, count })),
            ids: event.ids ?? null,
          },
        };
      case 'LINKED':
      case 'UNLINKED':
        return { ...base, id: event.from!, label: event.label?.toUpperCase() ?? null, from: event.from!, to: event.to!, type: event.type! };
      default:
        return { ...base, id: event.id!, label: event.label!.toUpperCase() };
    }
  });
}
