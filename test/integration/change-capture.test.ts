import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { repoRoot } from '../../src/config';
import { Graph } from '../../src/graph/driver';
import { freePort } from '../../scripts/processes/os-process';
import { LocalNeo4j, startLocalNeo4j } from '../../scripts/processes/local-neo4j';
import { cypherShellClasspath, cypherShellScript } from '../support/cypher-shell';
import { localNeo4jConfig, TEST_HOME, testConnection } from '../support/env';
import { waitFor } from '../support/processes';

/**
 * The database's change capture (scripts/neo4j/src/main/java/kg/changes): every transaction that changes the
 * model's nodes or relationships, whoever runs it, writes one (:ChangeLog {seq, at, events}) in that same
 * transaction, seq in commit order. Only the local Neo4j runs it: with NEO4J_URI set these tests are skipped.
 * The shared test database runs one file at a time (maxWorkers 1), so the entries after a test's first seq are its own.
 */
const describeLocal = process.env.NEO4J_URI ? describe.skip : describe;

/**
 * Until cypher/schema has them. The capture works without them, but the log's lookups are slower, and the sequence
 * node made up front keeps concurrent first writes of a new database from each creating one (all but one would fail).
 */
const SCHEMA = [
  'CREATE CONSTRAINT change_log_seq IF NOT EXISTS FOR (c:ChangeLog) REQUIRE c.seq IS UNIQUE',
  'CREATE CONSTRAINT change_log_sequence_name IF NOT EXISTS FOR (s:ChangeLogSequence) REQUIRE s.name IS UNIQUE',
  "MERGE (:ChangeLogSequence {name: 'changes'})",
];

interface Entry {
  seq: number;
  at: number;
  events: Record<string, unknown>[];
}

async function lastSeq(graph: Graph): Promise<number> {
  const [row] = await graph.read('MATCH (c:ChangeLog) RETURN coalesce(max(c.seq), 0) AS seq');
  return row.seq as number;
}

async function entriesAfter(graph: Graph, seq: number): Promise<Entry[]> {
  const rows = await graph.read('MATCH (c:ChangeLog) WHERE c.seq > $seq RETURN c.seq AS seq, c.at AS at, c.events AS events ORDER BY c.seq', { seq });
  return rows.map((row) => ({ seq: row.seq as number, at: row.at as number, events: JSON.parse(row.events as string) }));
}

