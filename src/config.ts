import fs from 'node:fs';
import path from 'node:path';

/** Browser origins that may read answers (CORS_ORIGINS; src/http/cors.ts). */
export interface CorsConfig {
  /** Exact origins (scheme://host[:port]) allowed to read answers from a browser. */
  origins: string[];
  /** Outside production, any http://localhost:* and http://127.0.0.1:* too, so a front-end dev server works at once. */
  allowLoopback: boolean;
}

/** How tokens are verified (src/security/auth.ts). */
export interface AuthConfig {
  jwtSecret?: string;
  jwtPublicKey?: string;
  jwtAlgorithm: 'HS256' | 'RS256' | 'ES256';
  jwtIssuer?: string;
  jwtAudience?: string;
  requireAuthForReads: boolean;
}

/** How queries are executed (src/execution/executor.ts). */
export interface ExecutionConfig {
  /** Answer fully compiled queries from Neo4j's value without graphql-js's field-by-field walk (FAST_PATH). */
  fastPath: boolean;
  /** Entries of each per-operation cache: compiled operations, and costs (OPERATION_CACHE_SIZE). */
  operationCacheSize: number;
}

/**
 * Where `graphChanged` hears of changes (src/graph/change-feed.ts): `database`, the change log every writer's
 * transaction leaves (the local Neo4j, and one with the project's plugin); `api`, only the API's own writes.
 */
export interface ChangesConfig {
  feed: 'database' | 'api';
  pollMs: number;
  retention: { entries: number; maxAgeMs: number };
}

/** The WebSocket's limits (src/http/subscriptions.ts). */
export interface SubscriptionsConfig {
  /** MAX_SUBSCRIPTIONS_PER_CONNECTION: subscriptions one socket may run at once. */
  maxPerConnection: number;
  /** MAX_SOCKETS_PER_CLIENT: open sockets per client address; the next upgrade is answered 429. */
  maxSocketsPerClient: number;
  /** WS_INIT_TIMEOUT_MS: a socket that sends no connection_init by then is closed with 4408. */
  initTimeoutMs: number;
  /** WS_KEEPALIVE_MS: the server pings this often and drops a socket whose pong does not come back in as long. */
  keepAliveMs: number;
}

/** The most one operation may answer (MAX_RESULT_ITEMS, MAX_RESULT_BYTES), whatever its cost estimate said. */
export interface ResultLimits {
  maxResultItems: number;
  maxResultBytes: number;
}

/** Limits a public API puts on one operation and on one client; every one is configurable. */
export interface LimitsConfig extends ResultLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** Parser token limit: a huge document is refused before it is even parsed whole. */
  maxTokens: number;
  /** Largest request body, and largest WebSocket message, in bytes (MAX_BODY_SIZE). */
  maxBodyBytes: number;
  windowSeconds: number;
  requestsPerWindow: number;
  costPerWindow: number;
}

/** Every setting the server reads, typed and validated once at start (see the README's table). */
export interface TracingConfig {
  /** OTEL_EXPORTER_OTLP_ENDPOINT: the OTLP/HTTP collector spans go to; unset = no tracing. */
  otlpEndpoint: string | undefined;
  /** OTEL_SERVICE_NAME, the traces' `service.name`. */
  serviceName: string;
}

