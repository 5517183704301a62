import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { graphConnection, readConfig, repoRoot } from '../src/config';
import { defaultCypherDirs, prepareDatabase } from '../src/graph/cypher-files';
import { Graph } from '../src/graph/driver';
import { CROSSWALK_FILE } from '../src/import/crosswalk';
import { ESCO_FILES } from '../src/import/esco/esco';
import { LocalNeo4j, startLocalNeo4j, watchedStart } from '../scripts/processes/local-neo4j';
import { Rng } from '../scripts/synthetic';

/**
 * `npm run bench:import`: generates files of full size in the published formats (ESCO: 3,000 occupations and
 * their ISCO groups, 14,000 skills, 126,000 relations; a survey year: 65,000 rows of about 2 KB, ~150 MB), imports each twice
 * with the built `npm run import` (the second run is the idempotent re-import) and prints rows/s and the
 * importer's peak RSS (the kernel's high-water mark, which the importer reports). No assertions: figures.
 *
 * Neo4j: NEO4J_URI when set (imports go into it; nothing is deleted), otherwise a Neo4j of its own
 * (NEO4J_HOME default .neo4j/bench-import, NEO4J_BOLT_PORT default 7791, NEO4J_HEAP 2g, NEO4J_PAGECACHE 1g),
 * emptied and seeded first, stopped at the end when started here. Options: --scale F (default 1: full size),
 * --batch-size N (passed to the importer), --keep (keep the generated files, printed at the end).
 */

const log = (line: string) => console.log(`[bench:import] ${line}`);

interface Options {
  scale: number;
  batchSize?: string;
  keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { scale: 1, keep: false };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--scale') options.scale = Number(argv[++i]);
    else if (argv[i] === '--batch-size') options.batchSize = argv[++i];
    else if (argv[i] === '--keep') options.keep = true;
    else throw new Error(`unknown option ${argv[i]} (--scale F, --batch-size N, --keep)`);
  }
  if (!(options.scale > 0 && options.scale <= 1)) throw new Error('--scale must be above 0 and at most 1');
  return options;
}

