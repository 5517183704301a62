import http from 'node:http';
import { AddressInfo } from 'node:net';
import { testConnection } from '../support/env';
import { bearer, TEST_JWT_SECRET } from '../support/harness';
import { freePort, runBuiltServer, ServerProcess, waitFor } from '../support/processes';

/**
 * Tracing as a deployment has it: the built server with OTEL_EXPORTER_OTLP_ENDPOINT set exports over OTLP/HTTP
 * (JSON) to a collector, here a real receiver on loopback that keeps what it is sent.
 */

interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number; arrayValue?: { values: { stringValue?: string }[] } };
}
interface OtlpSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: OtlpAttribute[];
}

const received: { resourceSpans: { resource: { attributes: OtlpAttribute[] }; scopeSpans: { spans: OtlpSpan[] }[] }[] }[] = [];
const collector = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    if (request.url === '/v1/traces') received.push(JSON.parse(body));
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((candidate) => candidate.key === key)?.value;
  if (!value) return undefined;
  if (value.arrayValue) return value.arrayValue.values.map((item) => item.stringValue);
  return value.stringValue ?? (value.intValue === undefined ? undefined : Number(value.intValue));
};

let server: ServerProcess;
let url: string;

async function data(query: string, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data: unknown; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

beforeAll(async () => {
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const port = await freePort();
  const { uri, password } = testConnection();
  url = `http://127.0.0.1:${port}`;
  server = runBuiltServer({
    NEO4J_URI: uri,
    NEO4J_PASSWORD: password,
    PORT: String(port),
    JWT_SECRET: TEST_JWT_SECRET,
    SEED_ON_START: 'false',
    LOG_FORMAT: 'json',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
    OTEL_SERVICE_NAME: 'kg-tracing-test',
  });
  await waitFor(() => server.output().includes('GraphQL API on'), 30_000, 'the server');
});

afterAll(async () => {
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await new Promise((resolve) => collector.close(resolve));
});

it('exports a span per operation (name, cost, path, round trips, root fields) with a child span per Cypher round trip', async () => {
  await data('query RolePage { role(id: "backend-developer") { id name technologiesConnection(first: 3) { edges { node { id } } } } }');
  await data('mutation Upsert { upsertTechnology(input: { name: "Tracing Probe", kind: TOOL }) { id } }', await bearer(['editor']));
  await data('mutation Remove { deleteNode(id: "tracing-probe") }', await bearer(['editor']));
  server.child.kill('SIGTERM'); // the shutdown sends what is still batched
  expect(await server.exited).toBe(0);

  const resource = received.flatMap((body) => body.resourceSpans);
  expect(resource[0].resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'kg-tracing-test' } });
  const spans = resource.flatMap((entry) => entry.scopeSpans.flatMap((scope) => scope.spans));

  const page = spans.find((span) => span.name === 'graphql.operation' && attribute(span, 'graphql.operation.name') === 'RolePage')!;
  expect(page).toBeDefined();
  expect(attribute(page, 'graphql.operation.type')).toBe('query');
  expect(attribute(page, 'kg.execution_path')).toBe('fast');
  expect(attribute(page, 'kg.round_trips')).toBe(1);
  expect(attribute(page, 'kg.cost')).toBeGreaterThan(1);
  expect(attribute(page, 'kg.root_fields')).toEqual(['role']);
  const reads = spans.filter((span) => span.parentSpanId === page.spanId);
  expect(reads).toHaveLength(1);
  expect(reads[0]).toMatchObject({ name: 'neo4j.read', traceId: page.traceId });
  expect(attribute(reads[0], 'db.query.text')).toMatch(/MATCH/);
  expect(attribute(reads[0], 'db.query.text')).not.toContain('backend-developer'); // values travel as parameters

  const upsert = spans.find((span) => span.name === 'graphql.operation' && attribute(span, 'graphql.operation.name') === 'Upsert')!;
  expect(attribute(upsert, 'kg.execution_path')).toBe('standard');
  expect(spans.filter((span) => span.parentSpanId === upsert.spanId).map((span) => span.name)).toContain('neo4j.write');
});
