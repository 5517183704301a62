import { createHash } from 'node:crypto';
import path from 'node:path';
import { repoRoot } from '../../src/config';
import { findLocalRedis, LocalRedis, startLocalRedis, stopLocalRedis } from '../../scripts/processes/local-redis';
import { testConnection } from '../support/env';
import { bearer, TEST_JWT_SECRET } from '../support/harness';
import { freePort, runBuiltServer, ServerProcess, waitFor } from '../support/processes';
import { Events, graphqlWsClient, metric } from '../support/subscriptions';

/**
 * Three API processes (what `npm start` runs) on three ports, sharing one Neo4j and one Redis, both real
 * processes; a client spreads its requests over them. Redis is SIGKILLed and brought back, and so is an API
 * process, to see what holds.
 */
const LIMIT = 200;
const PREFIX = 'kgtest:';

let redisPort: number;
let redisHome: string;
let redis: LocalRedis;
let urls: string[];
let servers: ServerProcess[];

const startRedis = () => startLocalRedis({ home: redisHome, port: redisPort, maxMemory: '64mb' });

async function startInstance(port: number): Promise<ServerProcess> {
  const { uri, password } = testConnection();
  const server = runBuiltServer({
    NEO4J_URI: uri,
    NEO4J_PASSWORD: password,
    PORT: String(port),
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: PREFIX,
    JWT_SECRET: TEST_JWT_SECRET,
    SEED_ON_START: 'false',
    RATE_LIMIT_REQUESTS: String(LIMIT),
    LOG_FORMAT: 'json',
  });
  await waitFor(async () => (await ready(`http://127.0.0.1:${port}`))?.sharedState === 'ok', 30_000, `the instance on port ${port}`);
  return server;
}

async function ready(url: string): Promise<{ status: string; sharedState: string } | undefined> {
  return fetch(`${url}/health/ready`).then((response) => response.json() as Promise<{ status: string; sharedState: string }>, () => undefined);
}

async function post(url: string, body: object, headers: Record<string, string> = {}): Promise<{ status: number; body: any; retryAfter: string | null }> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json(), retryAfter: response.headers.get('retry-after') };
}

beforeAll(async () => {
  redisPort = await freePort();
  redisHome = path.join(repoRoot, '.redis', `test-${redisPort}`);
  redis = await startRedis();
  const ports = await Promise.all([0, 1, 2].map(() => freePort()));
  urls = ports.map((port) => `http://127.0.0.1:${port}`);
  servers = await Promise.all(ports.map(startInstance));
}, 90_000);

afterAll(async () => {
  for (const server of servers ?? []) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  await Promise.all((servers ?? []).map((server) => server.exited));
  await stopLocalRedis(redisHome);
}, 60_000);

