import fs from 'node:fs';
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
