import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../src/config';
import { run, RunResult } from '../../scripts/processes/os-process';
import { testConnection } from './env';

const POM = path.join(repoRoot, 'scripts', 'cypher-shell', 'pom.xml');
const CLASSPATH_FILE = path.join(repoRoot, '.neo4j', 'cypher-shell.classpath');

/** The jars of org.neo4j:cypher-shell:5.26.0, resolved by Maven once (they stay in ~/.m2). */
export async function cypherShellClasspath(): Promise<string> {
  if (!fs.existsSync(CLASSPATH_FILE) || fs.statSync(CLASSPATH_FILE).mtimeMs < fs.statSync(POM).mtimeMs) {
    fs.mkdirSync(path.dirname(CLASSPATH_FILE), { recursive: true });
    const resolved = await run('mvn', ['-B', '-q', '-Dstyle.color=never', '-f', POM, 'dependency:build-classpath', `-Dmdep.outputFile=${CLASSPATH_FILE}`]);
    if (resolved.code !== 0) throw new Error(`Maven could not resolve cypher-shell:\n${resolved.output}`);
  }
  return fs.readFileSync(CLASSPATH_FILE, 'utf8').trim();
}

/** Runs one file with the real cypher-shell against the test database, as an analyst would. */
export async function cypherShell(classpath: string, file: string): Promise<RunResult> {
  const { uri, user, password } = testConnection();
  return run('java', ['-cp', classpath, 'org.neo4j.shell.Main', '-a', uri, '-u', user, '-p', password, '--format', 'plain', '--file', file]);
}

/** What one file of a batch printed, and whether the batch ran it to its end. */
export interface BatchedFile {
  file: string;
  completed: boolean;
  output: string;
}

const END_OF_FILE = '<<end of file>>';

/**
 * Runs files one after the other in one cypher-shell (one JVM and one connection, as `:source` does in an
 * analyst's session), with a marker after each so that each file's output is told apart. cypher-shell stops
 * at the first failing statement: the files after it are not `completed`, and the failing one's output has the error.
 */
export async function cypherShellBatch(classpath: string, files: string[]): Promise<{ code: number | null; files: BatchedFile[]; output: string }> {
  const result = await cypherShellScript(classpath, files.map((file) => `:source ${file}\nRETURN '${END_OF_FILE}' AS marker;\n`).join(''));
  const parts = result.output.split(`marker\n"${END_OF_FILE}"\n`);
  return {
    code: result.code,
    output: result.output,
    files: files.map((file, index) => ({ file, completed: index < parts.length - 1, output: parts[index] ?? '' })),
  };
}

/** Runs a script's text with the real cypher-shell (from a file of its own, removed after), as an analyst would. */
export async function cypherShellScript(classpath: string, text: string): Promise<RunResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cypher-shell-'));
  try {
    const script = path.join(dir, 'script.cypher');
    fs.writeFileSync(script, text);
    return await cypherShell(classpath, script);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
