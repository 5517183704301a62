import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import pino from 'pino';
import { graphConnection, readConfig } from '../src/config';
import { Graph } from '../src/graph/driver';
import { createLogger } from '../src/http/observability';
import { buildServer } from '../src/server';
import { OURS_SERVER_SETTINGS } from './editor-token';
import { openSharedState } from '../src/shared-state';

/**
 * This server as the benchmark runs it: the built app (buildServer, as main.ts and the tests build it) with
 * DEBUG_EXTENSIONS on, so every answer carries `extensions.roundTrips`, and rate limits raised so that a
 * benchmark's single client is never throttled. The cost limit and the result budget are raised too: the
 * deep nested page nests `usedBy` (bound 1,000) in lists, which the default cost limit refuses, as it must on
 * real data; the budget's counting still runs on every answer. Everything else is the server's own configuration.
 * Request logs: LOG_LEVEL (default silent here, like buildServer's default and like the reference server,
 * which logs nothing; `LOG_LEVEL=info` measures them too), written to BENCH_LOG_FILE (default /dev/null).
 *
 * Run: node dist/bench/ours-server.js  (env NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, PORT; prints "READY <port>")
 */
async function main(): Promise<void> {
  const config = readConfig({
    ...process.env,
    ...OURS_SERVER_SETTINGS,
  });
  const logger = createLogger(
    process.env.LOG_LEVEL || 'silent',
    pino.destination({ dest: process.env.BENCH_LOG_FILE || '/dev/null', sync: false, mkdir: true }),
  );
  // As main.ts composes it: with REDIS_URL (npm run bench -- --instances N), what instances share is in Redis.
  const shared = openSharedState(config, logger);
  const graph = Graph.open({ ...graphConnection(config, config.neo4jUri ?? 'bolt://127.0.0.1:7690'), bookmarks: shared.bookmarks });
  const { httpServer, apollo } = await buildServer(config, graph, logger, shared);
  await new Promise<void>((resolve) => httpServer.listen(Number(process.env.PORT || 0), '127.0.0.1', resolve));
  console.log(`READY ${(httpServer.address() as AddressInfo).port}`);
  const stop = async () => {
    await apollo.stop();
    await graph.close();
    await shared.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
