import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { repoRoot } from '../../src/config';

/** Helpers for tests that spawn the real server and other processes, on loopback. */

/** Holds a loopback port the way another program would. */
export function holdPort(): Promise<net.Server & { port: number }> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => resolve(Object.assign(server, { port: (server.address() as net.AddressInfo).port })));
  });
}

export { freePort } from '../../scripts/processes/os-process';

export function portIsBound(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs: number, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The built server (global setup builds it), which the Docker image runs: NEO4J_URI names its database. */
export const BUILT_SERVER = path.join(repoRoot, 'dist', 'src', 'main.js');
/** What `npm start` runs: the same server, and the local Neo4j when NEO4J_URI is unset. */
export const START_COMMAND = path.join(repoRoot, 'dist', 'scripts', 'start.js');

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** The built server, or `command` (which runs it, e.g. under `script` for a terminal) with the same env. */
export function runBuiltServer(env: Record<string, string | undefined>, command: string[] = [process.execPath, BUILT_SERVER]): ServerProcess {
  // NODE_ENV as `npm start` has it, not Jest's `test` (Apollo, for one, handles signals differently under test).
  const child = spawn(command[0], command.slice(1), {
    env: { ...process.env, NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}
