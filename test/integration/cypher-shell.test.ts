import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config';
import { Graph } from '../../src/graph/driver';
import { cypherShell, cypherShellClasspath } from '../support/cypher-shell';
import { testConnection } from '../support/env';
import { fingerprint } from '../support/fingerprint';

/** The README promises that analysts can run every file of cypher/ with cypher-shell: the real one runs them here. */
const files = (folder: string) =>
  fs
    .readdirSync(path.join(repoRoot, 'cypher', folder))
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => path.join('cypher', folder, file));

let classpath: string;
let graph: Graph;
beforeAll(async () => {
  classpath = await cypherShellClasspath();
  graph = Graph.open(testConnection());
}, 300_000);
afterAll(() => graph.close());

it('runs cypher/schema', async () => {
  for (const file of files('schema')) {
    const result = await cypherShell(classpath, path.join(repoRoot, file));
    expect({ file, code: result.code, output: result.code === 0 ? '' : result.output }).toEqual({ file, code: 0, output: '' });
  }
});

it('runs cypher/seed twice, and the second run changes nothing', async () => {
  const runSeed = async () => {
    for (const file of files('seed')) {
      const result = await cypherShell(classpath, path.join(repoRoot, file));
      expect({ file, code: result.code, output: result.code === 0 ? '' : result.output }).toEqual({ file, code: 0, output: '' });
    }
    return fingerprint(graph);
  };
  const once = await runSeed();
  expect(once.nodes).toBeGreaterThan(0);
  expect(await runSeed()).toEqual(once);
});

it('runs every cypher/queries file, each answering rows', async () => {
  const queries = files('queries');
  expect(queries.length).toBeGreaterThanOrEqual(10);
  for (const file of queries) {
    const result = await cypherShell(classpath, path.join(repoRoot, file));
    expect({ file, code: result.code }).toEqual({ file, code: 0 });
    // --format plain: a header line, then one line per row.
    expect({ file, answersRows: result.output.trim().split('\n').length > 1 }).toEqual({ file, answersRows: true });
  }
});
