import 'reflect-metadata';
import autocannon from 'autocannon';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j, { Driver } from 'neo4j-driver';
import { graphConnection, readConfig, repoRoot } from '../src/config';
import { encodeCursor } from '../src/graph/connection';
import { Graph } from '../src/graph/driver';
import { LocalNeo4j, startLocalNeo4j, watchedStart } from '../scripts/processes/local-neo4j';
import { startLocalRedis, stopLocalRedis } from '../scripts/processes/local-redis';
import { buildServer } from '../src/server';
import { datasetState, GENERATOR_VERSION, loadSynthetic, planFor, roleId, technologyId } from '../scripts/synthetic';
import { applySchema, defaultCypherDirs } from '../src/graph/cypher-files';
import { CapturedQuery, decodeParams, encodeParams } from './raw-server';
import { editorHeaders, OURS_SERVER_SETTINGS } from './editor-token';
import { Shape, shapes, Variables } from './shapes';

/**
 * `npm run bench`: the same operations, at the same concurrency and for the same time, against
 *   (a) this server (the built app, DEBUG_EXTENSIONS on to read extensions.roundTrips, rate limits raised),
 *   (b) a reference server built with @neo4j/graphql v7 over the same Neo4j and data (bench/reference-server.ts),
 *   (c) a raw-driver baseline running the exact Cypher this server generated for each operation (bench/raw-server.ts),
 * on the synthetic graph (loaded first when the database is empty or holds another scale), with autocannon.
 * Writes bench/results/latest.json and prints a table with the ratios and the targets.
 *
 * Options (argument or env): --scale N / BENCH_SCALE (10), --duration S / BENCH_DURATION (10 s per shape per
 * server and round), --warmup S / BENCH_WARMUP (5 s), --connections N / BENCH_CONNECTIONS (20), --rounds N /
 * BENCH_ROUNDS (2: raw driver and this server measured N times each, in alternating order, figures pooled;
 * @neo4j/graphql once, last), --only a,b (shapes whose
 * name contains a or b), --out FILE / BENCH_OUT (bench/results/latest.json), --profile (no load: print the
 * Cypher this server runs for each shape with its PROFILE), --instances N (one instance of this server against
 * N sharing a Redis, on two shapes; see compareInstances). BENCH_SERVER_NODE_OPTIONS: NODE_OPTIONS of the
 * three servers only (default: the heap cap of npm start, e.g. --max-old-space-size=224); LOG_LEVEL: this server's request logs (default silent).
 * Neo4j: NEO4J_URI when set; otherwise a local Neo4j of its own (NEO4J_HOME default .neo4j/bench,
 * NEO4J_BOLT_PORT default 7690, NEO4J_HEAP 3g, NEO4J_PAGECACHE 2g), reused when running, stopped at the end
 * when the benchmark started it.
 */

interface Options {
  scale: number;
  duration: number;
  warmup: number;
  connections: number;
  /** Rounds of (raw driver, ours), in alternating order; their figures are pooled. */
  rounds: number;
  only: string[];
  out: string;
  /** Only capture this server's Cypher for each shape, PROFILE it and print it (no load). */
  profile: boolean;
  /** Compare one instance of this server with this many, sharing a Redis (1 = the usual comparison). */
  instances: number;
}

function parseOptions(argv: string[]): Options {
  const env = process.env;
  const options: Options = {
    scale: Number(env.BENCH_SCALE || 10),
    duration: Number(env.BENCH_DURATION || 10),
    warmup: Number(env.BENCH_WARMUP || 5),
    connections: Number(env.BENCH_CONNECTIONS || 20),
    rounds: Number(env.BENCH_ROUNDS || 2),
    only: [],
    out: env.BENCH_OUT || path.join(repoRoot, 'bench', 'results', 'latest.json'),
    profile: false,
    instances: 1,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[(i += 1)];
    if (flag === '--scale') options.scale = Number(value());
    else if (flag === '--duration') options.duration = Number(value());
    else if (flag === '--warmup') options.warmup = Number(value());
    else if (flag === '--connections') options.connections = Number(value());
    else if (flag === '--rounds') options.rounds = Number(value());
    else if (flag === '--only') options.only = value().split(',').map((s) => s.trim().toLowerCase());
    else if (flag === '--out') options.out = path.resolve(value());
    else if (flag === '--profile') options.profile = true;
    else if (flag === '--instances') options.instances = Number(value());
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  planFor(options.scale);
  for (const [name, value] of Object.entries({ duration: options.duration, warmup: options.warmup, connections: options.connections, rounds: options.rounds, instances: options.instances })) {
    if (!(value >= 0) || (name !== 'warmup' && value < 1)) throw new Error(`--${name} must be a positive number`);
  }
  return options;
}

const log = (line: string) => console.log(`[bench] ${line}`);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------------------------------------
// Arguments picked from the loaded graph

async function pickArguments(driver: Driver, scale: number) {
  const plan = planFor(scale);
  const spread = (count: number, total: number, offset = 0) =>
    Array.from({ length: count }, (_, k) => offset + Math.floor(((k + 0.5) * (total - offset)) / count));
  const popularTechnologies = spread(8, plan.popularTechnologies).map(technologyId);
  const roles = spread(8, plan.roles).map(roleId);
  // A technology outside the popular head, to a role: the path has to find its way through the graph.
  const pathPairs = spread(8, plan.technologies, plan.popularTechnologies).map(
    (tech, k): [string, string] => [technologyId(tech), roles[(k * 3 + 1) % roles.length]],
  );
  const { records: technologies } = await driver.executeQuery('MATCH (n:Technology) RETURN count(n) AS count');
  const count = Number(technologies[0].get('count'));
  const target = Math.min(49_999, Math.max(0, Math.floor(count / 2) - 200));
  const { records } = await driver.executeQuery(
    `MATCH (n:Technology) WITH n ORDER BY n.sortName, n.name, n.id SKIP $skip LIMIT $limit RETURN n.sortName AS sortName, n.name AS name, n.id AS id`,
    { skip: neo4j.int(target), limit: neo4j.int(8 * 20) },
  );
  const deepPages = [0, 1, 2, 3, 4, 5, 6, 7]
    .filter((k) => k * 20 < records.length)
    .map((k) => ({ cursor: encodeCursor([records[k * 20].get('sortName'), records[k * 20].get('name'), records[k * 20].get('id')]), offset: target + k * 20 }));
  const { records: usage } = await driver.executeQuery(
    `UNWIND $ids AS id MATCH (t:Technology {id: id})
     RETURN avg(COUNT { (t)<-[:USES]-(:Role) } + COUNT { (t)<-[:INVOLVES]-(:Responsibility)<-[:HAS_RESPONSIBILITY]-(:Role) }) AS users`,
    { ids: popularTechnologies },
  );
  return {
    args: { popularTechnologies, roles, pathPairs, deepPages },
    info: { deepPageAfterItem: target + 1, popularTechnologyUsersAvg: round(Number(usage[0].get('users'))) },
  };
}

// ---------------------------------------------------------------------------------------------
// Capturing the Cypher this server runs (for the raw baseline), checking one round trip

interface Captured {
  /** Index into the raw server's query list, per variant. */
  rawIndex: number[];
  /** The same for the shape's writes. */
  writeIndex: number[];
  answer: unknown;
}

/** The JWT secret of this server in the benchmark, and an editor's token for the read/write mix. */
const BENCH_JWT_SECRET = 'benchmark-secret-that-is-at-least-32-characters';

async function post(url: string, query: string, variables: Variables, headers: Record<string, string> = {}): Promise<Record<string, any>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Record<string, any>;
}

