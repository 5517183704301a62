import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config';
import { MODEL } from '../../src/model/model';
import { schemaCypherFiles } from '../../src/model/schema-cypher';

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : /\.(ts|js)$/.test(entry.name) ? [file] : [];
  });

describe('the model', () => {
  it('is what cypher/schema says: the checked-in files are those `npm run schema` writes', () => {
    for (const [name, text] of Object.entries(schemaCypherFiles())) {
      expect(`${name}:\n${fs.readFileSync(path.join(repoRoot, 'cypher', 'schema', name), 'utf8')}`).toBe(`${name}:\n${text}`);
    }
  });

  it('names each relationship type in at most two files of src/: the model and one user', () => {
    const files = sourceFiles(path.join(repoRoot, 'src')).map((file) => ({ file: path.relative(repoRoot, file), text: fs.readFileSync(file, 'utf8') }));
    expect(MODEL.relationships.length).toBeGreaterThan(5);
    const naming = (type: string) => files.filter(({ text }) => new RegExp(`\\b${type}\\b`).test(text)).map(({ file }) => file);
    const overNamed = MODEL.relationships.map(({ type }) => ({ type, files: naming(type) })).filter(({ files }) => files.length > 2);
    expect(overNamed).toEqual([]);
  });

  it('hard-codes no count of labels', () => {
    const count = String(MODEL.nodeTypes.length);
    const offenders = sourceFiles(path.join(repoRoot, 'src')).filter((file) => new RegExp(`ArrayMaxSize\\(${count}\\)|Bounded\\(${count}\\)`).test(fs.readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