describeLocal('change capture on the shared test database (CHANGE_CAPTURE=on, the default)', () => {
  let classpath: string;
  let graph: Graph;
  let firstSeq: number;

  beforeAll(async () => {
    classpath = await cypherShellClasspath();
    graph = Graph.open(testConnection());
    for (const statement of SCHEMA) await graph.runStatement(statement);
    firstSeq = await lastSeq(graph);
  }, 300_000);

  afterAll(async () => {
    await graph.write("MATCH (n) WHERE n.id STARTS WITH 'cc-' DETACH DELETE n");
    await graph.write("MATCH (:Role {id: 'backend-developer'})-[u:USES {cc: true}]->() DELETE u");
    await graph.write('MATCH (n:CcScratch) DELETE n');
    // The entries this file caused (a transaction that only deletes log entries logs nothing).
    await graph.write('MATCH (c:ChangeLog) WHERE c.seq > $seq DELETE c', { seq: firstSeq });
    await graph.close();
  });

  async function shell(statement: string) {
    const result = await cypherShellScript(classpath, `${statement};\n`);
    return { code: result.code, output: result.output };
  }

  it('logs a node created, a relationship merged and a node deleted in cypher-shell, one entry each, in commit order', async () => {
    const before = await lastSeq(graph);
    const started = Date.now();
    expect(await shell("CREATE (:Technology:Node {id: 'cc-tool', name: 'CC Tool', kind: 'TOOL', origin: 'test'})")).toEqual({ code: 0, output: '' });
    expect(await shell("MATCH (r:Role {id: 'backend-developer'}), (t:Technology {id: 'cc-tool'}) MERGE (r)-[:USES]->(t)")).toEqual({ code: 0, output: '' });
    expect(await shell("MATCH (t:Technology {id: 'cc-tool'}) DETACH DELETE t")).toEqual({ code: 0, output: '' });

    const entries = await entriesAfter(graph, before);
    expect(entries.map((entry) => entry.events)).toEqual([
      [{ kind: 'CREATED', id: 'cc-tool', label: 'Technology' }],
      [{ kind: 'LINKED', type: 'USES', from: 'backend-developer', to: 'cc-tool', label: 'Role' }],
      [
        { kind: 'DELETED', id: 'cc-tool', label: 'Technology' },
        { kind: 'UNLINKED', type: 'USES', from: 'backend-developer', to: 'cc-tool', label: 'Role' },
      ],
    ]);
    const seqs = entries.map((entry) => entry.seq);
    expect(seqs[0]).toBe(before + 1);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(3);
    for (const entry of entries) expect(entry.at).toBeGreaterThanOrEqual(started);
    expect(entries[2].at).toBeGreaterThanOrEqual(entries[0].at);
  });

  it('logs UPDATED for an API-like MERGE of an existing node that changes a property, and CREATED when it creates it', async () => {
    const before = await lastSeq(graph);
    const upsert = `MERGE (n:Technology {id: 'cc-merge'})
ON CREATE SET n:Node, n.name = 'CC Merge', n.kind = 'TOOL', n.createdAt = datetime()
SET n.description = $description, n.updatedAt = datetime()`;
    await graph.write(upsert, { description: 'first' });
    await graph.write(upsert, { description: 'second' });
    const entries = await entriesAfter(graph, before);
    expect(entries.map((entry) => entry.events)).toEqual([
      [{ kind: 'CREATED', id: 'cc-merge', label: 'Technology' }],
      [{ kind: 'UPDATED', id: 'cc-merge', label: 'Technology' }],
    ]);
  });

  it('logs one BULK entry for a 150-node UNWIND, with counts and without ids; with ids when it touches at most 20 nodes', async () => {
    const before = await lastSeq(graph);
    expect(await shell("UNWIND range(1, 150) AS i CREATE (:Skill:Node {id: 'cc-skill-' + i, name: 'CC Skill ' + i, origin: 'test'})")).toEqual({ code: 0, output: '' });
    expect(
      await shell("MATCH (r:Role {id: 'backend-developer'}), (t:Technology {id: 'java'}) UNWIND range(1, 101) AS i CREATE (r)-[:USES {cc: true}]->(t)"),
    ).toEqual({ code: 0, output: '' });
    expect(await shell("MATCH (s:Skill) WHERE s.id STARTS WITH 'cc-skill-' DETACH DELETE s")).toEqual({ code: 0, output: '' });
    const entries = await entriesAfter(graph, before);
    expect(entries.map((entry) => entry.events)).toEqual([
      [{ kind: 'BULK', labels: { Skill: 150 }, types: {} }],
      [{ kind: 'BULK', labels: {}, types: { USES: 101 }, ids: ['backend-developer', 'java'] }],
      [{ kind: 'BULK', labels: { Skill: 150 }, types: {} }],
    ]);
  });

  it('logs nothing for transactions that only touch nodes outside the model, the change log included', async () => {
    const before = await lastSeq(graph);
    const [sequenceBefore] = await graph.read("MATCH (s:ChangeLogSequence {name: 'changes'}) RETURN s.value AS value");
    for (const statement of [
      "CREATE (:CcScratch {id: 'scratch', name: 'Scratch'})",
      "MATCH (n:CcScratch) SET n.name = 'Scratch 2'",
      'MATCH (n:CcScratch) DELETE n',
      // As the server's retention does: the guard lets the log's own labels through, and the capture does not log them.
      "CREATE (:ChangeLog {seq: -1, at: 0, events: '[]'})",
      'MATCH (c:ChangeLog {seq: -1}) DELETE c',
    ]) {
      expect(await shell(statement)).toEqual({ code: 0, output: '' });
    }
    expect(await entriesAfter(graph, before)).toEqual([]);
    expect(await graph.read("MATCH (s:ChangeLogSequence {name: 'changes'}) RETURN s.value AS value")).toEqual([sequenceBefore]);
  });

  it('logs nothing for a transaction the model guard refuses, even one with valid changes too', async () => {
    const before = await lastSeq(graph);
    const [sequenceBefore] = await graph.read("MATCH (s:ChangeLogSequence {name: 'changes'}) RETURN s.value AS value");
    const refused = await shell("CREATE (:Technology:Node {id: 'cc-fine', name: 'CC Fine', kind: 'TOOL'}) CREATE (:Technology:Node {id: 'cc-bad', name: 'CC Bad'})");
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain("Model guard: the transaction breaks the model's rules");
    expect(await entriesAfter(graph, before)).toEqual([]);
    expect(await graph.read("MATCH (s:ChangeLogSequence {name: 'changes'}) RETURN s.value AS value")).toEqual([sequenceBefore]);
    expect(await graph.read("MATCH (t:Technology) WHERE t.id IN ['cc-fine', 'cc-bad'] RETURN t")).toEqual([]);
  });

  it('goes on numbering after the sequence node is deleted (as a wipe of the graph does), alone or with a change', async () => {
    const before = await lastSeq(graph);
    await graph.write('MATCH (s:ChangeLogSequence) DELETE s');
    await graph.write("MATCH (n:Technology {id: 'cc-merge'}) SET n.description = 'third'");
    const [{ value }] = await graph.read("MATCH (s:ChangeLogSequence {name: 'changes'}) RETURN s.value AS value");
    expect(value).toBe(before + 1);
    // Its value is ahead of the log's last entry now: the next one must go on from the value, not from the log.
    await graph.write("MATCH (c:ChangeLog {seq: $seq}) DELETE c WITH count(*) AS deleted MATCH (s:ChangeLogSequence) DELETE s WITH count(*) AS deleted MATCH (n:Technology {id: 'cc-merge'}) SET n.description = 'fourth'", {
      seq: before + 1,
    });
    expect((await entriesAfter(graph, before)).map((entry) => [entry.seq, entry.events])).toEqual([[before + 2, [{ kind: 'UPDATED', id: 'cc-merge', label: 'Technology' }]]]);
    expect(await graph.read('MATCH (s:ChangeLogSequence) RETURN s.value AS value')).toEqual([{ value: before + 2 }]);
  });
});

