import { GraphQLResponse, Harness } from '../support/harness';

/** The connections of relationships: a page of related nodes in (name, id) order, with edge properties, in one query. */
let server: Harness;
beforeAll(async () => {
  server = await Harness.start({ debugExtensions: true });
});
afterAll(() => server.stop());

interface Page<Edge> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Edge[];
}

/** Every page of a role's technologies, `first` at a time, each answered in one round trip. */
type TechnologyEdge = { cursor: string; share: number | null; node: { id: string; name: string } };

async function everyTechnologyPage(roleId: string, first: number): Promise<Page<TechnologyEdge>[]> {
  const pages: Page<TechnologyEdge>[] = [];
  let after: string | null = null;
  do {
    const response: GraphQLResponse = await server.query(
      `query($id: ID!, $first: Int, $after: String) { role(id: $id) { technologiesConnection(first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor share node { id name } } } } }`,
      { id: roleId, first, after },
    );
    expect(response.errors).toBeUndefined();
    expect(response.extensions?.roundTrips).toBe(1);
    const page: Page<TechnologyEdge> = response.data!.role.technologiesConnection;
    pages.push(page);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return pages;
}

describe('Role.technologiesConnection', () => {
  it('pages through the same technologies as `technologies`, in name order, without a gap or a repeat', async () => {
    const { role } = await server.data('{ role(id: "backend-developer") { technologies { id name } } }');
    const pages = await everyTechnologyPage('backend-developer', 3);
    const paged = pages.flatMap((page) => page.edges.map((edge) => edge.node));
    expect(paged).toEqual(role.technologies);
    expect(pages.length).toBe(Math.ceil(role.technologies.length / 3));
    expect(new Set(pages.map((page) => page.totalCount))).toEqual(new Set([role.technologies.length]));
    // A page's end cursor is its last edge's.
    for (const page of pages) expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
  });

  it("carries what the datasets say of a direct use on the edge, as technologyUsage does", async () => {
    const { role } = await server.data(`{ role(id: "backend-developer") {
      technologyUsage { share technology { id } }
      technologiesConnection(first: 100) { edges { share node { id } } } } }`);
    const direct = new Map(role.technologyUsage.map((use: { share: number | null; technology: { id: string } }) => [use.technology.id, use.share]));
    for (const edge of role.technologiesConnection.edges) expect(edge.share).toBe(direct.get(edge.node.id) ?? null);
  });

  it('filters by kind, and refuses a cursor it did not hand out', async () => {
    const { role } = await server.data('{ role(id: "backend-developer") { servers: technologiesConnection(kind: SERVER) { totalCount edges { node { kind } } } } }');
    expect(role.servers.totalCount).toBeGreaterThan(0);
    expect(role.servers.edges.every((edge: { node: { kind: string } }) => edge.node.kind === 'SERVER')).toBe(true);
    const bad = await server.query('{ role(id: "backend-developer") { technologiesConnection(after: "k99:x") { totalCount } } }');
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('a connection asked for its __typename', () => {
  it('names its types at every level', async () => {
    const { role } = await server.data(`{ role(id: "backend-developer") { technologiesConnection(first: 1) {
      __typename pageInfo { __typename hasNextPage endCursor } edges { __typename cursor node { __typename id } } } } }`);
    const connection = role.technologiesConnection;
    expect(connection.__typename).toBe('RoleTechnologiesConnection');
    expect(connection.pageInfo).toEqual({ __typename: 'PageInfo', hasNextPage: true, endCursor: connection.edges[0].cursor });
    expect(connection.edges[0]).toMatchObject({ __typename: 'RoleTechnologiesEdge', node: { __typename: 'Technology' } });
  });
});

describe('Technology.usedByConnection and Skill.requiredByConnection', () => {
  it('page the roles of a technology and of a skill, a skill’s edges with the level each role needs, in one query', async () => {
    const response: GraphQLResponse = await server.query(`{
      t: node(id: "react") { ... on Technology { usedBy { id } usedByConnection(first: 1) { totalCount pageInfo { hasNextPage } edges { node { id } } } } }
      s: node(id: "database-knowledge") { ... on Skill { requiredByConnection { edges { level node { id } } } } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.extensions?.roundTrips).toBe(2);
    const { t, s } = response.data!;
    expect(t.usedByConnection.totalCount).toBe(t.usedBy.length);
    expect(t.usedByConnection.edges).toEqual([{ node: t.usedBy[0] }]);
    expect(t.usedByConnection.pageInfo.hasNextPage).toBe(t.usedBy.length > 1);
    expect(s.requiredByConnection.edges).toEqual([{ level: 'excellent', node: { id: 'backend-developer' } }]);
  });

  it('cost their page, not their bound', async () => {
    const response: GraphQLResponse = await server.query('{ node(id: "react") { ... on Technology { usedByConnection(first: 5) { edges { node { id } } } } } }');
    // node (1) + usedByConnection (1 + 5 x (edges (1) + node (1 + id)))
    expect(response.extensions?.cost.requestedQueryCost).toBe(1 + 1 + 5 * (1 + 1 + 1));
  });
});

describe('every relationship connection', () => {
  /** [type, id of a seed node of it, list field, its connection, how a list item names its node]. */
  const cases: [string, string, string, string, string][] = [
    ['Role', 'backend-developer', 'responsibilities', 'responsibilitiesConnection', '{ id }'],
    ['Role', 'backend-developer', 'skills', 'skillsConnection', '{ skill { id } }'],
    ['Role', 'backend-developer', 'technologies', 'technologiesConnection', '{ id }'],
    ['Role', 'backend-developer', 'collaboratesWith', 'collaboratesWithConnection', '{ role { id } }'],
    ['Role', 'backend-developer', 'teams', 'teamsConnection', '{ id }'],
    ['Technology', 'database', 'usedBy', 'usedByConnection', '{ id }'],
    ['Technology', 'database', 'responsibilities', 'responsibilitiesConnection', '{ id }'],
    ['Skill', 'database-knowledge', 'requiredBy', 'requiredByConnection', '{ id }'],
    ['Responsibility', 'business-logic', 'roles', 'rolesConnection', '{ id }'],
    ['Responsibility', 'business-logic', 'technologies', 'technologiesConnection', '{ id }'],
  ];

  it.each(cases)('%s(%s).%s is paged by %s: the same nodes in the same order, two at a time', async (type, id, list, connection, item) => {
    const listed = await server.data(`{ node(id: "${id}") { ... on ${type} { ${list} ${item} } } }`);
    const ids = (listed.node[list] as Record<string, { id: string } | string>[]).map((entry) => (typeof entry.id === 'string' ? entry.id : (Object.values(entry)[0] as { id: string }).id));
    expect(ids.length).toBeGreaterThan(0);
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const response: GraphQLResponse = await server.query(
        `query($after: String) { node(id: "${id}") { ... on ${type} { ${connection}(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } } }`,
        { after },
      );
      expect(response.errors).toBeUndefined();
      const page: Page<{ node: { id: string } }> = response.data!.node[connection];
      expect(page.totalCount).toBe(ids.length);
      paged.push(...page.edges.map((edge) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(ids);
  });

  it('answers a team’s members a page at a time', async () => {
    const { teamsConnection } = await server.data('{ teamsConnection(first: 1) { edges { node { roles { id } rolesConnection(first: 100) { totalCount edges { node { id } } } } } } }');
    const [{ node: team }] = teamsConnection.edges;
    expect(team.rolesConnection.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(team.roles.map((role: { id: string }) => role.id));
    expect(team.rolesConnection.totalCount).toBe(team.roles.length);
  });
});

