import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config';
import { runCypherFiles } from '../../src/graph/cypher-files';
import { fingerprint } from '../support/fingerprint';
import { FIXTURES, importTestServer, runImporter } from '../support/importer';

/**
 * `npm run import` on fixtures written in each dataset's published format, checked through the GraphQL API.
 * The tests run in order on one graph (ESCO, O*NET, the survey, then the safety cases) and reset it to
 * the seed at the end, as the other tests expect it.
 */

const SOFTWARE_DEVELOPER = 'esco-f2b15a0e-e65a-438a-affb-29b9d50b77d1';
const WEB_DEVELOPER = 'esco-c40a2919-48a9-40ea-b506-1f34f693496d';
const ESCO = ['esco', path.join(FIXTURES, 'esco'), '--version', 'v1.2.0'];
const ONET = ['onet', path.join(FIXTURES, 'onet'), '--version', '29.0'];
const SURVEY_FILE = path.join(FIXTURES, 'so-survey', 'survey_results_public.csv');
const survey = (year: number, file = SURVEY_FILE) => ['so-survey', file, '--year', String(year)];

const imports = importTestServer();

const copy = imports.copy;

async function sources(): Promise<Record<string, { complete: boolean | null; version: string | null; licence: string | null; retrievedAt: string | null }>> {
  const { sources: list } = await imports.server.data<{ sources: { id: string; complete: boolean; version: string; licence: string; retrievedAt: string }[] }>(
    '{ sources { id complete version licence retrievedAt } }',
  );
  return Object.fromEntries(list.map(({ id, ...rest }) => [id, rest]));
}

