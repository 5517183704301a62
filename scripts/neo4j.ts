import { ConfigError, readConfig } from '../src/config';
import { findLocalNeo4j, LocalNeo4jError, startLocalNeo4j, stopLocalNeo4j, watchedStart } from './processes/local-neo4j';

/**
 * node dist/scripts/neo4j.js start|stop|status: the local Neo4j, with the server's settings
 * (NEO4J_HOME, NEO4J_BOLT_PORT, NEO4J_PASSWORD, NEO4J_HEAP, NEO4J_PAGECACHE; see the README).
 */
async function main(command: string | undefined): Promise<void> {
  const config = readConfig();
  const { home } = config.local;
  switch (command) {
    case 'start': {
      const started = Date.now();
      // This command exits while the server runs on, until `npm run neo4j:stop`.
      const hooks = watchedStart(Boolean(process.stdout.isTTY), (line) => console.log(line));
      const server = await startLocalNeo4j(config, { ...hooks, owner: 'none' });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        server.startedHere
          ? `Neo4j running at ${server.uri} (pid ${server.pid}, started in ${seconds} s); stop it with npm run neo4j:stop`
          : `Neo4j already running at ${server.uri} (pid ${server.pid})`,
      );
      return;
    }
    case 'stop': {
      console.log((await stopLocalNeo4j(home)) ? `Stopped the Neo4j in ${home}` : `No Neo4j running for ${home}`);
      return;
    }
    case 'status': {
      const running = findLocalNeo4j(home);
      console.log(running ? `Neo4j running at ${running.uri} (pid ${running.pid}, home ${home})` : `No Neo4j running for ${home}`);
      if (!running) process.exitCode = 3;
      return;
    }
    default:
      console.error('usage: node dist/scripts/neo4j.js start|stop|status');
      process.exitCode = 2;
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof LocalNeo4jError || error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
