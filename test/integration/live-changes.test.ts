import { Client } from 'graphql-ws';
import { cypherShellClasspath, cypherShellScript } from '../support/cypher-shell';
import { bearer, Harness } from '../support/harness';
import { Events, graphqlWsClient, noSubscriptionsRunning, subscriptionsRunning } from '../support/subscriptions';

/**
 * graphChanged hears every writer (CHANGE_FEED=database, the default on the local Neo4j): analysts' Cypher over
 * Bolt with the real cypher-shell, the API (once, with its actor), a large transaction as one BULK; and a
 * subscriber that comes back with a cursor gets what it missed, in commit order, exactly once.
 */
const CHANGES = `subscription Changes($after: String, $ids: [ID!]) {
  graphChanged(after: $after, ids: $ids) { kind id label from to type actor cursor bulk { labels { label count } types { type count } ids } }
}`;

let server: Harness;
let classpath: string;
const clients: Client[] = [];
const client = () => {
  const created = graphqlWsClient(server.url);
  clients.push(created);
  return created;
};

beforeAll(async () => {
  server = await Harness.start({ changes: { feed: 'database', pollMs: 100 } });
  classpath = await cypherShellClasspath();
}, 300_000);
afterEach(async () => {
  await Promise.all(clients.splice(0).map((each) => each.dispose()));
  await noSubscriptionsRunning(server.url);
});
afterAll(async () => {
  await server.graph.write("MATCH (n:Node) WHERE n.id STARTS WITH 'live-' DETACH DELETE n");
  await server.stop();
});

async function shell(statement: string): Promise<void> {
  const result = await cypherShellScript(classpath, `${statement};\n`);
  expect({ code: result.code, output: result.output }).toEqual({ code: 0, output: '' });
}

const changeOf = (event: any) => event.data?.graphChanged;

it('announces a node created, a relationship merged and a node deleted over Bolt, each within 2 s', async () => {
  const events = new Events(client(), CHANGES, { ids: ['live-bolt'] });
  await subscriptionsRunning(server.url, 1);
  const statements = [
    "CREATE (:Technology:Node {id: 'live-bolt', name: 'Live bolt', kind: 'TOOL'})",
    "MATCH (r:Role {id: 'backend-developer'}), (t:Technology {id: 'live-bolt'}) MERGE (r)-[:USES]->(t)",
    "MATCH (t:Technology {id: 'live-bolt'}) DETACH DELETE t",
  ];
  const latencies: number[] = [];
  for (const [index, statement] of statements.entries()) {
    await shell(statement);
    const committed = Date.now();
    // The delete takes its relationship along: two events (DELETED, UNLINKED) in one entry.
    await events.take(index === 2 ? 4 : index + 1, 2_000);
    latencies.push(Date.now() - committed);
  }
  const kinds = events.received.map((event) => changeOf(event)).map(({ kind, id, label, from, to, type, actor }) => ({ kind, id, label, from, to, type, actor }));
  expect(kinds).toEqual([
    { kind: 'UPSERTED', id: 'live-bolt', label: 'TECHNOLOGY', from: null, to: null, type: null, actor: null },
    { kind: 'LINKED', id: 'backend-developer', label: 'ROLE', from: 'backend-developer', to: 'live-bolt', type: 'USES', actor: null },
    { kind: 'DELETED', id: 'live-bolt', label: 'TECHNOLOGY', from: null, to: null, type: null, actor: null },
    { kind: 'UNLINKED', id: 'backend-developer', label: 'ROLE', from: 'backend-developer', to: 'live-bolt', type: 'USES', actor: null },
  ]);
  console.log(`Bolt writes reached the subscriber in ${latencies.join(', ')} ms after cypher-shell returned`);
});

