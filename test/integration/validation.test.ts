import { Harness } from '../support/harness';

let server: Harness;
beforeAll(async () => {
  server = await Harness.start();
});
afterAll(() => server.stop());

const NEXT_YEAR = new Date().getUTCFullYear() + 1;

describe('argument ranges', () => {
  it.each([
    ['roles first 0', '{ roles(first: 0) { totalCount } }', 'first'],
    ['roles first 101', '{ roles(first: 101) { totalCount } }', 'first'],
    ['technologies first -1', '{ technologies(first: -1) { totalCount } }', 'first'],
    ['search first 51', '{ search(text: "x", first: 51) { score } }', 'first'],
    ['search first 0', '{ search(text: "x", first: 0) { score } }', 'first'],
    ['search blank text', '{ search(text: "   ") { score } }', 'text'],
    ['search long text', `{ search(text: "${'a'.repeat(201)}") { score } }`, 'text'],
    ['path maxHops 0', '{ path(from: "git", to: "java", maxHops: 0) { length } }', 'maxHops'],
    ['path maxHops 9', '{ path(from: "git", to: "java", maxHops: 9) { length } }', 'maxHops'],
    ['path bad id', '{ path(from: "Git Hub", to: "java") { length } }', 'from'],
    ['neighborhood depth 0', '{ neighborhood(id: "git", depth: 0) { nodes { id } } }', 'depth'],
    ['neighborhood depth 4', '{ neighborhood(id: "git", depth: 4) { nodes { id } } }', 'depth'],
    ['neighborhood limit 0', '{ neighborhood(id: "git", limit: 0) { nodes { id } } }', 'limit'],
    ['neighborhood limit 501', '{ neighborhood(id: "git", limit: 501) { nodes { id } } }', 'limit'],
    ['role id with injection', `{ role(id: "x' OR 1=1 //") { id } }`, 'id'],
    ['node id too long', `{ node(id: "${'a'.repeat(101)}") { id } }`, 'id'],
    ['salaryStats currency', '{ salaryStats(groupBy: ROLE, where: { currency: "aud" }) { key } }', 'currency'],
    ['salaryStats country', '{ salaryStats(groupBy: ROLE, where: { country: "AUS" }) { key } }', 'country'],
    ['salaryStats year', `{ salaryStats(groupBy: ROLE, where: { year: ${NEXT_YEAR + 1} }) { key } }`, 'year'],
    ['salaryStats year early', '{ salaryStats(groupBy: ROLE, where: { year: 1949 }) { key } }', 'year'],
    ['roles where usesTechnology', '{ roles(where: { usesTechnology: "React JS" }) { totalCount } }', 'usesTechnology'],
  ])('%s is BAD_USER_INPUT naming the field', async (_name, query, field) => {
    const response = await server.query(query);
    expect(response.status).toBeLessThan(500);
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain(field);
  });

  it('accepts the edges of every range', async () => {
    const response = await server.query(`{
      a: roles(first: 1) { totalCount } b: roles(first: 100) { totalCount }
      c: search(text: "x", first: 50) { score } d: path(from: "git", to: "java", maxHops: 8) { length }
      e: neighborhood(id: "git", depth: 3, limit: 500) { nodes { id } }
      f: salaryStats(groupBy: YEAR, where: { year: ${NEXT_YEAR} }) { key }
    }`);
    expect(response.errors).toBeUndefined();
  });

  it('rejects unknown enum values and wrong types through GraphQL validation', async () => {
    const response = await server.query('{ technologies(kind: SPACESHIP) { totalCount } }');
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
