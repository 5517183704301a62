import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Config, repoRoot, StartError } from '../../src/config';
import { probeBolt } from '../../src/graph/driver';
import { acquireLock, commandLine, isAlive, portIsFree, run, sleep, tail, terminate } from './os-process';

/**
 * Starts a real Neo4j Community server (embedded DBMS with a Bolt connector, see
 * scripts/neo4j/src/main/java/kg/LocalNeo4j.java) from Maven Central jars: no Docker, no tarball.
 * The launcher is compiled once per pom/source hash into <home>/launcher/launcher-<hash>/;
 * the jars themselves stay in ~/.m2 and are referenced by an argument file. It runs the model guard
 * (scripts/neo4j/src/main/java/kg/guard), which checks every write against cypher/schema/model-rules.json, and the
 * change capture (scripts/neo4j/src/main/java/kg/changes), which logs each write's changes as a :ChangeLog node.
 *
 * Layout under `home`: data/ and logs/ (Neo4j's own), logs/neo4j.log (the JVM's stdout/stderr),
 * logs/launcher-build.log (Maven's output), launcher/, neo4j.pid, start.lock (only while starting).
 */

/** What the model guard does with a write that breaks the model's rules: refuse it, log it, or nothing. */
export type ModelGuardMode = 'reject' | 'warn' | 'off';

/** Whether the change capture writes a :ChangeLog entry in each transaction that changes the model. */
export type ChangeCaptureMode = 'on' | 'off';

/**
 * Where and how to run it (NEO4J_HOME, NEO4J_BOLT_PORT, NEO4J_HEAP, NEO4J_PAGECACHE) and its credentials, as
 * readConfig validated them; `modelGuard` defaults to MODEL_GUARD, else 'reject'; `changeCapture` to CHANGE_CAPTURE, else 'on'.
 */
export type LocalNeo4jConfig = Pick<Config, 'local' | 'neo4jPassword'> & { modelGuard?: ModelGuardMode; changeCapture?: ChangeCaptureMode };

export interface LocalNeo4j {
  uri: string;
  pid: number;
  startedHere: boolean;
  stop(): Promise<void>;
}

export class LocalNeo4jError extends StartError {
  constructor(message: string) {
    super(message);
    this.name = 'LocalNeo4jError';
  }
}

const MAIN_CLASS = 'kg.LocalNeo4j';
/** The local server's one user, whose password LocalNeo4j.java sets from NEO4J_PASSWORD. */
const LOCAL_USER = 'neo4j';
const READY_MARK = 'READY bolt://';
/** How long Neo4j may take to answer after its JVM starts. */
const START_TIMEOUT_MS = 180_000;
/** The rules `npm run schema` writes (MODEL_RULES_FILE of src/model/model-rules.ts, not imported: it loads the whole model). */
const MODEL_RULES = path.join(repoRoot, 'cypher', 'schema', 'model-rules.json');
const MODEL_GUARD_MODES: readonly ModelGuardMode[] = ['reject', 'warn', 'off'];
const CHANGE_CAPTURE_MODES: readonly ChangeCaptureMode[] = ['on', 'off'];
const INSTALL_JAVA =
  'install a JDK (e.g. apt-get install openjdk-17-jdk-headless) or set NEO4J_URI to an existing database.';

/** What Maven has downloaded so far while building the launcher on a first run. */
export interface Downloads {
  jars: number;
  bytes: number;
}

export interface StartHooks {
  /**
   * The process whose end stops the server (the launcher polls it): by default the one starting it, so that
   * a Neo4j never outlives the server, test run or benchmark it was started for, however that ended.
   * 'none' for `npm run neo4j:start`, whose Neo4j runs until `npm run neo4j:stop`.
   */
  owner?: number | 'none';
  log?: (line: string) => void;
  /** Called as Maven downloads each file (only on a first run, with jars missing from ~/.m2). */
  downloading?: (downloads: Downloads) => void;
}