export interface Config {
  port: number;
  host: string;
  production: boolean;
  logLevel: string;
  /** 'auto': pretty on a terminal outside production, JSON lines otherwise. */
  logFormat: 'auto' | 'pretty' | 'json';
  /** Unset means: start the project's own local Neo4j (see `local` below). */
  neo4jUri: string | undefined;
  neo4jUser: string;
  neo4jPassword: string;
  neo4jDatabase: string | undefined;
  /** Milliseconds a query may run before the driver gives up. */
  queryTimeoutMs: number;
  /** How long to wait for a pooled connection before answering SERVICE_UNAVAILABLE. */
  connectTimeoutMs: number;
  /** Most connections to Neo4j, so most queries running there at once; further queries wait for a connection. */
  neo4jMaxPoolSize: number;
  seedOnStart: boolean;
  /** Whether clients may introspect the schema (the IDE needs it). */
  introspection: boolean;
  /** Adds `extensions.roundTrips` (Cypher queries run) and `extensions.executionPath` to every response. */
  debugExtensions: boolean;
  execution: ExecutionConfig;
  auth: AuthConfig;
  limits: LimitsConfig;
  cors: CorsConfig;
  /** Path of a trusted-documents manifest ({ "<sha256 hex>": "<document>" }); unset = none. */
  trustedDocuments: string | undefined;
  /** Refuse documents not in the manifest (admins excepted). */
  trustedDocumentsOnly: boolean;
  /** Seconds a CDN or browser may keep an anonymous GET query's answer; 0 = no-store. */
  httpCacheMaxAge: number;
  subscriptions: SubscriptionsConfig;
  changes: ChangesConfig;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For names the client (rate limits, socket caps). */
  trustProxy: boolean | number | string;
  /** Shared state of many instances (rate limits, APQ, subscriptions, bookmarks); unset = all in-process. */
  redisUrl: string | undefined;
  tracing: TracingConfig;
  /** Every Redis key and channel this server uses starts with it, so several deployments can share a Redis. */
  redisKeyPrefix: string;
  /** Seconds a persisted query's hash is kept in Redis. */
  redisCacheTtlSeconds: number;
  /** The project's own Redis (npm run redis:start; scripts/processes/local-redis.ts). */
  localRedis: { home: string; port: number; password: string | undefined; maxMemory: string };
  /** The project's own Neo4j (scripts/processes/local-neo4j.ts), started by `npm start` when NEO4J_URI is unset. */
  local: { home: string; boltPort: number; heap: string; pageCache: string };
}

export class ConfigError extends Error {}

/** A start-up failure that one line explains, with what to do. */
export class StartError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function oneOf(env: Env, name: string, values: string[], fallback: string): string {
  const value = env[name] || fallback;
  if (!values.includes(value)) throw new ConfigError(`${name} must be one of ${values.join(', ')}, got "${value}"`);
  return value;
}

const AGE_UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * CHANGE_FEED (default: `database` when the server starts its own Neo4j, whose capture writes the change log;
 * `api` with NEO4J_URI, unless that database has the plugin), CHANGE_POLL_MS, and CHANGE_LOG_RETENTION, the
 * entries kept and their age: "100000,7d".
 */
function readChanges(env: Env): ChangesConfig {
  const feed = oneOf(env, 'CHANGE_FEED', ['database', 'api'], env.NEO4J_URI ? 'api' : 'database') as ChangesConfig['feed'];
  const retention = env.CHANGE_LOG_RETENTION || '100000,7d';
  const match = /^(\d+),(\d+)(m|h|d)$/.exec(retention);
  if (!match || Number(match[1]) < 1) throw new ConfigError(`CHANGE_LOG_RETENTION must be entries and an age like 100000,7d (m, h or d), got "${retention}"`);
  return {
    feed,
    pollMs: integer(env, 'CHANGE_POLL_MS', 200, 10, 60_000),
    retention: { entries: Number(match[1]), maxAgeMs: Number(match[2]) * AGE_UNITS[match[3]] },
  };
}

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** A size like 100kb or 1mb, in bytes. */
function size(env: Env, name: string, fallback: string): number {
  const value = env[name] || fallback;
  const match = /^(\d+)(b|kb|mb)$/i.exec(value);
  if (!match) throw new ConfigError(`${name} must be a size like 100kb or 1mb, got "${value}"`);
  return Number(match[1]) * SIZE_UNITS[match[2].toLowerCase()];
}

/** A host name or a bracketed IPv6 address: no wildcard, no pattern. */
const ORIGIN_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*$|^\[[0-9a-f:.]+\]$/i;

/** A comma-separated list of exact browser origins, such as https://app.example.com,http://localhost:5173. */
function origins(env: Env, name: string): string[] {
  const list = (env[name] ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
  for (const origin of list) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || parsed.origin !== origin || !/^https?:$/.test(parsed.protocol) || !ORIGIN_HOST.test(parsed.hostname)) {
      throw new ConfigError(`${name} must list origins like https://app.example.com (scheme, host and port only), got "${origin}"`);
    }
  }
  return list;
}

function trustedDocuments(env: Env): Pick<Config, 'trustedDocuments' | 'trustedDocumentsOnly'> {
  const file = env.TRUSTED_DOCUMENTS ? path.resolve(env.TRUSTED_DOCUMENTS) : undefined;
  const only = boolean(env, 'TRUSTED_DOCUMENTS_ONLY', false);
  if (only && !file) throw new ConfigError('TRUSTED_DOCUMENTS_ONLY needs TRUSTED_DOCUMENTS, the path of the manifest (npm run documents writes one)');
  if (file && !fs.existsSync(file)) throw new ConfigError(`TRUSTED_DOCUMENTS names ${file}, which does not exist (npm run documents writes one)`);
  return { trustedDocuments: file, trustedDocumentsOnly: only };
}