async function captureCypher(connection: GraphConnection, list: Shape[], queries: CapturedQuery[]): Promise<Captured[]> {
  const config = readConfig({
    ...process.env,
    ...OURS_SERVER_SETTINGS,
    JWT_SECRET: BENCH_JWT_SECRET,
  });
  const graph = Graph.open({ ...graphConnection(config), ...connection });
  let current: CapturedQuery[] = [];
  const read = graph.read.bind(graph);
  graph.read = (cypher, params = {}, trips) => {
    current.push({ cypher, params: encodeParams(params) as Record<string, unknown> });
    return read(cypher, params, trips);
  };
  const write = graph.write.bind(graph);
  graph.write = (cypher, params = {}, trips) => {
    current.push({ cypher, params: encodeParams(params) as Record<string, unknown>, write: true });
    return write(cypher, params, trips);
  };
  const editor = await editorHeaders(BENCH_JWT_SECRET, 'benchmark');
  const { httpServer } = await buildServer(config, graph);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`;
  try {
    const captured: Captured[] = [];
    for (const shape of list) {
      const rawIndex: number[] = [];
      let answer: unknown;
      for (const [index, variables] of shape.variants.entries()) {
        current = [];
        const body = await post(url, shape.ours, variables);
        if (body.errors) throw new Error(`${shape.name}: this server answered errors: ${JSON.stringify(body.errors)}`);
        if (current.length !== 1 || body.extensions?.roundTrips !== 1) {
          log(`WARNING ${shape.name}: ${current.length} Cypher queries, extensions.roundTrips ${body.extensions?.roundTrips}`);
        }
        if (index === 0) answer = shape.answer(body.data, 'ours');
        rawIndex.push(queries.push(current[current.length - 1]) - 1);
      }
      const writeIndex: number[] = [];
      for (const variables of shape.writes?.variants ?? []) {
        current = [];
        const body = await post(url, shape.writes!.ours, variables, editor);
        if (body.errors) throw new Error(`${shape.name}: this server answered errors to a write: ${JSON.stringify(body.errors)}`);
        writeIndex.push(queries.push(current[current.length - 1]) - 1);
      }
      captured.push({ rawIndex, writeIndex, answer });
    }
    return captured;
  } finally {
    await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    await graph.close();
  }
}

/** The commit the server was built from, and whether src/ had uncommitted changes (null outside a git checkout). */
function serverRevision(): { commit: string | null; srcDirty: boolean | null } {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { commit: git('rev-parse', 'HEAD'), srcDirty: git('status', '--porcelain', '--', 'src').length > 0 };
  } catch {
    return { commit: null, srcDirty: null };
  }
}

/** Prints the Cypher of a shape's first variant with its PROFILE (after two warm runs). */
async function profileShape(driver: Driver, shape: Shape, query: CapturedQuery): Promise<void> {
  const params = decodeParams(query.params) as Record<string, unknown>;
  const times: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const start = process.hrtime.bigint();
    await driver.executeQuery(query.cypher, params, { routing: neo4j.routing.READ });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const { summary } = await driver.executeQuery(`PROFILE ${query.cypher}`, params, { routing: neo4j.routing.READ });
  const lines: string[] = [];
  const walk = (plan: any, depth: number) => {
    const details = plan.arguments?.Details ? `  ${String(plan.arguments.Details).replace(/\s+/g, ' ').slice(0, 160)}` : '';
    lines.push(`${'  '.repeat(depth)}${plan.operatorType.replace(/@.*$/, '')} rows=${plan.rows} dbHits=${plan.dbHits}${details}`);
    for (const child of plan.children ?? []) walk(child, depth + 1);
  };
  walk(summary.profile, 1);
  let hits = 0;
  const sum = (plan: any) => {
    hits += plan.dbHits ?? 0;
    for (const child of plan.children ?? []) sum(child);
  };
  sum(summary.profile);
  times.sort((a, b) => a - b);
  console.log(`\n=== ${shape.name}: median ${round(times[2], 1)} ms over 5 sequential runs, ${hits.toLocaleString('en-US')} db hits`);
  console.log(query.cypher);
  console.log(`// params ${JSON.stringify(query.params)}`);
  console.log(lines.join('\n'));
}

