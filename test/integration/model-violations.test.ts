import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config';
import { defaultCypherDirs, prepareDatabase, runCypherFiles } from '../../src/graph/cypher-files';
import { SORT_NAMES_FILE } from '../../src/model/schema-cypher';
import { run, freePort } from '../../scripts/processes/os-process';
import { LocalNeo4j, startLocalNeo4j } from '../../scripts/processes/local-neo4j';
import { localNeo4jConfig, TEST_HOME, testConnection } from '../support/env';
import { Harness } from '../support/harness';

/**
 * With MODEL_GUARD=warn (as on a database without the guard: a self-hosted Neo4j without the plugin, Aura),
 * an analyst's Cypher that breaks the model commits, and the guard logs it. Reads never fail for everyone
 * because of it: lists, connections and their counts leave such nodes out alike, a lookup of one answers
 * MODEL_VIOLATION for that field alone, and /health/ready, /metrics and `npm run graph:check` report them.
 * A Neo4j of its own, seeded, since the shared test database refuses such writes (MODEL_GUARD=reject).
 */

/**
 * One statement per rule the read side checks, each as an analyst might write it; 'broken-list-description'
 * only has an optional property of the wrong type: it stays in lists, that property read as null.
 */
const BROKEN_WRITES = [
  "CREATE (:Technology:Node {id: 'broken-no-kind', name: 'Broken no kind'})",
  "CREATE (:Technology:Node {id: 'broken-gadget', name: 'Broken gadget', kind: 'GADGET'})",
  "MATCH (r:Role {id: 'backend-developer'}) CREATE (r)-[:USES]->(:Technology {name: 'Broken no id', kind: 'TOOL'})",
  "MATCH (r:Role {id: 'backend-developer'}) CREATE (r)-[:USES]->(:Technology:Node {id: 'broken-list-description', name: 'Broken list', kind: 'TOOL', description: ['a', 'b']})",
  "MATCH (r:Role {id: 'backend-developer'}) CREATE (r)-[:EARNS]->(:Salary:Node {id: 'broken-salary', name: 'Broken salary', amount: 'lots', currency: 'AUD', country: 'AU', year: 2024, seniority: 'MID', period: 'YEAR'})",
  "MATCH (r:Role {id: 'backend-developer'}) CREATE (r)-[:REQUIRES]->(:Skill:Node {id: 'broken-skill'})",
  "MATCH (t:Technology {id: 'broken-no-kind'}), (r:Role {id: 'frontend-developer'}) CREATE (r)-[:USES]->(t)",
];

const home = path.join(repoRoot, '.neo4j', 'model-guard-warn');
let local: LocalNeo4j;
let server: Harness;
const log = () => fs.readFileSync(path.join(home, 'logs', 'neo4j.log'), 'utf8');

beforeAll(async () => {
  // The test Neo4j's launcher, built by the global setup, serves this second one too: no Maven build here.
  fs.rmSync(home, { recursive: true, force: true });
  fs.mkdirSync(home, { recursive: true });
  fs.symlinkSync(path.join(TEST_HOME, 'launcher'), path.join(home, 'launcher'));
  local = await startLocalNeo4j({ ...localNeo4jConfig(home, await freePort(), { heap: '512m', pageCache: '32m' }), modelGuard: 'warn' });
  server = await Harness.start({ connection: { ...testConnection(), uri: local.uri } });
  await prepareDatabase(server.graph, defaultCypherDirs(repoRoot), 'always');
  for (const statement of BROKEN_WRITES) await server.graph.write(statement, {});
  // As the README tells analysts: the sort keys' back-fill after a script, so that pages list what it wrote.
  await runCypherFiles(server.graph, [path.join(defaultCypherDirs(repoRoot).schema, SORT_NAMES_FILE)]);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await local?.stop();
  fs.rmSync(home, { recursive: true, force: true });
});

it('the guard commits such writes in warn mode, and logs one line per violation', () => {
  expect(log()).toMatch(/MODEL GUARD warn: \d+ node labels, \d+ relationship types from .*model-rules\.json/);
  const warnings = log()
    .split('\n')
    .filter((line) => line.includes('MODEL GUARD WARN'))
    .map((line) => line.slice(line.indexOf('MODEL GUARD WARN')));
  expect(warnings).toEqual(
    expect.arrayContaining([
      `MODEL GUARD WARN (:Technology:Node {id: 'broken-no-kind'}) breaks the model's rule "required property": kind is missing, which every Technology needs. Fix: set kind to one of 'SERVER', 'DATABASE', 'APPLICATION', 'LANGUAGE', 'FRAMEWORK', 'TOOL'.`,
      `MODEL GUARD WARN (:Technology {name: 'Broken no id'}) breaks the model's rule "shared label": a Technology must also carry the label :Node. Fix: add it (SET n:Node).`,
    ]),
  );
});

const isBroken = (id: string | null | undefined) => !id || (id.startsWith('broken-') && id !== 'broken-list-description');