/** TRUST_PROXY: unset/false (the socket's address), a hop count, or Express's names and CIDRs (loopback, uniquelocal, 10.0.0.0/8, …). */
function trustProxy(env: Env): boolean | number | string {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  const names = raw.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!/^(loopback|linklocal|uniquelocal|[0-9a-f.:]+(\/\d{1,3})?)$/i.test(name)) {
      throw new ConfigError(`TRUST_PROXY must be a hop count or a list of loopback, linklocal, uniquelocal and addresses/CIDRs, got "${name}"`);
    }
  }
  return names.join(',');
}

function otlpEndpoint(env: Env): string | undefined {
  const url = env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined;
  if (url && !/^https?:\/\/[^\s]+$/.test(url)) throw new ConfigError(`OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL such as http://127.0.0.1:4318, got "${url}"`);
  return url;
}

function redisUrl(env: Env): string | undefined {
  const url = env.REDIS_URL || undefined;
  if (url && !/^rediss?:\/\/[^\s]+$/.test(url)) throw new ConfigError(`REDIS_URL must look like redis://[:password@]host:port, got "${url.replace(/:[^:@/]*@/, ':***@')}"`);
  return url;
}

/** A Redis memory size (maxmemory). */
function redisSize(env: Env, name: string, fallback: string): string {
  const value = env[name] || fallback;
  if (!/^\d+(kb|mb|gb)$/i.test(value)) throw new ConfigError(`${name} must be a size like 256mb or 1gb, got "${value}"`);
  return value;
}

/** A JVM memory size (-Xmx, Neo4j's page cache). */
function jvmSize(env: Env, name: string, fallback: string): string {
  const value = env[name] || fallback;
  if (!/^\d+[kmg]?$/i.test(value)) throw new ConfigError(`${name} must be a size like 512m or 1g, got "${value}"`);
  return value;
}

/**
 * The result budget of one operation. Chosen with the heap that `npm start` and the Dockerfile give Node
 * (--max-old-space-size): while it is built and sent, an answer takes several times its JSON size in the
 * heap (the driver's records, the shaped values, the JSON text), so several maximal answers at once fit
 * beside what the server keeps live. README: "Result budget and memory".
 */
const DEFAULT_RESULT_ITEMS = 20_000;
const DEFAULT_RESULT_BYTES = '4mb';

export const repoRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

