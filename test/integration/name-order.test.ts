import path from 'node:path';
import { repoRoot } from '../../src/config';
import { runCypherFiles } from '../../src/graph/cypher-files';
import { SORT_NAMES_FILE } from '../../src/model/schema-cypher';
import { encodeCursor } from '../../src/graph/connection';
import { bearer } from '../support/harness';
import { FIXTURES, importTestServer, runImporter } from '../support/importer';

/**
 * Names sort as people expect: ESCO's lower-case occupations beside O*NET's capitalised ones and the seed's,
 * and accented names an analyst wrote with Cypher, in the order of Intl.Collator('en', { sensitivity: 'base' }),
 * ties broken by the exact name, then the id, across page boundaries, both ways.
 */

const imports = importTestServer();
const collator = new Intl.Collator('en', { sensitivity: 'base' });
const codePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Named {
  id: string;
  name: string;
}
const expectedOrder = (nodes: Named[]) => [...nodes].sort((a, b) => collator.compare(a.name, b.name) || codePoints(a.name, b.name) || codePoints(a.id, b.id));

interface Page {
  edges: { node: Named }[];
  pageInfo: { hasNextPage: boolean; endCursor: string };
}

/** Every item of the connection that `query` (taking `$after`) asks for and `page` picks from the answer, following its cursors. */
async function pageThrough(query: string, page: (data: Record<string, any>) => Page = (data) => data.page): Promise<Named[]> {
  const items: Named[] = [];
  let after: string | null = null;
  for (;;) {
    const { edges, pageInfo } = page(await imports.server.data(query, { after }));
    items.push(...edges.map(({ node }) => node));
    if (!pageInfo.hasNextPage) return items;
    after = pageInfo.endCursor;
  }
}

const rootPage = (field: string, args: string, first: number) =>
  pageThrough(`query ($after: String) { page: ${field}(first: ${first}, after: $after${args}) { edges { node { id name } } pageInfo { hasNextPage endCursor } } }`);

const namedNodes = async (cypher: string) => (await imports.server.graph.read(cypher)) as unknown as Named[];

beforeAll(async () => {
  for (const args of [
    ['esco', path.join(FIXTURES, 'releases', 'esco-1.2.1'), '--version', 'v1.2.1'],
    ['onet', path.join(FIXTURES, 'releases', 'onet-29.2'), '--version', '29.2'],
  ]) {
    expect(await runImporter(args)).toMatchObject({ code: 0 });
  }
  // As an analyst writes them: plain Cypher, no sort key; the schema step's back-fill gives them one.
  await imports.server.graph.write(`UNWIND $roles AS role CREATE (:Role:Node {id: role.id, name: role.name})`, {
    roles: [
      { id: 'analyst-eclairagiste', name: 'Éclairagiste' },
      { id: 'analyst-angstrom', name: 'Ångström Metrologist' },
      { id: 'analyst-developpeur', name: 'Développeur web' },
      { id: 'analyst-zoe', name: 'zoë keeper' },
      { id: 'analyst-web-developer', name: 'web developer' },
      { id: 'analyst-web-developer-2', name: 'Web Developer' },
    ],
  });
  await runCypherFiles(imports.server.graph, [path.join(repoRoot, 'cypher', 'schema', SORT_NAMES_FILE)]);
  // And through the API, which sets the key as it writes.
  for (const name of ['Ébéniste Numérique', 'ärztlicher Informatiker', 'Zürich Liaison']) {
    await imports.server.data('mutation ($name: String!) { upsertRole(input: { name: $name }) { id } }', { name }, await bearer(['editor']));
  }
});

describe('roles', () => {
  it('NAME_ASC follows Intl.Collator base order (then the exact name, then the id) across pages of 7', async () => {
    const all = await namedNodes('MATCH (r:Role) RETURN r.id AS id, r.name AS name');
    expect(all.length).toBeGreaterThan(60);
    const paged = await rootPage('roles', ', orderBy: NAME_ASC', 7);
    expect(paged.map(({ name }) => name)).toEqual(expectedOrder(all).map(({ name }) => name));
    expect(paged.map(({ id }) => id)).toEqual(expectedOrder(all).map(({ id }) => id));
    // The two datasets interleave: ESCO's "web developer" sits beside O*NET's "Web Developers".
    const names = paged.map(({ name }) => name);
    expect(names.indexOf('Web Developers') - names.indexOf('web developer')).toBeLessThan(5);
  });

  it('NAME_DESC is the exact reverse', async () => {
    const ascending = await rootPage('roles', ', orderBy: NAME_ASC', 50);
    const descending = await rootPage('roles', ', orderBy: NAME_DESC', 7);
    expect(descending).toEqual([...ascending].reverse());
  });

  it('a cursor from before the change answers BAD_USER_INPUT saying to start again, never a wrong page', async () => {
    const older = encodeCursor(['Backend Developer', 'backend-developer'] as unknown as [string, string, string]);
    const response = await imports.server.query(`{ roles(first: 5, after: "${older}") { edges { node { id } } } }`);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('start again from the first page') });
  });
});

describe('skills and technologies, and a relationship’s page', () => {
  it('skillsConnection and technologies follow the same order', async () => {
    for (const [label, field, args] of [
      ['Skill', 'skillsConnection', ''],
      ['Technology', 'technologies', ', orderBy: NAME_ASC'],
    ]) {
      const all = await namedNodes(`MATCH (n:${label}) RETURN n.id AS id, n.name AS name`);
      expect((await rootPage(field, args, 9)).map(({ id }) => id)).toEqual(expectedOrder(all).map(({ id }) => id));
    }
  });

  it('a role’s technologiesConnection (a relationship page) follows it too', async () => {
    const all = await namedNodes("MATCH (:Role {id: 'onet-15-1252-00'})-[:USES]->(t:Technology) RETURN DISTINCT t.id AS id, t.name AS name");
    expect(all.length).toBeGreaterThan(20);
    const items = await pageThrough(
      'query ($after: String) { role(id: "onet-15-1252-00") { technologiesConnection(first: 6, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } } } }',
      (data) => data.role.technologiesConnection,
    );
    expect(items.map(({ id }) => id)).toEqual(expectedOrder(all).map(({ id }) => id));
  });
});

describe('search', () => {
  it('folds case and accents as names do: "developpeur" finds "Développeur web", "eclairagiste" "Éclairagiste"', async () => {
    for (const [text, id] of [
      ['developpeur', 'analyst-developpeur'],
      ['eclairagiste', 'analyst-eclairagiste'],
      ['ÉCLAIRAG', 'analyst-eclairagiste'],
      ['postgresql', 'postgresql'],
    ]) {
      const { search } = await imports.server.data('query ($text: String!) { search(text: $text, first: 10) { node { id } } }', { text });
      expect(search.map(({ node }: { node: { id: string } }) => node.id)).toContain(id);
    }
  });
});
