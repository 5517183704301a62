import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../src/config';
import { readExampleOperations } from '../src/http/examples';
import { explorerDocuments, trustedDocumentsManifest } from '../src/http/trusted-documents';

/**
 * `npm run documents [-- FILE]`: writes the trusted-documents manifest (default docs/trusted-documents.json)
 * of the operations this project's own clients send: the IDE's examples (docs/queries) and the explorer's.
 * Serve it with TRUSTED_DOCUMENTS=docs/trusted-documents.json (and TRUSTED_DOCUMENTS_ONLY=true to allow no other).
 */
async function main(file = path.join(repoRoot, 'docs', 'trusted-documents.json')): Promise<void> {
  const documents = [...(await readExampleOperations()).map((example) => example.document), ...explorerDocuments()];
  fs.writeFileSync(file, trustedDocumentsManifest(documents));
  console.log(`Wrote ${documents.length} trusted documents to ${path.relative(process.cwd(), file)}`);
}

main(process.argv[2] && path.resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2])).catch((error: Error) => {
  console.error(`Cannot write the manifest: ${error.message}`);
  process.exit(1);
});