// ---------------------------------------------------------------------------------------------
// Child servers

interface GraphConnection {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
}

interface Child {
  name: string;
  process: ChildProcess;
  port: number;
}

/**
 * Node flags of the three servers: BENCH_SERVER_NODE_OPTIONS, else the heap cap `npm start` gives this server
 * (read from package.json, so the benchmark measures the server as it is started), for all three alike.
 */
function serverNodeOptions(): string {
  if (process.env.BENCH_SERVER_NODE_OPTIONS !== undefined) return process.env.BENCH_SERVER_NODE_OPTIONS;
  const { scripts } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return /--max-old-space-size=\d+/.exec(scripts.start)?.[0] ?? '';
}

async function startChild(name: string, script: string, args: string[], env: NodeJS.ProcessEnv, logDir: string): Promise<Child> {
  const logFile = path.join(logDir, `${name}.log`);
  const out = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [path.join(__dirname, script), ...args], {
    env: {
      ...process.env,
      ...env,
      PORT: '0',
      NODE_ENV: 'production',
      NODE_OPTIONS: serverNodeOptions(),
    },
    stdio: ['ignore', 'pipe', out],
  });
  fs.closeSync(out);
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 120 s; see ${logFile}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      fs.appendFileSync(logFile, chunk);
      const match = /READY (\d+)/.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} during start-up; see ${logFile}`));
    });
  });
  child.stdout!.removeAllListeners('data');
  child.stdout!.resume();
  child.removeAllListeners('exit');
  return { name, process: child, port };
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.process.once('exit', () => resolve()));
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** User + system CPU time of a process so far, in milliseconds (Linux /proc; 0 elsewhere). */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return 0;
  }
}

function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** This server's operations so far by the path that answered them (graphql_execution_path_total in /metrics). */
async function executionPaths(port: number): Promise<Record<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const paths: Record<string, number> = {};
  for (const [, path, count] of text.matchAll(/^graphql_execution_path_total\{path="(\w+)"\} (\d+)/gm)) paths[path] = Number(count);
  return paths;
}

/** The share of the operations answered between two readings that the fast path answered. */
function fastPathRate(before: Record<string, number>, after: Record<string, number>): number | null {
  const delta = (path: string) => (after[path] ?? 0) - (before[path] ?? 0);
  const total = ['fast', 'standard', 'bailout'].reduce((sum, path) => sum + delta(path), 0);
  return total > 0 ? round(delta('fast') / total, 3) : null;
}

// ---------------------------------------------------------------------------------------------
// Load

interface Measurement {
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** What the errors were: no answer within autocannon's 10 s, an HTTP status other than 200, GraphQL errors in a 200 answer, socket errors. */
  errorKinds: { timeouts: number; non200: number; graphql: number; socket: number };
  requests: number;
  roundTrips?: number | null;
  roundTripsMin?: number | null;
  rssMb?: number;
  /** Server process CPU time per answered request, in ms: what the server itself costs on the shared cores. */
  cpuMsPerRequest?: number | null;
  cpuMs?: number;
}

interface Target {
  port: number;
  pid: number;
  path: string;
  bodies: BenchRequest[];
  graphql: boolean;
}

interface BenchRequest {
  body: string;
  headers?: Record<string, string>;
}

/** `reads` with every `every`-th request one of `writes`: each connection walks the list, so exactly 1 in `every` writes. */
function interleave(reads: BenchRequest[], writes: BenchRequest[], every: number): BenchRequest[] {
  const mixed: BenchRequest[] = [];
  for (let i = 0, r = 0, w = 0; i < Math.max(reads.length, writes.length) * every; i += 1) {
    mixed.push((i + 1) % every === 0 ? writes[w++ % writes.length] : reads[r++ % reads.length]);
  }
  return mixed;
}

async function load(target: Target, options: Options, seconds: number): Promise<Measurement> {
  let non200 = 0;
  let graphqlErrors = 0;
  let tripsMin = Infinity;
  let tripsMax = -Infinity;
  let peakRss = rssMb(target.pid);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(target.pid))), 200);
  const cpuBefore = cpuMs(target.pid);
  const result = await autocannon({
    url: `http://127.0.0.1:${target.port}`,
    connections: options.connections,
    duration: seconds,
    requests: target.bodies.map(({ body, headers }) => ({
      method: 'POST' as const,
      path: target.path,
      headers: { 'content-type': 'application/json', ...headers },
      body,
      onResponse: (status: number, responseBody: string) => {
        if (status !== 200) non200 += 1;
        else if (target.graphql && responseBody.includes('"errors":')) graphqlErrors += 1;
        if (target.graphql) {
          const trips = /"roundTrips":(\d+)/.exec(responseBody.slice(-400));
          if (trips) {
            tripsMin = Math.min(tripsMin, Number(trips[1]));
            tripsMax = Math.max(tripsMax, Number(trips[1]));
          }
        }
      },
    })),
  });
  clearInterval(sampler);
  const cpu = cpuMs(target.pid) - cpuBefore;
  return {
    seconds: result.duration,
    rps: round(result.requests.total / result.duration, 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    // autocannon counts a timeout also as an error; socket errors are the rest.
    errors: result.errors + non200 + graphqlErrors,
    errorKinds: { timeouts: result.timeouts, non200, graphql: graphqlErrors, socket: result.errors - result.timeouts },
    requests: result.requests.total,
    roundTrips: Number.isFinite(tripsMax) ? tripsMax : null,
    roundTripsMin: Number.isFinite(tripsMin) ? tripsMin : null,
    rssMb: round(peakRss, 0),
    cpuMsPerRequest: result.requests.total > 0 ? round(cpu / result.requests.total, 2) : null,
    cpuMs: cpu,
  };
}

