import { fingerprint } from '../support/fingerprint';
import { bearer, Harness } from '../support/harness';

/**
 * A corpus of hostile requests. Each must get its contract code (or a clean answer), never a 5xx, and
 * the graph must be exactly as it was: same node and relationship counts, same ids.
 */

let server: Harness;
const tokens: Record<'reader' | 'editor', Record<string, string>> = { reader: {}, editor: {} };
beforeAll(async () => {
  server = await Harness.start({ production: true, limits: { maxDepth: 8, maxAliases: 20, maxCost: 20_000, maxTokens: 2_000, maxBodyBytes: 20 * 1024 } });
  tokens.reader = await bearer(['reader']);
  tokens.editor = await bearer(['editor']);
});
afterAll(() => server.stop());


const INJECTIONS = [
  "' OR 1=1 //",
  '") DETACH DELETE n //',
  "x'}) MATCH (n) DETACH DELETE n //",
  '`Role` {id: 1})<-[:X]-(',
  '$id',
  '\\u0027; CALL dbms.killQueries() //',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'a'.repeat(150),
];

type Case = { name: string; body: string; as?: 'reader' | 'editor'; headers?: Record<string, string>; status?: number; code: string | null };

const gql = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

const cases: Case[] = [];
for (const text of INJECTIONS) {
  const tag = JSON.stringify(text.slice(0, 20));
  cases.push(
    { name: `role(id: ${tag})`, body: gql('query($v: ID!) { role(id: $v) { id } }', { v: text }), code: 'BAD_USER_INPUT' },
    { name: `neighborhood(id: ${tag})`, body: gql('query($v: ID!) { neighborhood(id: $v) { nodes { id } } }', { v: text }), code: 'BAD_USER_INPUT' },
    { name: `search(text: ${tag})`, body: gql('query($v: String!) { search(text: $v) { node { id } } }', { v: text }), code: text.length > 200 ? 'BAD_USER_INPUT' : null },
    { name: `roles(nameContains: ${tag})`, body: gql('query($v: String) { roles(where: { nameContains: $v }) { totalCount } }', { v: text }), code: null },
    { name: `technologies(after: ${tag})`, body: gql('query($v: String) { technologies(after: $v) { totalCount } }', { v: text }), code: 'BAD_USER_INPUT' },
    {
      name: `editor upsertRole(id: ${tag})`,
      body: gql('mutation($v: ID) { upsertRole(input: { id: $v, name: "Hostile" }) { id } }', { v: text }),
      as: 'editor',
      code: 'BAD_USER_INPUT',
    },
    {
      name: `anonymous upsertRole(name: ${tag})`,
      body: gql('mutation($v: String!) { upsertRole(input: { name: $v }) { id } }', { v: text }),
      code: 'UNAUTHENTICATED',
    },
  );
}

const deep = (levels: number) => {
  let selection = '{ id }';
  for (let level = 0; level < levels; level += 1) selection = `{ id responsibilities { roles ${selection} } }`;
  return `{ role(id: "backend-developer") ${selection} }`;
};
const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
const claims = Buffer.from(JSON.stringify({ sub: 'mallory', roles: ['admin'], exp: 9_999_999_999 })).toString('base64url');