/** One CSV field, quoted as RFC 4180 asks when it holds a comma, a quote or a line break. */
function field(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes rows to a file through a stream, waiting when its buffer is full (files of 150 MB stay out of memory). */
async function writeCsv(file: string, header: string[], rows: Iterable<(string | number)[]>, bom = false): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write((bom ? '\ufeff' : '') + header.join(',') + '\n');
  for (const row of rows) await write(row.map(field).join(',') + '\n');
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

function uuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const WORDS = ['data', 'web', 'cloud', 'network', 'systems', 'software', 'security', 'quality', 'mobile', 'platform', 'service', 'analysis'];
const sentence = (rng: Rng, words: number) => Array.from({ length: words }, () => rng.pick(WORDS)).join(' ');

/** The team's crosswalked ESCO URIs: generated files include them, as the real download does. */
function crosswalkEscoUris(): string[] {
  const lines = fs.readFileSync(CROSSWALK_FILE, 'utf8').split('\n');
  return [...new Set(lines.filter((line) => line.includes(',esco,')).map((line) => line.split(',')[2]))];
}

async function generateEsco(dir: string, scale: number): Promise<number> {
  const occupations = Math.round(3000 * scale);
  const skills = Math.round(14000 * scale);
  const relationsPerOccupation = 42;
  const rng = new Rng(101, 0);
  const occupationUris = [...crosswalkEscoUris(), ...Array.from({ length: occupations - 2 }, () => `http://data.europa.eu/esco/occupation/${uuid(rng)}`)];
  const skillUris = Array.from({ length: skills }, () => `http://data.europa.eu/esco/skill/${uuid(rng)}`);
  const groups = new Set<string>();
  await writeCsv(
    path.join(dir, ESCO_FILES.occupations),
    ['conceptType', 'conceptUri', 'iscoGroup', 'preferredLabel', 'altLabels', 'hiddenLabels', 'status', 'modifiedDate', 'regulatedProfessionNote', 'scopeNote', 'definition', 'inScheme', 'description', 'code', 'naceCode'],
    occupationUris.map((uri, i) => {
      const group = String(1000 + rng.int(9000));
      groups.add(group);
      return ['Occupation', uri, group, `occupation ${i} ${sentence(rng, 2)}`, `${sentence(rng, 2)}\n${sentence(rng, 3)}\n${sentence(rng, 2)}`, '', 'released', '2024-01-25T10:12:33.106Z', '', '', '',
        'http://data.europa.eu/esco/concept-scheme/occupations', `${sentence(rng, 20)}.\n${sentence(rng, 15)}.`, `${group}.${i % 10}`, ''];
    }),
  );
  await writeCsv(
    path.join(dir, ESCO_FILES.iscoGroups),
    ['conceptType', 'conceptUri', 'code', 'preferredLabel', 'status', 'altLabels', 'inScheme', 'description'],
    [...groups].map((code) => ['ISCOGroup', `http://data.europa.eu/esco/isco/C${code}`, code, `group ${code} ${sentence(rng, 2)}`, 'released', '', 'http://data.europa.eu/esco/concept-scheme/isco', `${sentence(rng, 30)}.`]),
  );
  await writeCsv(
    path.join(dir, ESCO_FILES.skills),
    ['conceptType', 'conceptUri', 'skillType', 'reuseLevel', 'preferredLabel', 'altLabels', 'hiddenLabels', 'status', 'modifiedDate', 'scopeNote', 'definition', 'inScheme', 'description'],
    skillUris.map((uri, i) => ['KnowledgeSkillCompetence', uri, rng.pick(['skill/competence', 'knowledge']), rng.pick(['sector-specific', 'cross-sector', 'occupation-specific', 'transversal']),
      `skill ${i} ${sentence(rng, 2)}`, `${sentence(rng, 2)}\n${sentence(rng, 2)}`, '', 'released', '2024-01-25T10:12:33.106Z', '', '', 'http://data.europa.eu/esco/concept-scheme/member-skills', `${sentence(rng, 18)}.`]),
  );
  function* relations(): Generator<string[]> {
    for (const [o, occupationUri] of occupationUris.entries()) {
      // A stride coprime with the skill count gives each occupation distinct skills.
      for (let k = 0; k < relationsPerOccupation; k += 1) {
        const s = (o * 7919 + k * 6729) % skills;
        yield [occupationUri, `occupation ${o}`, k % 3 === 0 ? 'optional' : 'essential', 'skill/competence', skillUris[s], `skill ${s}`];
      }
    }
  }
  await writeCsv(path.join(dir, ESCO_FILES.relations), ['occupationUri', 'occupationLabel', 'relationType', 'skillType', 'skillUri', 'skillLabel'], relations());
  return occupationUris.length + skillUris.length + occupationUris.length * relationsPerOccupation;
}

const DEV_TYPES = ['Developer, back-end', 'Developer, front-end', 'Developer, full-stack', 'Developer, mobile', 'Data scientist or machine learning specialist', 'DevOps specialist', 'Student', 'Engineering manager', 'NA'];
const COUNTRIES = ['United States of America', 'Germany', 'United Kingdom of Great Britain and Northern Ireland', 'India', 'Brazil', 'France', 'Poland', 'Canada', 'Netherlands', 'Russian Federation', 'Iran, Islamic Republic of...', 'Viet Nam', 'Republic of Korea', 'Türkiye', 'Hong Kong (S.A.R.)', 'Spain', 'Italy', 'Sweden', 'Australia', 'Japan'];
const TECHNOLOGIES: Record<string, string[]> = {
  LanguageHaveWorkedWith: ['JavaScript', 'HTML/CSS', 'Python', 'SQL', 'TypeScript', 'Bash/Shell (all shells)', 'Java', 'C#', 'C++', 'C', 'PHP', 'Go', 'Rust', 'Kotlin', 'Ruby', 'Swift', 'Dart', 'Scala', 'R', 'Lua'],
  DatabaseHaveWorkedWith: ['PostgreSQL', 'MySQL', 'SQLite', 'Microsoft SQL Server', 'MongoDB', 'Redis', 'MariaDB', 'Elasticsearch', 'Oracle', 'Dynamodb', 'Neo4j', 'Cassandra'],
  PlatformHaveWorkedWith: ['Amazon Web Services (AWS)', 'Microsoft Azure', 'Google Cloud', 'Firebase', 'Cloudflare', 'Digital Ocean', 'Heroku', 'Vercel', 'Netlify', 'Hetzner'],
  WebframeHaveWorkedWith: ['Node.js', 'React', 'jQuery', 'Next.js', 'Express', 'Angular', 'ASP.NET CORE', 'Vue.js', 'Flask', 'Spring Boot', 'Django', 'WordPress', 'FastAPI', 'Laravel', 'Svelte'],
};
/** Further answer columns, so that a row weighs what a real one does (about 2 KB: 150 MB a year). */
const FILLER_COLUMNS = Array.from({ length: 55 }, (_unused, i) => `Q${i + 1}`);

async function generateSurvey(file: string, scale: number): Promise<number> {
  const rows = Math.round(65000 * scale);
  const rng = new Rng(202, 0);
  const pickSome = (items: string[], most: number) => {
    const count = rng.int(most + 1);
    return count === 0 ? 'NA' : [...new Set(Array.from({ length: count }, () => rng.pick(items)))].join(';');
  };
  function* respondents(): Generator<(string | number)[]> {
    for (let i = 1; i <= rows; i += 1) {
      const devType = rng.chance(0.3) ? `${rng.pick(DEV_TYPES.slice(0, 3))};${rng.pick(DEV_TYPES.slice(3, 8))}` : rng.pick(DEV_TYPES);
      const years = rng.chance(0.1) ? 'NA' : rng.chance(0.05) ? 'Less than 1 year' : rng.chance(0.01) ? 'More than 50 years' : String(1 + rng.int(40));
      const compensation = rng.chance(0.4) ? 'NA' : String(Math.round(8000 + rng.next() * rng.next() * 250000));
      const technologies = Object.values(TECHNOLOGIES).map((items) => pickSome(items, 5));
      const filler = FILLER_COLUMNS.map(() => sentence(rng, 4));
      yield [i, devType, rng.pick(COUNTRIES), years, ...technologies, compensation, ...filler];
    }
  }
  await writeCsv(file, ['ResponseId', 'DevType', 'Country', 'YearsCodePro', ...Object.keys(TECHNOLOGIES), 'ConvertedCompYearly', ...FILLER_COLUMNS], respondents(), true);
  return rows;
}

interface Run {
  dataset: string;
  run: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  wallSeconds: number;
  summary: string;
}

function runImporter(args: string[], uri: string): Promise<{ stdout: string; stderr: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(repoRoot, 'dist', 'scripts', 'import.js'), ...args], { env: { ...process.env, NEO4J_URI: uri }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`import ${args.join(' ')} failed (${error.code}):\n${stderr}${stdout}`));
      else resolve({ stdout, stderr, seconds: (Date.now() - started) / 1000 });
    });
  });
}

