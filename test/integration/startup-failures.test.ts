import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../src/config';
import { isAlive } from '../../scripts/processes/os-process';
import { TEST_BOLT_PORT, TEST_HOME, testConnection } from '../support/env';
import { freePort, holdPort, portIsBound, runBuiltServer, START_COMMAND, waitFor } from '../support/processes';

/**
 * Every way `npm start` can fail to start says so in one line that names what to do, exits non-zero and
 * leaves nothing running: no Neo4j, no pid file, no port bound.
 */
const MAIN = START_COMMAND;
/** A local Neo4j of these tests' own (its launcher is built once, by the first test). */
const HOME = path.join(repoRoot, '.neo4j', 'startup-failures');

jest.setTimeout(240_000);

interface Outcome {
  code: number | null;
  output: string;
  /** What it wrote to stderr alone: the logs on stdout may be flushed after it (pino writes them asynchronously). */
  stderr: string;
}

function start(env: Record<string, string | undefined>, command: string[] = [process.execPath, MAIN]): Promise<Outcome> {
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(command[0], command.slice(1), {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        NEO4J_URI: undefined,
        NEO4J_HOME: HOME,
        NEO4J_HEAP: '512m',
        NEO4J_PAGECACHE: '64m',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => {
      output += chunk;
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, output, stderr }));
  });
}

/** The failure is the last line it writes to stderr, says what to do, and comes without a stack trace. */
function expectOneLine(outcome: Outcome, message: string | RegExp): void {
  expect(outcome.code).toBe(1);
  const lines = outcome.stderr.trim().split('\n');
  const last = lines[lines.length - 1];
  if (typeof message === 'string') expect(last).toBe(`Cannot start: ${message}`);
  else expect(last).toMatch(message);
  expect(outcome.output).not.toMatch(/^\s+at /m);
}

function expectNothingLeft(home: string): void {
  expect(fs.existsSync(path.join(home, 'neo4j.pid'))).toBe(false);
  expect(fs.existsSync(path.join(home, 'start.lock'))).toBe(false);
}

/** A folder on PATH holding only the given commands (links to the real ones, or scripts). */
function binFolder(commands: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bin-'));
  for (const [name, target] of Object.entries(commands)) {
    if (target.startsWith('#!')) fs.writeFileSync(path.join(dir, name), target, { mode: 0o755 });
    else fs.symlinkSync(target, path.join(dir, name));
  }
  return dir;
}

const realJava = fs.realpathSync(
  process.env.JAVA_HOME && fs.existsSync(path.join(process.env.JAVA_HOME, 'bin', 'java'))
    ? path.join(process.env.JAVA_HOME, 'bin', 'java')
    : (process.env.PATH ?? '').split(':').map((dir) => path.join(dir, 'java')).find((file) => fs.existsSync(file))!,
);

