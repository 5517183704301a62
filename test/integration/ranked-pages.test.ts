import { Harness } from '../support/harness';

/**
 * Pages ordered by a related count, as people rank things: technologies by how many roles work with them,
 * skills by how many roles require them; most first, then by name and id, across page boundaries.
 */

let server: Harness;
beforeAll(async () => {
  server = await Harness.start();
});
afterAll(async () => {
  await server.stop();
});

interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string; name: string } }[];
}

/** Every page of `field`, `size` at a time, following endCursor. */
async function everyPage(field: string, args: string, size: number): Promise<{ id: string; name: string }[]> {
  const nodes: { id: string; name: string }[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages += 1) {
    const data: Record<string, Page> = await server.data(
      `query($after: String) { page: ${field}(${args}, first: ${size}, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id name } } } }`,
      { after },
    );
    nodes.push(...data.page.edges.map((edge) => edge.node));
    if (!data.page.pageInfo.hasNextPage) return nodes;
    after = data.page.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

/** The order computed apart, in Cypher over the same graph: count descending, then name, then id. */
async function expectedOrder(countQuery: string): Promise<string[]> {
  const rows = await server.graph.read(`${countQuery} RETURN n.id AS id, n.name AS name, count AS count`);
  return rows
    .map((row) => ({ id: row.id as string, name: row.name as string, count: Number(row.count) }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : 1))
    .map((row) => row.id);
}

it('pages technologies most used first, without a gap or a repeat, three at a time', async () => {
  const expected = await expectedOrder(
    `MATCH (n:Technology) WITH n, COUNT { MATCH (r:Role)-[:USES]->(n) RETURN r UNION MATCH (r:Role)-[:HAS_RESPONSIBILITY]->()-[:INVOLVES]->(n) RETURN r } AS count`,
  );
  expect(expected.length).toBeGreaterThan(6);
  const paged = await everyPage('technologies', 'orderBy: USERS_DESC', 3);
  expect(paged.map((node) => node.id)).toEqual(expected);
});

it('pages skills most required first', async () => {
  const expected = await expectedOrder('MATCH (n:Skill) WITH n, COUNT { (:Role)-[:REQUIRES]->(n) } AS count');
  const paged = await everyPage('skillsConnection', 'orderBy: REQUIRED_BY_DESC', 2);
  expect(paged.map((node) => node.id)).toEqual(expected);
});

it('refuses a cursor of the other order, saying to start again', async () => {
  const { technologies } = await server.data('{ technologies(first: 1) { pageInfo { endCursor } } }');
  const response = await server.query('query($after: String) { technologies(orderBy: USERS_DESC, first: 1, after: $after) { totalCount } }', {
    after: technologies.pageInfo.endCursor,
  });
  expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  expect(response.errors?.[0].message).toContain('start again from the first page');
});
