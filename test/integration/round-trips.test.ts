import { Harness } from '../support/harness';

/** Every shape a front-end asks for costs exactly one Cypher query, however deep. */
let server: Harness;
beforeAll(async () => {
  // Some shapes nest lists that are big on real data (usedBy) in lists: costed at their bounds they are over
  // the default cost limit, which limits.test.ts tests. Here only the round trips count.
  server = await Harness.start({ debugExtensions: true, limits: { maxCost: 1e10, costPerWindow: 1e15 } });
});
afterAll(() => server.stop());

it.each([
  [
    'a roles page with nested responsibilities, technologies, usedBy and salaries',
    `{ roles(first: 20) { totalCount pageInfo { endCursor } edges { node { id
        responsibilities { id technologies { id kind usedBy { id name } } }
        salaries { amount currency source { id } } } } } }`,
  ],
  [
    'a depth-4 role',
    `{ role(id: "backend-developer") { name responsibilities { name technologies { name usedBy { name skills { skill { name } } } } } } }`,
  ],
  ['a node through fragments', `{ node(id: "backend-developer") { id ... on Role { teams { roles { collaboratesWith { role { id } } } } } } }`],
  ['a neighborhood', `{ neighborhood(id: "backend-developer", depth: 2) { nodes { id label name } edges { from to type } } }`],
  ['a path', `{ path(from: "react", to: "statista") { length nodes { id } edges { type } } }`],
  ['salary stats', `{ salaryStats(groupBy: COUNTRY) { key currency count avg } }`],
  ['search with its nodes', `{ search(text: "database") { score node { id ... on Technology { usedBy { id } } ... on Role { salaries { amount } } } } }`],
  ['a technologies page after a cursor', `{ technologies(first: 3, after: "${Buffer.from('["m","M","m"]').toString('base64url')}") { edges { node { id usedBy { id } } } } }`],
])('%s: one round trip', async (_shape, query) => {
  const response = await server.query(query);
  expect(response.errors).toBeUndefined();
  expect(response.extensions?.roundTrips).toBe(1);
});

it('counts one query per root field', async () => {
  const response = await server.query('{ a: role(id: "backend-developer") { id } b: role(id: "frontend-developer") { id } }');
  expect(response.extensions?.roundTrips).toBe(2);
});
