import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/**
 * What managing a server process of our own needs, whatever the server: liveness, command lines,
 * stopping, a start lock, a free port, running a tool to completion.
 */

const STOP_TIMEOUT_MS = 30_000;

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // An exited child whose parent has not reaped it yet still accepts signals.
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/**
 * The arguments of process `pid`; undefined when it cannot be read. Without /proc (macOS), `ps` gives one
 * line, which `fromPs` turns into the arguments that matter.
 */
export function commandLine(pid: number, fromPs: (line: string) => string[]): string[] | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    try {
      return fromPs(execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }));
    } catch {
      return undefined;
    }
  }
}

/** SIGTERM, then SIGKILL if the process is still alive after 30 s; resolves once it is gone. */
export async function terminate(pid: number): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) {
    signal('SIGKILL');
    while (isAlive(pid)) await sleep(100);
  }
}

/**
 * Serialises starts in one folder (e.g. `npm start` and `npm test` at once); a lock of a dead process is
 * taken over. Resolves with the function that releases it; `onTimeout` makes the error after `timeoutMs`.
 */
export async function acquireLock(file: string, timeoutMs: number, onTimeout: (holder: number) => Error): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    if (!holder || !isAlive(holder)) {
      fs.rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw onTimeout(holder);
    await sleep(500);
  }
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A loopback port nothing listens on (at the moment it is returned). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The last lines of a log file, for an error message. */
export function tail(file: string, lines = 20): string {
  try {
    const text = fs.readFileSync(file, 'utf8').trimEnd();
    return text ? text.split('\n').slice(-lines).join('\n') : '(nothing logged yet)';
  } catch {
    return '(no log)';
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface RunResult {
  code: number | null;
  output: string;
  missing: boolean;
}

/**
 * Runs a command to completion, collecting stdout and stderr together and handing each line to `onLine`
 * as it comes; `missing` when the command is not on PATH. `env` replaces the environment (default: this process's).
 */
export function run(command: string, args: string[], onLine: (line: string) => void = () => undefined, env?: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    let partial = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach(onLine);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (error: NodeJS.ErrnoException) => resolve({ code: -1, output: error.message, missing: error.code === 'ENOENT' }));
    child.on('close', (code) => {
      if (partial) onLine(partial);
      resolve({ code, output, missing: false });
    });
  });
}
