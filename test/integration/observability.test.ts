import { Writable } from 'node:stream';
import { createLogger } from '../../src/http/observability';
import { bearer, Harness } from '../support/harness';

let server: Harness;
const lines: Record<string, any>[] = [];
beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  server = await Harness.start({ logger: createLogger('info', sink) });
});
afterAll(() => server.stop());

it('logs each operation as JSON with request id, name, duration, round trips and outcome, and no token', async () => {
  const headers = await bearer(['reader']);
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-1', ...headers },
    body: JSON.stringify({ query: 'query BackendName { role(id: "backend-developer") { name } }' }),
  });
  expect(response.headers.get('x-request-id')).toBe('trace-me-1');
  expect(response.headers.get('etag')).toBeNull();
  await response.json();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const operation = lines.find((line) => line.msg === 'graphql operation' && line.operation === 'BackendName');
  expect(operation).toMatchObject({ reqId: 'trace-me-1', roundTrips: 1, outcome: 'ok', durationMs: expect.any(Number) });
  const access = lines.find((line) => line.msg === 'request completed' && line.reqId === 'trace-me-1');
  expect(access).toMatchObject({ req: { method: 'POST', url: '/graphql' }, res: { statusCode: 200 } });
  expect(JSON.stringify(lines)).not.toContain(headers.authorization.slice(7));
});

it('serves Prometheus metrics of HTTP, operations and Neo4j queries', async () => {
  await server.query('query Broken { role(id: "NOT VALID") { id } }');
  const response = await fetch(`${server.url}/metrics`);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200"\} \d+/);
  expect(text).toMatch(/graphql_operation_duration_seconds_count\{operation="BackendName",outcome="ok"\} 1/);
  expect(text).toMatch(/graphql_errors_total\{code="BAD_USER_INPUT"\} 1/);
  expect(text).toMatch(/neo4j_query_duration_seconds_count\{routing="READ",outcome="ok"\} \d+/);
  expect(text).toContain('neo4j_queries_in_flight 0');
  // Heap use, which the heap cap and the result budget are chosen against (README: Result budget and memory).
  expect(text).toMatch(/^nodejs_heap_size_used_bytes \d+/m);
  expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
});

it('counts compiled-plan cache hits and misses and the path that answered each operation', async () => {
  const before = await (await fetch(`${server.url}/metrics`)).text();
  const count = (text: string, pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);
  const hits = /graphql_compiled_operations_total\{cache="hit"\} (\d+)/;
  const misses = /graphql_compiled_operations_total\{cache="miss"\} (\d+)/;
  const fast = /graphql_execution_path_total\{path="fast"\} (\d+)/;
  const standard = /graphql_execution_path_total\{path="standard"\} (\d+)/;
  const query = 'query PlanMe($id: ID!) { role(id: $id) { name } }';
  for (const id of ['backend-developer', 'frontend-developer', 'full-stack-developer']) await server.data(query, { id });
  await server.data('{ __schema { queryType { name } } }');
  const after = await (await fetch(`${server.url}/metrics`)).text();
  // One miss for the role query, one for introspection (remembered as not for the fast path).
  expect(count(after, misses) - count(before, misses)).toBe(2);
  expect(count(after, hits) - count(before, hits)).toBe(2);
  expect(count(after, fast) - count(before, fast)).toBe(3);
  expect(count(after, standard) - count(before, standard)).toBe(1);
});

it('answers liveness and readiness', async () => {
  expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
  const ready = await fetch(`${server.url}/health/ready`);
  expect(ready.status).toBe(200);
});

it('logs health probes and metrics scrapes at debug, not info', async () => {
  for (const [path, id] of [['/health/ready', 'probe-1'], ['/health/live', 'probe-2'], ['/metrics', 'scrape-1']]) {
    await (await fetch(`${server.url}${path}`, { headers: { 'x-request-id': id } })).text();
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  const quiet = lines.filter((line) => ['probe-1', 'probe-2', 'scrape-1'].includes(line.reqId) && line.level >= 30);
  expect(quiet).toEqual([]);
});