export function readConfig(env: Env = process.env): Config {
  const password = env.NEO4J_PASSWORD || 'knowledge-graph';
  if (password.length < 8) throw new ConfigError('NEO4J_PASSWORD must be at least 8 characters (a Neo4j rule)');
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    production: env.NODE_ENV === 'production',
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    logFormat: oneOf(env, 'LOG_FORMAT', ['auto', 'pretty', 'json'], 'auto') as Config['logFormat'],
    neo4jUri: env.NEO4J_URI || undefined,
    neo4jUser: env.NEO4J_USER || 'neo4j',
    neo4jPassword: password,
    neo4jDatabase: env.NEO4J_DATABASE || undefined,
    queryTimeoutMs: integer(env, 'NEO4J_QUERY_TIMEOUT_MS', 15000, 100, 600000),
    connectTimeoutMs: integer(env, 'NEO4J_CONNECT_TIMEOUT_MS', 5000, 100, 120000),
    neo4jMaxPoolSize: integer(env, 'NEO4J_MAX_POOL_SIZE', 100, 1, 10_000),
    seedOnStart: boolean(env, 'SEED_ON_START', true),
    introspection: boolean(env, 'INTROSPECTION', true),
    debugExtensions: boolean(env, 'DEBUG_EXTENSIONS', false),
    execution: {
      fastPath: boolean(env, 'FAST_PATH', true),
      operationCacheSize: integer(env, 'OPERATION_CACHE_SIZE', 1_000, 0, 1_000_000),
    },
    auth: readAuth(env),
    cors: { origins: origins(env, 'CORS_ORIGINS'), allowLoopback: env.NODE_ENV !== 'production' },
    httpCacheMaxAge: integer(env, 'HTTP_CACHE_MAX_AGE', 0, 0, 31_536_000),
    ...trustedDocuments(env),
    subscriptions: {
      maxPerConnection: integer(env, 'MAX_SUBSCRIPTIONS_PER_CONNECTION', 20, 1, 10_000),
      maxSocketsPerClient: integer(env, 'MAX_SOCKETS_PER_CLIENT', 20, 1, 100_000),
      initTimeoutMs: integer(env, 'WS_INIT_TIMEOUT_MS', 3_000, 100, 60_000),
      keepAliveMs: integer(env, 'WS_KEEPALIVE_MS', 12_000, 100, 600_000),
    },
    changes: readChanges(env),
    limits: {
      maxDepth: integer(env, 'MAX_QUERY_DEPTH', 12, 1, 100),
      maxAliases: integer(env, 'MAX_ALIASES', 30, 0, 1000),
      maxCost: integer(env, 'MAX_QUERY_COST', 50_000, 1, 100_000_000),
      maxTokens: integer(env, 'MAX_QUERY_TOKENS', 5_000, 10, 1_000_000),
      maxBodyBytes: size(env, 'MAX_BODY_SIZE', '100kb'),
      maxResultItems: integer(env, 'MAX_RESULT_ITEMS', DEFAULT_RESULT_ITEMS, 1, 10_000_000),
      maxResultBytes: size(env, 'MAX_RESULT_BYTES', DEFAULT_RESULT_BYTES),
      windowSeconds: integer(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400),
      requestsPerWindow: integer(env, 'RATE_LIMIT_REQUESTS', 600, 1, 100_000_000),
      costPerWindow: integer(env, 'RATE_LIMIT_COST', 1_000_000, 1, 1_000_000_000),
    },
    trustProxy: trustProxy(env),
    redisUrl: redisUrl(env),
    tracing: { otlpEndpoint: otlpEndpoint(env), serviceName: env.OTEL_SERVICE_NAME || 'team-knowledge-graph' },
    redisKeyPrefix: env.REDIS_KEY_PREFIX || 'kg:',
    redisCacheTtlSeconds: integer(env, 'REDIS_CACHE_TTL_SECONDS', 86_400, 1, 31_536_000),
    localRedis: {
      home: path.resolve(repoRoot, env.REDIS_HOME || '.redis'),
      port: integer(env, 'REDIS_PORT', 6379, 1, 65535),
      password: env.REDIS_PASSWORD || undefined,
      maxMemory: redisSize(env, 'REDIS_MAXMEMORY', '256mb'),
    },
    local: {
      home: path.resolve(repoRoot, env.NEO4J_HOME || '.neo4j'),
      boltPort: integer(env, 'NEO4J_BOLT_PORT', 7687, 1, 65535),
      heap: jvmSize(env, 'NEO4J_HEAP', '1g'),
      pageCache: jvmSize(env, 'NEO4J_PAGECACHE', '512m'),
    },
  };
}

const JWT_ALGORITHMS = ['HS256', 'RS256', 'ES256'] as const;

function readAuth(env: Env): AuthConfig {
  const algorithm = env.JWT_ALGORITHM || (env.JWT_PUBLIC_KEY ? 'RS256' : 'HS256');
  if (!(JWT_ALGORITHMS as readonly string[]).includes(algorithm)) {
    throw new ConfigError(`JWT_ALGORITHM must be one of ${JWT_ALGORITHMS.join(', ')}, got "${algorithm}"`);
  }
  if (algorithm === 'HS256' && env.JWT_SECRET && env.JWT_SECRET.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters');
  }
  if (algorithm !== 'HS256' && !env.JWT_PUBLIC_KEY) {
    throw new ConfigError(`JWT_ALGORITHM ${algorithm} needs JWT_PUBLIC_KEY (a PEM public key)`);
  }
  return {
    jwtSecret: env.JWT_SECRET || undefined,
    jwtPublicKey: env.JWT_PUBLIC_KEY?.replace(/\\n/g, '\n') || undefined,
    jwtAlgorithm: algorithm as AuthConfig['jwtAlgorithm'],
    jwtIssuer: env.JWT_ISSUER || undefined,
    jwtAudience: env.JWT_AUDIENCE || undefined,
    requireAuthForReads: boolean(env, 'REQUIRE_AUTH_FOR_READS', false),
  };
}

/** Connection settings for the graph layer; without NEO4J_URI, the local Neo4j's port. */
export function graphConnection(config: Config, uri = config.neo4jUri ?? `bolt://127.0.0.1:${config.local.boltPort}`) {
  return {
    uri,
    user: config.neo4jUser,
    password: config.neo4jPassword,
    database: config.neo4jDatabase,
    queryTimeoutMs: config.queryTimeoutMs,
    connectTimeoutMs: config.connectTimeoutMs,
    maxPoolSize: config.neo4jMaxPoolSize,
  };
}
