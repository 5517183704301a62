import 'reflect-metadata';
import { Server as HttpServer } from 'node:http';
import { ConfigError, readConfig, repoRoot } from './config';
import { defaultCypherDirs, prepareDatabase } from './graph/cypher-files';
import { Graph } from './graph/driver';
import { LocalNeo4j, LocalNeo4jError, startLocalNeo4j } from './graph/local-neo4j';
import { buildServer } from './server';

/** Composition root: config, database (the local one when NEO4J_URI is unset), schema + seed, HTTP. */
async function main(): Promise<void> {
  const config = readConfig();
  let local: LocalNeo4j | undefined;
  let uri = config.neo4jUri;
  if (!uri) {
    console.log(`NEO4J_URI is unset: starting the local Neo4j in ${config.local.home} (the first run downloads it)…`);
    local = await startLocalNeo4j({ ...config.local, password: config.neo4jPassword, log: (line) => console.log(line) });
    uri = local.uri;
  }
  const graph = Graph.open({ ...config, uri, user: config.neo4jUser, password: config.neo4jPassword, database: config.neo4jDatabase });
  const stopDatabase = async () => {
    await graph.close();
    await local?.stop();
  };

  try {
    await graph.verify();
  } catch (error) {
    await stopDatabase();
    throw new StartError(
      `Cannot reach Neo4j at ${uri} (${(error as Error).message.split('\n')[0]}). ` +
        'Start it (npm run neo4j:start), fix NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, or unset NEO4J_URI to use the local one.',
    );
  }
  const { seeded } = await prepareDatabase(graph, defaultCypherDirs(repoRoot), config.seedOnStart ? 'if-empty' : 'never');
  if (seeded) console.log('Seeded the default knowledge graph.');

  const { app, apollo } = await buildServer(config, graph);
  const http: HttpServer = app.listen(config.port, config.host, () => {
    console.log(`GraphQL API on http://${config.host}:${config.port}/graphql (Neo4j ${uri})`);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests, then closing Neo4j…`);
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await apollo.stop();
    await stopDatabase();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

class StartError extends Error {}

function report(error: unknown): never {
  if (error instanceof StartError || error instanceof ConfigError || error instanceof LocalNeo4jError) {
    console.error(`Cannot start: ${error.message}`);
  } else {
    console.error('Cannot start:', error);
  }
  process.exit(1);
}

main().catch(report);
