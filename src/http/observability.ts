import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServerPlugin } from '@apollo/server';
import { RequestHandler } from 'express';
import pino, { Logger } from 'pino';
import pinoHttp from 'pino-http';
import pinoPretty from 'pino-pretty';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ModelHealth } from '../model/model-audit';
import { Context } from '../context';
import { Graph } from '../graph/driver';
import { SharedState } from '../shared-state';

/** Structured logs (JSON lines unless `destination` says otherwise); the Authorization header and cookies never reach them. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Lines a person reads on a terminal: time, level and message; an access line reads "GET /graphql 200 12 ms",
 * an operation line names the operation, its duration and round trips. Everything else stays in JSON logs.
 */
export function prettyDestination(): pino.DestinationStream {
  return pinoPretty({
    colorize: true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,reqId,req,res,responseTime,operation,durationMs,roundTrips,outcome,errorCodes',
    messageFormat: (log) => {
      const { req, res, responseTime } = log as { req?: { method: string; url: string }; res?: { statusCode: number }; responseTime?: number };
      if (req && res) return `${req.method} ${req.url} ${res.statusCode} ${responseTime} ms`;
      if (log.operation) return `${log.operation}: ${log.outcome} in ${log.durationMs} ms, ${log.roundTrips} round trip(s)`;
      return String(log.msg ?? '');
    },
  });
}

/** Probes and scrapes: logged at debug, so the terminal shows requests people make. */
const QUIET_ROUTES = /^\/(health\/|metrics\b)/;

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  operationDuration: Histogram<'operation' | 'outcome'>;
  roundTrips: Histogram<'operation'>;
  queryDuration: Histogram<'routing' | 'outcome'>;
  errors: Counter<'code'>;
  socketsOpen: Gauge;
  subscriptionsActive: Gauge;
  eventsSent: Counter;
  compiledOperations: Counter<'cache'>;
  executionPaths: Counter<'path'>;
}

/** Prometheus metrics of one server (its own registry, so tests can build several servers). */
/** graph_model_violations: what `npm run graph:check` would list, counted at most once a minute (model-audit.ts). */
export function countModelViolations(metrics: Metrics, model: ModelHealth): void {
  new Gauge({
    name: 'graph_model_violations',
    help: 'Nodes and relationships that break the model (written outside the API); the API leaves them out of every answer',
    registers: [metrics.registry],
    async collect() {
      this.set(await model.violations().catch(() => Number.NaN));
    },
  });
}

export function createMetrics(graph: Graph, shared: Pick<SharedState, 'counts' | 'health'>): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics: Metrics = {
    registry,
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    operationDuration: new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'GraphQL operations by operation name and outcome',
      labelNames: ['operation', 'outcome'],
      registers: [registry],
    }),
    roundTrips: new Histogram({
      name: 'graphql_operation_round_trips',
      help: 'Cypher queries (database round trips) per GraphQL operation',
      labelNames: ['operation'],
      buckets: [0, 1, 2, 3, 5, 10, 20],
      registers: [registry],
    }),
    queryDuration: new Histogram({
      name: 'neo4j_query_duration_seconds',
      help: 'Cypher queries by routing (READ/WRITE) and outcome',
      labelNames: ['routing', 'outcome'],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'graphql_errors_total',
      help: 'GraphQL errors by code',
      labelNames: ['code'],
      registers: [registry],
    }),
    socketsOpen: new Gauge({ name: 'graphql_ws_sockets_open', help: 'Open graphql-ws WebSockets', registers: [registry] }),
    subscriptionsActive: new Gauge({ name: 'graphql_ws_subscriptions_active', help: 'Subscriptions running on open WebSockets', registers: [registry] }),
    eventsSent: new Counter({ name: 'graphql_ws_events_sent_total', help: 'Subscription events sent to clients', registers: [registry] }),
    compiledOperations: new Counter({
      name: 'graphql_compiled_operations_total',
      help: 'Lookups of compiled query plans, by cache hit or miss',
      labelNames: ['cache'],
      registers: [registry],
    }),
    executionPaths: new Counter({
      name: 'graphql_execution_path_total',
      help: 'Operations by the path that answered them: fast (compiled), standard (graphql-js) or bailout (fast path handed to graphql-js)',
      labelNames: ['path'],
      registers: [registry],
    }),
  };
  new Gauge({
    name: 'neo4j_queries_in_flight',
    help: 'Cypher queries sent and not yet answered (pooled connections in use)',
    registers: [registry],
    collect() {
      this.set(graph.inFlight);
    },
  });
  new Gauge({
    name: 'shared_state_up',
    help: 'Whether the shared state answers: 1 in Redis and reachable, 0 degraded (Redis down), -1 in-process (no REDIS_URL)',
    registers: [registry],
    collect() {
      this.set({ ok: 1, degraded: 0, 'in-process': -1 }[shared.health()]);
    },
  });
  new Counter({
    name: 'redis_errors_total',
    help: 'Redis connection and command errors',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(shared.counts.errors);
    },
  });
  new Counter({
    name: 'shared_state_fallbacks_total',
    help: 'Rate-limit counts, bookmarks and change publications this instance kept alone because Redis was down',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(shared.counts.fallbacks);
    },
  });
  graph.observe(({ routing, seconds, ok }) => metrics.queryDuration.observe({ routing, outcome: ok ? 'ok' : 'error' }, seconds));
  return metrics;
}

function requestId(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
  response.setHeader('x-request-id', id);
  return id;
}

/**
 * Access log and HTTP metrics; every request gets an id (the client's X-Request-Id when it sends a sane one)
 * and `req.log`, a logger bound to that id. With logging off, pino-http's per-request child loggers and
 * serializers (about 8% of a small request's CPU) are skipped.
 */
export function httpObservability(logger: Logger, metrics: Metrics): RequestHandler[] {
  const access: RequestHandler =
    logger.level === 'silent'
      ? (request, response, next) => {
          request.id = requestId(request, response);
          request.log = logger;
          next();
        }
      : pinoHttp({
          logger,
          genReqId: requestId,
          quietReqLogger: true,
          customLogLevel: (request, response, error) =>
            QUIET_ROUTES.test(request.url ?? '') ? 'debug' : error || response.statusCode >= 500 ? 'error' : 'info',
        });
  const timing: RequestHandler = (request, response, next) => {
    const stop = metrics.httpDuration.startTimer({ method: request.method });
    response.on('finish', () => stop({ route: request.route?.path ?? request.baseUrl ?? 'other', status: String(response.statusCode) }));
    next();
  };
  return [access, timing];
}

/** One log line and metrics per GraphQL operation: name, duration, round trips, outcome and error codes. */
export function operationObservability(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const codes = (errors ?? []).map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          const outcome = codes.length ? 'error' : 'ok';
          const operation = operationName ?? 'anonymous';
          metrics.operationDuration.observe({ operation, outcome }, seconds);
          metrics.roundTrips.observe({ operation }, contextValue.db.roundTrips.count);
          for (const code of codes) metrics.errors.inc({ code });
          contextValue.log.info(
            { operation, durationMs: Math.round(seconds * 1000), roundTrips: contextValue.db.roundTrips.count, outcome, errorCodes: codes },
            'graphql operation',
          );
        },
      };
    },
  };
}