describeLocal('change capture after a SIGKILL of Neo4j', () => {
  const home = path.join(repoRoot, '.neo4j', 'change-capture-kill');
  let local: LocalNeo4j | undefined;

  afterAll(async () => {
    await local?.stop();
    fs.rmSync(home, { recursive: true, force: true });
  });

  // 21-26 s on a 2-core machine, nearly all of it two starts of a Neo4j: the acceptance of issue 24 asks for it.
  it('has a ChangeLog entry for every acknowledged write, and one for every write it kept', async () => {
    // The test Neo4j's launcher, built by the global setup, serves this second one too: no Maven build here.
    fs.rmSync(home, { recursive: true, force: true });
    fs.mkdirSync(home, { recursive: true });
    fs.symlinkSync(path.join(TEST_HOME, 'launcher'), path.join(home, 'launcher'));
    const config = { ...localNeo4jConfig(home, await freePort(), { heap: '512m', pageCache: '32m' }), changeCapture: 'on' as const };
    local = await startLocalNeo4j(config);
    const { user, password } = testConnection();
    let driver = neo4j.driver(local.uri, neo4j.auth.basic(user, password), { disableLosslessIntegers: true });
    for (const statement of SCHEMA) await driver.executeQuery(statement);

    // Four writers, one node per auto-commit transaction (no driver retries), until Neo4j is killed under them.
    const acknowledged: string[] = [];
    const writer = async (w: number) => {
      const session = driver.session();
      try {
        for (let i = 0; ; i++) {
          const id = `kill-${w}-${i}`;
          await session.run('CREATE (:Skill:Node {id: $id, name: $id})', { id });
          acknowledged.push(id);
        }
      } catch {
        // Neo4j is gone.
      } finally {
        await session.close().catch(() => undefined);
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await waitFor(() => acknowledged.length >= 200, 30_000, '200 acknowledged writes');
    process.kill(local.pid, 'SIGKILL');
    await Promise.all(writers);
    await driver.close().catch(() => undefined);
    const killedAfter = acknowledged.length;

    local = await startLocalNeo4j(config);
    driver = neo4j.driver(local.uri, neo4j.auth.basic(user, password), { disableLosslessIntegers: true });
    try {
      const { records: entries } = await driver.executeQuery('MATCH (c:ChangeLog) RETURN c.seq AS seq, c.events AS events ORDER BY seq');
      const { records: nodes } = await driver.executeQuery("MATCH (s:Skill) WHERE s.id STARTS WITH 'kill-' RETURN s.id AS id");
      const { records: sequence } = await driver.executeQuery('MATCH (s:ChangeLogSequence) RETURN s.value AS value');
      const logged = entries.flatMap((entry) => (JSON.parse(entry.get('events')) as { kind: string; id: string }[]).map((event) => `${event.kind} ${event.id}`));
      // One entry per committed transaction, numbered without gaps, for exactly the nodes that survived.
      expect(entries.map((entry) => entry.get('seq'))).toEqual(entries.map((_, index) => index + 1));
      expect(sequence.map((record) => record.get('value'))).toEqual([entries.length]);
      expect(logged.sort()).toEqual(nodes.map((node) => `CREATED ${node.get('id')}`).sort());
      expect(logged).toEqual(expect.arrayContaining(acknowledged.map((id) => `CREATED ${id}`)));
      expect(nodes.length).toBeGreaterThanOrEqual(killedAfter);
    } finally {
      await driver.close();
    }
  }, 120_000);
});