/**
 * Several measurements of one server as one: requests and CPU summed over the time of all of them,
 * p50 and p99 the mean of theirs, the worst RSS, every error.
 */
function pooled(measurements: Measurement[]): Measurement {
  const sum = (pick: (m: Measurement) => number) => measurements.reduce((total, m) => total + pick(m), 0);
  const mean = (pick: (m: Measurement) => number) => round(sum(pick) / measurements.length, 0);
  const requests = sum((m) => m.requests);
  const trips = measurements.flatMap((m) => [m.roundTripsMin, m.roundTrips]).filter((t): t is number => t != null);
  return {
    seconds: sum((m) => m.seconds),
    rps: round(requests / sum((m) => m.seconds), 1),
    p50: mean((m) => m.p50),
    p99: mean((m) => m.p99),
    errors: sum((m) => m.errors),
    errorKinds: {
      timeouts: sum((m) => m.errorKinds.timeouts),
      non200: sum((m) => m.errorKinds.non200),
      graphql: sum((m) => m.errorKinds.graphql),
      socket: sum((m) => m.errorKinds.socket),
    },
    requests,
    roundTrips: trips.length ? Math.max(...trips) : null,
    roundTripsMin: trips.length ? Math.min(...trips) : null,
    rssMb: Math.max(...measurements.map((m) => m.rssMb ?? 0)),
    cpuMs: sum((m) => m.cpuMs ?? 0),
    cpuMsPerRequest: requests > 0 ? round(sum((m) => m.cpuMs ?? 0) / requests, 2) : null,
  };
}

/**
 * Waits (at most 120 s) until Neo4j runs no transaction but this one: a server whose clients have gone may
 * still be running (or retrying) their queries, which would load the next measurement.
 */
