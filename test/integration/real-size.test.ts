import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config';
import { Graph } from '../../src/graph/driver';
import { testConnection } from '../support/env';
import { freePort, runBuiltServer, ServerProcess, waitFor } from '../support/processes';

/**
 * One query must never take the server down. On a graph of real-data sizes (O*NET's 18,796 tasks, its
 * Software Developers' 425 technologies, technologies used by 500 occupations), a corpus of hostile reads:
 * nested unbounded lists, aliases of big lists, fragments that multiply, deep traversals. The server is the
 * built one, with the heap cap `npm start` gives it: every answer is bounded or a 4xx with a contract code,
 * it never crashes, /health/live answers after each, and its RSS stays under the ceiling the README states.
 */

const ORIGIN = 'real-size-test';
const TASKS = 18_000;
const ROLES = 500;
/** Technologies big-tech-0..9 are used by every one of the ROLES roles. */
const POPULAR = 10;
/** big-role-0 uses this many technologies, as O*NET's Software Developers do. */
const WIDE_ROLE_TECHNOLOGIES = 425;
/** The RSS ceiling the README documents for the server under `npm start`'s heap cap. */
const RSS_CEILING_MB = 300;

jest.setTimeout(300_000);

/** `npm start`'s heap flag, so the server runs here as it runs for users. */
const START_HEAP_FLAG = /--max-old-space-size=\d+/.exec(
  (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start,
)![0];

let graph: Graph;
let server: ServerProcess;
let url: string;

beforeAll(async () => {
  graph = Graph.open(testConnection());
  const batches = [
    `UNWIND range(0, ${TASKS - 1}) AS i CREATE (:Responsibility:Node {id: 'big-task-' + i, name: 'Big task ' + i, origin: '${ORIGIN}'})`,
    // Long summaries make a list within every item bound heavy in bytes.
    `UNWIND range(0, ${ROLES}) AS i CREATE (:Role:Node {id: 'big-role-' + i, name: 'Big role ' + i, summary: reduce(s = '', k IN range(1, 150) | s + 'summary ..'), origin: '${ORIGIN}'})`,
    `UNWIND range(0, ${WIDE_ROLE_TECHNOLOGIES - 1}) AS i CREATE (:Technology:Node {id: 'big-tech-' + i, name: 'Big technology ' + i, kind: 'TOOL', origin: '${ORIGIN}'})`,
    `UNWIND range(0, ${TASKS - 1}) AS i MATCH (r:Role {id: 'big-role-' + (1 + i % ${ROLES})}), (t:Responsibility {id: 'big-task-' + i}) CREATE (r)-[:HAS_RESPONSIBILITY]->(t)`,
    `MATCH (r:Role {id: 'big-role-0'}), (t:Technology) WHERE t.origin = '${ORIGIN}' CREATE (r)-[:USES]->(t)`,
    `UNWIND range(1, ${ROLES}) AS i UNWIND range(0, ${POPULAR - 1}) AS k MATCH (r:Role {id: 'big-role-' + i}), (t:Technology {id: 'big-tech-' + k}) CREATE (r)-[:USES]->(t)`,
    `MATCH (t:Responsibility) WHERE t.origin = '${ORIGIN}' AND toInteger(split(t.id, '-')[2]) < 2000 MATCH (x:Technology {id: 'big-tech-' + (toInteger(split(t.id, '-')[2]) % ${POPULAR})}) CREATE (t)-[:INVOLVES]->(x)`,
  ];
  for (const cypher of batches) await graph.write(cypher);
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const { uri, password } = testConnection();
  server = runBuiltServer({ NEO4J_URI: uri, NEO4J_PASSWORD: password, PORT: String(port), SEED_ON_START: 'false', LOG_LEVEL: 'warn', DEBUG_EXTENSIONS: 'true' }, [
    process.execPath,
    START_HEAP_FLAG,
    path.join(repoRoot, 'dist', 'src', 'main.js'),
  ]);
  await waitFor(() => fetch(`${url}/health/ready`).then((response) => response.ok, () => false), 60_000, 'the server');
});

afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  await graph.write(`MATCH (n) WHERE n.origin = '${ORIGIN}' CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`).catch(async () => {
    await graph.write(`MATCH (n) WHERE n.origin = '${ORIGIN}' DETACH DELETE n`);
  });
  await graph.close();
});

interface Answer {
  status: number;
  bytes: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[]; extensions?: { roundTrips?: number } };
}

async function post(query: string): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const text = await response.text();
  return { status: response.status, bytes: Buffer.byteLength(text), body: JSON.parse(text) };
}

