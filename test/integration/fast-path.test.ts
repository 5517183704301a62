import neo4j, { Driver } from 'neo4j-driver';
import { repoRoot } from '../../src/config';
import { defaultCypherDirs, prepareDatabase } from '../../src/graph/cypher-files';
import { encodeCursor } from '../../src/graph/connection';
import { readExampleOperations } from '../../src/http/examples';
import { buildGraphSchema } from '../../src/schema';
import { shapes } from '../../bench/shapes';
import { loadSynthetic, planFor, roleId, technologyId } from '../../scripts/synthetic';
import { testConnection, wipeTestDatabase } from '../support/env';
import { Harness } from '../support/harness';
import { GraphSamples, RandomOperation, randomOperations } from '../support/random-operations';

/**
 * The fast path (src/execution) must never answer differently from graphql-js: every operation goes to a
 * server with it (twice: compiled, then cached) and to one without it, and the answers must be the same
 * JSON text, errors included (their stack traces aside, which name the code that threw).
 */

/** Operations per random corpus: each is planned by Neo4j afresh (three sends), which is most of this file's time. */
const CORPUS_SIZE = 250;
const schema = buildGraphSchema();
let fast: Harness;
let standard: Harness;
let driver: Driver;

beforeAll(async () => {
  // The benchmark's cost limit (bench/ours-server.ts: its deep nested page is over the default one), and a
  // window of cost that no run exhausts (each operation is sent three times).
  const limits = { maxCost: 100_000_000, costPerWindow: 1e15 };
  fast = await Harness.start({ debugExtensions: true, execution: { fastPath: true }, limits });
  standard = await Harness.start({ debugExtensions: true, execution: { fastPath: false }, limits });
  const connection = testConnection();
  driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), { disableLosslessIntegers: true });
});
afterAll(async () => {
  await fast.stop();
  await standard.stop();
  await driver.close();
});

interface Comparison {
  differences: string[];
  paths: Record<string, number>;
}

function comparable(response: Record<string, any>): string {
  const errors = (response.errors as Record<string, any>[] | undefined)?.map(({ extensions, ...error }) => {
    const { stacktrace: _stacktrace, ...rest } = extensions ?? {};
    return { ...error, extensions: rest };
  });
  return JSON.stringify({ status: response.status, data: response.data, errors });
}

/** Operations in flight at once: Neo4j plans each new query for a while, and plans several on its cores. */
const CONCURRENCY = 6;

async function compare(operations: RandomOperation[]): Promise<Comparison> {
  const comparison: Comparison = { differences: [], paths: {} };
  const compareOne = async ({ query, variables }: RandomOperation) => {
    // One after the other: both send the same Cypher, which Neo4j then plans once (planning is most of the time).
    const viaStandard = await standard.query(query, variables);
    const viaFast = await fast.query(query, variables);
    // Again, from the cached plan and its compiled selections (src/graph/selection.ts).
    const viaFastAgain = await fast.query(query, variables);
    // None: refused before execution (validation, limits), on both servers alike.
    const path = String(viaFast.extensions?.executionPath ?? 'none');
    comparison.paths[path] = (comparison.paths[path] ?? 0) + 1;
    expect(viaStandard.extensions?.executionPath ?? 'none').toBe(path === 'none' ? 'none' : 'standard');
    const [a, b] = [comparable(viaFast), comparable(viaStandard)];
    if (a !== b) comparison.differences.push(`${query}\n${JSON.stringify(variables)}\nfast:     ${a}\nstandard: ${b}`);
    const again = comparable(viaFastAgain);
    if (again !== b) comparison.differences.push(`${query}\n${JSON.stringify(variables)}\nfast, again: ${again}\nstandard:    ${b}`);
  };
  for (let start = 0; start < operations.length; start += CONCURRENCY) {
    await Promise.all(operations.slice(start, start + CONCURRENCY).map(compareOne));
  }
  return comparison;
}

async function samples(idsPerLabel: number): Promise<GraphSamples> {
  const { records } = await driver.executeQuery(
    `MATCH (n:Node) WITH labels(n) AS labels, n ORDER BY n.id
     WITH labels, collect(n)[..$per] AS nodes UNWIND nodes AS n
     RETURN collect(n.id) AS ids, [x IN collect(n) WHERE x:Role | x.id] AS roleIds, collect(n.name) AS names`,
    { per: neo4j.int(idsPerLabel) },
  );
  const row = records[0].toObject() as { ids: string[]; roleIds: string[]; names: string[] };
  const words = [...new Set(row.names.flatMap((name) => name.split(/[^A-Za-z]+/)).filter((word) => word.length > 3))].slice(0, 60);
  return { ids: row.ids, roleIds: row.roleIds, words };
}

function expectSame(comparison: Comparison, minimumFast: number): void {
  expect(comparison.differences.slice(0, 3)).toEqual([]);
  // Not vacuous: most operations really took the fast path.
  expect(comparison.paths.fast ?? 0).toBeGreaterThanOrEqual(minimumFast);
}

describe('the fast path answers as graphql-js does', () => {
  it('on every query in docs/queries', async () => {
    const examples = (await readExampleOperations()).filter((example) => example.operation === 'query');
    const comparison = await compare(examples.map((example) => ({ query: example.document, variables: {} })));
    expectSame(comparison, examples.length - 1);
  });

  it(`on ${CORPUS_SIZE} random operations over the seed graph`, async () => {
    const operations = randomOperations(schema, await samples(50), CORPUS_SIZE, { seed: 20261125, maxDepth: 3 });
    const comparison = await compare(operations);
    expectSame(comparison, CORPUS_SIZE * 0.6);
  }, 300_000);

  describe('over a synthetic graph of scale 1', () => {
    beforeAll(async () => {
      await loadSynthetic(fast.graph, driver, undefined, { scale: 1, log: () => undefined });
    }, 300_000);
    // Back to the seed graph the other test files expect.
    afterAll(async () => {
      await wipeTestDatabase();
      await prepareDatabase(fast.graph, defaultCypherDirs(repoRoot), 'always');
    }, 300_000);

    it("on the benchmark's operations", async () => {
      const plan = planFor(1);
      const { records } = await driver.executeQuery(
        'MATCH (n:Technology) WITH n ORDER BY n.sortName, n.name, n.id SKIP 10000 LIMIT 1 RETURN n.sortName AS sortName, n.name AS name, n.id AS id',
      );
      const shapeArguments = {
        popularTechnologies: [technologyId(0), technologyId(3)],
        roles: [roleId(1), roleId(250)],
        pathPairs: [[technologyId(plan.popularTechnologies + 7), roleId(4)] as [string, string]],
        deepPages: [{ cursor: encodeCursor([records[0].get('sortName'), records[0].get('name'), records[0].get('id')]), offset: 10_000 }],
      };
      const operations = shapes(shapeArguments).flatMap((shape) => shape.variants.map((variables) => ({ query: shape.ours, variables })));
      const comparison = await compare(operations);
      expectSame(comparison, operations.length);
    });

    it(`on ${CORPUS_SIZE} random operations`, async () => {
      const operations = randomOperations(schema, await samples(20), CORPUS_SIZE, { seed: 1125, boundedRootsOnly: true, maxDepth: 3 });
      const comparison = await compare(operations);
      expectSame(comparison, CORPUS_SIZE * 0.6);
    }, 300_000);
  });
});