async function measure(dataset: string, run: string, args: string[], uri: string): Promise<Run> {
  const { stdout, seconds: wallSeconds } = await runImporter(args, uri);
  const figures = /rows read ([\d,]+), .* in ([\d.]+) s \(([\d,]+) rows\/s\), peak RSS (\d+) MB/.exec(stdout);
  if (!figures) throw new Error(`no figures in the importer's summary:\n${stdout}`);
  const number = (text: string) => Number(text.replace(/,/g, ''));
  const result = { dataset, run, rows: number(figures[1]), seconds: Number(figures[2]), rowsPerSecond: number(figures[3]), peakRssMb: Number(figures[4]), wallSeconds, summary: stdout.trim() };
  log(`${dataset} (${run}): ${result.rows.toLocaleString('en')} rows in ${result.seconds} s = ${result.rowsPerSecond.toLocaleString('en')} rows/s, peak RSS ${result.peakRssMb} MB (process wall time ${wallSeconds.toFixed(1)} s)`);
  for (const line of stdout.trim().split('\n')) log(`  ${line}`);
  return result;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const config = readConfig();
  let local: LocalNeo4j | undefined;
  let uri = config.neo4jUri;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bench-import-'));
  try {
    log(`generating files in ${dir} (scale ${options.scale})…`);
    const escoDir = path.join(dir, 'esco');
    fs.mkdirSync(escoDir);
    const surveyFile = path.join(dir, 'survey_results_public.csv');
    const escoRows = await generateEsco(escoDir, options.scale);
    const surveyRows = await generateSurvey(surveyFile, options.scale);
    const size = (file: string) => `${(fs.statSync(file).size / 1e6).toFixed(1)} MB`;
    log(`ESCO: ${escoRows.toLocaleString('en')} rows (${Object.values(ESCO_FILES).map((name) => `${name} ${size(path.join(escoDir, name))}`).join(', ')}); survey: ${surveyRows.toLocaleString('en')} rows (${size(surveyFile)})`);

    if (!uri) {
      const benchDefaults = { NEO4J_HOME: '.neo4j/bench-import', NEO4J_BOLT_PORT: '7791', NEO4J_HEAP: '2g', NEO4J_PAGECACHE: '1g' };
      local = await startLocalNeo4j(readConfig({ ...benchDefaults, ...process.env }), watchedStart(false, log));
      uri = local.uri;
      const graph = Graph.open(graphConnection(config, uri));
      try {
        // Its own database: start from the seed alone, so the first import creates everything.
        while (((await graph.write('MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted'))[0].deleted as number) > 0);
        await prepareDatabase(graph, defaultCypherDirs(repoRoot), 'always');
      } finally {
        await graph.close();
      }
    }
    const batch = options.batchSize ? ['--batch-size', options.batchSize] : [];
    const runs: Run[] = [];
    for (const [dataset, args] of [
      ['ESCO', ['esco', escoDir, '--version', 'v1.2.0', ...batch]],
      ['survey', ['so-survey', surveyFile, '--year', '2024', ...batch]],
    ] as const) {
      runs.push(await measure(dataset, 'first import', [...args], uri));
      runs.push(await measure(dataset, 're-import', [...args], uri));
    }
    console.log('\n| dataset | run | rows | seconds | rows/s | peak RSS MB |\n| --- | --- | ---: | ---: | ---: | ---: |');
    for (const run of runs) console.log(`| ${run.dataset} | ${run.run} | ${run.rows.toLocaleString('en')} | ${run.seconds} | ${run.rowsPerSecond.toLocaleString('en')} | ${run.peakRssMb} |`);
    console.log('\nTargets: at least 20,000 rows/s; the importer\'s RSS at most 250 MB.');
  } finally {
    if (local?.startedHere) await local.stop();
    if (options.keep) log(`files kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`bench:import failed: ${error.message}`);
  process.exit(1);
});