describe('npm start fails cleanly', () => {
  afterAll(() => fs.rmSync(HOME, { recursive: true, force: true }));

  it('when the HTTP port is in use: after starting Neo4j, it stops it again', async () => {
    const http = await holdPort();
    const bolt = await freePort();
    try {
      const outcome = await start({ PORT: String(http.port), NEO4J_BOLT_PORT: String(bolt) });
      expectOneLine(outcome, `port ${http.port} on 127.0.0.1 is already in use by another program: stop it, or choose another port with PORT.`);
      const pid = Number(/Neo4j is up on \S+ after [\d.]+ s \(pid (\d+)\)/.exec(outcome.output)?.[1]);
      expect(pid).toBeGreaterThan(0);
      expect(isAlive(pid)).toBe(false);
      expect(await portIsBound(bolt)).toBe(false);
      expectNothingLeft(HOME);
    } finally {
      http.close();
    }
  });

  it('and a Neo4j it started stops with it when its terminal closes (SIGHUP)', async () => {
    const bolt = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, NODE_ENV: 'development', NEO4J_URI: undefined, NEO4J_HOME: HOME, NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '64m', PORT: String(await freePort()), NEO4J_BOLT_PORT: String(bolt) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await waitFor(() => output.includes('GraphQL API on'), 120_000);
    const pid = Number(/Neo4j is up on \S+ after [\d.]+ s \(pid (\d+)\)/.exec(output)?.[1]);
    expect(isAlive(pid)).toBe(true);
    child.kill('SIGHUP');
    expect(await exited).toBe(0);
    expect(isAlive(pid)).toBe(false);
    expect(await portIsBound(bolt)).toBe(false);
    expectNothingLeft(HOME);
  });

  it('and a Neo4j it started stops when the server is killed outright (SIGKILL), so that the next start starts', async () => {
    const bolt = await freePort();
    const env = { PORT: String(await freePort()), NEO4J_BOLT_PORT: String(bolt) };
    const local = { NEO4J_URI: undefined, NEO4J_HOME: HOME, NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '64m', ...env };
    const killed = runBuiltServer(local, [process.execPath, START_COMMAND]);
    await waitFor(() => killed.output().includes('GraphQL API on'), 120_000, 'the server');
    const pid = Number(/Neo4j is up on \S+ after [\d.]+ s \(pid (\d+)\)/.exec(killed.output())?.[1]);
    expect(isAlive(pid)).toBe(true);
    killed.child.kill('SIGKILL');
    await killed.exited;
    // No shutdown code of the server ran: the launcher saw its owner go.
    await waitFor(() => !isAlive(pid), 10_000, 'the orphaned Neo4j to stop');
    expect(await portIsBound(bolt)).toBe(false);

    const next = runBuiltServer(local, [process.execPath, START_COMMAND]);
    await waitFor(() => next.output().includes('GraphQL API on'), 120_000, 'the next server');
    expect(next.output()).toMatch(/Neo4j is up on/);
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
    expectNothingLeft(HOME);
  });

  it('when the local Neo4j’s Bolt port is in use by another program', async () => {
    const bolt = await holdPort();
    try {
      const outcome = await start({ PORT: String(await freePort()), NEO4J_BOLT_PORT: String(bolt.port) });
      expectOneLine(
        outcome,
        `Port ${bolt.port} on 127.0.0.1 is already in use by another process: stop it or choose another port (NEO4J_BOLT_PORT).`,
      );
      expectNothingLeft(HOME);
    } finally {
      bolt.close();
    }
  });

  it('when Java is missing', async () => {
    const outcome = await start({ PATH: binFolder({}), JAVA_HOME: undefined, NEO4J_BOLT_PORT: String(await freePort()) });
    expectOneLine(
      outcome,
      'Java 17 or newer is required to run the local Neo4j: install a JDK (e.g. apt-get install openjdk-17-jdk-headless) or set NEO4J_URI to an existing database.',
    );
    expectNothingLeft(HOME);
  });

  it('when Java is older than 17', async () => {
    const javaHome = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-jdk-'));
    fs.mkdirSync(path.join(javaHome, 'bin'));
    fs.writeFileSync(path.join(javaHome, 'bin', 'java'), '#!/bin/sh\necho \'openjdk version "11.0.22" 2024-01-16\' >&2\n', { mode: 0o755 });
    const outcome = await start({ JAVA_HOME: javaHome, NEO4J_BOLT_PORT: String(await freePort()) });
    expectOneLine(outcome, /^Cannot start: Java 17 or newer is required to run the local Neo4j, but `java -version` reports 11\.0\.22: install a JDK/);
    expectNothingLeft(HOME);
  });

  it('when Maven is missing on a first run', async () => {
    const home = fs.mkdtempSync(path.join(repoRoot, '.neo4j', 'first-run-'));
    try {
      const outcome = await start({ NEO4J_HOME: home, PATH: binFolder({ java: realJava }), JAVA_HOME: undefined, NEO4J_BOLT_PORT: String(await freePort()) });
      expectOneLine(
        outcome,
        'Maven (mvn) is required to fetch and build the local Neo4j on first use: install it (e.g. apt-get install maven) or set NEO4J_URI to an existing database.',
      );
      expectNothingLeft(home);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('when Maven Central cannot be reached and the Maven cache is empty', async () => {
    const home = fs.mkdtempSync(path.join(repoRoot, '.neo4j', 'first-run-'));
    const emptyCache = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-m2-'));
    try {
      // A network namespace of its own, with no interface up: Maven Central is as unreachable as it gets.
      const outcome = await start(
        { NEO4J_HOME: home, MAVEN_OPTS: `-Dmaven.repo.local=${emptyCache}`, NEO4J_BOLT_PORT: String(await freePort()) },
        ['unshare', '--net', process.execPath, MAIN],
      );
      expectOneLine(
        outcome,
        /^Cannot start: Maven could not download Neo4j from Maven Central \(.*launcher-build\.log\): check the network or the proxy in ~\/\.m2\/settings\.xml, or set NEO4J_URI to an existing database\.$/,
      );
      expectNothingLeft(home);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
      fs.rmSync(emptyCache, { recursive: true, force: true });
    }
  });

  it('when the local Neo4j’s folder cannot be written', async () => {
    // Permission bits do not stop root, so the folder sits below a regular file, where nothing can be created.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kg-home-')), 'a-file');
    fs.writeFileSync(file, '');
    const outcome = await start({ NEO4J_HOME: path.join(file, 'neo4j'), NEO4J_BOLT_PORT: String(await freePort()) });
    expectOneLine(
      outcome,
      `Cannot write to the local Neo4j's folder ${path.join(file, 'neo4j')} (ENOTDIR): fix its permissions or choose another with NEO4J_HOME.`,
    );
  });

  // With NEO4J_URI set the tests have no local Neo4j of their own to knock on.
  const localOnly = process.env.NEO4J_URI ? it.skip : it;

  localOnly('when the running local Neo4j has another password, and leaves that Neo4j running', async () => {
    const outcome = await start({ NEO4J_HOME: TEST_HOME, NEO4J_BOLT_PORT: String(TEST_BOLT_PORT), NEO4J_PASSWORD: 'not-the-password' });
    expectOneLine(
      outcome,
      new RegExp(
        `^Cannot start: The local Neo4j already running on bolt://127\\.0\\.0\\.1:${TEST_BOLT_PORT} \\(pid \\d+\\) has a different password: stop it \\(npm run neo4j:stop\\) so it restarts with the configured one\\.$`,
      ),
    );
    expect(fs.existsSync(path.join(TEST_HOME, 'neo4j.pid'))).toBe(true);
    expect(await portIsBound(Number(new URL(testConnection().uri).port))).toBe(true);
  });
});
