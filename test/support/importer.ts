import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../src/config';
import { defaultCypherDirs, prepareDatabase } from '../../src/graph/cypher-files';
import { Harness } from './harness';
import { testConnection } from './env';

/** The built `npm run import` (global setup compiles it), against the test database, as a user runs it. */
const IMPORTER = path.join(repoRoot, 'dist', 'scripts', 'import.js');
export const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'import');

export interface ImporterResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runImporter(args: string[]): Promise<ImporterResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [IMPORTER, ...args], { env: { ...process.env, NEO4J_URI: testConnection().uri } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A copy of a fixture folder in a temporary folder, with `edit` applied to the named file's text. */
export function editedCopy(fixture: string, file: string, edit: (text: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kg-import-${fixture.replace(/\//g, "-")}-`));
  fs.cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  const target = path.join(dir, file);
  fs.writeFileSync(target, edit(fs.readFileSync(target, 'utf8')));
  return dir;
}

/**
 * For a file of import tests: the server they read through (started before them) and `copy` (an edited copy of
 * a fixture folder); after them the graph is back to the seed, as the other tests expect it, and the copies
 * are removed.
 */
export function importTestServer(): { server: Harness; copy: (fixture: string, file: string, edit: (text: string) => string) => string } {
  const temporary: string[] = [];
  const context = {
    server: undefined as unknown as Harness,
    copy(fixture: string, file: string, edit: (text: string) => string): string {
      const dir = editedCopy(fixture, file, edit);
      temporary.push(dir);
      return dir;
    },
  };
  beforeAll(async () => {
    context.server = await Harness.start();
  });
  afterAll(async () => {
    await context.server.graph.write('MATCH (n) DETACH DELETE n');
    await prepareDatabase(context.server.graph, defaultCypherDirs(repoRoot), 'always');
    await context.server.stop();
    for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
  });
  return context;
}
