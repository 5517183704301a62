import { printSchema } from 'graphql';
import { buildGraphSchema } from './schema';

/** The SDL committed as schema.graphql: emitted from the code, never edited by hand (`npm run schema`). */
export function schemaSdl(): string {
  return `# Emitted from the code by \`npm run schema\`; do not edit by hand.\n\n${printSchema(buildGraphSchema())}\n`;
}
