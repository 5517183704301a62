import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { RequestHandler } from 'express';
import { repoRoot } from '../config';
import { ERROR_CODES, httpErrorBody } from '../errors';

/** A trusted-documents manifest: document id (the SHA-256 hex of the document) -> document. */
export type TrustedDocuments = Map<string, string>;

export function documentId(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}

/**
 * Reads a manifest in GraphQL Code Generator's client-preset format (`{ "<sha256 hex>": "<document>" }`).
 * Every id must be the hash of its document, so an id names one document only.
 */
export function readTrustedDocuments(file: string): TrustedDocuments {
  const manifest: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) throw new Error(`${file} must hold a JSON object of id -> document`);
  const documents: TrustedDocuments = new Map();
  for (const [id, document] of Object.entries(manifest)) {
    if (typeof document !== 'string' || documentId(document) !== id) {
      throw new Error(`${file}: "${id.slice(0, 80)}" is not the SHA-256 hex of its document`);
    }
    documents.set(id, document);
  }
  return documents;
}

/** The operation a request names by id: `documentId` (the client preset's), or an APQ hash without a query. */
export function requestedId(fields: Record<string, unknown>): string | undefined {
  if (typeof fields.documentId === 'string') return fields.documentId;
  if (fields.query) return undefined;
  let extensions = fields.extensions;
  if (typeof extensions === 'string') {
    try {
      extensions = JSON.parse(extensions);
    } catch {
      return undefined; // Apollo answers the malformed parameter
    }
  }
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

/**
 * Puts the listed document in place of its id, in a POST body or a GET query string, before Apollo reads
 * the request. An unknown `documentId` is refused; an unknown APQ hash is left to Apollo's APQ cache.
 */
export function resolveDocumentIds(documents: TrustedDocuments): RequestHandler {
  return (request, response, next) => {
    const fields = (request.method === 'GET' ? request.query : request.body) as Record<string, unknown> | undefined;
    const id = fields && requestedId(fields);
    if (!id) return next();
    const document = documents.get(id);
    if (document) {
      if (request.method === 'GET') {
        // Apollo reads a GET's parameters from the URL itself.
        const url = new URL(request.url, 'http://localhost');
        url.searchParams.delete('documentId');
        url.searchParams.set('query', document);
        request.url = `${url.pathname}${url.search}`;
      } else {
        fields.query = document;
        delete fields.documentId;
      }
      return next();
    }
    if (typeof fields.documentId === 'string') {
      response.status(400).json(httpErrorBody(ERROR_CODES.PERSISTED_QUERY_NOT_FOUND, `No trusted document has the id "${id.slice(0, 80)}".`));
      return;
    }
    next();
  };
}

/** With TRUSTED_DOCUMENTS_ONLY: asks clients, on every answer, to send document ids rather than documents (the explorer does). */
export const askForDocumentIds: RequestHandler = (_request, response, next) => {
  response.set('X-Trusted-Documents', 'required');
  next();
};

/** The manifest's text for these documents: sorted by id, so that it diffs well. */
export function trustedDocumentsManifest(documents: string[]): string {
  const entries = documents.map((document) => [documentId(document), document] as const).sort(([a], [b]) => a.localeCompare(b));
  return `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`;
}

/** The operations the explorer sends: its `const NAME = \`query …\`` constants (and mutations and subscriptions). */
export function explorerDocuments(): string[] {
  const source = fs.readFileSync(path.join(repoRoot, 'src', 'http', 'explorer', 'explorer.js'), 'utf8');
  return [...source.matchAll(/^const [A-Z_]+ = `((?:query|mutation|subscription) [^`]*)`;$/gm)].map((match) => match[1]);
}
