import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { OperationTypeNode, parse } from 'graphql';
import { repoRoot } from '../config';

/** The example operations in docs/queries: the IDE opens them as tabs and a test runs every one. */
const EXAMPLES_DIR = path.join(repoRoot, 'docs', 'queries');

export interface ExampleOperation {
  file: string;
  /** The document's first line comment: what the example shows. */
  description: string;
  operation: OperationTypeNode;
  document: string;
}

export async function readExampleOperations(): Promise<ExampleOperation[]> {
  const files = (await readdir(EXAMPLES_DIR)).filter((file) => file.endsWith('.graphql')).sort();
  return Promise.all(
    files.map(async (file) => {
      const document = await readFile(path.join(EXAMPLES_DIR, file), 'utf8');
      const [definition] = parse(document).definitions;
      if (definition?.kind !== 'OperationDefinition') throw new Error(`${file} must start with an operation`);
      return { file, description: /^#\s*(.*)/.exec(document)?.[1] ?? '', operation: definition.operation, document };
    }),
  );
}
