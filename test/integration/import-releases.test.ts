import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { repoRoot } from '../../src/config';
import { applySchema, defaultCypherDirs } from '../../src/graph/cypher-files';
import { countryCode } from '../../src/import/countries';
import { FIXTURES, importTestServer, runImporter } from '../support/importer';

/**
 * One test per published release profile, on excerpts of the real files (test/fixtures/import/releases, each
 * folder's README says where its rows come from), imported as a new user would: no --skip-bad-rows.
 */

const RELEASES = path.join(FIXTURES, 'releases');
const release = (name: string) => path.join(RELEASES, name);

const imports = importTestServer();

const noticesOf = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('notice: '));

/** The ids of the roles `search` finds for `text`. */
async function rolesFound(text: string): Promise<string[]> {
  const { search } = await imports.server.data('query ($text: String!) { search(text: $text, labels: [ROLE], first: 20) { node { id } } }', { text });
  return search.map(({ node }: { node: { id: string } }) => node.id);
}

describe('ESCO', () => {
  it('v1.0: imports, with ISCO group names from ISCOGroups_en.csv and alternative labels that search finds', async () => {
    const result = await runImporter(['esco', release('esco-1.0'), '--version', 'v1.0.8']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const { role } = await imports.server.data('{ role(id: "esco-f2b15a0e-e65a-438a-affb-29b9d50b77d1") { name iscoGroup iscoGroupName alternativeNames } }');
    expect(role).toMatchObject({ name: 'software developer', iscoGroup: '2512', iscoGroupName: 'Software developers' });
    expect(role.alternativeNames).toEqual(expect.arrayContaining(['programmer', 'software engineer', 'application programmer']));
    // "royal navy commander" is only one of fleet commander's alternative labels.
    const [{ fleetCommander }] = await imports.server.graph.read("MATCH (r:Role {name: 'fleet commander'}) RETURN r.id AS fleetCommander");
    expect(await rolesFound('royal navy commander')).toContain(fleetCommander);
  });

  it('v1.1.1: reads the armed forces’ three-digit ISCO groups as four digits, with a notice each', async () => {
    const result = await runImporter(['esco', release('esco-1.1.1'), '--version', 'v1.1.1']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const padded = noticesOf(result.stdout).filter((line) => line.includes('iscoGroup'));
    expect(padded).toHaveLength(21);
    const [{ groups }] = await imports.server.graph.read(
      "MATCH (r:Role) WHERE r.escoUri IS NOT NULL AND r.iscoGroup IN ['0110', '0210', '0310'] RETURN count(r) AS groups",
    );
    expect(groups).toBe(21);
    const [{ wrong }] = await imports.server.graph.read("MATCH (r:Role) WHERE r.escoUri IS NOT NULL AND NOT r.iscoGroup =~ '\\\\d{4}' RETURN count(r) AS wrong");
    expect(wrong).toBe(0);
    // The padded groups are the ones ISCOGroups_en.csv names (it writes 0110).
    const [{ names }] = await imports.server.graph.read("MATCH (r:Role {iscoGroup: '0110'}) WHERE r.escoUri IS NOT NULL RETURN collect(DISTINCT r.iscoGroupName) AS names");
    expect(names).toEqual(['Commissioned armed forces officers']);
  });

  it('v1.2.1: imports an occupation listed twice once, from the row with the latest modifiedDate, with a notice', async () => {
    const result = await runImporter(['esco', release('esco-1.2.1'), '--version', 'v1.2.1']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const duplicates = noticesOf(result.stdout).filter((line) => line.includes('listed more than once'));
    expect(duplicates.length).toBeGreaterThanOrEqual(1);
    const [{ copies }] = await imports.server.graph.read(
      "MATCH (r:Role {escoUri: 'http://data.europa.eu/esco/occupation/4d27152a-a8ee-4f5a-9f93-a2fb4fb2b2e3'}) RETURN count(r) AS copies",
    );
    expect(copies).toBe(1);
  });
});

describe('O*NET', () => {
  it('29.2: no task typed n/a, kinds from the catalogue, one Java for O*NET and the team', async () => {
    const result = await runImporter(['onet', release('onet-29.2'), '--version', '29.2']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [{ typedNa, untyped }] = await imports.server.graph.read(
      "MATCH (t:Responsibility) WHERE t.id STARTS WITH 'onet-task-' RETURN count(CASE WHEN t.taskType = 'n/a' THEN 1 END) AS typedNa, count(CASE WHEN t.taskType IS NULL THEN 1 END) AS untyped",
    );
    expect(typedNa).toBe(0);
    expect(untyped).toBe(84);
    const { technologies } = await imports.server.data(`{ technologies: search(text: "PostgreSQL MySQL Python JavaScript Git Go Java", labels: [TECHNOLOGY], first: 50) { node { id name ... on Technology { kind } } } }`);
    const kinds = Object.fromEntries(technologies.map(({ node }: { node: { name: string; kind: string } }) => [node.name, node.kind]));
    expect(kinds).toMatchObject({ PostgreSQL: 'DATABASE', MySQL: 'DATABASE', Python: 'LANGUAGE', JavaScript: 'LANGUAGE', Git: 'TOOL', Java: 'LANGUAGE' });
    const { java } = await imports.server.data('{ java: node(id: "java") { ... on Technology { usedByConnection(first: 50) { edges { node { id } } } } } }');
    const users = java.usedByConnection.edges.map(({ node }: { node: { id: string } }) => node.id);
    expect(users).toEqual(expect.arrayContaining(['onet-15-1252-00', 'backend-developer']));
    const [{ oracleJava }] = await imports.server.graph.read("MATCH (t:Technology {id: 'oracle-java'}) RETURN count(t) AS oracleJava");
    expect(oracleJava).toBe(0);
    // An alternate title (Alternate Titles.txt) finds its occupation.
    expect(await rolesFound('AngularJS Developer')).toContain('onet-15-1252-00');
  });

  it('29.2 after an import that made "Oracle Java" a node of its own: one Java node keeps both nodes’ relationships and sources', async () => {
    // As an import before the catalogue left it: oracle-java, used by a team role and citing an older O*NET source.
    await imports.server.graph.write(`MERGE (old:Source:Node {id: 'mp-onet-28-0'}) SET old.name = 'O*NET 28.0 Database'
      CREATE (java:Technology:Node {id: 'oracle-java', name: 'Oracle Java', kind: 'LANGUAGE'})-[:CITES]->(old)
      WITH java MATCH (frontend:Role {id: 'frontend-developer'}) CREATE (frontend)-[:USES {hot: true, source: 'mp-onet-28-0'}]->(java)`);
    const result = await runImporter(['onet', release('onet-29.2'), '--version', '29.2']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Technology nodes merged into their catalogue entry: nodes created 0, updated 1');
    const [merged] = await imports.server.graph.read(`MATCH (java:Technology {id: 'java'})
      RETURN COUNT { MATCH (t:Technology {id: 'oracle-java'}) RETURN t } AS oracleJava,
             [(java)-[:CITES]->(s:Source) | s.id] AS sources,
             [(r:Role {id: 'frontend-developer'})-[u:USES]->(java) | u.source] AS frontendUse`);
    expect(merged.oracleJava).toBe(0);
    expect(merged.sources).toEqual(expect.arrayContaining(['mp-onet-28-0', 'onet-29-2']));
    expect(merged.frontendUse).toEqual(['mp-onet-28-0']);
    await imports.server.graph.write("MATCH (s:Source {id: 'mp-onet-28-0'}) DETACH DELETE s");
  });

  it('30.1 profile: a task’s importance (Task Ratings, scale IM) is on its role–task relationship', async () => {
    const result = await runImporter(['onet', release('onet-30.1'), '--version', '30.1']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const { driver, cardiologist } = await imports.server.data(`{
      driver: role(id: "onet-53-3053-00") { responsibilitiesConnection(first: 10) { edges { importance node { id } } } }
      cardiologist: role(id: "onet-29-1212-00") { responsibilitiesConnection(first: 10) { edges { importance node { id } } } } }`);
    expect(driver.responsibilitiesConnection.edges).toEqual([{ importance: 4.84, node: { id: 'onet-task-23756' } }]);
    expect(cardiologist.responsibilitiesConnection.edges).toHaveLength(7);
    for (const edge of cardiologist.responsibilitiesConnection.edges) expect(edge.importance).toBeNull();
  });

  it('24.2: imports without In Demand (before 27.1), and the crosswalk’s newer codes are notices', async () => {
    const result = await runImporter(['onet', release('onet-24.2'), '--version', '24.2']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(noticesOf(result.stdout).join('\n')).toContain('"15-1252.00" is not in Occupation Data.txt');
    const [{ withoutInDemand }] = await imports.server.graph.read(
      "MATCH (:Role)-[u:USES {source: 'onet-24-2'}]->() RETURN count(CASE WHEN u.inDemand IS NULL THEN 1 END) = count(u) AND count(u) > 0 AS withoutInDemand",
    );
    expect(withoutInDemand).toBe(true);
  });
});

describe('the schema step', () => {
  it('replaces a full-text index an older model left, over other properties', async () => {
    await imports.server.graph.runStatement('DROP INDEX node_search IF EXISTS');
    await imports.server.graph.runStatement('CREATE FULLTEXT INDEX node_search FOR (n:Role|Skill) ON EACH [n.name]');
    await applySchema(imports.server.graph, defaultCypherDirs(repoRoot).schema);
    const [index] = await imports.server.graph.read("SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties WHERE name = 'node_search' RETURN labelsOrTypes, properties");
    expect(index.properties).toEqual(expect.arrayContaining(['name', 'description', 'alternativeNames']));
    expect(index.labelsOrTypes).toEqual(expect.arrayContaining(['Role', 'Technology', 'Team']));
  });
});

/** Median by linear interpolation, as Cypher's percentileCont. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return sorted[Math.floor(middle)] + (sorted[Math.ceil(middle)] - sorted[Math.floor(middle)]) * (middle - Math.floor(middle));
}

describe('the Stack Overflow survey', () => {
  it('2023: imports as published (Nomadic is a notice); medians per country equal a computation over the same rows', async () => {
    const file = path.join(release('so-2023'), 'survey_results_public.csv');
    const result = await runImporter(['so-survey', file, '--year', '2023']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(noticesOf(result.stdout).join('\n')).toContain('"Nomadic" is no ISO 3166 country');

    const rows = parse(fs.readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];
    const backend = rows.filter(
      (row) => row.DevType === 'Developer, back-end' && row.ConvertedCompYearly !== 'NA' && (row.YearsCodePro !== 'NA' || row.WorkExp !== 'NA'),
    );
    const byCountry = new Map<string, number[]>();
    for (const row of backend) {
      const code = countryCode(row.Country);
      if (!code) continue;
      byCountry.set(code, [...(byCountry.get(code) ?? []), Number(row.ConvertedCompYearly)]);
    }
    const { salaryStats } = await imports.server.data('{ salaryStats(roleId: "backend-developer", groupBy: COUNTRY, where: { year: 2023 }) { key count median } }');
    const expected = [...byCountry].map(([key, amounts]) => ({ key, count: amounts.length, median: median(amounts) })).sort((a, b) => a.key.localeCompare(b.key));
    expect(salaryStats.map((stat: { key: string; count: number; median: number }) => ({ ...stat, median: Math.round(stat.median * 100) / 100 }))).toEqual(
      expected.map((stat) => ({ ...stat, median: Math.round(stat.median * 100) / 100 })),
    );
  });

  it('keeps a salary of an unknown country as ZZ: in its role’s totals, in no country group', async () => {
    // The excerpt's Nomadic respondent names no team role's DevType; here the same row names the back-end.
    const dir = imports.copy('releases/so-2023', 'survey_results_public.csv', (text) =>
      text.replace(/\n(320,[^\n]*?)Other \(please specify\):/, '\n$1"Developer, back-end"'),
    );
    const result = await runImporter(['so-survey', path.join(dir, 'survey_results_public.csv'), '--year', '2019']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const { country, seniority } = await imports.server.data(`{
      country: salaryStats(roleId: "backend-developer", groupBy: COUNTRY, where: { year: 2019, currency: "USD" }) { key count }
      seniority: salaryStats(roleId: "backend-developer", groupBy: SENIORITY, where: { year: 2019, country: "ZZ" }) { key count } }`);
    expect(country.map((stat: { key: string }) => stat.key)).not.toContain('ZZ');
    expect(seniority).toEqual([{ key: 'SENIOR', count: 1 }]);
  });

  it('2023: a share counts only the respondents who answered its question, and says how many', async () => {
    const { role } = await imports.server.data(`{ role(id: "backend-developer") {
      technologiesConnection(first: 100) { edges { share answered source node { id } } } } }`);
    const surveyed = role.technologiesConnection.edges.filter((edge: { source: string }) => edge.source === 'so-survey-2023');
    expect(surveyed.length).toBeGreaterThan(5);
    for (const edge of surveyed) {
      expect(edge.share).toBeGreaterThan(0);
      expect(edge.share).toBeLessThanOrEqual(1);
      expect(edge.answered).toBeGreaterThan(0);
    }
  });

  it('2022: reads multi-select DevType (each mapped role gets the salary)', async () => {
    const result = await runImporter(['so-survey', path.join(release('so-2022'), 'survey_results_public.csv'), '--year', '2022']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [{ multi }] = await imports.server.graph.read(
      "MATCH (r:Role)-[:EARNS]->(s:Salary) WHERE s.id STARTS WITH 'so-survey-2022-' WITH split(s.id, '-')[3] AS respondent, count(DISTINCT r) AS roles WHERE roles > 1 RETURN count(respondent) AS multi",
    );
    expect(multi).toBeGreaterThan(0);
  });

  it('2021 profile (no RemoteWork, no WorkExp; multi-select DevType): imports, without the dimensions the year lacks', async () => {
    const result = await runImporter(['so-survey', path.join(release('so-2021'), 'survey_results_public.csv'), '--year', '2021']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [{ salaries, remote, sized }] = await imports.server.graph.read(
      "MATCH (s:Salary) WHERE s.id STARTS WITH 'so-survey-2021-' RETURN count(s) AS salaries, count(s.remoteWork) AS remote, count(s.orgSize) AS sized",
    );
    expect(salaries).toBeGreaterThan(0);
    expect(remote).toBe(0);
    expect(sized).toBeGreaterThan(0);
  });

  it('2025 profile (no YearsCodePro; WorkExp): seniority comes from WorkExp', async () => {
    // The 2025 results' header is known from its published schema only: this is the 2023 excerpt without YearsCodePro.
    const dir = imports.copy('releases/so-2023', 'survey_results_public.csv', (text) => {
      const lines = text.split('\n');
      const header = lines[0].split(',');
      const index = header.indexOf('YearsCodePro');
      const records = parse(text, { columns: false, bom: true, relax_column_count: true }) as string[][];
      const quote = (field: string) => (/[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
      return records.map((record) => record.filter((_, column) => column !== index).map(quote).join(',')).join('\n') + '\n';
    });
    const result = await runImporter(['so-survey', path.join(dir, 'survey_results_public.csv'), '--year', '2025']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [{ fromWorkExp, fromYearsCodePro }] = await imports.server.graph.read(
      "MATCH (s:Salary) WHERE s.id STARTS WITH 'so-survey-2025-' RETURN count(s.workExp) AS fromWorkExp, count(s.yearsCodePro) AS fromYearsCodePro",
    );
    expect(fromWorkExp).toBeGreaterThan(0);
    expect(fromYearsCodePro).toBe(0);
  });
});