/** Starts the local Neo4j of `config.local.home`, or reuses it when it already runs there (started by any process). */
export async function startLocalNeo4j(config: LocalNeo4jConfig, hooks: StartHooks = {}): Promise<LocalNeo4j> {
  const { home, boltPort: port, heap, pageCache } = config.local;
  const password = config.neo4jPassword;
  const log = hooks.log ?? (() => undefined);
  const modelGuard = config.modelGuard ?? modelGuardFromEnv();
  const changeCapture = config.changeCapture ?? changeCaptureFromEnv();
  makeWritableFolder(home);

  // The holder of the lock may be running a first-time Maven build.
  const releaseLock = await acquireLock(path.join(home, 'start.lock'), START_TIMEOUT_MS + 600_000, (holder) =>
    new LocalNeo4jError(`Another process (pid ${holder}) is still starting the local Neo4j in ${home}.`),
  );
  try {
    const running = findRunning(home);
    if (running) return await reuse(home, running, password, port);

    await checkJava();
    const launcher = await ensureLauncher(home, log, hooks.downloading ?? (() => undefined));
    if (!(await portIsFree(port))) {
      throw new LocalNeo4jError(
        `Port ${port} on 127.0.0.1 is already in use by another process: stop it or choose another port (NEO4J_BOLT_PORT).`,
      );
    }
    const owner = hooks.owner ?? process.pid;
    return await spawnServer({ home, port, password, heap, pageCache, modelGuard, changeCapture, launcher, log, owner: owner === 'none' ? undefined : owner });
  } finally {
    releaseLock();
  }
}

/** Stops a server started with this home (by any process). Resolves false if none was running. */
export async function stopLocalNeo4j(home: string): Promise<boolean> {
  const dir = path.resolve(home);
  const running = findRunning(dir);
  if (!running) return false;
  await terminate(running.pid);
  removePidFile(dir, running.pid);
  return true;
}

/** The server currently running for this home, if any (used by `neo4j.js status`). */
export function findLocalNeo4j(home: string): { pid: number; uri: string } | undefined {
  const running = findRunning(path.resolve(home));
  return running && { pid: running.pid, uri: boltUri(running.port) };
}

// ---------------------------------------------------------------------------------------------
// Starting

interface Launcher {
  argsFile: string;
  pluginsDir: string;
}

interface SpawnParams {
  home: string;
  port: number;
  password: string;
  heap: string;
  pageCache: string;
  modelGuard: ModelGuardMode;
  changeCapture: ChangeCaptureMode;
  launcher: Launcher;
  log: (line: string) => void;
  owner: number | undefined;
}

async function spawnServer(p: SpawnParams): Promise<LocalNeo4j> {
  const logFile = path.join(p.home, 'logs', 'neo4j.log');
  if (fs.existsSync(logFile)) fs.renameSync(logFile, `${logFile}.1`);
  const out = fs.openSync(logFile, 'a');
  const uri = boltUri(p.port);
  p.log(`starting Neo4j on ${uri} (home ${p.home}, log ${logFile})…`);
  const child = spawn(
    javaBinary(),
    [
      `@${p.launcher.argsFile}`,
      `-Xmx${p.heap}`,
      '-XX:+ExitOnOutOfMemoryError',
      // Same opens as the Neo4j server's default JVM options (page cache and Netty need them for full speed).
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '-Dio.netty.tryReflectionSetAccessible=true',
      MAIN_CLASS,
      p.home,
      String(p.port),
    ],
    {
      // Detached so that `neo4j:start` can exit while the server keeps running.
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        NEO4J_PASSWORD: p.password,
        NEO4J_PAGECACHE: p.pageCache,
        NEO4J_PLUGINS: p.launcher.pluginsDir,
        NEO4J_OWNER_PID: p.owner === undefined ? '' : String(p.owner),
        MODEL_RULES,
        MODEL_GUARD: p.modelGuard,
        CHANGE_CAPTURE: p.changeCapture,
      },
    },
  );
  fs.closeSync(out);
  let exited: string | undefined;
  child.on('error', (error) => (exited = error.message));
  child.on('exit', (code, signal) => (exited = signal ? `signal ${signal}` : `exit code ${code}`));
  child.unref();
  const pid = child.pid;
  if (pid === undefined) {
    await sleep(100); // let the 'error' event arrive
    throw new LocalNeo4jError(`Could not launch Java for the local Neo4j (${exited ?? 'unknown error'}).`);
  }
  fs.writeFileSync(pidFile(p.home), `${pid}\n`);

  const started = Date.now();
  for (;;) {
    if (exited) {
      removePidFile(p.home, pid);
      throw new LocalNeo4jError(`The local Neo4j stopped during start-up (${exited}); last lines of ${logFile}:\n${tail(logFile)}`);
    }
    if (fs.readFileSync(logFile, 'utf8').includes(READY_MARK)) {
      const state = await probeBolt(uri, LOCAL_USER, p.password);
      if (state === 'ok') break;
      if (state === 'unauthorized') {
        await terminate(pid);
        removePidFile(p.home, pid);
        throw new LocalNeo4jError(`The local Neo4j on ${uri} refused the configured password right after start-up; see ${logFile}.`);
      }
    }
    if (Date.now() - started > START_TIMEOUT_MS) {
      await terminate(pid);
      removePidFile(p.home, pid);
      throw new LocalNeo4jError(
        `The local Neo4j did not answer on ${uri} within ${START_TIMEOUT_MS / 1000} s; last lines of ${logFile}:\n${tail(logFile)}`,
      );
    }
    await sleep(250);
  }
  p.log(`Neo4j is up on ${uri} after ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${pid})`);

  let stopped = false;
  return {
    uri,
    pid,
    startedHere: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      await terminate(pid);
      removePidFile(p.home, pid);
    },
  };
}

