import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config';

/** The layering that keeps one door to the graph: resolvers only ask, the graph layer knows no concept. */

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

const src = path.join(repoRoot, 'src');
const relative = (file: string) => path.relative(repoRoot, file);
const resolvers = sourceFiles(src).filter((file) => file.endsWith('.resolver.ts'));

/** Upper-case Cypher clause keywords; TypeScript has none of these words in capitals. */
const CYPHER_CLAUSE = /\b(MATCH|MERGE|CREATE|DELETE|SET|RETURN)\b/;
/** Building query parameters or calling the driver wrapper: the graph layer's work. */
const QUERY_PLUMBING = /\b(CypherParams|Projection|QueryBuilder|roundTrips|Graph)\b|\.(read|write)\(\s*['"`]|\bparams\.add/;

/** A file's code without its comments and the text of its decorators' descriptions. */
function code(file: string): string {
  return fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/description: (['"`])(?:\\.|(?!\1).)*\1/g, 'description: ""');
}

describe('resolvers', () => {
  it('exist (the checks below look at something)', () => {
    expect(resolvers.length).toBeGreaterThanOrEqual(10);
  });

  it.each(resolvers.map((file) => [relative(file), file]))('%s holds no Cypher clause', (_name, file) => {
    expect(code(file).match(CYPHER_CLAUSE)?.[0]).toBeUndefined();
  });

  it.each(resolvers.map((file) => [relative(file), file]))('%s builds no query parameters and counts no round trips', (_name, file) => {
    expect(code(file).match(QUERY_PLUMBING)?.[0]).toBeUndefined();
  });
});

describe('the graph layer', () => {
  it.each(sourceFiles(path.join(src, 'graph')).map((file) => [relative(file), file]))('%s imports nothing from modules/', (_name, file) => {
    expect(code(file).match(/from '\.\.\/modules\/[^']*'/)?.[0]).toBeUndefined();
  });
});

describe('the configuration', () => {
  it('imports nothing from the server it configures, so that every module can read its settings from it', () => {
    const imports = [...code(path.join(src, 'config.ts')).matchAll(/from '([^']+)'/g)].map((match) => match[1]);
    expect(imports.filter((module) => module.startsWith('.'))).toEqual([]);
  });
});

describe('the server', () => {
  it.each(sourceFiles(src).map((file) => [relative(file), file]))('%s imports nothing from scripts/ (tools are not the server)', (_name, file) => {
    expect(code(file).match(/from '(\.\.\/)+scripts\/[^']*'/)?.[0]).toBeUndefined();
  });
});

describe('the transports', () => {
  /** graphql-js's functions that read a document: parsing, validating, choosing its operation, limiting it. */
  const DOCUMENT_WORK = /(?<![.\w])(parse|validate|getOperationAST|getComplexity)\(|\.(cost|spend|checkTrusted)\(/;
  /** Reads the checked-in examples of docs/queries for the IDE's tabs: no request's document. */
  const EXAMPLES = path.join(src, 'http', 'examples.ts');

  it.each(sourceFiles(path.join(src, 'http')).filter((file) => file !== EXAMPLES).map((file) => [relative(file), file]))(
    '%s neither parses, validates nor limits a GraphQL document (the gate in src/gate does, for every transport)',
    (_name, file) => {
      expect(code(file).match(DOCUMENT_WORK)?.[0]).toBeUndefined();
    },
  );
});
