import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServerPlugin } from '@apollo/server';
import { RequestHandler } from 'express';
import pino, { Logger } from 'pino';
import pinoHttp from 'pino-http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { Context } from '../context';
import { Graph } from '../graph/driver';

/** Structured JSON logs; the Authorization header and cookies never reach them. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
  };
  return destination ? pino(options, destination) : pino(options);
}

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  operationDuration: Histogram<'operation' | 'outcome'>;
  roundTrips: Histogram<'operation'>;
  queryDuration: Histogram<'routing' | 'outcome'>;
  errors: Counter<'code'>;
}

/** Prometheus metrics of one server (its own registry, so tests can build several servers). */
export function createMetrics(graph: Graph): Metrics {
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
  };
  new Gauge({
    name: 'neo4j_queries_in_flight',
    help: 'Cypher queries sent and not yet answered (pooled connections in use)',
    registers: [registry],
    collect() {
      this.set(graph.inFlight);
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
          customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
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
