import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../src/config';
import { schemaCypherFiles } from '../src/model/schema-cypher';
import { MODEL_RULES_FILE } from '../src/model/model-rules';
import { modelRulesJson, schemaSdl } from '../src/schema-file';

/** `npm run schema`: writes what derives from the code and the model: schema.graphql and cypher/schema. */
const files: Record<string, string> = { 'schema.graphql': schemaSdl(), [MODEL_RULES_FILE]: modelRulesJson() };
for (const [name, text] of Object.entries(schemaCypherFiles())) files[path.join('cypher', 'schema', name)] = text;
for (const [name, text] of Object.entries(files)) {
  fs.writeFileSync(path.join(repoRoot, name), text);
  console.log(`Wrote ${name}`);
}
