import { fingerprint } from '../support/fingerprint';
import { bearer, Harness } from '../support/harness';

let server: Harness;
let editor: Record<string, string>;
beforeAll(async () => {
  server = await Harness.start();
  editor = await bearer(['editor'], { subject: 'alice' });
});
afterAll(async () => {
  await server.graph.write("MATCH (n) WHERE n.id STARTS WITH 'mt-' DETACH DELETE n");
  await server.graph.write("MATCH (:Role {id: 'backend-developer'})-[r:EARNS]->(s:Salary {country: 'NZ'}) DETACH DELETE s");
  await server.stop();
});


const write = (query: string, variables?: Record<string, unknown>) => server.query(query, variables, editor);

describe('upserts', () => {
  it('creates a role with the slug of its name as id, stamped, then updates it by id', async () => {
    const created = await write(`mutation { upsertRole(input: { name: "  MT Data Engineer ", summary: "Pipelines" }) { id name summary } }`);
    expect(created.errors).toBeUndefined();
    expect(created.data?.upsertRole).toEqual({ id: 'mt-data-engineer', name: 'MT Data Engineer', summary: 'Pipelines' });
    const updated = await write(`mutation { upsertRole(input: { id: "mt-data-engineer", name: "MT Data Engineer" }) { id summary } }`);
    expect(updated.data?.upsertRole).toEqual({ id: 'mt-data-engineer', summary: 'Pipelines' });
    const [stamp] = await server.graph.read(
      "MATCH (n:Role:Node {id: 'mt-data-engineer'}) RETURN n.updatedBy AS by, n.createdAt IS NOT NULL AND n.updatedAt IS NOT NULL AS stamped",
    );
    expect(stamp).toEqual({ by: 'alice', stamped: true });
  });

  it('upserts responsibilities, technologies and skills', async () => {
    const response = await write(`mutation {
      r: upsertResponsibility(input: { name: "MT Build pipelines", description: "ETL" }) { id description }
      t: upsertTechnology(input: { name: "MT Kafka", kind: TOOL }) { id kind usedBy { id } }
      s: upsertSkill(input: { id: "mt-sql", name: "SQL", category: "Data" }) { id name category requiredBy { id } }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      r: { id: 'mt-build-pipelines', description: 'ETL' },
      t: { id: 'mt-kafka', kind: 'TOOL', usedBy: [] },
      s: { id: 'mt-sql', name: 'SQL', category: 'Data', requiredBy: [] },
    });
  });

  it('refuses an id that another kind of node already has', async () => {
    const before = await fingerprint(server.graph);
    const response = await write(`mutation { upsertRole(input: { id: "git", name: "Git" }) { id } }`);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain('id');
    expect(await fingerprint(server.graph)).toEqual(before);
  });
});

describe('input rules', () => {
  it.each([
    ['blank name', 'upsertRole(input: { name: "   " }) { id }', 'name'],
    ['long name', `upsertRole(input: { name: "${'x'.repeat(201)}" }) { id }`, 'name'],
    ['bad id', 'upsertRole(input: { id: "Not_Kebab", name: "x" }) { id }', 'id'],
    ['long summary', `upsertRole(input: { name: "mt x", summary: "${'x'.repeat(2001)}" }) { id }`, 'summary'],
    ['name without letters', 'upsertSkill(input: { name: "!!!" }) { id }', 'name'],
    ['zero amount', 'recordSalary(input: { roleId: "backend-developer", amount: 0, currency: "AUD", country: "AU", year: 2020, seniority: MID }) { id }', 'amount'],
    ['huge amount', 'recordSalary(input: { roleId: "backend-developer", amount: 1e9, currency: "AUD", country: "AU", year: 2020, seniority: MID }) { id }', 'amount'],
    ['currency', 'recordSalary(input: { roleId: "backend-developer", amount: 1, currency: "AU", country: "AU", year: 2020, seniority: MID }) { id }', 'currency'],
    ['country', 'recordSalary(input: { roleId: "backend-developer", amount: 1, currency: "AUD", country: "au", year: 2020, seniority: MID }) { id }', 'country'],
    ['year', 'recordSalary(input: { roleId: "backend-developer", amount: 1, currency: "AUD", country: "AU", year: 1900, seniority: MID }) { id }', 'year'],
    ['link same role', 'link(input: { from: "backend-developer", to: "backend-developer", type: COLLABORATES_WITH })', 'type'],
    ['link wrong labels', 'link(input: { from: "git", to: "backend-developer", type: USES })', 'type'],
    ['unlink wrong labels', 'unlink(input: { from: "statista", to: "git", type: CITES })', 'type'],
  ])('%s is BAD_USER_INPUT naming the field and changes nothing', async (_name, mutation, field) => {
    const before = await fingerprint(server.graph);
    const response = await write(`mutation { ${mutation} }`);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain(field);
    expect(JSON.stringify(response.errors)).not.toContain('x'.repeat(50));
    expect(await fingerprint(server.graph)).toEqual(before);
  });

  it.each([
    ['salary of a missing role', 'recordSalary(input: { roleId: "mt-nobody", amount: 1, currency: "AUD", country: "AU", year: 2020, seniority: MID }) { id }'],
    ['salary from a missing source', 'recordSalary(input: { roleId: "backend-developer", amount: 1, currency: "AUD", country: "AU", year: 2020, seniority: MID, sourceId: "mt-none" }) { id }'],
    ['link from a missing node', 'link(input: { from: "mt-nobody", to: "git", type: USES })'],
    ['link to a missing node', 'link(input: { from: "backend-developer", to: "mt-nothing", type: USES })'],
  ])('%s is NOT_FOUND and changes nothing', async (_name, mutation) => {
    const before = await fingerprint(server.graph);
    const response = await write(`mutation { ${mutation} }`);
    expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await fingerprint(server.graph)).toEqual(before);
  });
});

describe('salaries', () => {
  it('records a data point once per role, seniority, country and year, citing its source', async () => {
    const input = { roleId: 'backend-developer', amount: 120000, currency: 'NZD', country: 'NZ', year: 2024, seniority: 'SENIOR', sourceId: 'statista' };
    const mutation = `mutation($input: SalaryInput!) { recordSalary(input: $input) { id name amount period role { id } source { id } } }`;
    const first = await write(mutation, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data?.recordSalary).toEqual({
      id: 'senior-backend-developer-new-zealand-2024',
      name: 'Senior Backend Developer, New Zealand 2024',
      amount: 120000,
      period: 'YEAR',
      role: { id: 'backend-developer' },
      source: { id: 'statista' },
    });
    const again = await write(mutation, { input: { ...input, amount: 125000 } });
    expect(again.data?.recordSalary.amount).toBe(125000);
    const stats = await server.data(`{ salaryStats(roleId: "backend-developer", groupBy: COUNTRY) { key currency count } }`);
    expect(stats.salaryStats).toContainEqual({ key: 'NZ', currency: 'NZD', count: 1 });
  });

  it('gives the quartiles and median of a group, computed by Neo4j', async () => {
    await write(`mutation { upsertRole(input: { id: "mt-quartiles", name: "MT Quartiles" }) { id } }`);
    for (const [year, amount] of [[2020, 10000], [2021, 40000], [2022, 20000], [2023, 30000]]) {
      const recorded = await write(
        `mutation { recordSalary(input: { roleId: "mt-quartiles", amount: ${amount}, currency: "EUR", country: "DE", year: ${year}, seniority: MID }) { id } }`,
      );
      expect(recorded.errors).toBeUndefined();
    }
    const { salaryStats } = await server.data(`{ salaryStats(roleId: "mt-quartiles", groupBy: ROLE) { key count min p25 median p75 max avg } }`);
    expect(salaryStats).toEqual([{ key: 'mt-quartiles', count: 4, min: 10000, p25: 17500, median: 25000, p75: 32500, max: 40000, avg: 25000 }]);
    expect((await write(`mutation { deleteNode(id: "mt-quartiles") }`)).data).toEqual({ deleteNode: true });
  });
});

describe('links', () => {
  it('links once however often it is asked, and unlinks', async () => {
    await write(`mutation { upsertRole(input: { name: "MT Analyst" }) { id } }`);
    const link = `mutation { link(input: { from: "mt-analyst", to: "frontend-developer", type: COLLABORATES_WITH, reason: "Dashboards" }) }`;
    expect((await write(link)).data).toEqual({ link: true });
    expect((await write(link)).data).toEqual({ link: true });
    // The other direction is the same collaboration.
    expect((await write(`mutation { link(input: { from: "frontend-developer", to: "mt-analyst", type: COLLABORATES_WITH }) }`)).data).toEqual({ link: true });
    const { role } = await server.data(`{ role(id: "mt-analyst") { collaboratesWith { role { id } reason } } }`);
    expect(role.collaboratesWith).toEqual([{ role: { id: 'frontend-developer' }, reason: 'Dashboards' }]);

    const level = await write(`mutation { link(input: { from: "mt-analyst", to: "database-knowledge", type: REQUIRES, level: "basic" }) }`);
    expect(level.data).toEqual({ link: true });
    const skills = await server.data(`{ role(id: "mt-analyst") { skills { level skill { id } } } }`);
    expect(skills.role.skills).toEqual([{ level: 'basic', skill: { id: 'database-knowledge' } }]);

    const unlink = `mutation { unlink(input: { from: "mt-analyst", to: "frontend-developer", type: COLLABORATES_WITH }) }`;
    expect((await write(unlink)).data).toEqual({ unlink: true });
    expect((await write(unlink)).data).toEqual({ unlink: false });
  });

  it('lets any node cite a source', async () => {
    await write(`mutation { upsertSkill(input: { name: "MT Testing" }) { id } }`);
    expect((await write(`mutation { link(input: { from: "mt-testing", to: "forbes", type: CITES }) }`)).data).toEqual({ link: true });
  });
});

describe('deleteNode', () => {
  it('deletes a node with its relationships, and says false when there is none', async () => {
    await write(`mutation { upsertTechnology(input: { name: "MT Doomed", kind: TOOL }) { id } }`);
    await write(`mutation { link(input: { from: "frontend-developer", to: "mt-doomed", type: USES }) }`);
    expect((await write(`mutation { deleteNode(id: "mt-doomed") }`)).data).toEqual({ deleteNode: true });
    expect((await server.data(`{ node(id: "mt-doomed") { id } }`)).node).toBeNull();
    expect((await write(`mutation { deleteNode(id: "mt-doomed") }`)).data).toEqual({ deleteNode: false });
  });
});

describe('credentials', () => {
  const mutation = `mutation { upsertRole(input: { name: "MT Intruder" }) { id } }`;

  it('refuses writes without a token, with a reader token, or with a bad token, changing nothing', async () => {
    const before = await fingerprint(server.graph);
    const none = await server.query(mutation);
    expect(none.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await server.query(mutation, undefined, await bearer(['reader']));
    expect(reader.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const expired = await server.query(mutation, undefined, await bearer(['admin'], { expiresIn: '-1m' }));
    expect(expired.status).toBe(401);
    expect(expired.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await server.query(mutation, undefined, await bearer(['admin'], { secret: 'another-secret-of-at-least-32-characters!!' }));
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: 'x', roles: ['admin'], exp: 9999999999 })).toString('base64url');
    const unsigned = await server.query(mutation, undefined, { authorization: `Bearer ${header}.${payload}.` });
    expect(unsigned.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await fingerprint(server.graph)).toEqual(before);
  });

  it('lets admins write', async () => {
    const response = await server.query(`mutation { upsertRole(input: { name: "MT Admin Made" }) { id } }`, undefined, await bearer(['admin']));
    expect(response.data).toEqual({ upsertRole: { id: 'mt-admin-made' } });
  });

  it('can require a token for reads', async () => {
    const strict = await Harness.start({ auth: { requireAuthForReads: true } });
    try {
      const anonymous = await strict.query('{ stats { nodes } }');
      expect(anonymous.status).toBe(401);
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const reader = await strict.query('{ stats { nodes } }', undefined, await bearer(['reader']));
      expect(reader.errors).toBeUndefined();
    } finally {
      await strict.stop();
    }
  });
});