function rssMegabytes(): number {
  const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

const aliases = (count: number, field: string) => Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ');

/** Each hostile read and the contract codes it may answer (none: it must answer data). */
const corpus: { name: string; query: string; codes: string[] }[] = [
  { name: 'the issue’s query', query: '{ responsibilities { id roles { id technologies { id usedBy { id } } } } }', codes: ['QUERY_TOO_COMPLEX'] },
  { name: 'one step shallower', query: '{ responsibilities { id roles { id technologies { id } } } }', codes: ['QUERY_TOO_COMPLEX'] },
  { name: 'the root list of 18,000 tasks', query: '{ responsibilities { id } }', codes: ['RESULT_TOO_LARGE'] },
  { name: '10 aliases of the root list', query: `{ ${aliases(10, 'responsibilities { id name }')} }`, codes: ['RESULT_TOO_LARGE'] },
  { name: 'deeper nesting', query: '{ role(id: "big-role-0") { technologies { usedBy { technologies { usedBy { id } } } } } }', codes: ['QUERY_TOO_COMPLEX'] },
  {
    name: 'a connection page whose nodes fan out through usedBy twice',
    query: '{ technologies(first: 100) { edges { node { usedBy { technologies { usedBy { id } } } } } } }',
    codes: ['QUERY_TOO_COMPLEX'],
  },
  {
    name: 'fragments that multiply',
    query: `{ ${aliases(8, 'role(id: "big-role-0") { ...Wide }')} } fragment Wide on Role { technologies { id name usedBy { id } } }`,
    codes: ['QUERY_TOO_COMPLEX'],
  },
  {
    // Within the cost limit (each usedBy costs its bound), but 10 x 500 roles with long summaries.
    name: 'cheap-looking reads of heavy items (over the byte budget)',
    query: `{ ${Array.from({ length: POPULAR }, (_, k) => `t${k}: node(id: "big-tech-${k}") { ... on Technology { usedBy { id name summary } } }`).join(' ')} }`,
    codes: ['RESULT_TOO_LARGE'],
  },
  { name: 'a role with 425 technologies', query: '{ role(id: "big-role-0") { technologies { id name kind } } }', codes: [] },
  { name: 'a technology used by 500 roles', query: '{ node(id: "big-tech-0") { ... on Technology { usedBy { id name } } } }', codes: [] },
  { name: 'a task list page', query: '{ responsibilitiesConnection(first: 100) { totalCount edges { node { id roles { id } } } } }', codes: [] },
  { name: 'a wide neighbourhood', query: '{ neighborhood(id: "big-tech-0", depth: 2, limit: 500) { nodes { id } edges { from to } } }', codes: [] },
  { name: 'a deep traversal', query: '{ path(from: "big-task-17999", to: "big-tech-400", maxHops: 8) { length nodes { id } } }', codes: [] },
];

describe('a hostile corpus on a graph of real-data sizes', () => {
  const peaks: number[] = [];
  afterAll(() => console.log(`real-size corpus: server RSS peaked at ${Math.max(...peaks).toFixed(0)} MB (ceiling ${RSS_CEILING_MB} MB)`));

  it.each(corpus)('$name: bounded, or a 4xx with its contract code; the server stays up', async ({ query, codes }) => {
    const answer = await post(query);
    const answered = (answer.body.errors ?? []).map((error) => error.extensions?.code);
    if (codes.length === 0) {
      expect(answered).toEqual([]);
      expect(answer.status).toBe(200);
    } else {
      expect(answer.status).toBe(400);
      expect(answered.length).toBeGreaterThan(0);
      expect(answered.every((code) => codes.includes(code as string))).toBe(true);
      // Refused whole: no partial data past the budget.
      expect(answer.body.data ?? null).toBeNull();
    }
    expect(answer.bytes).toBeLessThan(5 * 1024 * 1024);
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    peaks.push(rssMegabytes());
    expect(rssMegabytes()).toBeLessThan(RSS_CEILING_MB);
  });

  it('survives the whole corpus sent at once, three times over', async () => {
    for (let round = 0; round < 3; round += 1) {
      const answers = await Promise.all(corpus.map(({ query }) => post(query)));
      expect(answers.map((answer) => answer.status).filter((status) => status >= 500)).toEqual([]);
      peaks.push(rssMegabytes());
    }
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    expect(Math.max(...peaks)).toBeLessThan(RSS_CEILING_MB);
    expect(server.child.exitCode).toBeNull();
  });

  it("pages through a role's 425 technologies and a technology's 500 roles with their connections", async () => {
    const ids = new Set<string>();
    let after: string | null = null;
    do {
      const page: Answer = await post(
        `{ role(id: "big-role-0") { technologiesConnection(first: 100${after ? `, after: ${JSON.stringify(after)}` : ''}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id usedByConnection(first: 5) { totalCount } } } } } }`,
      );
      expect(page.body.extensions?.roundTrips).toBe(1);
      const connection = (page.body.data as { role: { technologiesConnection: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; usedByConnection: { totalCount: number } } }[] } } })
        .role.technologiesConnection;
      expect(connection.totalCount).toBe(WIDE_ROLE_TECHNOLOGIES);
      for (const { node } of connection.edges) {
        ids.add(node.id);
        expect(node.usedByConnection.totalCount).toBe(Number(node.id.split('-')[2]) < POPULAR ? ROLES + 1 : 1);
      }
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    expect(ids.size).toBe(WIDE_ROLE_TECHNOLOGIES);
  });

  it('pages through all 18,000 tasks with the connection, one round trip per page', async () => {
    let after: string | null = null;
    let seen = 0;
    let pages = 0;
    const ids = new Set<string>();
    do {
      const page: Answer = await post(
        `{ responsibilitiesConnection(first: 100${after ? `, after: ${JSON.stringify(after)}` : ''}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
      );
      const connection = (page.body.data as { responsibilitiesConnection: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } })
        .responsibilitiesConnection;
      expect(page.body.extensions?.roundTrips).toBe(1);
      for (const edge of connection.edges) ids.add(edge.node.id);
      seen += connection.edges.length;
      pages += 1;
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toBe(ids.size);
    expect([...ids].filter((id) => id.startsWith('big-task-')).length).toBe(TASKS);
    expect(pages).toBeGreaterThanOrEqual(TASKS / 100);
  });
});
