import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readConfig, repoRoot } from '../../src/config';
import { readExampleOperations } from '../../src/http/examples';
import { documentId, explorerDocuments, readTrustedDocuments, trustedDocumentsManifest } from '../../src/http/trusted-documents';
import { fingerprint } from '../support/fingerprint';
import { bearer, Harness } from '../support/harness';

/** Trusted documents: a manifest of the operations clients may send, by id, and nothing else when asked. */
const MANIFEST = path.join(repoRoot, 'docs', 'trusted-documents.json');
const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
const [statsId] = Object.entries(manifest).find(([, document]) => document.includes('query Stats'))!;
const UNLISTED = '{ role(id: "backend-developer") { id } }';

async function post(server: Harness, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, ...((await response.json()) as { data?: Record<string, unknown>; errors?: { extensions: { code: string } }[] }) };
}

it('docs/trusted-documents.json is what npm run documents writes (the IDE examples and the explorer)', async () => {
  const documents = [...(await readExampleOperations()).map((example) => example.document), ...explorerDocuments()];
  expect(explorerDocuments()).toHaveLength(6);
  expect(fs.readFileSync(MANIFEST, 'utf8')).toBe(trustedDocumentsManifest(documents));
});

describe('with TRUSTED_DOCUMENTS', () => {
  let server: Harness;
  beforeAll(async () => {
    server = await Harness.start({ trustedDocuments: MANIFEST });
  });
  afterAll(() => server.stop());

  it('runs a listed document by its id, over POST and GET', async () => {
    expect((await post(server, { documentId: statsId })).data).toEqual({ stats: expect.objectContaining({ nodes: expect.any(Number) }) });
    const response = await fetch(`${server.url}/graphql?documentId=${statsId}`, { headers: { accept: 'application/json' } });
    expect(((await response.json()) as { data: unknown }).data).toEqual({ stats: expect.objectContaining({ nodes: expect.any(Number) }) });
  });

  it('runs a listed document by its APQ hash, without registering it first', async () => {
    const answer = await post(server, { extensions: { persistedQuery: { version: 1, sha256Hash: statsId } } });
    expect(answer.data).toEqual({ stats: expect.objectContaining({ nodes: expect.any(Number) }) });
  });

  it('refuses an unknown id with PERSISTED_QUERY_NOT_FOUND', async () => {
    const answer = await post(server, { documentId: 'f'.repeat(64) });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('still runs other documents', async () => {
    expect((await post(server, { query: UNLISTED })).data).toEqual({ role: { id: 'backend-developer' } });
  });
});

describe('with TRUSTED_DOCUMENTS_ONLY', () => {
  let server: Harness;
  beforeAll(async () => {
    server = await Harness.start({ trustedDocuments: MANIFEST, trustedDocumentsOnly: true });
  });
  afterAll(() => server.stop());

  it('runs listed documents, by id or by their text (the IDE examples and the explorer keep working)', async () => {
    expect((await post(server, { documentId: statsId })).errors).toBeUndefined();
    const [explorerSearch] = explorerDocuments().filter((document) => document.startsWith('query Search'));
    expect((await post(server, { query: explorerSearch, variables: { text: 'back' } })).errors).toBeUndefined();
  });

  it('refuses any other document with PERSISTED_QUERY_NOT_IN_LIST, and changes nothing', async () => {
    const before = await fingerprint(server.graph);
    expect(await post(server, { query: UNLISTED })).toEqual(
      expect.objectContaining({ status: 400, errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_IN_LIST' }) })] }),
    );
    const editor = await bearer(['editor']);
    const mutation = await post(server, { query: 'mutation { upsertSkill(input: { name: "Not Listed" }) { id } }' }, editor);
    expect(mutation.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    expect(await fingerprint(server.graph)).toEqual(before);
  });

  it('lets an admin run any document, so the IDE still works for admins', async () => {
    expect((await post(server, { query: UNLISTED }, await bearer(['admin']))).data).toEqual({ role: { id: 'backend-developer' } });
  });
});

describe('the settings', () => {
  it('refuse TRUSTED_DOCUMENTS_ONLY without a manifest, and a manifest that does not exist', () => {
    expect(() => readConfig({ TRUSTED_DOCUMENTS_ONLY: 'true' })).toThrow(/^TRUSTED_DOCUMENTS_ONLY needs TRUSTED_DOCUMENTS/);
    expect(() => readConfig({ TRUSTED_DOCUMENTS: '/nowhere/documents.json' })).toThrow(/^TRUSTED_DOCUMENTS names \/nowhere\/documents\.json, which does not exist/);
  });

  it('refuse a manifest whose id is not the hash of its document', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kg-docs-')), 'documents.json');
    fs.writeFileSync(file, JSON.stringify({ [documentId('{ stats { nodes } }')]: '{ stats { relationships } }' }));
    expect(() => readTrustedDocuments(file)).toThrow(/is not the SHA-256 hex of its document/);
  });
});