describe('three instances sharing Redis', () => {
  it(`accept at most RATE_LIMIT_REQUESTS=${LIMIT} operations of one client across all three, and refuse the rest with RATE_LIMITED and Retry-After`, async () => {
    const client = await bearer(['reader'], { subject: 'many-limit' });
    const answers = [];
    for (let i = 0; i < LIMIT + 60; i += 1) answers.push(await post(urls[i % 3], { query: '{ __typename }' }, client));
    const accepted = answers.filter((answer) => answer.status === 200 && !answer.body.errors);
    const refused = answers.filter((answer) => answer.body.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    console.log(`rate limit: ${accepted.length} accepted of ${answers.length} across 3 instances, limit ${LIMIT}`);
    expect(accepted).toHaveLength(LIMIT);
    expect(refused).toHaveLength(60);
    expect(refused.every((answer) => answer.status === 429 && Number(answer.retryAfter) > 0)).toBe(true);
  });

  it('serve on instance B a persisted query registered on instance A', async () => {
    const query = '{ role(id: "backend-developer") { id name } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const registered = await post(urls[0], { query, extensions });
    expect(registered.body.data.role.id).toBe('backend-developer');
    const hashed = await fetch(`${urls[1]}/graphql?extensions=${encodeURIComponent(JSON.stringify(extensions))}`, { headers: { accept: 'application/json' } });
    expect(await hashed.json()).toEqual(expect.objectContaining({ data: { role: { id: 'backend-developer', name: 'Backend Developer' } } }));
  });

  it('deliver to a subscriber on instance C the changes written on instance A (100 mutations)', async () => {
    const editor = await bearer(['editor'], { subject: 'many-writer' });
    const ws = graphqlWsClient(urls[2]);
    const events = new Events<{ graphChanged: { id: string; at: string } }>(ws, 'subscription { graphChanged(labels: [SKILL]) { id at } }');
    const received = new Map<string, number>();
    const watcher = setInterval(() => {
      for (const event of events.received) if (event.data && !received.has(event.data.graphChanged.id)) received.set(event.data.graphChanged.id, Date.now());
    }, 1);
    try {
      await waitFor(async () => {
        await post(urls[0], { query: 'mutation { upsertSkill(input: { id: "many-probe", name: "Many probe", category: "probe" }) { id } }' }, editor);
        return events.received.length > 0;
      }, 10_000, 'the subscription on C');
      const latencies: number[] = [];
      for (let i = 0; i < 100; i += 1) {
        const id = `many-skill-${i}`;
        await post(urls[0], { query: `mutation { upsertSkill(input: { id: "${id}", name: "Many ${i}", category: "probe" }) { id } }` }, editor);
        await waitFor(() => events.received.some((event) => event.data?.graphChanged.id === id), 5_000, `the event of ${id}`);
        const event = events.received.find((candidate) => candidate.data?.graphChanged.id === id)!;
        latencies.push((received.get(id) ?? Date.now()) - Date.parse(event.data!.graphChanged.at));
      }
      latencies.sort((a, b) => a - b);
      console.log(`fan-out A -> Redis -> C over 100 mutations: p50 ${latencies[49]} ms, p99 ${latencies[98]} ms (commit stamp to arrival, ms resolution)`);
      expect(latencies).toHaveLength(100);
    } finally {
      clearInterval(watcher);
      await ws.dispose();
      const cleaner = await bearer(['editor'], { subject: 'many-cleaner' });
      for (let i = 0; i < 100; i += 1) await post(urls[1], { query: `mutation { deleteNode(id: "many-skill-${i}") }` }, cleaner);
      await post(urls[1], { query: 'mutation { deleteNode(id: "many-probe") }' }, cleaner);
    }
  });

  it('read on B what A acknowledged, with the bookmark A left in Redis, which B\'s reads send', async () => {
    const editor = await bearer(['editor'], { subject: 'many-bookmarks' });
    const { Redis } = await import('ioredis');
    const store = new Redis(redis.url);
    try {
      const before = await store.get(`${PREFIX}bookmarks`);
      await post(urls[0], { query: 'mutation { upsertSkill(input: { id: "many-bookmark", name: "Many bookmark", category: "probe" }) { id } }' }, editor);
      const after = await store.get(`${PREFIX}bookmarks`);
      expect(after).not.toBeNull();
      expect(after).not.toEqual(before);
      const read = await post(urls[1], { query: '{ node(id: "many-bookmark") { id name } }' }, editor);
      expect(read.body.data.node).toEqual({ id: 'many-bookmark', name: 'Many bookmark' });
      // The mechanism: B's reads send what Redis holds. A bookmark Neo4j cannot parse, put there, fails B's
      // next read; A's bookmark put back, B reads again.
      await store.set(`${PREFIX}bookmarks`, JSON.stringify(['not-a-bookmark']));
      const refused = await post(urls[1], { query: '{ node(id: "many-bookmark") { id } }' }, editor);
      expect(refused.body.errors?.[0]?.message).toMatch(/bookmark/i);
      await store.set(`${PREFIX}bookmarks`, after!);
      expect((await post(urls[1], { query: '{ node(id: "many-bookmark") { id } }' }, editor)).body.data.node).toEqual({ id: 'many-bookmark' });
      await post(urls[1], { query: 'mutation { deleteNode(id: "many-bookmark") }' }, editor);
    } finally {
      store.disconnect();
    }
  });
});

describe('Redis SIGKILLed under load, then back', () => {
  it('keeps serving (no 5xx, no crash) with local limits, APQ misses and local events, and shares again within 5 s of its return', async () => {
    const editor = await bearer(['editor'], { subject: 'many-outage' });
    const localWs = graphqlWsClient(urls[0]);
    const local = new Events<{ graphChanged: { id: string } }>(localWs, 'subscription { graphChanged(ids: ["many-outage"]) { id } }');
    const remoteWs = graphqlWsClient(urls[2]);
    const remote = new Events<{ graphChanged: { id: string } }>(remoteWs, 'subscription { graphChanged(ids: ["many-outage"]) { id } }');
    const write = () => post(urls[0], { query: 'mutation { upsertSkill(input: { id: "many-outage", name: "Many outage", category: "probe" }) { id } }' }, editor);
    try {
      await waitFor(async () => (await write(), local.received.length > 0 && remote.received.length > 0), 10_000, 'both subscriptions');

      // Load on every instance while Redis dies.
      const reader = await bearer(['reader'], { subject: 'many-load' });
      const statuses: number[] = [];
      let loading = true;
      const load = (async () => {
        for (let i = 0; loading; i += 1) statuses.push((await post(urls[i % 3], { query: '{ role(id: "backend-developer") { id } }' }, reader)).status);
      })();
      process.kill(findLocalRedis(redisHome)!, 'SIGKILL');
      await waitFor(async () => (await ready(urls[0]))?.sharedState === 'degraded', 10_000, 'readiness to say degraded');
      expect(await ready(urls[1])).toEqual({ status: 'ok', sharedState: 'degraded', modelViolations: 0, changeFeed: 'api' });

      const localBefore = local.received.length;
      const remoteBefore = remote.received.length;
      await write();
      await waitFor(() => local.received.length > localBefore, 5_000, 'the local event while Redis is down');
      const query = '{ role(id: "frontend-developer") { id } }';
      const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
      // Limits fall back to each instance's own count: one client still gets exactly LIMIT on one instance.
      const alone = await bearer(['reader'], { subject: 'many-alone' });
      const spent = [];
      for (let i = 0; i < LIMIT + 5; i += 1) spent.push((await post(urls[2], { query: '{ __typename }' }, alone)).status);
      expect(spent.filter((status) => status === 200)).toHaveLength(LIMIT);
      expect(spent.filter((status) => status === 429)).toHaveLength(5);
      expect(await metric(urls[2], 'shared_state_fallbacks_total')).toBeGreaterThanOrEqual(LIMIT);
      expect(await metric(urls[2], 'shared_state_up')).toBe(0);

      const apq = await bearer(['reader'], { subject: 'many-apq' });
      const miss = await post(urls[1], { extensions }, apq);
      expect(miss.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect((await post(urls[1], { query, extensions }, apq)).body.data.role.id).toBe('frontend-developer');

      const back = Date.now();
      redis = await startRedis();
      await waitFor(async () => (await Promise.all(urls.map(ready))).every((state) => state?.sharedState === 'ok'), 5_000, 'every instance to use Redis again');
      await waitFor(async () => (await write(), remote.received.length > remoteBefore), 5_000, 'the event through Redis again');
      const recovered = (Date.now() - back) / 1000;
      loading = false;
      await load;
      const failures = statuses.filter((status) => status >= 500);
      console.log(`Redis outage: ${statuses.length} reads during it, ${failures.length} answered 5xx; shared again ${recovered.toFixed(1)} s after Redis returned`);
      expect(failures).toEqual([]);
      expect(recovered).toBeLessThanOrEqual(5);
      for (const server of servers) expect(server.child.exitCode).toBeNull();
    } finally {
      await localWs.dispose();
      await remoteWs.dispose();
      await post(urls[0], { query: 'mutation { deleteNode(id: "many-outage") }' }, editor);
    }
  });
});

describe('an instance SIGKILLed during a write stream', () => {
  it('loses no acknowledged write, and the other two keep serving', async () => {
    const editor = await bearer(['editor'], { subject: 'many-kill' });
    const acknowledged: string[] = [];
    const refused: string[] = [];
    for (let i = 0; i < 90; i += 1) {
      if (i === 30) servers[1].child.kill('SIGKILL');
      const id = `many-kill-${i}`;
      const answer = await post(urls[i % 3], { query: `mutation { upsertSkill(input: { id: "${id}", name: "Kill ${i}", category: "probe" }) { id } }` }, editor).catch(() => undefined);
      if (answer?.body.data?.upsertSkill?.id === id) acknowledged.push(id);
      else refused.push(id);
    }
    const stored = await post(urls[0], { query: `{ search(text: "Kill", first: 50) { node { id } } }` });
    expect(stored.status).toBe(200);
    const { Graph } = await import('../../src/graph/driver');
    const graph = Graph.open(testConnection());
    try {
      const rows = await graph.read('MATCH (n:Skill) WHERE n.id IN $ids RETURN n.id AS id', { ids: acknowledged });
      console.log(`instance killed: ${acknowledged.length} writes acknowledged, ${rows.length} of them in Neo4j, ${refused.length} not acknowledged (sent to the dead instance)`);
      expect(rows.map((row) => row.id).sort()).toEqual([...acknowledged].sort());
      expect(refused.length).toBe(20);
      await graph.write('MATCH (n:Skill) WHERE n.id STARTS WITH "many-kill-" DETACH DELETE n');
    } finally {
      await graph.close();
    }
    expect(await ready(urls[0])).toEqual({ status: 'ok', sharedState: 'ok', modelViolations: 0, changeFeed: 'api' });
    expect(await ready(urls[2])).toEqual({ status: 'ok', sharedState: 'ok', modelViolations: 0, changeFeed: 'api' });
  });
});