cases.push(
  { name: 'first: 0', body: gql('{ roles(first: 0) { totalCount } }'), code: 'BAD_USER_INPUT' },
  { name: 'first: 2^31-1', body: gql('{ technologies(first: 2147483647) { totalCount } }'), code: 'BAD_USER_INPUT' },
  { name: 'first: 2^31 (not an Int)', body: gql('{ technologies(first: 2147483648) { totalCount } }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'depth: -1', body: gql('{ neighborhood(id: "git", depth: -1) { nodes { id } } }'), code: 'BAD_USER_INPUT' },
  { name: 'limit: 10000', body: gql('{ neighborhood(id: "git", limit: 10000) { nodes { id } } }'), code: 'BAD_USER_INPUT' },
  { name: 'maxHops: 100', body: gql('{ path(from: "git", to: "java", maxHops: 100) { length } }'), code: 'BAD_USER_INPUT' },
  { name: 'amount: -5', body: gql('mutation { recordSalary(input: { roleId: "backend-developer", amount: -5, currency: "AUD", country: "AU", year: 2020, seniority: MID }) { id } }'), as: 'editor', code: 'BAD_USER_INPUT' },
  { name: 'year: 3000', body: gql('mutation { recordSalary(input: { roleId: "backend-developer", amount: 5, currency: "AUD", country: "AU", year: 3000, seniority: MID }) { id } }'), as: 'editor', code: 'BAD_USER_INPUT' },
  { name: 'malformed JSON', body: '{"query": "{ stats { nodes } }"', status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON that is not an object', body: '[1, 2, 3]', status: 400, code: 'BAD_REQUEST' },
  { name: 'no query', body: '{}', status: 400, code: 'BAD_REQUEST' },
  { name: 'oversized body', body: gql(`{ search(text: "${'x'.repeat(30_000)}") { score } }`), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'syntax error', body: gql('{ role(id: "x" { id }'), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'token flood', body: gql(`{ stats { ${'nodes '.repeat(3_000)} } }`), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'deep nesting', body: gql(deep(6)), status: 400, code: 'QUERY_TOO_COMPLEX' },
  { name: 'alias flood', body: gql(`{ ${Array.from({ length: 25 }, (_, i) => `a${i}: stats { nodes }`).join(' ')} }`), status: 400, code: 'QUERY_TOO_COMPLEX' },
  { name: 'costly page', body: gql('{ roles(first: 100) { edges { node { technologies { usedBy { technologies { id } } } } } } }'), status: 400, code: 'QUERY_TOO_COMPLEX' },
  { name: 'fragment cycle', body: gql('{ role(id: "backend-developer") { ...A } } fragment A on Role { collaboratesWith { role { ...B } } } fragment B on Role { ...A }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'unknown field', body: gql('{ role(id: "backend-developer") { password } }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'introspection of a missing type is data, not a crash', body: gql('{ __type(name: "Nope") { name } }'), code: null },
  { name: 'forged token', body: gql('{ stats { nodes } }'), headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJyb2xlcyI6WyJhZG1pbiJdfQ.c2lnbmF0dXJl' }, status: 401, code: 'UNAUTHENTICATED' },
  { name: 'alg none token', body: gql('mutation { deleteNode(id: "backend-developer") }'), headers: { authorization: `Bearer ${header}.${claims}.` }, status: 401, code: 'UNAUTHENTICATED' },
  { name: 'not a bearer token', body: gql('{ stats { nodes } }'), headers: { authorization: 'Basic bmVvNGo6bmVvNGo=' }, status: 401, code: 'UNAUTHENTICATED' },
  { name: 'reader deletes', body: gql('mutation { deleteNode(id: "backend-developer") }'), as: 'reader', code: 'FORBIDDEN' },
  { name: 'reader links', body: gql('mutation { link(input: { from: "backend-developer", to: "react", type: USES }) }'), as: 'reader', code: 'FORBIDDEN' },
  { name: 'anonymous unlinks', body: gql('mutation { unlink(input: { from: "backend-developer", to: "database", type: USES }) }'), code: 'UNAUTHENTICATED' },
  { name: 'editor links wrong labels', body: gql('mutation { link(input: { from: "statista", to: "backend-developer", type: EARNS }) }'), as: 'editor', code: 'BAD_USER_INPUT' },
  { name: 'editor links a missing node', body: gql('mutation { link(input: { from: "backend-developer", to: "no-such-thing", type: USES }) }'), as: 'editor', code: 'NOT_FOUND' },
  { name: 'editor upserts over another label', body: gql('mutation { upsertTechnology(input: { id: "backend-developer", name: "X", kind: TOOL }) { id } }'), as: 'editor', code: 'BAD_USER_INPUT' },
);

describe('hostile requests', () => {
  let before: Awaited<ReturnType<typeof fingerprint>>;
  beforeAll(async () => {
    before = await fingerprint(server.graph);
  });

  it('has at least 60 of them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, hostile) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...hostile.headers, ...(hostile.as ? tokens[hostile.as] : {}) },
      body: hostile.body,
    });
    expect(response.status).toBeLessThan(500);
    if (hostile.status) expect(response.status).toBe(hostile.status);
    const text = await response.text();
    const body = JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code ?? null).toBe(hostile.code);
    // Production answers never leak internals.
    expect(text).not.toMatch(/Neo4jError|MATCH \(|stacktrace|at \w+ \(/);
  });

  it('left the graph exactly as it was', async () => {
    expect(await fingerprint(server.graph)).toEqual(before);
  });
});