function modelGuardFromEnv(): ModelGuardMode {
  const value = (process.env.MODEL_GUARD ?? '').trim().toLowerCase();
  if (!value) return 'reject';
  if (!(MODEL_GUARD_MODES as readonly string[]).includes(value)) {
    throw new LocalNeo4jError(`MODEL_GUARD must be reject, warn or off, not "${process.env.MODEL_GUARD}".`);
  }
  return value as ModelGuardMode;
}

function changeCaptureFromEnv(): ChangeCaptureMode {
  const value = (process.env.CHANGE_CAPTURE ?? '').trim().toLowerCase();
  if (!value) return 'on';
  if (!(CHANGE_CAPTURE_MODES as readonly string[]).includes(value)) {
    throw new LocalNeo4jError(`CHANGE_CAPTURE must be on or off, not "${process.env.CHANGE_CAPTURE}".`);
  }
  return value as ChangeCaptureMode;
}

async function reuse(home: string, running: Running, password: string, port: number): Promise<LocalNeo4j> {
  if (running.port !== port) {
    throw new LocalNeo4jError(
      `The local Neo4j for ${home} is already running on port ${running.port} (pid ${running.pid}): use that port or stop it first (npm run neo4j:stop).`,
    );
  }
  const uri = boltUri(port);
  const started = Date.now();
  // It may still be starting (launched by another process); wait for it like for our own.
  for (;;) {
    const state = await probeBolt(uri, LOCAL_USER, password);
    if (state === 'ok') break;
    if (state === 'unauthorized') {
      throw new LocalNeo4jError(
        `The local Neo4j already running on ${uri} (pid ${running.pid}) has a different password: stop it (npm run neo4j:stop) so it restarts with the configured one.`,
      );
    }
    if (!isAlive(running.pid) || Date.now() - started > START_TIMEOUT_MS) {
      throw new LocalNeo4jError(
        `The local Neo4j process ${running.pid} for ${home} does not answer on ${uri}: stop it (npm run neo4j:stop) and start again.`,
      );
    }
    await sleep(500);
  }
  return { uri, pid: running.pid, startedHere: false, stop: async () => undefined };
}

// ---------------------------------------------------------------------------------------------
// Prerequisites and the launcher build

function javaBinary(): string {
  const fromHome = process.env.JAVA_HOME && path.join(process.env.JAVA_HOME, 'bin', 'java');
  return fromHome && fs.existsSync(fromHome) ? fromHome : 'java';
}

async function checkJava(): Promise<void> {
  const result = await run(javaBinary(), ['-version']);
  if (result.missing) throw new LocalNeo4jError(`Java 17 or newer is required to run the local Neo4j: ${INSTALL_JAVA}`);
  const version = /version "([^"]+)"/.exec(result.output)?.[1];
  const parts = (version ?? '').split(/[.+_-]/).map(Number);
  const major = parts[0] === 1 ? parts[1] : parts[0];
  if (!major || major < 17) {
    throw new LocalNeo4jError(
      `Java 17 or newer is required to run the local Neo4j, but \`java -version\` reports ${version ?? 'an unknown version'}: ${INSTALL_JAVA}`,
    );
  }
}

