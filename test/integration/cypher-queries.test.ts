import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../src/config';
import { cypherFiles, runCypherFiles } from '../../src/graph/cypher-files';
import { Graph } from '../../src/graph/driver';
import { testConnection } from '../support/env';

const QUERIES = path.join(repoRoot, 'cypher', 'queries');
let graph: Graph;
beforeAll(() => {
  graph = Graph.open(testConnection());
});
afterAll(() => graph.close());

describe("analysts' queries", () => {
  const files = cypherFiles(QUERIES);

  it('are at least 8, each documented at its top', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) expect(fs.readFileSync(file, 'utf8')).toMatch(/^\/\/ .+\n\/\/ /);
  });

  it.each(files.map((file) => [path.basename(file), file]))('%s answers on the seed and changes nothing', async (_name, file) => {
    const [report] = await runCypherFiles(graph, [file]);
    expect(report.rows.length).toBeGreaterThan(0);
    expect(Object.values(report.counters).every((count) => count === 0)).toBe(true);
  });

  it('find what the article says', async () => {
    const [gap] = await runCypherFiles(graph, [path.join(QUERIES, '02-salary-gap-junior-senior.cypher')]);
    expect(gap.rows).toContainEqual(
      expect.objectContaining({ role: 'Backend Developer', country: 'AU', currency: 'AUD', junior: 55000, senior: 95000, gap: 40000 }),
    );
    const [bySource] = await runCypherFiles(graph, [path.join(QUERIES, '05-facts-by-source.cypher')]);
    const statista = bySource.rows.find((row) => row.source === 'statista');
    expect(statista?.nodes).toEqual(expect.arrayContaining(['Salary: Senior Backend Developer, Australia 2019']));
  });
});

describe('npm run cypher', () => {
  it('runs a script against NEO4J_URI, printing rows and counters', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(repoRoot, 'dist', 'scripts', 'cypher.js'), 'cypher/queries/07-technologies-by-kind.cypher'],
      { cwd: repoRoot, env: { ...process.env, NEO4J_URI: testConnection().uri } },
    );
    expect(stdout).toMatch(/-- 07-technologies-by-kind\.cypher, statement 1: \d+ row\(s\); no changes/);
    expect(stdout).toContain('"kind":"LANGUAGE"');
  });
});
