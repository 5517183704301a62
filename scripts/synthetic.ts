import path from 'node:path';
import neo4j, { Driver } from 'neo4j-driver';
import { graphConnection, readConfig, repoRoot } from '../src/config';
import { applySchema, cypherFiles, defaultCypherDirs, runCypherFiles } from '../src/graph/cypher-files';
import { Graph } from '../src/graph/driver';
import { SORT_NAMES_FILE } from '../src/model/schema-cypher';
import { sortNameStamp } from '../src/model/sort-name';
import { slug } from '../src/modules/slug';
import { cites, collaboratesWith, earns, hasResponsibility, involves, memberOf, RelationshipDeclaration, requires, uses } from '../src/model/model';

/**
 * `npm run seed:synthetic -- --scale N`: a deterministic synthetic knowledge graph for benchmarks, loaded
 * next to the default seed graph (which is applied too, as `npm run seed` does).
 *
 * Scale 1 is about 100,000 nodes and 300,000 relationships; scale 10 about 1 million and 3 million.
 * The same scale always gives the same graph: every value comes from a hash of (seed, stream, index),
 * never from Math.random or the clock, so entity i is the same whichever order it is generated in.
 *
 * Every synthetic node has the labels of the model (its domain label + Node), `origin: 'synthetic'`, and
 * an id `syn-<kind>-<n>-<slug of its name>`: the seed's ids never start with `syn-`, and the load refuses
 * to start when a non-synthetic node has such an id, so the two can never collide. A Source node
 * `syn-dataset` records the scale and generator version and is marked complete only once everything is in.
 *
 * Options: --scale N (default 1; fractions such as 0.05 for a quick look), --batch ROWS (10000 per
 * transaction), --force (reload even when the same scale is already loaded), --remove (only delete the
 * synthetic data), --plan (print the counts and exit). Connects like `npm run seed`: NEO4J_URI, else the
 * local Neo4j on NEO4J_BOLT_PORT.
 */

