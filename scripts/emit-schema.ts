import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../src/config';
import { schemaSdl } from '../src/schema-file';

const file = path.join(repoRoot, 'schema.graphql');
fs.writeFileSync(file, schemaSdl());
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
