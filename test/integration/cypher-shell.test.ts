import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config';
import { Graph } from '../../src/graph/driver';
import { cypherShellBatch, cypherShellClasspath } from '../support/cypher-shell';
import { testConnection } from '../support/env';
import { fingerprint } from '../support/fingerprint';

/** The README promises that analysts can run every file of cypher/ with cypher-shell: the real one runs them here. */
const files = (folder: string) =>
  fs
    .readdirSync(path.join(repoRoot, 'cypher', folder))
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => path.join(repoRoot, 'cypher', folder, file));

/** Runs the files in one cypher-shell; each must run to its end without printing anything. */
async function runSilently(files: string[]): Promise<void> {
  const batch = await cypherShellBatch(classpath, files);
  expect({ code: batch.code, output: batch.code === 0 ? '' : batch.output }).toEqual({ code: 0, output: '' });
  expect(batch.files.filter((file) => !file.completed || file.output !== '')).toEqual([]);
}

let classpath: string;
let graph: Graph;
beforeAll(async () => {
  classpath = await cypherShellClasspath();
  graph = Graph.open(testConnection());
}, 300_000);
afterAll(() => graph.close());

it('runs cypher/schema', async () => {
  await runSilently(files('schema'));
});

it('runs cypher/seed twice, and the second run changes nothing', async () => {
  const runSeed = async () => {
    await runSilently(files('seed'));
    return fingerprint(graph);
  };
  const once = await runSeed();
  expect(once.nodes).toBeGreaterThan(0);
  expect(await runSeed()).toEqual(once);
});

it('runs every cypher/queries file, each answering rows', async () => {
  const queries = files('queries');
  expect(queries.length).toBeGreaterThanOrEqual(10);
  const batch = await cypherShellBatch(classpath, queries);
  expect({ code: batch.code, output: batch.code === 0 ? '' : batch.output }).toEqual({ code: 0, output: '' });
  for (const { file, completed, output } of batch.files) {
    // --format plain: a header line, then one line per row.
    expect({ file: path.basename(file), completed, answersRows: output.trim().split('\n').length > 1 }).toEqual({ file: path.basename(file), completed: true, answersRows: true });
  }
});