describe('npm run import esco', () => {
  it('imports occupations, skills and their relations, and maps the team roles to the occupations', async () => {
    const result = await runImporter(ESCO);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('rows read 19, bad 0');
    expect(result.stdout).toContain('Role nodes: nodes created 3, updated 0, unchanged 0');
    expect(result.stdout).toContain('Skill nodes: nodes created 6, updated 0, unchanged 0');
    expect(result.stdout).toContain('REQUIRES relationships: relationships created 10, updated 0, unchanged 0');

    const { role } = await imports.server.data(`{ role(id: "${SOFTWARE_DEVELOPER}") {
      name iscoGroup escoUri summary skills { level skill { name skillType reuseLevel } } sources { id version complete } } }`);
    expect(role).toMatchObject({ name: 'software developer', iscoGroup: '2512', escoUri: 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1' });
    // The description is a quoted field over two lines.
    expect(role.summary).toMatch(/working programs:\nthey write/);
    const skills = role.skills.map((requirement: { level: string; skill: { name: string } }) => `${requirement.level} ${requirement.skill.name}`).sort();
    expect(skills).toEqual(['ESSENTIAL computer programming', 'ESSENTIAL use software design patterns', 'ESSENTIAL work in teams', 'OPTIONAL JavaScript', 'OPTIONAL PostgreSQL']);
    expect(role.sources).toEqual([{ id: 'esco-v1-2-0', version: 'v1.2.0', complete: true }]);

    const { backend } = await imports.server.data('{ backend: role(id: "backend-developer") { standardOccupations { id } } }');
    expect(backend.standardOccupations).toEqual([{ id: SOFTWARE_DEVELOPER }]);
  });

  it('keeps the ESCO skill "PostgreSQL" apart from the technology postgresql', async () => {
    const { esco, technology } = await imports.server.data(`{
      esco: search(text: "PostgreSQL", labels: [SKILL]) { node { id name } }
      technology: node(id: "postgresql") { __typename name } }`);
    expect(esco).toEqual([{ node: { id: 'esco-1a2b3c4d-0003-4aaa-8bbb-000000000003', name: 'PostgreSQL' } }]);
    expect(technology).toEqual({ __typename: 'Technology', name: 'PostgreSQL' });
  });
});

describe('npm run import onet', () => {
  it('imports occupations, their tasks and technologies, with kinds from the commodity titles', async () => {
    const result = await runImporter(ONET);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Responsibility nodes + HAS_RESPONSIBILITY relationships: nodes created 6, updated 0, unchanged 0; relationships created 6');
    expect(result.stdout).toContain('USES relationships: relationships created 11, updated 0, unchanged 0');

    const { role } = await imports.server.data(`{ role(id: "onet-15-1252-00") {
      name socCode responsibilities { id name } technologyUsage { hot inDemand source technology { id kind } } } }`);
    expect(role).toMatchObject({ name: 'Software Developers', socCode: '15-1252.00' });
    expect(role.responsibilities.map((task: { id: string }) => task.id).sort()).toEqual(['onet-task-16363', 'onet-task-16364', 'onet-task-16365']);
    const uses = Object.fromEntries(
      role.technologyUsage.map((use: { hot: boolean; inDemand: boolean; source: string; technology: { id: string; kind: string } }) => [
        use.technology.id,
        `${use.technology.kind} hot=${use.hot} inDemand=${use.inDemand} ${use.source}`,
      ]),
    );
    expect(uses).toEqual({
      postgresql: 'DATABASE hot=true inDemand=true onet-29-0',
      // O*NET's "Oracle Java" is the catalogue's java, the seed's node.
      java: 'LANGUAGE hot=true inDemand=true onet-29-0',
      'c-plus-plus': 'LANGUAGE hot=true inDemand=false onet-29-0',
      'c-sharp': 'LANGUAGE hot=true inDemand=true onet-29-0',
      git: 'TOOL hot=true inDemand=true onet-29-0',
      'microsoft-excel': 'APPLICATION hot=false inDemand=false onet-29-0',
    });
    const { task } = await imports.server.data('{ task: node(id: "onet-task-20001") { name } }');
    expect(task.name).toBe('Write supporting code for web applications or websites, including the "back end" that stores data.');
  });
});

describe('npm run import so-survey', () => {
  it('turns respondents into salaries of the roles their DevType maps to, by country, with quartiles', async () => {
    const result = await runImporter(survey(2024));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('rows read 50, bad 0, notices 0, without data to import 24');
    expect(result.stdout).toContain('Salary nodes + EARNS relationships: nodes created 28, updated 0, unchanged 0; relationships created 28');

    const { salaryStats } = await imports.server.data('{ salaryStats(roleId: "backend-developer", groupBy: COUNTRY) { key currency period count min p25 median p75 max avg } }');
    const byCountry = Object.fromEntries(salaryStats.map(({ key, ...stat }: { key: string }) => [key, stat]));
    expect(byCountry.DE).toEqual({ currency: 'USD', period: 'YEAR', count: 5, min: 60000, p25: 70000, median: 80000, p75: 90000, max: 100000, avg: 80000 });
    expect(byCountry.US).toEqual({ currency: 'USD', period: 'YEAR', count: 4, min: 120000, p25: 135000, median: 145000, p75: 157500, max: 180000, avg: 147500 });
    expect(byCountry.GB).toMatchObject({ count: 1, median: 65000 });
    expect(byCountry.IR).toMatchObject({ count: 1, median: 12000 });
    // The seed's Statista figures stay apart: another currency.
    expect(byCountry.AU).toMatchObject({ currency: 'AUD', count: 2 });
    expect(Object.keys(byCountry).sort()).toEqual(['AU', 'DE', 'GB', 'IR', 'US']);
  });

  it('gives seniority from the YearsCodePro bands, counts every mapped role, and shares of technologies', async () => {
    const { seniority, frontend, fullStack, backend } = await imports.server.data(`{
      seniority: salaryStats(roleId: "backend-developer", groupBy: SENIORITY, where: { currency: "USD" }) { key count }
      frontend: role(id: "frontend-developer") { salaries(where: { year: 2024 }) { country } }
      fullStack: role(id: "full-stack-developer") { salaries(where: { year: 2024 }) { country } }
      backend: role(id: "backend-developer") { technologyUsage { share source technology { id } } } }`);
    expect(Object.fromEntries(seniority.map(({ key, count }: { key: string; count: number }) => [key, count]))).toEqual({ JUNIOR: 2, MID: 3, SENIOR: 6 });
    expect(frontend.salaries.map((salary: { country: string }) => salary.country).sort()).toEqual(['CI', 'DE', 'DE', 'FR', 'HK', 'PL', 'VN']);
    expect(fullStack.salaries).toHaveLength(10);
    const shares = Object.fromEntries(backend.technologyUsage.map((use: { share: number; technology: { id: string } }) => [use.technology.id, use.share]));
    // 13 back-end respondents: 8 named PostgreSQL, 1 C++ (as c-plus-plus, not c).
    expect(shares).toMatchObject({ postgresql: 0.6154, 'c-plus-plus': 0.0769, c: 0.0769, java: 0.3077 });
  });

  it('lets role(id: "backend-developer") reach its salaries and standard occupations with their skills and technologies', async () => {
    const { role } = await imports.server.data(`{ role(id: "backend-developer") {
      standardOccupations { id socCode escoUri skills { level skill { name } } technologyUsage { technology { name } } }
      sources { id } } }`);
    const occupations = Object.fromEntries(role.standardOccupations.map((occupation: { id: string }) => [occupation.id, occupation]));
    expect(Object.keys(occupations).sort()).toEqual([SOFTWARE_DEVELOPER, 'onet-15-1252-00']);
    expect(occupations[SOFTWARE_DEVELOPER].skills).toHaveLength(5);
    expect(occupations['onet-15-1252-00'].technologyUsage).toHaveLength(6);
    expect(role.sources.map((source: { id: string }) => source.id)).toContain('so-survey-2024');
  });

  it('records each import as a complete Source with its version and licence', async () => {
    const all = await sources();
    expect(all['esco-v1-2-0']).toMatchObject({ complete: true, version: 'v1.2.0', licence: expect.stringContaining('2011/833/EU') });
    expect(all['onet-29-0']).toMatchObject({ complete: true, version: '29.0', licence: 'CC BY 4.0' });
    expect(all['so-survey-2024']).toMatchObject({ complete: true, version: '2024', licence: expect.stringContaining('ODbL') });
    expect(all['so-survey-2024'].retrievedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('queries over imported data', () => {
  const queries = (name: string) => path.join(repoRoot, 'cypher', 'queries', name);

  it("answer the analysts' questions: percentiles by country, top technologies by share, shared essential skills", async () => {
    const [percentiles, technologies, skills] = await runCypherFiles(imports.server.graph, [
      queries('11-salary-percentiles-by-country.cypher'),
      queries('12-top-technologies-by-share.cypher'),
      queries('13-essential-skills-two-roles-share.cypher'),
    ]);
    expect(percentiles.rows[0]).toEqual({ country: 'DE', currency: 'USD', period: 'YEAR', dataPoints: 5, min: 60000, p25: 70000, median: 80000, p75: 90000, max: 100000 });
    // 6 of the 9 back-end respondents who answered the platform question (13 answered the database one: PostgreSQL 8).
    expect(technologies.rows[0]).toEqual({ technology: 'Amazon Web Services (AWS)', kind: 'SERVER', share: 0.6667, source: 'so-survey-2024' });
    expect(skills.rows.filter((row) => row.essentialToBoth).map((row) => row.skill)).toEqual(['computer programming']);
  });

  it('answer the front-end example: the skills essential to both standard occupations of the full-stack developer', async () => {
    const document = fs.readFileSync(path.join(repoRoot, 'docs', 'queries', '16-essential-skills-two-roles-share.graphql'), 'utf8');
    const { role } = await imports.server.data(document);
    type Occupation = { skillsConnection: { pageInfo: { hasNextPage: boolean }; edges: { level: string; node: { name: string } }[] } };
    for (const occupation of role.standardOccupations as Occupation[]) expect(occupation.skillsConnection.pageInfo.hasNextPage).toBe(false);
    const essential = (role.standardOccupations as Occupation[]).map((occupation) =>
      occupation.skillsConnection.edges.filter((requirement) => requirement.level === 'ESSENTIAL').map((requirement) => requirement.node.name),
    );
    expect(essential).toHaveLength(4);
    const escoEssential = essential.filter((names: string[]) => names.length > 0);
    expect(escoEssential[0].filter((name: string) => escoEssential[1].includes(name))).toEqual(['computer programming']);
  });
});

describe('import safety', () => {
  it('changes nothing when the same imports run again', async () => {
    const before = await fingerprint(imports.server.graph);
    for (const args of [ESCO, ONET, survey(2024)]) {
      const result = await runImporter(args);
      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(/created [1-9]|updated [1-9]/);
    }
    expect(await fingerprint(imports.server.graph)).toEqual(before);
  });

  it('refuses a file with a wrong header before writing, naming expected and found columns', async () => {
    const dir = copy('esco', 'skills_en.csv', (text) => text.replace('conceptUri,skillType', 'uri,skillType'));
    const before = await fingerprint(imports.server.graph);
    const result = await runImporter(['esco', dir, '--version', 'v9.9']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join(dir, 'skills_en.csv')}:1: wrong header: missing "conceptUri"; expected the columns conceptUri, skillType`);
    expect(result.stderr).toContain('found conceptType, uri, skillType, reuseLevel');
    expect(await fingerprint(imports.server.graph)).toEqual(before);
    expect((await sources())['esco-v9-9']).toBeUndefined();
  });

  it('refuses a folder without the dataset\'s files, naming the missing one', async () => {
    const result = await runImporter(['onet', path.join(FIXTURES, 'esco'), '--version', '29.0']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`Import refused: ${path.join(FIXTURES, 'esco', 'Occupation Data.txt')}: no such file`);
  });

  it('stops at bad rows before writing, with file:line: column: reason on the physical line', async () => {
    // The fixture's first occupations span lines 2-5 and 6-7 (quoted fields with line breaks): the appended
    // row starts on line 9 and, with its two alternative labels, ends on line 10.
    const dir = copy('esco', 'occupations_en.csv', (text) => `${text}Occupation,http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000009,25x,tester,"tester\nQA engineer",,released,,,,,,,,\n`);
    const before = await fingerprint(imports.server.graph);
    const result = await runImporter(['esco', dir, '--version', 'v9.9']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join(dir, 'occupations_en.csv')}:9: iscoGroup: "25x" is not a four-digit ISCO-08 unit group`);
    expect(result.stderr).toContain('1 bad row; nothing was written');
    expect(await fingerprint(imports.server.graph)).toEqual(before);
  });

  it('reports bad rows and imports the others with --skip-bad-rows; an unknown country is a notice, its salary kept as ZZ', async () => {
    const dir = copy('so-survey', 'survey_results_public.csv', (text) =>
      text + ['51', '52', '53'].map((id, index) => `${id},x,x,x,5,${['4', '4', 'twelve'][index]},"Developer, back-end",x,${['Atlantis', 'Germany', 'Germany'][index]},NA,NA,Go,NA,NA,NA,${['50000', 'lots', '50000'][index]}\n`).join(''),
    );
    const file = path.join(dir, 'survey_results_public.csv');
    const refused = await runImporter(survey(2024, file));
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n').slice(0, 3)).toEqual([
      `${file}:53: ConvertedCompYearly: "lots" is not an amount (above 0, below 1e9, as recordSalary requires)`,
      `${file}:54: YearsCodePro: "twelve" is not a number of years`,
      '2 bad rows; nothing was written (--skip-bad-rows imports the others)',
    ]);

    const skipped = await runImporter([...survey(2024, file), '--skip-bad-rows']);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain(`${file}:53: ConvertedCompYearly`);
    expect(skipped.stdout).toContain(`notice: ${file}:52: Country: "Atlantis" is no ISO 3166 country: the salary is kept with country ZZ`);
    expect(skipped.stdout).toContain('rows read 53, bad 2, notices 1');
    expect(skipped.stdout).toContain('Salary nodes + EARNS relationships: nodes created 1, updated 0, unchanged 28');
    const { salary } = await imports.server.data('{ salary: node(id: "so-survey-2024-51-backend-developer") { ... on Salary { country amount } } }');
    expect(salary).toEqual({ country: 'ZZ', amount: 50000 });
    await imports.server.graph.write("MATCH (s:Salary {id: 'so-survey-2024-51-backend-developer'}) DETACH DELETE s");
  });

  it('refuses a technology whose id another kind of node has, and leaves it out with --skip-bad-rows', async () => {
    const dir = copy('so-survey', 'survey_results_public.csv', (text) => `${text}51,x,x,x,5,4,"Developer, back-end",x,Germany,NA,NA,Database knowledge,NA,NA,NA,50000\n`);
    const file = path.join(dir, 'survey_results_public.csv');
    const refused = await runImporter(survey(2024, file));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${file}:52: technology: "Database knowledge" would have the id "database-knowledge", which a node that is not a Technology already has`);

    const skipped = await runImporter([...survey(2024, file), '--skip-bad-rows']);
    expect(skipped).toMatchObject({ code: 0 });
    const { node } = await imports.server.data('{ node(id: "database-knowledge") { __typename } }');
    expect(node).toEqual({ __typename: 'Skill' });
    await imports.server.graph.write("MATCH (s:Salary {id: 'so-survey-2024-51-backend-developer'}) DETACH DELETE s");
  });

  it('writes nothing with --dry-run, and says what it would write', async () => {
    const before = await fingerprint(imports.server.graph);
    const result = await runImporter([...survey(2023), '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Dry run (nothing written)');
    expect(result.stdout).toContain('Salary nodes + EARNS relationships: would write 28 rows');
    expect(await fingerprint(imports.server.graph)).toEqual(before);
    expect((await sources())['so-survey-2023']).toBeUndefined();
  });

  it('leaves an interrupted import incomplete, visible in sources, and completes it on the next run', async () => {
    const stopped = await runImporter([...survey(2022), '--batch-size', '5', '--stop-after-batches', '2']);
    expect(stopped.code).toBe(3);
    expect(stopped.stderr).toContain('stopped after 2 batches');
    expect((await sources())['so-survey-2022']).toMatchObject({ complete: false });
    const count = async () => (await imports.server.graph.read("MATCH (s:Salary) WHERE s.id STARTS WITH 'so-survey-2022-' RETURN count(s) AS n"))[0].n;
    expect(await count()).toBe(10);

    const resumed = await runImporter(survey(2022));
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('Salary nodes + EARNS relationships: nodes created 18, updated 0, unchanged 10');
    expect((await sources())['so-survey-2022']).toMatchObject({ complete: true });
    expect(await count()).toBe(28);
  });
});