it("announces the API's own write once, with its actor", async () => {
  const events = new Events(client(), CHANGES, { ids: ['live-api'] });
  await subscriptionsRunning(server.url, 1);
  const editor = await bearer(['editor'], { subject: 'live-editor' });
  await server.data('mutation { upsertTechnology(input: { id: "live-api", name: "Live API", kind: TOOL }) { id } }', {}, editor);
  const [event] = await events.take(1);
  expect(changeOf(event)).toMatchObject({ kind: 'UPSERTED', id: 'live-api', label: 'TECHNOLOGY', actor: 'live-editor' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(events.received).toHaveLength(1);
});

it('announces a transaction of many nodes as one BULK event, with counts', async () => {
  const events = new Events(client(), CHANGES);
  await subscriptionsRunning(server.url, 1);
  await server.graph.write("UNWIND range(1, 150) AS i CREATE (:Skill:Node {id: 'live-bulk-' + i, name: 'Live bulk ' + i})");
  const [event] = await events.take(1);
  expect(changeOf(event)).toMatchObject({ kind: 'BULK', id: '*', bulk: { labels: [{ label: 'SKILL', count: 150 }], types: [], ids: null } });
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(events.received).toHaveLength(1);
});

it('replays what a subscriber missed after its cursor, in commit order, exactly once, then goes on live', async () => {
  const first = new Events(client(), CHANGES, { ids: ['live-resume'] });
  await subscriptionsRunning(server.url, 1);
  await server.graph.write("CREATE (:Team:Node {id: 'live-resume', name: 'Live resume 0'})");
  const [seen] = await first.take(1);
  const cursor = changeOf(seen).cursor as string;
  first.unsubscribe();
  await noSubscriptionsRunning(server.url);

  const WRITES = 1_000;
  for (let i = 1; i <= WRITES; i += 1) await server.graph.write("MATCH (t:Team {id: 'live-resume'}) SET t.name = $name", { name: `Live resume ${i}` });
  const again = new Events(client(), CHANGES, { ids: ['live-resume'], after: cursor });
  await again.take(WRITES, 30_000);
  await server.graph.write("MATCH (t:Team {id: 'live-resume'}) SET t.name = 'Live resume, live'");
  const all = (await again.take(WRITES + 1)).map(changeOf);
  expect(all.every((change) => change.kind === 'UPSERTED' && change.id === 'live-resume')).toBe(true);
  const cursors = all.map((change) => change.cursor);
  expect(new Set(cursors).size).toBe(WRITES + 1);
  // Commit order: each cursor's seq (opaque to clients, read here) follows the one before.
  const seqs = cursors.map((each: string) => Number(/^s(\d+)\./.exec(Buffer.from(each, 'base64url').toString())![1]));
  expect(seqs.every((seq: number, index: number) => index === 0 || seq > seqs[index - 1])).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(again.received).toHaveLength(WRITES + 1);
}, 120_000);

it('answers a forged cursor with BAD_USER_INPUT, and one past the log (a wiped database) with RESYNC, other subscribers unaffected', async () => {
  const bystander = new Events(client(), CHANGES, { ids: ['live-bystander'] });
  const forged = new Events(client(), CHANGES, { after: 'not-a-cursor' });
  const [refused] = await forged.take(1);
  expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  const ahead = new Events(client(), CHANGES, { after: Buffer.from('s999999999.0').toString('base64url') });
  const [resync] = await ahead.take(1);
  expect(changeOf(resync)).toMatchObject({ kind: 'RESYNC', id: '*' });
  // The RESYNC's own cursor is one to go on from.
  const resumed = new Events(client(), CHANGES, { after: changeOf(resync).cursor, ids: ['live-bystander'] });
  await subscriptionsRunning(server.url, 3); // the bystander, the one past the log, this one (the forged one never ran)
  await server.graph.write("CREATE (:Team:Node {id: 'live-bystander', name: 'Live bystander'})");
  const [heard] = await bystander.take(1);
  expect(changeOf(heard)).toMatchObject({ kind: 'UPSERTED', id: 'live-bystander' });
  const [heardAgain] = await resumed.take(1);
  expect(changeOf(heardAgain)).toMatchObject({ kind: 'UPSERTED', id: 'live-bystander' });
});
