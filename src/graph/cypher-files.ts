import fs from 'node:fs';
import path from 'node:path';
import { searchIndex, SORT_NAMES_FILE } from '../model/schema-cypher';
import { Graph } from './driver';

/**
 * Splits a cypher-shell style script into statements: `;` ends a statement unless it is inside a string,
 * a back-quoted name or a comment. Comments and blank statements are dropped.
 */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let i = 0; i < script.length; i += 1) {
    const char = script[i];
    if (quote) {
      current += char;
      if (char === '\\' && quote !== '`') {
        current += script[i + 1] ?? '';
        i += 1;
      } else if (char === quote) {
        quote = null;
      }
    } else if (char === '/' && script[i + 1] === '/') {
      while (i < script.length && script[i] !== '\n') i += 1;
      current += '\n';
    } else if (char === '/' && script[i + 1] === '*') {
      const end = script.indexOf('*/', i + 2);
      i = end === -1 ? script.length : end + 1;
      current += ' ';
    } else if (char === ';') {
      statements.push(current.trim());
      current = '';
    } else {
      if (char === "'" || char === '"' || char === '`') quote = char;
      current += char;
    }
  }
  statements.push(current.trim());
  return statements.filter((statement) => statement.length > 0);
}

/** The `.cypher` files of a folder, in name order (the numeric prefixes give the order). */
export function cypherFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.cypher'))
    .sort()
    .map((name) => path.join(dir, name));
}

export interface StatementReport {
  file: string;
  statement: number;
  rows: Record<string, unknown>[];
  counters: Record<string, number>;
}

/**
 * Runs every statement of the files in order, each in its own transaction (schema changes need that),
 * telling `onStatement` about each as it finishes.
 */
export async function runCypherFiles(
  graph: Graph,
  files: string[],
  onStatement: (report: StatementReport) => void = () => undefined,
): Promise<StatementReport[]> {
  const reports: StatementReport[] = [];
  for (const file of files) {
    const statements = splitStatements(fs.readFileSync(file, 'utf8'));
    for (const [index, statement] of statements.entries()) {
      const { rows, counters } = await graph.runStatement(statement);
      const report = { file: path.basename(file), statement: index + 1, rows, counters };
      onStatement(report);
      reports.push(report);
    }
  }
  return reports;
}

/**
 * Applies cypher/schema. Its full-text index is created only when absent (\`IF NOT EXISTS\`), so one left by an
 * older model, over other labels or properties or with another analyzer, is dropped first and created again
 * (its population runs in the background; \`db.awaitIndexes\` at the end of the file waits for it).
 */
export async function applySchema(
  graph: Graph,
  dir: string,
  onStatement: (report: StatementReport) => void = () => undefined,
): Promise<StatementReport[]> {
  const { name, labels, properties, analyzer } = searchIndex();
  const [existing] = await graph.read(
    "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options WHERE name = $name RETURN labelsOrTypes, properties, options.indexConfig['fulltext.analyzer'] AS analyzer",
    { name },
  );
  const same = (found: unknown, declared: string[]) => JSON.stringify([...(found as string[])].sort()) === JSON.stringify([...declared].sort());
  if (existing && !(same(existing.labelsOrTypes, labels) && same(existing.properties, properties) && existing.analyzer === analyzer)) {
    await graph.runStatement(`DROP INDEX ${name}`);
  }
  return runCypherFiles(graph, cypherFiles(dir), onStatement);
}

/** "nodesCreated=3 propertiesSet=12", or "no changes". */
export function describeCounters(counters: Record<string, number>): string {
  const changed = Object.entries(counters).filter(([, count]) => count > 0);
  return changed.map(([name, count]) => `${name}=${count}`).join(' ') || 'no changes';
}

export interface CypherDirs {
  schema: string;
  seed: string;
}

export function defaultCypherDirs(root: string): CypherDirs {
  return { schema: path.join(root, 'cypher', 'schema'), seed: path.join(root, 'cypher', 'seed') };
}

/** How many nodes and relationships the graph holds (Neo4j's count store: no scan). */
export async function graphCounts(graph: Graph): Promise<{ nodes: number; relationships: number }> {
  const [counts] = await graph.read('RETURN COUNT { (:Node) } AS nodes, COUNT { ()-[]->() } AS relationships');
  return counts as { nodes: number; relationships: number };
}

/** Applies constraints and indexes, then the seed when `seed` is "always" or the graph has no nodes yet. */
export async function prepareDatabase(
  graph: Graph,
  dirs: CypherDirs,
  seed: 'always' | 'if-empty' | 'never',
): Promise<{ seeded: boolean }> {
  await applySchema(graph, dirs.schema);
  const empty = seed === 'if-empty' && (await graph.read('MATCH (n:Node) RETURN n LIMIT 1')).length === 0;
  if (seed === 'always' || empty) {
    await runCypherFiles(graph, [...cypherFiles(dirs.seed), path.join(dirs.schema, SORT_NAMES_FILE)]);
    return { seeded: true };
  }
  return { seeded: false };
}