async function settle(driver: Driver): Promise<void> {
  const started = Date.now();
  for (;;) {
    const { records } = await driver.executeQuery(
      `SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN count(*) AS running`,
    );
    const running = Number(records[0].get('running'));
    if (running === 0) break;
    if (Date.now() - started > 120_000) {
      log(`WARNING ${running} transactions still running after 120 s; measuring anyway`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const waited = Date.now() - started;
  if (waited > 1_000) log(`  waited ${round(waited / 1000, 1)} s for Neo4j to finish the previous server's queries`);
}

async function measure(target: Target, options: Options, driver: Driver): Promise<Measurement> {
  await settle(driver);
  if (options.warmup > 0) {
    await load(target, options, options.warmup);
    await settle(driver);
  }
  return load(target, options, options.duration);
}

// ---------------------------------------------------------------------------------------------
// Report

interface ShapeResult {
  name: string;
  /** The machine's 1-minute load average when the shape started (other processes share the cores). */
  loadAverage1m: number;
  description: string;
  variants: number;
  /** Whether @neo4j/graphql answered the first variant as ours did (null: it answered an error). */
  sameAnswer: boolean | null;
  referenceError?: string;
  ours: {
    rps: number; p50: number; p99: number; errors: number; errorKinds: Measurement['errorKinds'];
    roundTrips: number | null; rssMb: number; cpuMsPerRequest: number | null;
    /** Share of this shape's operations (warm-ups included) that the fast path answered. */
    fastPathRate: number | null;
  };
  neo4jGraphql: {
    rps: number; p50: number; p99: number; errors: number; errorKinds: Measurement['errorKinds'];
    rssMb: number; cpuMsPerRequest: number | null;
  };
  rawDriver: { rps: number; p50: number; p99: number; errors: number; errorKinds: Measurement['errorKinds']; cpuMsPerRequest: number | null };
  /** Each round's figures of the two servers measured in rounds (the pooled ones above are what counts). */
  rounds: { ours: { rps: number; p50: number }; rawDriver: { rps: number; p50: number } }[];
  /** This server on the shape's control (Shape.control), measured in the same rounds. */
  oursControl?: { name: string; rps: number; p50: number; p99: number; errors: number };
}

/** a ÷ b; null when neither served anything, Infinity when only b did not (e.g. @neo4j/graphql failed every request). */
function ratio(a: number, b: number): number | null {
  if (b > 0) return round(a / b, 2);
  return a > 0 ? Infinity : null;
}

/** Server CPU per request, ours ÷ the raw driver's. */
const cpuRatio = (r: ShapeResult) => (r.ours.cpuMsPerRequest && r.rawDriver.cpuMsPerRequest ? ratio(r.ours.cpuMsPerRequest, r.rawDriver.cpuMsPerRequest) : null);

const times = (value: number | null) => (value === null ? '–' : value === Infinity ? '∞' : `${value}×`);

function table(results: ShapeResult[]): string {
  const lines = [
    '| shape | ours req/s | @neo4j/graphql req/s | raw req/s | ours ÷ @neo4j/graphql | ours p50 / p99 ms | @neo4j/graphql p50 / p99 ms | raw p50 ms | ours ÷ raw p50 | round trips | fast path | ours RSS MB | server CPU ms/req (ours / ref / raw) | ours ÷ raw CPU | errors (ours / ref) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.name} | ${r.ours.rps} | ${r.neo4jGraphql.rps} | ${r.rawDriver.rps} | ${times(ratio(r.ours.rps, r.neo4jGraphql.rps))} | ` +
        `${r.ours.p50} / ${r.ours.p99} | ${r.neo4jGraphql.p50} / ${r.neo4jGraphql.p99} | ${r.rawDriver.p50} | ` +
        `${times(ratio(Math.max(r.ours.p50, 1), Math.max(r.rawDriver.p50, 1)))} | ${r.ours.roundTrips ?? '–'} | ` +
        `${r.ours.fastPathRate === null ? '–' : `${Math.round(r.ours.fastPathRate * 100)}%`} | ${r.ours.rssMb} | ` +
        `${r.ours.cpuMsPerRequest ?? '–'} / ${r.neo4jGraphql.cpuMsPerRequest ?? '–'} / ${r.rawDriver.cpuMsPerRequest ?? '–'} | ` +
        `${times(cpuRatio(r))} | ` +
        `${r.ours.errors} / ${r.neo4jGraphql.errors}${describeErrors(r.neo4jGraphql.errorKinds)} |`,
    );
  }
  return lines.join('\n');
}

/** " (3 timeouts, 2 GraphQL)" or "" when there were none. */
function describeErrors(kinds: Measurement['errorKinds']): string {
  const parts = [
    [kinds.timeouts, 'timeouts'],
    [kinds.graphql, 'GraphQL errors'],
    [kinds.non200, 'non-200'],
    [kinds.socket, 'socket errors'],
  ].filter(([count]) => (count as number) > 0);
  return parts.length ? ` (${parts.map(([count, what]) => `${count} ${what}`).join(', ')})` : '';
}

interface TargetCheck {
  target: string;
  holds: boolean;
  detail: string;
}

function checkTargets(results: ShapeResult[]): TargetCheck[] {
  const first = results.find((r) => r.name === 'keyset first page');
  const deep = results.find((r) => r.name === 'deep keyset page');
  const failing = (test: (r: ShapeResult) => boolean) => results.filter((r) => !test(r)).map((r) => r.name);
  const checks: [string, (r: ShapeResult) => boolean, (r: ShapeResult) => string][] = [
    ['exactly 1 round trip per operation', (r) => r.ours.roundTrips === 1, (r) => `${r.ours.roundTrips}`],
    ['throughput ≥ 1.5× @neo4j/graphql', (r) => r.ours.rps >= 1.5 * r.neo4jGraphql.rps, (r) => times(ratio(r.ours.rps, r.neo4jGraphql.rps))],
    ['zero errors', (r) => r.ours.errors === 0, (r) => `${r.ours.errors}`],
    // Latencies are whole milliseconds: a 1 ms p50 is compared as 1 ms.
    ['p50 ≤ 1.3× raw driver', (r) => Math.max(r.ours.p50, 1) <= 1.3 * Math.max(r.rawDriver.p50, 1), (r) => times(ratio(Math.max(r.ours.p50, 1), Math.max(r.rawDriver.p50, 1)))],
    ['server CPU per request ≤ 1.5× raw driver', (r) => (cpuRatio(r) ?? Infinity) <= 1.5, (r) => times(cpuRatio(r))],
    ['server RSS under load ≤ 250 MB', (r) => r.ours.rssMb <= 250, (r) => `${r.ours.rssMb} MB`],
  ];
  const out: TargetCheck[] = checks.map(([target, test, show]) => {
    const bad = failing(test);
    return { target, holds: bad.length === 0, detail: results.map((r) => `${r.name}: ${show(r)}`).join('; ') };
  });
  if (deep?.oursControl) {
    // The first page measured in the deep page's rounds, so that both face the same load on the shared machine.
    const firstP50 = deep.oursControl.p50;
    const keyset = ratio(Math.max(deep.ours.p50, 1), Math.max(firstP50, 1)) ?? Infinity;
    out.push({
      target: 'deep keyset page ≤ 1.5× first page (p50)',
      holds: keyset <= 1.5,
      detail:
        `ours ${deep.ours.p50} ms / ${firstP50} ms (first page in the same rounds) = ${keyset}×` +
        (first ? `; @neo4j/graphql ${deep.neo4jGraphql.p50} ms / ${first.neo4jGraphql.p50} ms` : ''),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const config = readConfig();
  const password = config.neo4jPassword;
  let local: LocalNeo4j | undefined;
  let uri = config.neo4jUri;
  if (!uri) {
    // The benchmark's own Neo4j: its own folder and port, and more memory than npm start's, unless the env says otherwise.
    const benchDefaults = { NEO4J_HOME: '.neo4j/bench', NEO4J_BOLT_PORT: '7690', NEO4J_HEAP: '3g', NEO4J_PAGECACHE: '2g' };
    local = await startLocalNeo4j(readConfig({ ...benchDefaults, ...process.env }), watchedStart(false, log));
    uri = local.uri;
  }
  const connection: GraphConnection = { uri, user: config.neo4jUser, password, database: config.neo4jDatabase };
  const driver = neo4j.driver(uri, neo4j.auth.basic(connection.user, password), { disableLosslessIntegers: true });
  const children: Child[] = [];
  const tmp = path.join(repoRoot, 'bench', 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  try {
    // The data
    let state = await datasetState(driver, connection.database);
    if (!(state.complete && state.scale === options.scale && state.version === GENERATOR_VERSION)) {
      log(`the database at ${uri} holds ${state.scale === null ? 'no synthetic graph' : `the synthetic graph of scale ${state.scale}${state.complete ? '' : ' (incomplete)'}`}: loading scale ${options.scale}…`);
      const graph = Graph.open({ ...graphConnection(config), ...connection });
      try {
        await loadSynthetic(graph, driver, connection.database, { scale: options.scale, log });
      } finally {
        await graph.close();
      }
      state = await datasetState(driver, connection.database);
    } else {
      // A graph loaded by an older version still gets today's indexes and every name's sort key.
      log('applying cypher/schema to the loaded graph…');
      const graph = Graph.open({ ...graphConnection(config), ...connection });
      try {
        await applySchema(graph, defaultCypherDirs(repoRoot).schema);
      } finally {
        await graph.close();
      }
    }
    log(`dataset: ${state.nodes.toLocaleString('en-US')} nodes, ${state.relationships.toLocaleString('en-US')} relationships (synthetic scale ${state.scale})`);
    const { records: versions } = await driver.executeQuery('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition');
    const neo4jVersion = `${versions[0].get('version')} ${versions[0].get('edition')}`;

    // The operations
    const picked = await pickArguments(driver, options.scale);
    const all = shapes(picked.args);
    const list = all.filter((shape) => options.only.length === 0 || options.only.some((o) => shape.name.includes(o)));
    log(`${list.length} shapes; deep keyset pages start after item ${picked.info.deepPageAfterItem.toLocaleString('en-US')}; the filter technologies have ${picked.info.popularTechnologyUsersAvg} users on average`);

    // What this server sends to Neo4j, for the raw baseline
    const queries: CapturedQuery[] = [];
    const captured = await captureCypher(connection, list, queries);
    const queriesFile = path.join(tmp, 'raw-queries.json');
    fs.writeFileSync(queriesFile, JSON.stringify(queries, null, 1));
    fs.writeFileSync(path.join(tmp, 'captured-cypher.txt'), list.map((shape, i) => `// ${shape.name}\n${queries[captured[i].rawIndex[0]].cypher}\n// params ${JSON.stringify(queries[captured[i].rawIndex[0]].params)}\n`).join('\n'));

    if (options.profile) {
      for (const [index, shape] of list.entries()) await profileShape(driver, shape, queries[captured[index].rawIndex[0]]);
      return;
    }

    const env = {
      NEO4J_URI: uri,
      NEO4J_USER: connection.user,
      NEO4J_PASSWORD: password,
      NEO4J_DATABASE: connection.database ?? '',
      BENCH_LOG_FILE: path.join(tmp, 'ours-requests.log'),
      JWT_SECRET: BENCH_JWT_SECRET,
    };
    const editor = await editorHeaders(BENCH_JWT_SECRET, 'benchmark');
    if (options.instances > 1) {
      await compareInstances(all, options, env, driver, tmp, children);
      return;
    }
    const ours = await startChild('ours', 'ours-server.js', [], env, tmp);
    children.push(ours);
    let reference = await startChild('neo4j-graphql', 'reference-server.js', [], env, tmp);
    children.push(reference);
    const raw = await startChild('raw-driver', 'raw-server.js', [queriesFile], env, tmp);
    children.push(raw);
    log(`servers: ours :${ours.port} (pid ${ours.process.pid}), @neo4j/graphql :${reference.port} (pid ${reference.process.pid}), raw driver :${raw.port} (pid ${raw.process.pid})`);

    const results: ShapeResult[] = [];
    for (const [index, shape] of list.entries()) {
      const referenceVariants = shape.referenceVariants ?? shape.variants;
      // Both servers must give the same answer (first variant); @neo4j/graphql may fail where ours does not.
      const referenceAnswer = await post(`http://127.0.0.1:${reference.port}/graphql`, shape.reference, referenceVariants[0]);
      let sameAnswer: boolean | null = null;
      let referenceError: string | undefined;
      if (referenceAnswer.errors) {
        referenceError = String(referenceAnswer.errors[0]?.message ?? 'error').slice(0, 300);
        log(`WARNING ${shape.name}: @neo4j/graphql answered an error: ${referenceError}`);
      } else {
        sameAnswer = JSON.stringify(shape.answer(referenceAnswer.data, 'reference')) === JSON.stringify(captured[index].answer);
        if (!sameAnswer) log(`WARNING ${shape.name}: the two servers' answers differ (first variant)`);
      }
      const gql = (query: string, variants: Variables[], headers?: Record<string, string>) =>
        variants.map((variables) => ({ body: JSON.stringify({ query, variables }), headers }));
      const raws = (indexes: number[]) => indexes.map((q) => ({ body: JSON.stringify({ q }) }));
      const { writes } = shape;
      const mix = (reads: BenchRequest[], written: BenchRequest[]) => (writes ? interleave(reads, written, writes.every) : reads);

      const load1m = round(os.loadavg()[0], 2);
      // Raw driver and ours in alternating order over the rounds (the machine's load drifts), then
      // @neo4j/graphql once, last: its failing connections (offset pages collect every node) leave Neo4j
      // busy and its heap full, which must not weigh on the others.
      const rawTarget: Target = {
        port: raw.port,
        pid: raw.process.pid!,
        path: '/',
        bodies: mix(raws(captured[index].rawIndex), raws(captured[index].writeIndex)),
        graphql: false,
      };
      const oursTarget: Target = {
        port: ours.port,
        pid: ours.process.pid!,
        path: '/graphql',
        bodies: mix(gql(shape.ours, shape.variants), writes ? gql(writes.ours, writes.variants, editor) : []),
        graphql: true,
      };
      const control = all.find((other) => other.name === shape.control);
      const pathsBefore = await executionPaths(ours.port);
      const rawRounds: Measurement[] = [];
      const oursRounds: Measurement[] = [];
      const controlRounds: Measurement[] = [];
      for (let n = 0; n < options.rounds; n += 1) {
        const pairs: [string, Target, Measurement[]][] = [['raw driver', rawTarget, rawRounds], ['ours', oursTarget, oursRounds]];
        if (control) pairs.push([`ours on the ${control.name} (control)`, { ...oursTarget, bodies: gql(control.ours, control.variants) }, controlRounds]);
        for (const [name, target, into] of n % 2 === 0 ? pairs : pairs.reverse()) {
          log(`${shape.name}: ${name}, round ${n + 1} of ${options.rounds}… (load average ${round(os.loadavg()[0], 2)})`);
          into.push(await measure(target, options, driver));
        }
      }
      const r = pooled(rawRounds);
      const o = pooled(oursRounds);
      // The control's operations count too: a shape and its control are both fast-path shapes or not.
      const oursFastPathRate = fastPathRate(pathsBefore, await executionPaths(ours.port));
      const c = control && { name: control.name, ...pooled(controlRounds) };
      log(`${shape.name}: @neo4j/graphql…`);
      const referenceBodies = mix(gql(shape.reference, referenceVariants), writes ? gql(writes.reference, writes.variants) : []);
      const n = await measure({ port: reference.port, pid: reference.process.pid!, path: '/graphql', bodies: referenceBodies, graphql: true }, options, driver);
      // Its clients may have given up (autocannon's timeout, or the end of the run) while its driver still
      // retries their queries after transient errors (Neo4j's transaction memory limit), in pauses when no
      // transaction runs and settle() sees none; those retries failed the next shape's raw-driver round. A
      // fresh process for the next shape ends them.
      await stopChild(reference);
      await settle(driver);
      if (n.errors > 0 || n.rps < 1) await new Promise((resolve) => setTimeout(resolve, 10_000)); // let Neo4j collect its garbage
      if (index < list.length - 1) {
        const restarted = await startChild('neo4j-graphql', 'reference-server.js', [], env, tmp);
        children.splice(children.indexOf(reference), 1, restarted);
        reference = restarted;
      }
      const result: ShapeResult = {
        name: shape.name,
        loadAverage1m: load1m,
        description: shape.description,
        variants: shape.variants.length,
        sameAnswer,
        ...(referenceError ? { referenceError } : {}),
        ours: {
          rps: o.rps, p50: o.p50, p99: o.p99, errors: o.errors, errorKinds: o.errorKinds,
          roundTrips: o.roundTripsMin === o.roundTrips ? o.roundTrips! : null, rssMb: o.rssMb!, cpuMsPerRequest: o.cpuMsPerRequest!,
          fastPathRate: oursFastPathRate,
        },
        neo4jGraphql: {
          rps: n.rps, p50: n.p50, p99: n.p99, errors: n.errors, errorKinds: n.errorKinds, rssMb: n.rssMb!, cpuMsPerRequest: n.cpuMsPerRequest!,
        },
        rawDriver: { rps: r.rps, p50: r.p50, p99: r.p99, errors: r.errors, errorKinds: r.errorKinds, cpuMsPerRequest: r.cpuMsPerRequest! },
        rounds: rawRounds.map((raw, n) => ({ ours: { rps: oursRounds[n].rps, p50: oursRounds[n].p50 }, rawDriver: { rps: raw.rps, p50: raw.p50 } })),
        ...(c ? { oursControl: { name: c.name, rps: c.rps, p50: c.p50, p99: c.p99, errors: c.errors } } : {}),
      };
      results.push(result);
      log(
        `${shape.name}: ours ${o.rps} req/s p50 ${o.p50} ms p99 ${o.p99} ms (round trips ${o.roundTripsMin}..${o.roundTrips}, ${o.rssMb} MB, ` +
          `${o.cpuMsPerRequest} ms CPU/req, fast path ${oursFastPathRate}, ${o.errors} errors) | @neo4j/graphql ${n.rps} req/s p50 ${n.p50} ms (${n.cpuMsPerRequest} ms CPU/req, ` +
          `${n.errors} errors) | raw ${r.rps} req/s p50 ${r.p50} ms (${r.cpuMsPerRequest} ms CPU/req, ${r.errors} errors)` +
          (c ? ` | ours on the ${c.name} in the same rounds ${c.rps} req/s p50 ${c.p50} ms (${c.errors} errors)` : ''),
      );
    }

    const targets = checkTargets(results);
    const cpus = os.cpus();
    const report = {
      date: new Date().toISOString(),
      command: `npm run bench -- --scale ${options.scale}`,
      server: serverRevision(),
      machine: {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? 'unknown',
        memoryGb: round(os.totalmem() / 2 ** 30, 1),
        platform: `${os.platform()} ${os.release()}`,
        node: process.version,
        neo4j: neo4jVersion,
        loadAverage1m: round(os.loadavg()[0], 2),
      },
      settings: {
        connections: options.connections,
        durationSeconds: options.duration,
        warmupSeconds: options.warmup,
        rounds: options.rounds,
        serverNodeOptions: serverNodeOptions(),
        oursLogLevel: process.env.LOG_LEVEL || 'silent',
      },
      dataset: { nodes: state.nodes, relationships: state.relationships, scale: state.scale, generatorVersion: state.version },
      shapes: results,
      ratios: results.map((r) => ({
        name: r.name,
        oursOverNeo4jGraphqlThroughput: ratio(r.ours.rps, r.neo4jGraphql.rps),
        oursOverRawP50: ratio(Math.max(r.ours.p50, 1), Math.max(r.rawDriver.p50, 1)),
        oursOverRawCpuPerRequest: cpuRatio(r),
        fastPathRate: r.ours.fastPathRate,
      })),
      targets,
      seconds: round((Date.now() - started) / 1000, 0),
    };
    fs.mkdirSync(path.dirname(options.out), { recursive: true });
    fs.writeFileSync(options.out, `${JSON.stringify(report, (_key, value) => (value === Infinity ? 'Infinity' : value), 2)}\n`);

    console.log(`\n${table(results)}\n`);
    for (const check of targets) console.log(`${check.holds ? 'HOLDS ' : 'MISSED'}  ${check.target}  (${check.detail})`);
    console.log(`\nwrote ${path.relative(process.cwd(), options.out)} in ${report.seconds} s`);
  } finally {
    for (const child of children.reverse()) await stopChild(child);
    await driver.close();
    if (local?.startedHere) {
      log('stopping the Neo4j the benchmark started…');
      await local.stop();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// One instance against several

/** The shapes `--instances` measures: one that is mostly this server's CPU, one that is mostly Neo4j's. */
const INSTANCE_SHAPES = ['keyset first page', 'neighbourhood depth 2'];

/**
 * `--instances N`: this server as one instance, then as N instances sharing a Redis (REDIS_URL, else a local
 * one of the benchmark's own under .redis/bench on port 6390), on INSTANCE_SHAPES. The load generator's round
 * robin is at the connection level: N autocannon runs at once, each with its share of the connections on one
 * instance; their requests per second add up. Writes bench/results/instances.json.
 */
async function compareInstances(all: Shape[], options: Options, env: Record<string, string>, driver: Driver, tmp: string, children: Child[]): Promise<void> {
  const redis = process.env.REDIS_URL
    ? undefined
    : await startLocalRedis({ home: path.join(repoRoot, '.redis', 'bench'), port: 6390, maxMemory: '256mb' });
  const shared = { ...env, REDIS_URL: process.env.REDIS_URL || redis!.url };
  const rows: { shape: string; instances: number; rps: number; p50: number; p99: number; errors: number; cpuMsPerRequest: number | null }[] = [];
  try {
    for (const count of [1, options.instances]) {
      const instances: Child[] = [];
      for (let i = 0; i < count; i += 1) instances.push(await startChild(`ours-${i + 1}-of-${count}`, 'ours-server.js', [], shared, tmp));
      children.push(...instances);
      log(`${count} instance(s) on ports ${instances.map((child) => child.port).join(', ')}, sharing ${shared.REDIS_URL}`);
      for (const shape of all.filter((candidate) => INSTANCE_SHAPES.includes(candidate.name))) {
        const bodies = shape.variants.map((variables) => ({ body: JSON.stringify({ query: shape.ours, variables }) }));
        const share = { ...options, connections: Math.max(1, Math.round(options.connections / count)) };
        const targets = instances.map((child): Target => ({ port: child.port, pid: child.process.pid!, path: '/graphql', bodies, graphql: true }));
        log(`${shape.name}: ${count} instance(s), ${share.connections} connection(s) each…`);
        await settle(driver);
        if (options.warmup > 0) await Promise.all(targets.map((target) => load(target, share, options.warmup)));
        await settle(driver);
        const measured = await Promise.all(targets.map((target) => load(target, share, options.duration)));
        const requests = measured.reduce((total, m) => total + m.requests, 0);
        const cpu = measured.reduce((total, m) => total + (m.cpuMs ?? 0), 0);
        rows.push({
          shape: shape.name,
          instances: count,
          rps: round(measured.reduce((total, m) => total + m.rps, 0), 1),
          p50: round(measured.reduce((total, m) => total + m.p50, 0) / measured.length, 0),
          p99: round(measured.reduce((total, m) => total + m.p99, 0) / measured.length, 0),
          errors: measured.reduce((total, m) => total + m.errors, 0),
          cpuMsPerRequest: requests > 0 ? round(cpu / requests, 2) : null,
        });
        log(`${shape.name}: ${count} instance(s): ${rows[rows.length - 1].rps} req/s`);
      }
      for (const child of instances) {
        await stopChild(child);
        children.splice(children.indexOf(child), 1);
      }
    }
  } finally {
    if (redis?.startedHere) await stopLocalRedis(path.join(repoRoot, '.redis', 'bench'));
  }
  const out = path.join(repoRoot, 'bench', 'results', 'instances.json');
  const report = { date: new Date().toISOString(), command: `npm run bench -- --scale ${options.scale} --instances ${options.instances}`, server: serverRevision(), cpus: os.cpus().length, connections: options.connections, durationSeconds: options.duration, rows };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n| shape | instances | req/s | p50 / p99 ms | server CPU ms/req | errors |\n| --- | ---: | ---: | ---: | ---: | ---: |`);
  for (const row of rows) console.log(`| ${row.shape} | ${row.instances} | ${row.rps} | ${row.p50} / ${row.p99} | ${row.cpuMsPerRequest} | ${row.errors} |`);
  console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
}

main().catch((error: unknown) => {
  console.error(`Benchmark failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
