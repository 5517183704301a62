import path from 'node:path';
import { findLocalNeo4j, LocalNeo4jError, startLocalNeo4j, stopLocalNeo4j } from '../src/graph/local-neo4j';

/**
 * node dist/scripts/neo4j.js start|stop|status
 * Env: NEO4J_BOLT_PORT (7687), NEO4J_PASSWORD (knowledge-graph), NEO4J_HOME (<repo>/.neo4j), NEO4J_HEAP, NEO4J_PAGECACHE.
 */

const repoRoot = path.resolve(__dirname, '..', '..'); // dist/scripts/neo4j.js -> repo root
const home = path.resolve(repoRoot, process.env.NEO4J_HOME || '.neo4j');

async function main(command: string | undefined): Promise<void> {
  switch (command) {
    case 'start': {
      const started = Date.now();
      const server = await startLocalNeo4j({
        home,
        boltPort: Number(process.env.NEO4J_BOLT_PORT || 7687),
        password: process.env.NEO4J_PASSWORD || 'knowledge-graph',
        heap: process.env.NEO4J_HEAP || undefined,
        pageCache: process.env.NEO4J_PAGECACHE || undefined,
        log: (line) => console.log(line),
      });
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
  console.error(error instanceof LocalNeo4jError ? error.message : error);
  process.exit(1);
});