describe('nodes that break the model', () => {
  it('are left out of the technologies page and its count, which answers without errors', async () => {
    const response = await server.query(`{ technologies(first: 100) { totalCount edges { node { id name kind description } } } }`);
    expect(response.errors).toBeUndefined();
    const ids: string[] = response.data!.technologies.edges.map((edge: any) => edge.node.id);
    expect(ids.filter(isBroken)).toEqual([]);
    const listDescription = response.data!.technologies.edges.find((edge: any) => edge.node.id === 'broken-list-description');
    if (listDescription) expect(listDescription.node.description).toBeNull();
    const [{ valid }] = await server.graph.read(
      "MATCH (t:Technology) WHERE t.id IS NOT NULL AND (NOT t.id STARTS WITH 'broken-' OR t.id = 'broken-list-description') AND t.name IS NOT NULL AND t.kind IS NOT NULL RETURN count(t) AS valid",
      {},
    );
    expect(response.data!.technologies.totalCount).toBe(valid);
    expect(ids.length).toBe(Math.min(100, valid as number));
  });

  it("are left out of the backend developer's role page: lists, connections, counts and salary statistics", async () => {
    const response = await server.query(`{
      role(id: "backend-developer") {
        id name
        technologies { id kind description }
        technologyUsage { technology { id name kind } share }
        technologiesConnection(first: 100) { totalCount edges { node { id kind } } }
        skills { skill { id name } level }
        skillsConnection(first: 100) { totalCount edges { node { id name } } }
        salaries { id amount }
      }
      salaryStats(groupBy: SENIORITY, roleId: "backend-developer") { key count min max }
    }`);
    expect(response.errors).toBeUndefined();
    const role = response.data!.role;
    expect(role.id).toBe('backend-developer');
    expect(role.technologies.length).toBeGreaterThan(0);
    expect(role.technologies.map((t: any) => t.id).filter(isBroken)).toEqual([]);
    expect(role.technologies.map((t: any) => t.id)).toContain('broken-list-description');
    expect(role.technologyUsage.map((u: any) => u.technology.id).filter(isBroken)).toEqual([]);
    expect(role.technologiesConnection.edges.map((e: any) => e.node.id).filter(isBroken)).toEqual([]);
    expect(role.technologiesConnection.totalCount).toBe(role.technologies.length);
    expect(role.skills.map((s: any) => s.skill.id).filter(isBroken)).toEqual([]);
    expect(role.skillsConnection.totalCount).toBe(role.skills.length);
    expect(role.salaries.map((s: any) => s.id).filter(isBroken)).toEqual([]);
    expect(response.data!.salaryStats.length).toBeGreaterThan(0);
  });

  it('are left out of what uses a broken technology, search, neighbourhoods and paths', async () => {
    const response = await server.query(`{
      roles(first: 20) { edges { node { id technologies { id } } } }
      search(text: "Broken") { node { id name } }
      neighborhood(id: "backend-developer", depth: 1, limit: 200) { nodes { id name label } }
      path(from: "frontend-developer", to: "backend-developer", maxHops: 4) { length nodes { id name } }
    }`);
    expect(response.errors).toBeUndefined();
    const data = response.data!;
    const frontend = data.roles.edges.find((edge: any) => edge.node.id === 'frontend-developer').node;
    expect(frontend.technologies.map((t: any) => t.id).filter(isBroken)).toEqual([]);
    expect(data.search.map((hit: any) => hit.node.id).filter(isBroken)).toEqual([]);
    expect(data.neighborhood.nodes.map((n: any) => n.id).filter(isBroken)).toEqual([]);
    expect(data.neighborhood.nodes.length).toBeGreaterThan(1);
    expect(data.path.nodes.map((n: any) => n.id).filter(isBroken)).toEqual([]);
  });

  it('answer MODEL_VIOLATION when looked up, naming the rule, for that field alone', async () => {
    const response = await server.query(`{
      gadget: node(id: "broken-gadget") { id ... on Technology { kind } }
      role(id: "backend-developer") { id }
    }`);
    expect(response.data!.role).toEqual({ id: 'backend-developer' });
    expect(response.data!.gadget).toBeNull();
    expect(response.errors).toHaveLength(1);
    const [error] = response.errors!;
    expect(error.extensions?.code).toBe('MODEL_VIOLATION');
    expect(error.message).toContain("(:Technology {id: 'broken-gadget'})");
    expect(error.message).toContain("kind = 'GADGET', not one of SERVER");
    expect(error.message).toContain('npm run graph:check');
  });
});

describe('what breaks the model is reported', () => {
  it('by /health/ready and /metrics, counted (six nodes here)', async () => {
    const ready = (await (await fetch(`${server.url}/health/ready`)).json()) as { status: string; modelViolations: number };
    expect(ready).toMatchObject({ status: 'ok', modelViolations: 6 });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^graph_model_violations 6$/m);
  });

  it('by `npm run graph:check`, each with the Cypher that fixes or removes it, exiting 1', async () => {
    const env = { ...process.env, NEO4J_URI: local.uri };
    const result = await run(process.execPath, [path.join(repoRoot, 'dist', 'scripts', 'graph-check.js')], undefined, env);
    expect(result.code).toBe(1);
    expect(result.output).toContain("(:Technology {id: 'broken-gadget'}): it has kind = 'GADGET', not one of SERVER");
    expect(result.output).toContain("(:Technology {name: 'Broken no id'}): it has no id (required, STRING); it lacks the label Node");
    expect(result.output).toContain("SET n.id = 'broken-no-id', n:Node;");
    expect(result.output).toContain("(:Salary {id: 'broken-salary'}): it has amount = 'lots', not a FLOAT");
    expect(result.output).toContain('6 nodes or relationships at');
  });
});
