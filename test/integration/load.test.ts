import autocannon from 'autocannon';
import { Harness } from '../support/harness';

/**
 * A bounded load smoke test on loopback: 50 concurrent clients for 20 s, a mix of read shapes, zero errors.
 * A request not answered within 30 s counts as an error (a timeout); speed itself is for `npm run bench`.
 */
const OPERATIONS = [
  '{ role(id: "backend-developer") { name salaries { amount currency seniority source { id } } } }',
  '{ roles(first: 5) { totalCount edges { node { id responsibilities { id technologies { id } } } } } }',
  '{ neighborhood(id: "backend-developer", depth: 2) { nodes { id label } edges { from to type } } }',
  '{ path(from: "react", to: "statista") { length nodes { id } } }',
  '{ search(text: "data") { score node { id name } } }',
  '{ salaryStats(groupBy: SENIORITY) { key currency avg } }',
];

jest.setTimeout(120_000);

it('serves 50 concurrent clients for 20 s without an error', async () => {
  const server = await Harness.start();
  let graphqlErrors = 0;
  try {
    const result = await autocannon({
      url: `${server.url}/graphql`,
      connections: 50,
      duration: Number(process.env.LOAD_TEST_SECONDS || 20),
      timeout: 30,
      requests: OPERATIONS.map((query) => ({
        method: 'POST' as const,
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
        onResponse: (status: number, body: string) => {
          if (status !== 200 || body.includes('"errors"')) graphqlErrors += 1;
        },
      })),
    });
    console.log(
      `load test: ${result.requests.total} requests in ${result.duration} s (${result.requests.average} req/s), ` +
        `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, GraphQL errors ${graphqlErrors}, ` +
        `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
    );
    expect(result.requests.total).toBeGreaterThan(100);
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(graphqlErrors).toBe(0);
  } finally {
    await server.stop();
  }
});
