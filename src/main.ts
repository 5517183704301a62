import 'reflect-metadata';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Config, ConfigError, graphConnection, readConfig, repoRoot, StartError } from './config';
import { defaultCypherDirs, graphCounts, prepareDatabase } from './graph/cypher-files';
import { Graph } from './graph/driver';
import { bannerText, startBanner } from './http/banner';
import { createLogger, prettyDestination } from './http/observability';
import { buildServer } from './server';
import { openSharedState, SharedState } from './shared-state';
import { startTracing } from './tracing';
import { Logger } from 'pino';

const RETRY_MS = 5_000;

type Prepared = { seeded: boolean };

/** Applies schema and seed when Neo4j answers (and says whether it seeded); null (and a warning the first time) when it does not. */
function preparer(graph: Graph, config: Config, uri: string, log: Logger): () => Promise<Prepared | null> {
  let warned = false;
  return async () => {
    try {
      await graph.verify();
      const { seeded } = await prepareDatabase(graph, defaultCypherDirs(repoRoot), config.seedOnStart ? 'if-empty' : 'never');
      log.info(seeded ? 'Neo4j is ready; seeded the default knowledge graph.' : 'Neo4j is ready.');
      return { seeded };
    } catch (error) {
      if (!warned) {
        log.warn(
          `Cannot reach Neo4j at ${uri} (${(error as Error).message.split('\n')[0]}). Serving anyway: /health/ready answers 503 ` +
            `and operations SERVICE_UNAVAILABLE until it answers; retrying every ${RETRY_MS / 1000} s. ` +
            'Start it (npm run neo4j:start), fix NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, or unset NEO4J_URI to use the local one.',
        );
        warned = true;
      }
      return null;
    }
  };
}

const LISTEN_FAILURES: Record<string, (port: number, host: string) => string> = {
  EADDRINUSE: (port, host) => `port ${port} on ${host} is already in use by another program: stop it, or choose another port with PORT.`,
  EACCES: (port, host) => `port ${port} on ${host} needs privileges this process lacks: choose a port above 1023 with PORT.`,
  EADDRNOTAVAIL: (_port, host) => `${host} is not an address of this machine: set HOST to one of its addresses, e.g. 127.0.0.1.`,
};

/** Listens, or fails with a StartError naming the port and what to do. */
function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      const explain = LISTEN_FAILURES[error.code ?? ''];
      reject(explain ? new StartError(explain(port, host)) : error);
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

/** A database started for this server when NEO4J_URI is unset (by `npm start`: scripts/start.ts). */
export interface StartedDatabase {
  uri: string;
  /** False when one was already running there and is reused. */
  startedHere: boolean;
  stop(): Promise<void>;
}

/** Starts that database; `log` takes its progress lines, `pretty` says whether a person watches a terminal. */
export type DatabaseStarter = (config: Config, log: (line: string) => void, pretty: boolean) => Promise<StartedDatabase>;

/**
 * Composition root: config, database, HTTP, schema + seed. Without NEO4J_URI, `startDatabase` (given by
 * `npm start`, which starts the local Neo4j: the server's code never launches processes) provides one.
 */
async function main(startDatabase?: DatabaseStarter): Promise<void> {
  const config = readConfig();
  const pretty = config.logFormat === 'pretty' || (config.logFormat === 'auto' && process.stdout.isTTY && !config.production);
  const log = createLogger(config.logLevel, pretty ? prettyDestination() : undefined);
  let local: StartedDatabase | undefined;
  let graph: Graph | undefined;
  let shared: SharedState | undefined;
  const tracing = startTracing(config.tracing);
  if (config.tracing.otlpEndpoint) log.info(`Tracing: spans go over OTLP to ${config.tracing.otlpEndpoint}`);
  // A Neo4j this process started is stopped on every way out: a failed start, a crash, a signal.
  const release = async () => {
    await tracing.shutdown().catch(() => undefined);
    await graph?.close().catch(() => undefined);
    await shared?.close();
    await local?.stop();
  };
  process.on('uncaughtException', (error) => {
    console.error('Crashed:', error);
    void release().finally(() => process.exit(1));
  });

  /** Everything up to listening; on any failure the caller releases what it started. */
  const start = async () => {
    let uri = config.neo4jUri;
    if (!uri) {
      if (!startDatabase) throw new StartError('NEO4J_URI is unset: set it to your Neo4j, or run `npm start`, which starts a local one.');
      log.info(`NEO4J_URI is unset: starting the local Neo4j in ${config.local.home} (the first run downloads it)…`);
      local = await startDatabase(config, (line) => log.info(line), pretty);
      uri = local.uri;
    }
    shared = openSharedState(config, log);
    if (config.redisUrl) log.info(`Shared state (rate limits, persisted queries, subscriptions, bookmarks) in Redis, keys ${config.redisKeyPrefix}*`);
    const opened = Graph.open({ ...graphConnection(config, uri), bookmarks: shared.bookmarks });
    graph = opened;
    const { httpServer, apollo } = await buildServer(config, opened, log, shared);
    // Seed before serving when Neo4j answers, so the first request sees the graph; otherwise serve and retry.
    const prepare = preparer(opened, config, uri, log);
    const prepared = await prepare();
    await listen(httpServer, config.port, config.host);
    return { uri, opened, httpServer, apollo, prepare, prepared };
  };
  const { uri, opened, httpServer, apollo, prepare, prepared } = await start().catch(async (error: unknown) => {
    await release();
    throw error;
  });
  const { port } = httpServer.address() as AddressInfo;
  const banner = startBanner(config, {
    origin: `http://${config.host}:${port}`,
    neo4jUri: uri,
    neo4jStartedHere: local?.startedHere ?? false,
    counts: prepared ? await graphCounts(opened).catch(() => undefined) : undefined,
    seededNow: prepared?.seeded ?? false,
  });
  if (pretty) console.log(`\n${bannerText(banner)}\n`);
  else log.info(Object.fromEntries(banner.lines.map(([name, value]) => [name.toLowerCase(), value])), `${banner.title} (Neo4j ${uri})`);

  let stopping = false;
  const preparing = (async () => {
    for (let done = prepared !== null; !done && !stopping; done = (await prepare()) !== null) {
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  })();
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: finishing in-flight requests, then closing Neo4j…`);
    await apollo.stop(); // the drain plugin stops accepting connections and waits for in-flight requests
    await preparing;
    await release();
    process.exit(0);
  };
  // SIGHUP: the terminal that ran `npm start` was closed.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));
}

/** Runs the server as a command: a failure that one line explains is printed as that line, and the process exits with 1. */
export function runMain(startDatabase?: DatabaseStarter): void {
  main(startDatabase).catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof StartError) {
      console.error(`Cannot start: ${error.message}`);
    } else {
      console.error('Cannot start:', error);
    }
    process.exit(1);
  });
}

// `node dist/src/main.js` (the Docker image): NEO4J_URI names the database.
if (require.main === module) runMain();
