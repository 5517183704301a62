import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { readConfig, repoRoot } from '../src/config';
import { startLocalNeo4j, watchedStart } from '../scripts/processes/local-neo4j';
import { freePort } from '../scripts/processes/os-process';
import { editorHeaders } from './editor-token';

/**
 * `npm run bench:live`: how long a change takes to reach a subscriber. The built server runs as its own
 * process (as `npm start` runs it); a graphql-ws client subscribes to graphChanged, and an HTTP client makes
 * MUTATIONS upserts one after another. For each it records when the event arrived against:
 *   - commit: the event's `at`, stamped by the server right after the transaction committed (ms resolution);
 *   - sent: when the client sent the mutation (the whole round: HTTP, Cypher, commit, publish, WebSocket);
 *   - answered: when the mutation's HTTP answer arrived (negative: the event came first).
 * Neo4j: NEO4J_URI when set, else the benchmark's local one (.neo4j/bench on port 7690, as `npm run bench`).
 */
const MUTATIONS = Number(process.env.BENCH_MUTATIONS || 100);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  let uri = process.env.NEO4J_URI;
  const local = uri
    ? undefined
    : await startLocalNeo4j(
        readConfig({ NEO4J_HOME: '.neo4j/bench', NEO4J_BOLT_PORT: '7690', ...process.env }),
        watchedStart(false, (line) => console.log(line)),
      );
  uri ??= local!.uri;
  const secret = randomBytes(32).toString('hex');
  const port = await freePort();
  const server = spawn(process.execPath, [path.join(repoRoot, 'dist', 'src', 'main.js')], {
    env: { ...process.env, NEO4J_URI: uri, PORT: String(port), JWT_SECRET: secret, LOG_LEVEL: 'warn', LOG_FORMAT: 'json', RATE_LIMIT_REQUESTS: '100000000' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const editor = await editorHeaders(secret, 'bench-live');
  const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
  try {
    for (let ready = false; !ready; ) {
      ready = await fetch(`${url}/health/ready`).then((response) => response.ok, () => false);
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const arrivals = new Map<string, { at: string; received: number }>();
    client.subscribe<{ graphChanged: { id: string; at: string } }>(
      { query: 'subscription { graphChanged(labels: [TECHNOLOGY]) { id at } }' },
      {
        next: ({ data }) => data && arrivals.set(data.graphChanged.id, { at: data.graphChanged.at, received: performance.timeOrigin + performance.now() }),
        error: (error) => console.error('subscription failed:', error),
        complete: () => undefined,
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const mutate = (query: string) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...editor },
        body: JSON.stringify({ query }),
      }).then((response) => response.json());

    const fromCommit: number[] = [];
    const fromSent: number[] = [];
    const fromAnswer: number[] = [];
    for (let i = 0; i < MUTATIONS; i += 1) {
      const id = `bench-live-${i}`;
      const sent = performance.timeOrigin + performance.now();
      await mutate(`mutation { upsertTechnology(input: { id: "${id}", name: "Bench live ${i}", kind: TOOL }) { id } }`);
      const answered = performance.timeOrigin + performance.now();
      while (!arrivals.has(id)) await new Promise((resolve) => setImmediate(resolve));
      const { at, received } = arrivals.get(id)!;
      fromCommit.push(received - Date.parse(at));
      fromSent.push(received - sent);
      fromAnswer.push(received - answered);
    }
    for (let i = 0; i < MUTATIONS; i += 1) await mutate(`mutation { deleteNode(id: "bench-live-${i}") }`);

    const row = (name: string, values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `${name.padEnd(34)} p50 ${percentile(sorted, 50).toFixed(2).padStart(7)} ms   p99 ${percentile(sorted, 99).toFixed(2).padStart(7)} ms   max ${sorted[sorted.length - 1].toFixed(2).padStart(7)} ms`;
    };
    console.log(`\nLive-update latency over ${MUTATIONS} sequential upserts (Neo4j ${uri}):`);
    console.log(row('event after the commit (at)', fromCommit));
    console.log(row('event after the mutation was sent', fromSent));
    console.log(row('event after the HTTP answer', fromAnswer));
  } finally {
    await client.dispose();
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await local?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