async function checkMaven(): Promise<void> {
  const result = await run('mvn', ['-v']);
  if (result.missing || result.code !== 0) {
    throw new LocalNeo4jError(
      'Maven (mvn) is required to fetch and build the local Neo4j on first use: install it (e.g. apt-get install maven) or set NEO4J_URI to an existing database.',
    );
  }
}

/** Builds the launcher unless a build for the current pom.xml + sources exists and its jars are still in ~/.m2. */
async function ensureLauncher(home: string, log: (line: string) => void, downloading: (downloads: Downloads) => void): Promise<Launcher> {
  const projectDir = path.join(repoRoot, 'scripts', 'neo4j');
  const pom = path.join(projectDir, 'pom.xml');
  const hash = createHash('sha256').update(fs.readFileSync(pom));
  // Every file under src/ (Java and resources such as META-INF/services), by path and content.
  const sources = path.join(projectDir, 'src');
  for (const file of (fs.readdirSync(sources, { recursive: true }) as string[]).sort()) {
    const full = path.join(sources, file);
    if (fs.statSync(full).isFile()) hash.update('\0').update(file).update('\0').update(fs.readFileSync(full));
  }
  const digest = hash.digest('hex').slice(0, 12);
  const targetDir = path.join(home, 'launcher');
  const dir = path.join(targetDir, `launcher-${digest}`);
  const launcher: Launcher = { argsFile: path.join(dir, 'java.args'), pluginsDir: path.join(dir, 'plugins') };
  if (launcherIsComplete(dir)) return launcher;

  await checkMaven();
  log('building the Neo4j launcher with Maven (the first run downloads ~130 MB of jars)…');
  const started = Date.now();
  // Build into a private directory and rename it into place, so concurrent builds cannot see half a launcher.
  const buildDir = path.join(targetDir, `build-${process.pid}-${Date.now()}`);
  const buildLog = path.join(home, 'logs', 'launcher-build.log');
  const downloads: Downloads = { jars: 0, bytes: 0 };
  const result = await run('mvn', ['-B', '-Dstyle.color=never', '-f', pom, `-Dlauncher.dir=${buildDir}`, 'package'], (line) => {
    const downloaded = parseDownload(line);
    if (!downloaded) return;
    downloads.bytes += downloaded.bytes;
    if (downloaded.file.endsWith('.jar')) downloads.jars += 1;
    downloading(downloads);
  });
  fs.writeFileSync(buildLog, result.output);
  if (result.code !== 0) {
    fs.rmSync(buildDir, { recursive: true, force: true });
    if (MAVEN_OFFLINE.test(result.output)) {
      throw new LocalNeo4jError(
        `Maven could not download Neo4j from Maven Central (${buildLog}): check the network or the proxy in ~/.m2/settings.xml, or set NEO4J_URI to an existing database.`,
      );
    }
    const reason = result.output.split('\n').find((line) => line.startsWith('[ERROR]')) ?? 'see the log';
    throw new LocalNeo4jError(`Building the local Neo4j launcher with Maven failed (${buildLog}): ${reason.replace(/^\[ERROR\]\s*/, '')}`);
  }
  const classpath = [path.join(buildDir, 'local-neo4j.jar'), fs.readFileSync(path.join(buildDir, 'classpath.txt'), 'utf8').trim()]
    .join(path.delimiter)
    .replaceAll(buildDir, dir);
  fs.writeFileSync(path.join(buildDir, 'java.args'), `-cp\n${argFileQuote(classpath)}\n`);
  try {
    fs.renameSync(buildDir, dir);
  } catch {
    fs.rmSync(buildDir, { recursive: true, force: true }); // another process finished the same build first
  }
  for (const entry of fs.readdirSync(targetDir)) {
    if (entry.startsWith('launcher-') && entry !== path.basename(dir)) {
      fs.rmSync(path.join(targetDir, entry), { recursive: true, force: true });
    }
  }
  const fetched = downloads.bytes > 0 ? `, downloading ${downloads.jars} jars, ${megabytes(downloads.bytes)} MB` : '';
  log(`built the Neo4j launcher in ${((Date.now() - started) / 1000).toFixed(1)} s${fetched}`);
  return launcher;
}

/** Maven's words for a repository it cannot reach. */
const MAVEN_OFFLINE = /Could not transfer|Unknown host|UnknownHostException|Connection refused|Network is unreachable|Connect to \S+ failed|Temporary failure in name resolution/;

