import net from 'node:net';
import { GraphQLError } from 'graphql';
import { Graph, GraphOptions } from '../../src/graph/driver';
import { testConnection } from '../support/env';

/**
 * A loopback TCP proxy in front of the test Neo4j that can cut connections the moment the driver sends
 * its next message: a real broken connection mid-query, which the driver reports as a retryable error.
 */
class BreakingProxy {
  /** Connections cut so far. */
  cuts = 0;
  connections = 0;
  /** Chunks of bytes the driver sent: one per Bolt exchange (a query and its PULL go out together). */
  driverWrites = 0;
  private cutsLeft = 0;
  private readonly sockets = new Set<net.Socket>();

  private constructor(private readonly server: net.Server) {}

  static async start(target: URL): Promise<BreakingProxy> {
    const server = net.createServer();
    const proxy = new BreakingProxy(server);
    server.on('connection', (client) => proxy.forward(client, Number(target.port), target.hostname));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get uri(): string {
    return `bolt://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  /** Cut the connection carrying each of the next `count` messages the driver sends, instead of forwarding them. */
  cutNext(count: number): void {
    this.cutsLeft = count;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private forward(client: net.Socket, port: number, host: string): void {
    this.connections += 1;
    const upstream = net.connect(port, host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    upstream.pipe(client);
    client.on('data', (chunk: Buffer) => {
      this.driverWrites += 1;
      if (this.cutsLeft > 0) {
        this.cutsLeft -= 1;
        this.cuts += 1;
        client.destroy();
        upstream.destroy();
        return;
      }
      upstream.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}

/** Runs `use` with a Graph connected through a fresh proxy, then closes both. */
async function throughProxy(options: Partial<GraphOptions>, use: (graph: Graph, proxy: BreakingProxy) => Promise<void>): Promise<void> {
  const proxy = await BreakingProxy.start(new URL(testConnection().uri));
  const graph = Graph.open({ ...testConnection(), ...options, uri: proxy.uri });
  try {
    await use(graph, proxy);
  } finally {
    await graph.close();
    await proxy.close();
  }
}

describe('the connection pool', () => {
  it('opens at most NEO4J_MAX_POOL_SIZE connections, however many reads wait', () =>
    throughProxy({ maxPoolSize: 2 }, async (graph, proxy) => {
      const reads = Array.from({ length: 10 }, (_, i) => graph.read('UNWIND range(1, 100000) AS x RETURN count(x) + $i AS n', { i }));
      expect((await Promise.all(reads)).map(([row]) => row.n)).toEqual(Array.from({ length: 10 }, (_, i) => 100000 + i));
      expect(proxy.connections).toBe(2);
    }));
});

describe('fetching', () => {
  it('pulls a read of thousands of records in one Bolt exchange, as a read of one', () =>
    throughProxy({}, async (graph, proxy) => {
      const exchanges = async (cypher: string) => {
        const before = proxy.driverWrites;
        const rows = await graph.read(cypher);
        return { rows: rows.length, exchanges: proxy.driverWrites - before };
      };
      await graph.read('RETURN 1 AS one');
      const one = await exchanges('RETURN 1 AS one');
      const many = await exchanges('UNWIND range(1, 2500) AS x RETURN x');
      expect(many.rows).toBe(2500);
      expect(many.exchanges).toBe(one.exchanges);
    }));
});

describe('reads retried after a broken connection', () => {
  let proxy: BreakingProxy;
  let graph: Graph;

  beforeAll(async () => {
    proxy = await BreakingProxy.start(new URL(testConnection().uri));
    graph = Graph.open({ ...testConnection(), uri: proxy.uri, connectTimeoutMs: 1_500 });
    // Warm the pool: the next read reuses this connection, so the proxy cuts the query itself.
    expect(await graph.read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
  });
  afterAll(async () => {
    await graph?.close();
    await proxy?.close();
  });

  it('answers a read whose connection breaks mid-query, on a new connection', async () => {
    const connectionsBefore = proxy.connections;
    proxy.cutNext(1);

    const trips = { count: 0 };
    expect(await graph.read('RETURN $value AS value', { value: 'after the cut' }, trips)).toEqual([{ value: 'after the cut' }]);

    expect(proxy.cuts).toBe(1);
    expect(proxy.connections).toBeGreaterThan(connectionsBefore);
    // A retry is the same operation: still one round trip for the request's count.
    expect(trips.count).toBe(1);
  });

  it('gives up within the connect timeout with SERVICE_UNAVAILABLE when every attempt breaks', async () => {
    const cutsBefore = proxy.cuts;
    proxy.cutNext(Number.MAX_SAFE_INTEGER);
    const started = Date.now();

    const failure = await graph.read('RETURN 1 AS one').catch((error: unknown) => error);

    proxy.cutNext(0);
    expect(failure).toBeInstanceOf(GraphQLError);
    expect((failure as GraphQLError).extensions.code).toBe('SERVICE_UNAVAILABLE');
    // Pauses of about 200 ms, then 400 ms: more than one attempt, and no attempt started after the deadline.
    expect(proxy.cuts - cutsBefore).toBeGreaterThanOrEqual(2);
    expect(Date.now() - started).toBeLessThan(1_500 + 5_000);
    expect(await graph.read('RETURN 2 AS two')).toEqual([{ two: 2 }]);
  });
});
