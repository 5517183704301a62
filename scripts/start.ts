import { runMain } from '../src/main';
import { startLocalNeo4j, watchedStart } from './processes/local-neo4j';

/**
 * `npm start`: the server, and when NEO4J_URI is unset the project's own local Neo4j (started here, owned by
 * this process, stopped with it). `node dist/src/main.js` is the same server without it (the Docker image).
 */
runMain((config, log, pretty) => startLocalNeo4j(config, watchedStart(pretty && Boolean(process.stdout.isTTY), log)));
