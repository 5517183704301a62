import { printSchema } from 'graphql';
import { modelRules } from './model/model-rules';
import { buildGraphSchema, TYPE_SPECS } from './schema';

/** The SDL committed as schema.graphql: emitted from the code, never edited by hand (`npm run schema`). */
export function schemaSdl(): string {
  return `# Emitted from the code by \`npm run schema\`; do not edit by hand.\n\n${printSchema(buildGraphSchema())}\n`;
}

/** cypher/schema/model-rules.json: the model's invariants, which the database's model guard and `npm run graph:check` read. */
export function modelRulesJson(): string {
  return `${JSON.stringify(modelRules(buildGraphSchema(), TYPE_SPECS), null, 2)}\n`;
}
