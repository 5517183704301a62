import { Harness } from '../support/harness';

let server: Harness;
beforeAll(async () => {
  // These tests follow every relation nested in every other on the small seed graph, where the answers
  // are small; costed at their bounds (as they must be on real data) such documents are over the default
  // cost limit, which limits.test.ts and real-size.test.ts test.
  server = await Harness.start({ limits: { maxCost: 10_000_000 } });
});
afterAll(() => server.stop());

describe('role', () => {
  it('returns both Statista salary figures of the backend developer', async () => {
    const { role } = await server.data(`{
      role(id: "backend-developer") { name salaries { amount currency seniority source { id } } }
    }`);
    expect(role.name).toBe('Backend Developer');
    const bySeniority = Object.fromEntries(role.salaries.map((salary: any) => [salary.seniority, salary]));
    expect(bySeniority.SENIOR).toEqual({ amount: 95000, currency: 'AUD', seniority: 'SENIOR', source: { id: 'statista' } });
    expect(bySeniority.JUNIOR).toEqual({ amount: 55000, currency: 'AUD', seniority: 'JUNIOR', source: { id: 'statista' } });
  });

  it('answers every field of Role, nested through every relation', async () => {
    const { role } = await server.data(`{
      role(id: "backend-developer") {
        id name summary
        responsibilities { id name description roles { id } technologies { id kind } sources { id } }
        skills { level skill { id name category requiredBy { id } } }
        technologies { id name kind description usedBy { id } responsibilities { id } }
        servers: technologies(kind: SERVER) { id kind }
        collaboratesWith { reason role { id } }
        salaries(where: { seniority: SENIOR }) { id name amount currency country year seniority period role { id } source { id name publisher url year } }
        teams { id name roles { id } }
        sources { id name }
      }
    }`);
    expect(role.id).toBe('backend-developer');
    expect(role.summary).toEqual(expect.any(String));
    expect(role.responsibilities.map((r: any) => r.id)).toEqual(
      expect.arrayContaining([
        'business-logic',
        'interface-integration',
        'requirements-and-code',
        'servers-databases-and-applications',
        'constant-updates',
        'database-information-management',
      ]),
    );
    for (const responsibility of role.responsibilities) {
      expect(responsibility.roles).toContainEqual({ id: 'backend-developer' });
      expect(responsibility.sources.length).toBeGreaterThan(0);
    }
    expect(role.skills.map((s: any) => s.skill.id)).toEqual(
      expect.arrayContaining(['programming-language-fluency', 'database-knowledge', 'web-architecture']),
    );
    expect(role.skills.find((s: any) => s.skill.id === 'database-knowledge').level).toBe('excellent');
    // Directly used and involved through a responsibility, each once.
    const technologyIds = role.technologies.map((t: any) => t.id);
    expect(new Set(technologyIds).size).toBe(technologyIds.length);
    expect(technologyIds).toEqual(expect.arrayContaining(['database', 'web-server', 'web-browser', 'programming-language', 'nginx']));
    expect(role.servers.length).toBeGreaterThan(0);
    expect(role.servers.every((t: any) => t.kind === 'SERVER')).toBe(true);
    expect(role.collaboratesWith).toContainEqual({ role: { id: 'frontend-developer' }, reason: expect.any(String) });
    expect(role.salaries).toHaveLength(1);
    expect(role.salaries[0]).toMatchObject({ amount: 95000, country: 'AU', year: 2019, period: 'YEAR', role: { id: 'backend-developer' } });
    expect(role.teams).toEqual([{ id: 'web-development-team', name: 'Web development team', roles: expect.any(Array) }]);
    expect(role.teams[0].roles).toHaveLength(3);
    expect(role.sources.map((s: any) => s.id).sort()).toEqual(['forbes', 'seed-article', 'statista']);
  });

  it('sees collaboration from both ends', async () => {
    const { role } = await server.data(`{ role(id: "frontend-developer") { collaboratesWith { role { id } } } }`);
    expect(role.collaboratesWith).toEqual([{ role: { id: 'backend-developer' } }]);
  });

  it('returns null, not an error, for an id that does not exist', async () => {
    const response = await server.query(`{ role(id: "astronaut") { id } node(id: "nothing-here") { id } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ role: null, node: null });
  });

  it('keeps aliases of the same field apart', async () => {
    const { role } = await server.data(`{
      role(id: "backend-developer") { a: name b: id databases: technologies(kind: DATABASE) { id } languages: technologies(kind: LANGUAGE) { name: id } }
    }`);
    expect(role.a).toBe('Backend Developer');
    expect(role.b).toBe('backend-developer');
    expect(role.databases.map((t: any) => t.id)).toContain('postgresql');
    expect(role.languages.map((t: any) => t.name)).toContain('programming-language');
    expect(role.languages.map((t: any) => t.name)).not.toContain('postgresql');
  });
});

describe('node', () => {
  it('resolves the concrete type and its fragment fields', async () => {
    const { salary, source } = await server.data(`{
      salary: node(id: "senior-backend-developer-australia-2019") { __typename id name ... on Salary { amount role { name } } }
      source: node(id: "statista") { __typename ...S }
    }
    fragment S on Source { publisher url }`);
    expect(salary).toEqual({
      __typename: 'Salary',
      id: 'senior-backend-developer-australia-2019',
      name: 'Senior Backend Developer, Australia 2019',
      amount: 95000,
      role: { name: 'Backend Developer' },
    });
    expect(source).toEqual({ __typename: 'Source', publisher: 'Statista', url: 'https://www.statista.com' });
  });
});

describe('lists', () => {
  it('lists responsibilities, skills, teams and sources with their relations', async () => {
    const data = await server.data(`{
      responsibilities { id roles { id } }
      skills { id name category requiredBy { id } }
      teams { id roles { id name } }
      sources { id name publisher url year }
    }`);
    expect(data.responsibilities.length).toBeGreaterThanOrEqual(6);
    expect(data.skills.find((s: any) => s.id === 'web-architecture').requiredBy).toEqual([{ id: 'backend-developer' }]);
    expect(data.teams[0].roles.map((r: any) => r.id).sort()).toEqual(['backend-developer', 'frontend-developer', 'full-stack-developer']);
    expect(data.sources.map((s: any) => s.id).sort()).toEqual(['forbes', 'seed-article', 'statista']);
    const names = data.skills.map((s: any) => s.name);
    expect(names).toEqual([...names].sort());
  });

  it('filters roles by technology, skill, team and name', async () => {
    const ids = async (where: string) =>
      (await server.data(`{ roles(where: ${where}) { totalCount edges { node { id } } } }`)).roles.edges.map((e: any) => e.node.id);
    expect(await ids('{ usesTechnology: "react" }')).toEqual(['frontend-developer', 'full-stack-developer']);
    // Through a responsibility only: nginx is involved in one of the backend's responsibilities.
    expect(await ids('{ usesTechnology: "nginx" }')).toEqual(['backend-developer']);
    expect(await ids('{ requiresSkill: "frontend-development" }')).toEqual(['frontend-developer', 'full-stack-developer']);
    expect(await ids('{ inTeam: "web-development-team", nameContains: "END" }')).toEqual(['backend-developer', 'frontend-developer']);
  });

  it('orders roles by name descending', async () => {
    const { roles } = await server.data(`{ roles(orderBy: NAME_DESC) { edges { node { name } } } }`);
    expect(roles.edges.map((e: any) => e.node.name)).toEqual(['Full-Stack Developer', 'Frontend Developer', 'Backend Developer']);
  });

  it('pages technologies of one kind', async () => {
    const { technologies } = await server.data(`{
      technologies(kind: DATABASE, first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kind usedBy { id } } } }
    }`);
    expect(technologies.totalCount).toBe(3);
    expect(technologies.edges).toHaveLength(2);
    expect(technologies.pageInfo.hasNextPage).toBe(true);
    expect(technologies.pageInfo.endCursor).toBe(technologies.edges[1].cursor);
    expect(technologies.edges.every((e: any) => e.node.kind === 'DATABASE')).toBe(true);
  });
});

describe('search', () => {
  it('finds nodes by name and description, best first, with their labels', async () => {
    const { search } = await server.data(`{ search(text: "backend") { label score node { __typename id name } } }`);
    expect(search[0].node.id).toBe('backend-developer');
    expect(search[0].label).toBe('ROLE');
    const scores = search.map((hit: any) => hit.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
  });

  it('restricts to labels and to first', async () => {
    const { search } = await server.data(`{ search(text: "database", labels: [TECHNOLOGY, SKILL], first: 2) { label node { id } } }`);
    expect(search.length).toBeLessThanOrEqual(2);
    expect(search.length).toBeGreaterThan(0);
    expect(search.every((hit: any) => ['TECHNOLOGY', 'SKILL'].includes(hit.label))).toBe(true);
  });

  it.each(['back*end', 'AND OR NOT', '"unterminated', '(((', 'title:x~2^3', 'a && b || !c', '\\\\', '/regex/'])(
    'treats Lucene syntax in %j as plain text',
    async (text) => {
      const response = await server.query(`query($text: String!) { search(text: $text) { node { id } } }`, { text });
      expect(response.errors).toBeUndefined();
      expect(Array.isArray(response.data?.search)).toBe(true);
    },
  );
});

describe('path', () => {
  it('finds a shortest path ignoring direction, with consistent edges', async () => {
    const { path } = await server.data(`{ path(from: "postgresql", to: "frontend-developer") { length nodes { id label name } edges { from to type } } }`);
    expect(path.length).toBe(2);
    expect(path.nodes).toHaveLength(3);
    expect(path.edges).toHaveLength(2);
    expect(path.nodes[0].id).toBe('postgresql');
    expect(path.nodes[2]).toEqual({ id: 'frontend-developer', label: 'ROLE', name: 'Frontend Developer' });
    const ids = new Set(path.nodes.map((n: any) => n.id));
    for (const edge of path.edges) {
      expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
    }
  });

  it('is null when there is no path within maxHops or no such node', async () => {
    const data = await server.data(`{
      far: path(from: "docker", to: "statista", maxHops: 1) { length }
      missing: path(from: "docker", to: "no-such-node") { length }
    }`);
    expect(data).toEqual({ far: null, missing: null });
  });

  it('has length 0 from a node to itself', async () => {
    const { path } = await server.data(`{ path(from: "git", to: "git") { length nodes { id } edges { type } } }`);
    expect(path).toEqual({ length: 0, nodes: [{ id: 'git' }], edges: [] });
  });
});

describe('neighborhood', () => {
  it('returns the start node and its neighbours, with edges only between returned nodes', async () => {
    const { neighborhood } = await server.data(`{ neighborhood(id: "backend-developer") { nodes { id label name } edges { from to type } } }`);
    const ids = new Set(neighborhood.nodes.map((n: any) => n.id));
    expect(neighborhood.nodes[0].id).toBe('backend-developer');
    expect(ids.has('senior-backend-developer-australia-2019')).toBe(true);
    expect(ids.has('react')).toBe(false); // two hops away
    for (const edge of neighborhood.edges) expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
    expect(neighborhood.edges).toContainEqual({ from: 'backend-developer', to: 'business-logic', type: 'HAS_RESPONSIBILITY' });
  });

  it('respects depth and limit, always keeping the start node', async () => {
    const deep = await server.data(`{ neighborhood(id: "backend-developer", depth: 3, limit: 500) { nodes { id } } }`);
    expect(deep.neighborhood.nodes.map((n: any) => n.id)).toContain('react');
    const small = await server.data(`{ neighborhood(id: "backend-developer", depth: 3, limit: 4) { nodes { id } edges { from to } } }`);
    expect(small.neighborhood.nodes).toHaveLength(4);
    expect(small.neighborhood.nodes[0].id).toBe('backend-developer');
    const ids = new Set(small.neighborhood.nodes.map((n: any) => n.id));
    for (const edge of small.neighborhood.edges) expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
    const one = await server.data(`{ neighborhood(id: "backend-developer", limit: 1) { nodes { id } edges { from } } }`);
    expect(one.neighborhood).toEqual({ nodes: [{ id: 'backend-developer' }], edges: [] });
  });

  it('is empty for a node that does not exist', async () => {
    const { neighborhood } = await server.data(`{ neighborhood(id: "nobody") { nodes { id } edges { from } } }`);
    expect(neighborhood).toEqual({ nodes: [], edges: [] });
  });
});

describe('salaryStats', () => {
  it('groups by seniority without mixing currencies', async () => {
    const { salaryStats } = await server.data(`{
      salaryStats(roleId: "backend-developer", groupBy: SENIORITY) { key currency period count min max avg }
    }`);
    expect(salaryStats).toEqual([
      { key: 'JUNIOR', currency: 'AUD', period: 'YEAR', count: 1, min: 55000, max: 55000, avg: 55000 },
      { key: 'SENIOR', currency: 'AUD', period: 'YEAR', count: 1, min: 95000, max: 95000, avg: 95000 },
    ]);
  });

  it('groups by country, year and role with filters', async () => {
    const data = await server.data(`{
      country: salaryStats(groupBy: COUNTRY) { key currency count min max avg }
      year: salaryStats(groupBy: YEAR, where: { country: "AU", currency: "AUD", year: 2019 }) { key count }
      role: salaryStats(groupBy: ROLE) { key count }
      none: salaryStats(groupBy: ROLE, where: { currency: "EUR" }) { key }
    }`);
    expect(data.country).toEqual([{ key: 'AU', currency: 'AUD', count: 2, min: 55000, max: 95000, avg: 75000 }]);
    expect(data.year).toEqual([{ key: '2019', count: 2 }]);
    expect(data.role).toEqual([{ key: 'backend-developer', count: 2 }]);
    expect(data.none).toEqual([]);
  });
});

describe('stats', () => {
  it('counts nodes and relationships by label', async () => {
    const { stats } = await server.data(`{ stats { nodes relationships byLabel { label count } } }`);
    const byLabel = Object.fromEntries(stats.byLabel.map((entry: any) => [entry.label, entry.count]));
    expect(byLabel).toMatchObject({ ROLE: 3, SOURCE: 3, TEAM: 1, SALARY: 2 });
    const total = Object.values(byLabel).reduce((sum: number, count) => sum + (count as number), 0);
    expect(stats.nodes).toBe(total);
    expect(stats.relationships).toBeGreaterThan(stats.nodes);
  });
});
