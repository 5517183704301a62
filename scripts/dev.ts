import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { ConfigError, readConfig, repoRoot } from '../src/config';
import { LocalNeo4j, LocalNeo4jError, startLocalNeo4j, watchedStart } from './processes/local-neo4j';

/**
 * `npm run dev`: the server, restarted on every source change, against one Neo4j that stays up.
 *
 * `tsc --watch` recompiles into dist/ and `node --watch` restarts the server when its compiled files
 * change. A TypeScript runner such as tsx would skip the compile, but esbuild does not emit the decorator
 * metadata type-graphql reads, so the schema could not be built. The local Neo4j (when NEO4J_URI is
 * unset) is started here, handed to each server run as NEO4J_URI, and stopped when dev stops.
 */

const TSC = require.resolve('typescript/bin/tsc');
const MAIN = path.join(repoRoot, 'dist', 'src', 'main.js');

async function main(): Promise<void> {
  const config = readConfig();
  const log = (line: string) => console.log(`[dev] ${line}`);
  let local: LocalNeo4j | undefined;
  if (!config.neo4jUri) local = await startLocalNeo4j(config, watchedStart(Boolean(process.stdout.isTTY), log));
  const uri = config.neo4jUri ?? local!.uri;

  const compiler = spawn(process.execPath, [TSC, '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let server: ChildProcess | undefined;
  compiler.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    for (const line of text.split('\n').filter((l) => l.trim())) log(`tsc: ${line.replace(/^\S+ \S+ - /, '')}`);
    // The first successful compile starts the server; later ones reach it through node --watch.
    if (!server && /Found 0 errors/.test(text)) {
      server = spawn(process.execPath, ['--watch', '--max-old-space-size=224', MAIN], {
        cwd: repoRoot,
        env: { ...process.env, NEO4J_URI: uri },
        stdio: 'inherit',
      });
    }
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    compiler.kill('SIGTERM');
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server!.once('exit', resolve));
    }
    if (local?.startedHere) log(`stopping the Neo4j started for dev (${local.uri})…`);
    await local?.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop());
  log(`watching src/ for changes; the server restarts on each, against ${uri}${local?.startedHere ? ' (started here, stops with dev)' : ''}. Ctrl+C stops.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof LocalNeo4jError || error instanceof ConfigError ? `Cannot start: ${error.message}` : error);
  process.exit(1);
});