const SIZE_UNITS: Record<string, number> = { B: 1, kB: 1_000, KB: 1_000, MB: 1_000_000, GB: 1_000_000_000 };

/** Maven's "Downloaded from central: <url> (1.2 MB at 3.4 MB/s)" as the file and its size. */
export function parseDownload(line: string): { file: string; bytes: number } | undefined {
  const match = /^(?:\[INFO\] )?Downloaded from [^:]+: (\S+) \(([\d.,]+) (B|kB|KB|MB|GB)/.exec(line);
  if (!match) return undefined;
  return { file: match[1], bytes: Math.round(Number(match[2].replace(/,/g, '')) * SIZE_UNITS[match[3]]) };
}

export function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}

/** Creates the folder (and its logs/) and proves a file can be written there: the launcher, data and logs go there. */
function makeWritableFolder(home: string): void {
  try {
    fs.mkdirSync(path.join(home, 'logs'), { recursive: true });
    const probe = path.join(home, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (error) {
    throw new LocalNeo4jError(
      `Cannot write to the local Neo4j's folder ${home} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): fix its permissions or choose another with NEO4J_HOME.`,
    );
  }
}

function launcherIsComplete(dir: string): boolean {
  const argsFile = path.join(dir, 'java.args');
  if (!fs.existsSync(argsFile)) return false;
  const classpath = readArgFileClasspath(fs.readFileSync(argsFile, 'utf8'));
  return classpath.length > 0 && classpath.every((entry) => fs.existsSync(entry));
}

function argFileQuote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function readArgFileClasspath(text: string): string[] {
  const quoted = text.split('\n')[1] ?? '';
  const value = quoted.slice(1, -1).replace(/\\(.)/g, '$1');
  return value ? value.split(path.delimiter) : [];
}

// ---------------------------------------------------------------------------------------------
// The pid file

interface Running {
  pid: number;
  port: number;
}

function pidFile(home: string): string {
  return path.join(home, 'neo4j.pid');
}

/** The live launcher process recorded in the pid file; a stale pid file (dead or reused pid) is removed. */
function findRunning(home: string): Running | undefined {
  let pid: number;
  try {
    pid = Number.parseInt(fs.readFileSync(pidFile(home), 'utf8'), 10);
  } catch {
    return undefined;
  }
  const args = Number.isInteger(pid) && pid > 0 && isAlive(pid) ? commandLine(pid, launcherArguments) : undefined;
  const at = args?.indexOf(MAIN_CLASS) ?? -1;
  if (args && at >= 0 && path.resolve(args[at + 1] ?? '') === home) return { pid, port: Number(args[at + 2]) };
  fs.rmSync(pidFile(home), { force: true });
  return undefined;
}

function removePidFile(home: string, pid: number): void {
  try {
    if (Number.parseInt(fs.readFileSync(pidFile(home), 'utf8'), 10) === pid) fs.rmSync(pidFile(home));
  } catch {
    // already gone
  }
}

/** The launcher's main class, home and port from a `ps` line (paths with spaces are rejoined by the regex). */
function launcherArguments(psLine: string): string[] {
  const match = new RegExp(`${MAIN_CLASS.replace('.', '\\.')} (.+) (\\d+)\\s*$`).exec(psLine);
  return match ? [MAIN_CLASS, match[1], match[2]] : [];
}

function boltUri(port: number): string {
  return `bolt://127.0.0.1:${port}`;
}

/**
 * Start hooks for a person watching: Maven's downloads are rewritten in place on a terminal, and logged as
 * a line every 5 s otherwise; `log` lines go to `log` (after ending the in-place line).
 */
export function watchedStart(terminal: boolean, log: (line: string) => void): StartHooks {
  let inPlace = false;
  let lastLine = 0;
  return {
    log: (line) => {
      if (inPlace) process.stdout.write('\n');
      inPlace = false;
      log(line);
    },
    downloading: ({ jars, bytes }) => {
      const text = `downloading from Maven Central: ${jars} jars, ${megabytes(bytes)} MB so far`;
      if (terminal) {
        process.stdout.write(`\r${text}\x1b[K`);
        inPlace = true;
      } else if (Date.now() - lastLine >= 5_000) {
        lastLine = Date.now();
        log(text);
      }
    },
  };
}
