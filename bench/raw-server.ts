import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import { graphConnection, readConfig } from '../src/config';
import { openDriver } from '../src/graph/driver';

/**
 * The raw-driver baseline: a minimal HTTP server that runs, for request body {"q": k}, the k-th captured
 * query (the exact Cypher and parameters this server generated for that operation) with the same driver
 * settings and the same kind of transaction as src/graph/driver.ts (reads auto-commit, in a read session
 * sharing executeQuery's bookmarks; writes one managed transaction), and answers the records as JSON. No GraphQL, no shaping: the floor.
 *
 * Run: node dist/bench/raw-server.js <queries.json>  (env: the server's NEO4J_* settings, PORT)
 */

export interface CapturedQuery {
  cypher: string;
  params: Record<string, unknown>;
  /** A write runs as src/graph/driver.ts runs writes: one managed write transaction. */
  write?: boolean;
}

/** JSON-safe parameters: neo4j Integers become {"$int": "123"}. */
export function encodeParams(value: unknown): unknown {
  if (neo4j.isInt(value)) return { $int: value.toString() };
  if (Array.isArray(value)) return value.map(encodeParams);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeParams(v)]));
  return value;
}

export function decodeParams(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeParams);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0][0] === '$int') return neo4j.int(entries[0][1] as string);
    return Object.fromEntries(entries.map(([k, v]) => [k, decodeParams(v)]));
  }
  return value;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node dist/bench/raw-server.js <queries.json>');
  const queries = (JSON.parse(fs.readFileSync(file, 'utf8')) as CapturedQuery[]).map((q) => ({
    ...q,
    params: decodeParams(q.params) as Record<string, unknown>,
  }));
  const connection = graphConnection(readConfig(), process.env.NEO4J_URI || 'bolt://127.0.0.1:7690');
  const driver = openDriver(connection, 'bench-raw-driver');
  const read = async (cypher: string, params: Record<string, unknown>) => {
    const session = driver.session({
      defaultAccessMode: neo4j.session.READ,
      database: connection.database,
      bookmarkManager: driver.executeQueryBookmarkManager,
    });
    return (await session.run(cypher, params, { timeout: connection.queryTimeoutMs }).finally(() => session.close())).records;
  };
  const write = async (cypher: string, params: Record<string, unknown>) =>
    (
      await driver.executeQuery(cypher, params, {
        routing: neo4j.routing.WRITE,
        database: connection.database,
        transactionConfig: { timeout: connection.queryTimeoutMs },
      })
    ).records;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      try {
        const { q } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { q: number };
        const query = queries[q];
        if (!query) throw new Error(`no query ${q}`);
        const records = query.write ? await write(query.cypher, query.params) : await read(query.cypher, query.params);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(records.map((record) => record.toObject())));
      } catch (error) {
        // stderr goes to bench/tmp/raw-driver.log: what failed, for the run's error counts.
        console.error(`query failed: ${(error as { code?: string }).code ?? ''} ${(error as Error).message}`);
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: (error as Error).message }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT || 0), '127.0.0.1', resolve));
  console.log(`READY ${(server.address() as AddressInfo).port}`);
  const stop = () => server.close(() => void driver.close().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
