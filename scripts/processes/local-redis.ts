import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { isAlive, portIsFree, run, sleep, tail, terminate } from './os-process';

/** A Redis of the project's own: Debian's redis-server, run on 127.0.0.1 with its files in `home`. */
export interface LocalRedisOptions {
  home: string;
  port: number;
  /** requirepass; unset = no password (it listens on loopback only). */
  password?: string;
  /** maxmemory, e.g. 256mb; keys are evicted least-recently-used past it. */
  maxMemory: string;
}

export interface LocalRedis {
  url: string;
  pid: number;
  startedHere: boolean;
}

export class LocalRedisError extends Error {}

const START_TIMEOUT_MS = 10_000;

const pidFile = (home: string) => path.join(home, 'redis.pid');
const logFile = (home: string) => path.join(home, 'redis.log');

function urlOf(options: Pick<LocalRedisOptions, 'port' | 'password'>): string {
  return `redis://${options.password ? `:${encodeURIComponent(options.password)}@` : ''}127.0.0.1:${options.port}`;
}

/** The Redis running for `home`, if any. */
export function findLocalRedis(home: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(pidFile(home), 'utf8'), 10);
    return pid && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a Redis answers PING on the port (with the password when it has one). */
function answersPing(port: number, password?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('connect', () => socket.write(`${password ? `AUTH ${JSON.stringify(password)}\r\n` : ''}PING\r\n`));
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.includes('+PONG')) socket.end();
    });
    socket.on('close', () => resolve(answer.includes('+PONG')));
    socket.on('error', () => resolve(false));
  });
}

/**
 * Starts redis-server in the background (daemonized, so it outlives `npm run redis:start`), or finds the one
 * already running for `home`. No persistence: what it holds (limits, cached hashes, bookmarks) can be lost.
 */
export async function startLocalRedis(options: LocalRedisOptions): Promise<LocalRedis> {
  const running = findLocalRedis(options.home);
  if (running) return { url: urlOf(options), pid: running, startedHere: false };
  if (!(await portIsFree(options.port))) {
    throw new LocalRedisError(`port ${options.port} is taken by another process: set REDIS_PORT to a free port, or REDIS_URL to a Redis you run`);
  }
  fs.mkdirSync(options.home, { recursive: true });
  const args = [
    '--bind', '127.0.0.1',
    '--port', String(options.port),
    '--dir', options.home,
    '--daemonize', 'yes',
    '--pidfile', pidFile(options.home),
    '--logfile', logFile(options.home),
    '--save', '',
    '--appendonly', 'no',
    '--maxmemory', options.maxMemory,
    '--maxmemory-policy', 'allkeys-lru',
    ...(options.password ? ['--requirepass', options.password] : []),
  ];
  const started = await run('redis-server', args);
  if (started.missing) throw new LocalRedisError('redis-server is not installed: apt-get install redis-server (Debian\'s, 7.0)');
  if (started.code !== 0) throw new LocalRedisError(`redis-server failed to start: ${started.output.trim() || tail(logFile(options.home))}`);
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await answersPing(options.port, options.password))) {
    if (Date.now() > deadline) throw new LocalRedisError(`redis-server did not answer on port ${options.port}:\n${tail(logFile(options.home))}`);
    await sleep(50);
  }
  const pid = findLocalRedis(options.home);
  if (!pid) throw new LocalRedisError(`redis-server wrote no pid file in ${options.home}`);
  return { url: urlOf(options), pid, startedHere: true };
}

/** Stops the Redis running for `home`; false when none was. */
export async function stopLocalRedis(home: string): Promise<boolean> {
  const pid = findLocalRedis(home);
  if (!pid) return false;
  await terminate(pid);
  return true;
}