/** Bump when the generator changes what it produces, so an old load is replaced. */
export const GENERATOR_VERSION = 1;
const SEED = 0x5eed_2024;
export const SYNTHETIC_PREFIX = 'syn-';
export const DATASET_ID = 'syn-dataset';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** The murmur3 finaliser: a good 32-bit mixing function. */
function mix(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A small generator of uniform numbers in [0, 1) seeded by (SEED, stream, index): random access by entity. */
export class Rng {
  private state: number;

  constructor(stream: number, index: number) {
    this.state = mix(mix(SEED ^ Math.imul(stream + 1, 0x9e3779b9)) ^ Math.imul(index + 1, 0x632be5ab));
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    return mix(this.state) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Streams: one per kind of decision, so adding one never shifts the values of another. */
const S = {
  teamName: 1,
  sourceName: 2,
  roleName: 3,
  respName: 4,
  techName: 5,
  skillName: 6,
  memberOf: 10,
  shared: 11,
  involves: 12,
  uses: 13,
  requires: 14,
  collaborates: 15,
  salary: 16,
  cites: 17,
} as const;

// ---------------------------------------------------------------------------------------------
// The plan: how many of each, from the scale

export interface Plan {
  scale: number;
  teams: number;
  sources: number;
  roles: number;
  /** Each role owns this many responsibilities; a quarter of them are shared with a second role. */
  responsibilitiesPerRole: number;
  responsibilities: number;
  technologies: number;
  /** The popular technologies/skills (the first of them): a fifth of the picks go to them. */
  popularTechnologies: number;
  skills: number;
  popularSkills: number;
  salariesPerRole: number;
  salaries: number;
  involvesPerResponsibility: number;
  usesPerRole: number;
  requiresPerRole: number;
  collaborationsPerRole: number;
}

export function planFor(scale: number): Plan {
  if (!(scale > 0) || scale > 1000) throw new Error(`--scale must be a number above 0 (at most 1000), got ${scale}`);
  const n = (perUnit: number) => Math.max(1, Math.round(perUnit * scale));
  const roles = Math.max(2, n(500));
  const technologies = Math.max(20, n(35_000));
  const skills = Math.max(20, n(10_000));
  return {
    scale,
    teams: n(25),
    sources: n(400),
    roles,
    responsibilitiesPerRole: 8,
    responsibilities: roles * 8,
    technologies,
    popularTechnologies: Math.max(1, Math.round(technologies * 0.02)),
    skills,
    popularSkills: Math.max(1, Math.round(skills * 0.05)),
    salariesPerRole: 100,
    salaries: roles * 100,
    involvesPerResponsibility: 12,
    usesPerRole: 100,
    requiresPerRole: 40,
    collaborationsPerRole: 3,
  };
}

/** Node count of a plan (the dataset marker included); relationships are counted as they are generated. */
export function plannedNodes(plan: Plan): number {
  return plan.teams + plan.sources + plan.roles + plan.responsibilities + plan.technologies + plan.skills + plan.salaries + 1;
}

// ---------------------------------------------------------------------------------------------
// Names and ids

const DOMAINS = [
  'Payments', 'Search', 'Mobile', 'Data Platform', 'Cloud', 'Security', 'Growth', 'Identity', 'Observability',
  'Billing', 'Checkout', 'Logistics', 'Machine Learning', 'Analytics', 'Messaging', 'Media', 'Maps', 'Ads',
  'Infrastructure', 'Developer Experience', 'Commerce', 'Catalog', 'Recommendations', 'Notifications', 'Fraud',
  'Risk', 'Compliance', 'Onboarding', 'Support Tools', 'Streaming', 'Gaming', 'Health', 'Learning', 'Travel',
  'Insurance', 'Banking', 'Telemetry', 'Edge', 'Storage', 'Networking',
] as const;
const DISCIPLINES = [
  'Backend', 'Frontend', 'Full-Stack', 'Site Reliability', 'QA', 'Data', 'Platform', 'Embedded', 'API', 'DevOps',
  'Mobile', 'Security',
] as const;
const TITLES = ['Developer', 'Engineer', 'Architect', 'Specialist', 'Consultant', 'Lead'] as const;

const PREFIXES = [
  'Apache', 'Open', 'Cloud', 'Hyper', 'Micro', 'Quantum', 'Rapid', 'Nano', 'Meta', 'Neo', 'Turbo', 'Blue', 'Red',
  'Iron', 'Silver', 'Polar', 'Solar', 'Astro', 'Terra', 'Aqua', 'Nimbus', 'Vector', 'Delta', 'Sigma', 'Zen',
  'Swift', 'Bright', 'Deep', 'Pico', 'Ultra', 'Omni', 'Prime', 'Stellar', 'Arctic', 'Echo', 'Lumen',
] as const;
const CORES = [
  'Flux', 'Stream', 'Base', 'Forge', 'Grid', 'Mesh', 'Pipe', 'Vault', 'Lens', 'Spark', 'Hive', 'Nest', 'Dock',
  'Wave', 'Pulse', 'Bolt', 'Shift', 'Sync', 'Cast', 'Port', 'Link', 'Gate', 'Core', 'Scope', 'Trail', 'Leaf',
  'Root', 'Stack', 'Frame', 'Loop', 'Node', 'Cache', 'Queue', 'Log', 'Map', 'Graph', 'Table', 'Script', 'Kit', 'Flow',
] as const;
export const TECHNOLOGY_KINDS = ['SERVER', 'DATABASE', 'APPLICATION', 'LANGUAGE', 'FRAMEWORK', 'TOOL'] as const;
type Kind = (typeof TECHNOLOGY_KINDS)[number];
/** Cumulative share of each kind: tools and frameworks are the most numerous, languages the rarest. */
const KIND_SHARES: [Kind, number][] = [
  ['SERVER', 0.1], ['DATABASE', 0.25], ['APPLICATION', 0.4], ['LANGUAGE', 0.45], ['FRAMEWORK', 0.7], ['TOOL', 1],
];
const KIND_SUFFIXES: Record<Kind, readonly string[]> = {
  SERVER: ['Server', 'Proxy', 'Gateway', 'Runtime', 'Engine'],
  DATABASE: ['DB', 'SQL', 'Store', 'Base', 'KV'],
  APPLICATION: ['Studio', 'Desk', 'Suite', 'Portal', 'Console'],
  LANGUAGE: ['Lang', 'Script', '++', '#', 'ML'],
  FRAMEWORK: ['.js', 'Kit', 'UI', 'MVC', 'Boot'],
  TOOL: ['CLI', 'CI', 'Ops', 'Lint', 'Build'],
};
const KIND_NOUNS: Record<Kind, string> = {
  SERVER: 'server', DATABASE: 'database', APPLICATION: 'application', LANGUAGE: 'programming language',
  FRAMEWORK: 'framework', TOOL: 'tool',
};
const SKILL_TOPICS = [
  'Stream processing', 'Query', 'API', 'Schema', 'Cache', 'Container', 'Network', 'Browser', 'Accessibility',
  'Concurrency', 'Memory', 'Build', 'Release', 'Incident', 'Capacity', 'Cost', 'Data', 'Search', 'Graph',
  'Event', 'Identity', 'Encryption', 'Localisation', 'Performance', 'Mobile', 'UI', 'Test', 'Log', 'Metrics',
  'Migration', 'Protocol', 'Storage', 'Queue', 'Workflow', 'Model', 'Pipeline',
] as const;
const SKILL_ASPECTS = [
  'design', 'tuning', 'testing', 'debugging', 'modelling', 'security', 'operations', 'architecture', 'automation',
  'monitoring', 'optimisation', 'fundamentals', 'review', 'planning',
] as const;
const SKILL_CATEGORIES = ['Programming', 'Data', 'Architecture', 'Development', 'Operations', 'Security', 'Testing', 'Communication'] as const;
export const SKILL_LEVELS = ['basic', 'good', 'excellent', 'fluent', 'master'] as const;
const VERBS = ['Maintain', 'Design', 'Operate', 'Migrate', 'Secure', 'Monitor', 'Scale', 'Test', 'Document', 'Optimise', 'Build', 'Review'] as const;
const OBJECTS = [
  'the public API', 'data pipelines', 'the release process', 'the service mesh', 'customer dashboards',
  'the search index', 'background jobs', 'the design system', 'database schemas', 'access control',
  'the mobile app', 'integration tests', 'the event bus', 'cloud costs', 'on-call runbooks', 'the build system',
  'feature flags', 'the data warehouse', 'caching layers', 'partner integrations',
] as const;
const PUBLISHERS = [
  'DevPulse', 'TechPay Index', 'CodeCensus', 'SalaryScope', 'HireMetrics', 'StackStats', 'GitTrends',
  'CloudCompass', 'PayBench', 'TalentRadar', 'ByteSurvey', 'EngLadder', 'WorkWise', 'TechTally', 'DevWages',
  'CareerGraph', 'SkillSignal', 'RoleRank', 'CompWatch', 'Trendline',
] as const;
const REPORTS = ['Developer Survey', 'Salary Report', 'Technology Radar', 'Skills Index', 'Hiring Trends'] as const;
const REASONS = [
  'Agree the API contract before either side starts.', 'Share an on-call rotation.', 'Pair on releases that touch both.',
  'Review each other\'s designs.', 'Own a service together.', 'Plan the quarter together.',
] as const;
const SENIORITIES = ['JUNIOR', 'MID', 'SENIOR', 'LEAD'] as const;
const SENIORITY_FACTOR: Record<(typeof SENIORITIES)[number], number> = { JUNIOR: 0.65, MID: 1, SENIOR: 1.35, LEAD: 1.7 };
/** Country, its currency, a typical mid-level yearly salary in that currency, and its English name. */
const COUNTRIES: [string, string, number, string][] = [
  ['AU', 'AUD', 105_000, 'Australia'], ['DE', 'EUR', 62_000, 'Germany'], ['FR', 'EUR', 50_000, 'France'],
  ['NL', 'EUR', 58_000, 'Netherlands'], ['ES', 'EUR', 38_000, 'Spain'], ['US', 'USD', 120_000, 'United States'],
  ['GB', 'GBP', 60_000, 'United Kingdom'], ['IN', 'INR', 1_200_000, 'India'], ['CA', 'CAD', 95_000, 'Canada'],
  ['JP', 'JPY', 6_500_000, 'Japan'], ['BR', 'BRL', 120_000, 'Brazil'], ['PL', 'PLN', 180_000, 'Poland'],
  ['CH', 'CHF', 115_000, 'Switzerland'], ['SE', 'SEK', 600_000, 'Sweden'],
];
const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

/** `syn-<code>-<n>-<slug of name>`, at most 100 characters (the API's id limit). */
function syntheticId(code: string, index: number, name: string): string {
  const head = `${SYNTHETIC_PREFIX}${code}-${index}`;
  const tail = slug(name).slice(0, 95 - head.length).replace(/-+$/, '');
  return tail ? `${head}-${tail}` : head;
}

function roleName(i: number): string {
  const r = new Rng(S.roleName, i);
  const base = `${r.pick(DOMAINS)} ${r.pick(DISCIPLINES)} ${r.pick(TITLES)}`;
  return r.chance(0.3) ? `${base} ${r.pick(['II', 'III', 'IV'])}` : base;
}
export const roleId = (i: number) => syntheticId('role', i, roleName(i));

function teamName(i: number): string {
  return `${DOMAINS[i % DOMAINS.length]} team${i >= DOMAINS.length ? ` ${Math.floor(i / DOMAINS.length) + 1}` : ''}`;
}
const teamId = (i: number) => syntheticId('team', i, teamName(i));

function sourceName(i: number): string {
  const r = new Rng(S.sourceName, i);
  return `${PUBLISHERS[i % PUBLISHERS.length]} ${r.pick(REPORTS)} ${r.pick(YEARS)}`;
}
const sourceId = (i: number) => syntheticId('src', i, sourceName(i));

function responsibilityName(i: number): string {
  const r = new Rng(S.respName, i);
  return `${r.pick(VERBS)} ${r.pick(OBJECTS)}`;
}
const responsibilityId = (i: number) => syntheticId('resp', i, responsibilityName(i));

function technologyKind(i: number): Kind {
  const u = new Rng(S.techName, i).next();
  return KIND_SHARES.find(([, share]) => u < share)![0];
}
function technologyName(i: number): string {
  const r = new Rng(S.techName, i);
  const kind = KIND_SHARES.find(([, share]) => r.next() < share)![0];
  const name = `${r.pick(PREFIXES)} ${r.pick(CORES)}${r.pick(KIND_SUFFIXES[kind])}`;
  return r.chance(0.6) ? `${name} ${1 + r.int(12)}` : name;
}
export const technologyId = (i: number) => syntheticId('tech', i, technologyName(i));

function skillName(i: number): string {
  const r = new Rng(S.skillName, i);
  const name = `${r.pick(SKILL_TOPICS)} ${r.pick(SKILL_ASPECTS)}`;
  return r.chance(0.5) ? `${name} ${r.pick(['I', 'II', 'III', 'for teams', 'at scale', 'in practice'])}` : name;
}
const skillId = (i: number) => syntheticId('skill', i, skillName(i));

// ---------------------------------------------------------------------------------------------
// Rows

type Row = Record<string, unknown>;

export interface NodeBatchSpec {
  label: string;
  count: number;
  row: (i: number) => Row;
  /** SET clause (beyond id) over `row`; `n` is the new node. */
  set: string;
}

function nodeSpecs(plan: Plan): NodeBatchSpec[] {
  return [
    {
      label: 'Team',
      count: plan.teams,
      row: (i) => ({ id: teamId(i), name: teamName(i), description: `Builds and runs ${DOMAINS[i % DOMAINS.length].toLowerCase()}.` }),
      set: 'n.name = row.name, n.description = row.description',
    },
    {
      label: 'Source',
      count: plan.sources,
      row: (i) => {
        const r = new Rng(S.sourceName, i);
        const name = sourceName(i);
        r.next();
        const year = r.pick(YEARS);
        const publisher = PUBLISHERS[i % PUBLISHERS.length];
        return {
          id: sourceId(i),
          name,
          publisher,
          url: `https://${slug(publisher)}.example/${slug(name)}`,
          year,
          description: `Synthetic ${name.toLowerCase()} by ${publisher}.`,
        };
      },
      set: 'n.name = row.name, n.publisher = row.publisher, n.url = row.url, n.year = toInteger(row.year), n.description = row.description',
    },
    {
      label: 'Role',
      count: plan.roles,
      row: (i) => {
        const name = roleName(i);
        return { id: roleId(i), name, summary: `Works as a ${name.toLowerCase()} on ${DOMAINS[i % DOMAINS.length].toLowerCase()}.` };
      },
      set: 'n.name = row.name, n.summary = row.summary',
    },
    {
      label: 'Responsibility',
      count: plan.responsibilities,
      row: (i) => {
        const name = responsibilityName(i);
        return { id: responsibilityId(i), name, description: `${name}, day to day and when things go wrong.` };
      },
      set: 'n.name = row.name, n.description = row.description',
    },
    {
      label: 'Technology',
      count: plan.technologies,
      row: (i) => {
        const name = technologyName(i);
        const kind = technologyKind(i);
        return { id: technologyId(i), name, kind, description: `A ${KIND_NOUNS[kind]}.` };
      },
      set: 'n.name = row.name, n.kind = row.kind, n.description = row.description',
    },
    {
      label: 'Skill',
      count: plan.skills,
      row: (i) => {
        const name = skillName(i);
        return { id: skillId(i), name, category: SKILL_CATEGORIES[i % SKILL_CATEGORIES.length], description: `${name}.` };
      },
      set: 'n.name = row.name, n.category = row.category, n.description = row.description',
    },
    {
      label: 'Salary',
      count: plan.salaries,
      row: (i) => salaryRow(plan, i),
      set:
        'n.name = row.name, n.amount = row.amount, n.currency = row.currency, n.country = row.country, ' +
        'n.year = toInteger(row.year), n.seniority = row.seniority, n.period = row.period',
    },
  ];
}

/** The (country, year) pairs role `role` has salary figures for: 25 distinct, each at 4 seniorities. */
function salaryCells(role: number): [number, number][] {
  const r = new Rng(S.salary, role);
  const all: [number, number][] = [];
  for (let c = 0; c < COUNTRIES.length; c += 1) for (let y = 0; y < YEARS.length; y += 1) all.push([c, y]);
  for (let k = 0; k < 25; k += 1) {
    const j = k + r.int(all.length - k);
    [all[k], all[j]] = [all[j], all[k]];
  }
  return all.slice(0, 25);
}

function salaryRow(plan: Plan, i: number): Row {
  const role = Math.floor(i / plan.salariesPerRole);
  const k = i % plan.salariesPerRole;
  const [c, y] = salaryCells(role)[Math.floor(k / SENIORITIES.length) % 25];
  const seniority = SENIORITIES[k % SENIORITIES.length];
  const [country, currency, typical, countryName] = COUNTRIES[c];
  const year = YEARS[y];
  const r = new Rng(S.salary, plan.roles + i);
  const roleFactor = 0.8 + new Rng(S.roleName, role).next() * 0.5;
  const u = r.next();
  const period = u < 0.8 ? 'YEAR' : u < 0.92 ? 'MONTH' : 'HOUR';
  const yearly = typical * SENIORITY_FACTOR[seniority] * roleFactor * (1 + (year - 2018) * 0.03) * (0.85 + r.next() * 0.3);
  const amount = period === 'YEAR' ? yearly : period === 'MONTH' ? yearly / 12 : yearly / 1_800;
  const name = `${seniority.charAt(0)}${seniority.slice(1).toLowerCase()} ${roleName(role)}, ${countryName} ${year}`;
  return {
    id: syntheticId('sal', i, name),
    name,
    amount: Math.round(amount * 100) / 100,
    currency,
    country,
    year,
    seniority,
    period,
  };
}

/** k distinct values of `draw()` (gives up duplicates after a few tries: the pools are large). */
function distinct(k: number, draw: () => number): number[] {
  const seen = new Set<number>();
  for (let tries = 0; seen.size < k && tries < k * 4; tries += 1) seen.add(draw());
  return [...seen];
}

/** A fifth of the picks go to the popular head (the first `popular` items), the rest anywhere. */
function popular(r: Rng, total: number, head: number): number {
  return r.chance(0.2) ? r.int(head) : r.int(total);
}

export interface RelSpec {
  relation: RelationshipDeclaration;
  /** The start node's label, when the relation's is any node (CITES). */
  from?: string;
  /** Relationship properties set from `row` besides origin. */
  set?: string;
  /** Rows {f, t, ...} of one source entity. */
  count: number;
  rows: (i: number) => Row[];
}

function relSpecs(plan: Plan): RelSpec[] {
  const responsibilityOwner = (j: number) => Math.floor(j / plan.responsibilitiesPerRole);
  return [
    {
      relation: memberOf, count: plan.roles,
      rows: (i) => {
        const r = new Rng(S.memberOf, i);
        const teams = [Math.floor(i / 20) % plan.teams];
        if (plan.teams > 1 && r.chance(0.4)) teams.push((teams[0] + 1 + r.int(plan.teams - 1)) % plan.teams);
        return teams.map((t) => ({ f: roleId(i), t: teamId(t) }));
      },
    },
    {
      relation: hasResponsibility, count: plan.responsibilities,
      rows: (j) => {
        const r = new Rng(S.shared, j);
        const owner = responsibilityOwner(j);
        const rows = [{ f: roleId(owner), t: responsibilityId(j) }];
        if (r.chance(0.25)) rows.push({ f: roleId((owner + 1 + r.int(plan.roles - 1)) % plan.roles), t: responsibilityId(j) });
        return rows;
      },
    },
    {
      relation: involves, count: plan.responsibilities,
      rows: (j) => {
        const r = new Rng(S.involves, j);
        return distinct(plan.involvesPerResponsibility, () => popular(r, plan.technologies, plan.popularTechnologies)).map((t) => ({
          f: responsibilityId(j),
          t: technologyId(t),
        }));
      },
    },
    {
      relation: uses, count: plan.roles,
      rows: (i) => {
        const r = new Rng(S.uses, i);
        return distinct(plan.usesPerRole, () => popular(r, plan.technologies, plan.popularTechnologies)).map((t) => ({
          f: roleId(i),
          t: technologyId(t),
        }));
      },
    },
    {
      relation: requires, count: plan.roles, set: 'r.level = row.level',
      rows: (i) => {
        const r = new Rng(S.requires, i);
        return distinct(plan.requiresPerRole, () => popular(r, plan.skills, plan.popularSkills)).map((s) => ({
          f: roleId(i),
          t: skillId(s),
          level: r.chance(0.1) ? null : r.pick(SKILL_LEVELS),
        }));
      },
    },
    {
      relation: collaboratesWith, count: plan.roles, set: 'r.reason = row.reason',
      rows: (i) => {
        const r = new Rng(S.collaborates, i);
        const partners = distinct(plan.collaborationsPerRole, () => i + 1 + r.int(60)).filter((j) => j < plan.roles);
        return partners.map((j) => ({ f: roleId(i), t: roleId(j), reason: r.pick(REASONS) }));
      },
    },
    {
      relation: earns, count: plan.salaries,
      rows: (i) => [{ f: roleId(Math.floor(i / plan.salariesPerRole)), t: salaryRow(plan, i).id }],
    },
    // Provenance: every synthetic fact cites one synthetic source (technologies one or two).
    ...(
      [
        ['Role', plan.roles, roleId, 1],
        ['Responsibility', plan.responsibilities, responsibilityId, 1],
        ['Technology', plan.technologies, technologyId, 2],
        ['Skill', plan.skills, skillId, 1],
        ['Salary', plan.salaries, (i: number) => salaryRow(plan, i).id, 1],
      ] as [string, number, (i: number) => string, number][]
    ).map(
      ([label, count, id, most], stream): RelSpec => ({
        relation: cites, from: label, count,
        rows: (i) => {
          const r = new Rng(S.cites * 100 + stream, i);
          const k = most > 1 && r.chance(0.5) ? 2 : 1;
          return distinct(k, () => r.int(plan.sources)).map((s) => ({ f: id(i), t: sourceId(s) }));
        },
      }),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Loading

export interface LoadOptions {
  scale: number;
  batch?: number;
  force?: boolean;
  log?: (line: string) => void;
}

export interface DatasetState {
  scale: number | null;
  version: number | null;
  complete: boolean;
  nodes: number;
  relationships: number;
}

export async function datasetState(driver: Driver, database?: string): Promise<DatasetState> {
  const { records } = await driver.executeQuery(
    `OPTIONAL MATCH (d:Source {id: $id})
     RETURN d.syntheticScale AS scale, d.syntheticVersion AS version, coalesce(d.complete, false) AS complete,
            COUNT { (:Node) } AS nodes, COUNT { ()-[]->() } AS relationships`,
    { id: DATASET_ID },
    { database, routing: neo4j.routing.READ },
  );
  const row = records[0].toObject();
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    scale: number(row.scale),
    version: number(row.version),
    complete: Boolean(row.complete),
    nodes: Number(row.nodes),
    relationships: Number(row.relationships),
  };
}

const fmt = (value: number) => Math.round(value).toLocaleString('en-US');

/** Deletes every synthetic node (and so its relationships) in transactions of `batch` nodes. */
export async function removeSynthetic(driver: Driver, database: string | undefined, batch: number, log: (line: string) => void): Promise<number> {
  let removed = 0;
  for (;;) {
    const { records } = await driver.executeQuery(
      `MATCH (n:Node) WHERE n.origin = 'synthetic' WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS removed`,
      { batch: neo4j.int(batch) },
      { database, routing: neo4j.routing.WRITE },
    );
    const count = Number(records[0].get('removed'));
    removed += count;
    if (count > 0) log(`  removed ${fmt(removed)} synthetic nodes…`);
    if (count < batch) return removed;
  }
}

export interface LoadReport {
  loaded: boolean;
  nodes: number;
  relationships: number;
  seconds: number;
  nodesPerSecond: number;
  relationshipsPerSecond: number;
}

/**
 * Applies cypher/schema and the default seed, then loads the synthetic graph of `scale` unless that exact
 * one (same scale and generator version, complete) is already there. Batches of `batch` rows per
 * transaction, parameterised UNWIND.
 */
export async function loadSynthetic(graph: Graph, driver: Driver, database: string | undefined, options: LoadOptions): Promise<LoadReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const batch = options.batch ?? 10_000;
  const plan = planFor(options.scale);
  const dirs = defaultCypherDirs(repoRoot);
  log('applying cypher/schema and cypher/seed…');
  await applySchema(graph, dirs.schema);
  await runCypherFiles(graph, [...cypherFiles(dirs.seed), path.join(dirs.schema, SORT_NAMES_FILE)]);

  const state = await datasetState(driver, database);
  if (!options.force && state.complete && state.scale === plan.scale && state.version === GENERATOR_VERSION) {
    log(`synthetic graph of scale ${plan.scale} already loaded (${fmt(state.nodes)} nodes, ${fmt(state.relationships)} relationships in the database)`);
    return { loaded: false, nodes: 0, relationships: 0, seconds: 0, nodesPerSecond: 0, relationshipsPerSecond: 0 };
  }
  const { records: clashes } = await driver.executeQuery(
    `MATCH (n:Node) WHERE n.id STARTS WITH $prefix AND coalesce(n.origin, '') <> 'synthetic' RETURN n.id AS id LIMIT 5`,
    { prefix: SYNTHETIC_PREFIX },
    { database, routing: neo4j.routing.READ },
  );
  if (clashes.length > 0) {
    throw new Error(`non-synthetic nodes use the reserved id prefix "${SYNTHETIC_PREFIX}": ${clashes.map((r) => r.get('id')).join(', ')}`);
  }
  if (state.scale !== null || state.complete) {
    log(`replacing the synthetic graph in the database (scale ${state.scale}, version ${state.version}, ${state.complete ? 'complete' : 'incomplete'})…`);
  }
  await removeSynthetic(driver, database, batch, log);

  const started = Date.now();
  let lastLog = 0;
  /** Logs at most every 2 s, and always at the end of a label or type. */
  const progress = (last: boolean, line: () => string) => {
    if (!last && Date.now() - lastLog < 2_000) return;
    lastLog = Date.now();
    log(line());
  };
  const run = async (cypher: string, rows: Row[]) => {
    await driver.executeQuery(cypher, { rows, now: neo4j.types.DateTime.fromStandardDate(new Date(started)) }, { database, routing: neo4j.routing.WRITE });
  };
  await run(
    `UNWIND $rows AS row CREATE (n:Source:Node {id: row.id})
     SET n.name = row.name, n.description = row.description, n.origin = 'synthetic', n.createdAt = $now,
         n.syntheticScale = row.scale, n.syntheticVersion = row.version, n.complete = false
     SET ${sortNameStamp('n')}`,
    [{ id: DATASET_ID, name: 'Synthetic benchmark dataset', description: `Generated by npm run seed:synthetic -- --scale ${plan.scale}.`, scale: plan.scale, version: GENERATOR_VERSION }],
  );

  let nodes = 1;
  const total = plannedNodes(plan);
  log(`loading ${fmt(total)} synthetic nodes (scale ${plan.scale}) in transactions of ${fmt(batch)} rows…`);
  const nodeStart = Date.now();
  for (const spec of nodeSpecs(plan)) {
    const cypher = `UNWIND $rows AS row CREATE (n:${spec.label}:Node {id: row.id})
      SET ${spec.set}, n.origin = 'synthetic', n.createdAt = $now
      SET ${sortNameStamp('n')}`;
    for (let from = 0; from < spec.count; from += batch) {
      const rows: Row[] = [];
      for (let i = from; i < Math.min(spec.count, from + batch); i += 1) rows.push(spec.row(i));
      await run(cypher, rows);
      nodes += rows.length;
      const done = Math.min(spec.count, from + batch);
      progress(done === spec.count, () => {
        const seconds = (Date.now() - nodeStart) / 1000;
        return `  ${spec.label.padEnd(14)} ${fmt(done).padStart(9)}/${fmt(spec.count)}   nodes ${fmt(nodes)}/${fmt(total)}   ${fmt(nodes / seconds)} nodes/s`;
      });
    }
  }
  const nodeSeconds = (Date.now() - nodeStart) / 1000;

  log('loading synthetic relationships…');
  const relStart = Date.now();
  let relationships = 0;
  for (const spec of relSpecs(plan)) {
    const { type, to } = spec.relation;
    const from = spec.from ?? spec.relation.from;
    const cypher = `UNWIND $rows AS row
      MATCH (a:${from} {id: row.f}) MATCH (b:${to} {id: row.t})
      CREATE (a)-[r:${type}]->(b) SET r.origin = 'synthetic'${spec.set ? `, ${spec.set}` : ''}`;
    let rows: Row[] = [];
    let done = 0;
    const flush = async () => {
      await run(cypher, rows);
      relationships += rows.length;
      progress(done === spec.count, () => {
        const seconds = (Date.now() - relStart) / 1000;
        const what = `${type} ${from}->${to}`;
        return `  ${what.padEnd(34)} ${fmt(done).padStart(9)}/${fmt(spec.count)}   rels ${fmt(relationships)}   ${fmt(relationships / seconds)} rels/s`;
      });
      rows = [];
    };
    for (let i = 0; i < spec.count; i += 1) {
      rows.push(...spec.rows(i));
      done = i + 1;
      if (rows.length >= batch) await flush();
    }
    if (rows.length > 0) await flush();
  }
  const relSeconds = (Date.now() - relStart) / 1000;

  await driver.executeQuery(`MATCH (d:Source {id: $id}) SET d.complete = true, d.loadedAt = datetime()`, { id: DATASET_ID }, { database, routing: neo4j.routing.WRITE });
  const seconds = (Date.now() - started) / 1000;
  const report: LoadReport = {
    loaded: true,
    nodes,
    relationships,
    seconds,
    nodesPerSecond: nodes / nodeSeconds,
    relationshipsPerSecond: relationships / relSeconds,
  };
  log(
    `loaded ${fmt(nodes)} nodes in ${nodeSeconds.toFixed(1)} s (${fmt(report.nodesPerSecond)} nodes/s) and ` +
      `${fmt(relationships)} relationships in ${relSeconds.toFixed(1)} s (${fmt(report.relationshipsPerSecond)} rels/s); ${seconds.toFixed(1)} s in all`,
  );
  return report;
}

// ---------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv: string[]): { scale: number; batch: number; force: boolean; remove: boolean; plan: boolean } {
  const options = { scale: 1, batch: 10_000, force: false, remove: false, plan: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const next = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[(i += 1)];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return Number(next);
    };
    if (arg === '--scale' || arg.startsWith('--scale=')) options.scale = value();
    else if (arg === '--batch' || arg.startsWith('--batch=')) options.batch = value();
    else if (arg === '--force') options.force = true;
    else if (arg === '--remove') options.remove = true;
    else if (arg === '--plan') options.plan = true;
    else throw new Error(`unknown argument ${arg} (use --scale N, --batch ROWS, --force, --remove, --plan)`);
  }
  if (!Number.isInteger(options.batch) || options.batch < 1 || options.batch > 100_000) throw new Error('--batch must be an integer from 1 to 100000');
  planFor(options.scale);
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const plan = planFor(options.scale);
  if (options.plan) {
    console.log(JSON.stringify({ ...plan, nodes: plannedNodes(plan) }, null, 2));
    return;
  }
  const config = readConfig();
  const connection = graphConnection(config);
  const { uri } = connection;
  const graph = Graph.open(connection);
  const driver = neo4j.driver(uri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), { disableLosslessIntegers: true });
  try {
    if (options.remove) {
      const removed = await removeSynthetic(driver, config.neo4jDatabase, options.batch, (line) => console.log(line));
      console.log(`removed ${fmt(removed)} synthetic nodes from ${uri}`);
      return;
    }
    await loadSynthetic(graph, driver, config.neo4jDatabase, { scale: options.scale, batch: options.batch, force: options.force });
    const state = await datasetState(driver, config.neo4jDatabase);
    console.log(`Graph at ${uri}: ${fmt(state.nodes)} nodes, ${fmt(state.relationships)} relationships`);
  } finally {
    await driver.close();
    await graph.close();
  }
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(`Synthetic seeding failed: ${error.message}`);
    process.exit(1);
  });
}
