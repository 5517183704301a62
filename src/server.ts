import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { ErrorRequestHandler, Express } from 'express';
import http from 'node:http';
import proxyAddr from 'proxy-addr';
import { GraphQLFieldResolver, GraphQLFormattedError } from 'graphql';
import { Config } from './config';
import { Context } from './context';
import { ERROR_CODES, httpErrorBody, isClientError, MASKED_MESSAGE, unauthenticated } from './errors';
import { Db } from './graph/db';
import { Selections } from './graph/selection';
import { ResultBudget } from './graph/result-budget';
import { executingGateway } from './execution/executor';
import { Graph } from './graph/driver';
import { mountBrowserPages } from './http/browser-pages';
import { corsMiddleware } from './http/cors';
import { jsonClientsGet200 } from './http/json-status';
import { cacheHeaders } from './http/cache-headers';
import { askForDocumentIds, readTrustedDocuments, resolveDocumentIds } from './http/trusted-documents';
import { apolloGate, OperationGate } from './gate/operation-gate';
import { mountHealth } from './http/health';
import { ChangeFeed } from './graph/change-feed';
import { nodeValidity } from './graph/validity';
import { auditGraph, ModelHealth } from './model/model-audit';
import { modelRules } from './model/model-rules';
import { buildGraphSchema, TYPE_SPECS } from './schema';
import { Principal, TokenVerifier } from './security/auth';
import { OperationLimits } from './security/limits';
import { inProcessState, SharedState } from './shared-state';
import { serveSubscriptions } from './http/subscriptions';
import { countModelViolations, createLogger, createMetrics, httpObservability, operationObservability } from './http/observability';
import { Logger } from 'pino';

/**
 * Values come from the projection compiler keyed by response name (alias), so the default resolver
 * reads `source[alias]` rather than `source[fieldName]`.
 */
const readByResponseName: GraphQLFieldResolver<Record<string, unknown>, Context> = (source, _args, _context, info) =>
  source?.[info.path.key as string];

export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    if (isClientError(formatted.extensions?.code) || !production) return formatted;
    return { message: MASKED_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: ERROR_CODES.INTERNAL_SERVER_ERROR } };
  };
}

const roundTripsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, roundTrips: contextValue.db.roundTrips.count };
      },
    };
  },
};

/** Body-parser failures (oversized or malformed JSON) answered in GraphQL's shape instead of HTML. */
const bodyErrors: ErrorRequestHandler = (error, _request, response, next) => {
  const status = (error as { status?: number }).status;
  if (status === 413) {
    response.status(413).json(httpErrorBody(ERROR_CODES.PAYLOAD_TOO_LARGE, 'The request body is over the size limit.'));
  } else if (status === 400) {
    response.status(400).json(httpErrorBody(ERROR_CODES.BAD_REQUEST, 'The request body is not valid JSON.'));
  } else {
    next(error);
  }
};

export type ServerConfig = Pick<
  Config,
  | 'production'
  | 'auth'
  | 'limits'
  | 'introspection'
  | 'debugExtensions'
  | 'execution'
  | 'cors'
  | 'httpCacheMaxAge'
  | 'trustedDocuments'
  | 'trustedDocumentsOnly'
  | 'subscriptions'
  | 'redisCacheTtlSeconds'
  | 'trustProxy'
  | 'changes'
>;

export interface Server {
  app: Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
}

/**
 * The Express app with Apollo mounted on an HTTP server (not yet listening), and graphql-ws on its upgrades;
 * main.ts and the tests build the same one. What instances share (rate limits, the APQ cache, the bus that
 * writes publish on and subscriptions listen to) comes from `shared`: Redis, or this process.
 */
export async function buildServer(
  config: ServerConfig,
  graph: Graph,
  logger: Logger = createLogger('silent'),
  shared: SharedState = inProcessState(),
): Promise<Server> {
  const { changes } = shared;
  const metrics = createMetrics(graph, shared);
  const tokens = await TokenVerifier.create(config.auth);
  const trusted = config.trustedDocuments ? readTrustedDocuments(config.trustedDocuments) : undefined;
  const limits = new OperationLimits(
    config.limits,
    shared.rateLimitStore && { store: shared.rateLimitStore, keyPrefix: shared.keyPrefix, onFallback: () => (shared.counts.fallbacks += 1) },
    config.execution.operationCacheSize,
  );
  const schema = buildGraphSchema(changes);
  const gate = new OperationGate(
    schema,
    limits,
    trusted && { documents: trusted, only: config.trustedDocumentsOnly },
    config.limits.maxTokens,
  );
  const selections = new Selections(TYPE_SPECS);
  const feed = config.changes.feed === 'database' ? new ChangeFeed(graph, config.changes, (error) => logger.warn({ err: error }, 'reading the change log failed; the next poll reads on')) : undefined;
  feed?.start();
  const rules = modelRules(schema, TYPE_SPECS);
  const model = new ModelHealth(
    () => auditGraph(graph, rules, nodeValidity(schema, TYPE_SPECS)),
    (finding) => logger.warn({ subject: finding.subject, problems: finding.problems }, 'the graph holds data that breaks the model: the API leaves it out (npm run graph:check)'),
  );
  countModelViolations(metrics, model);
  const formatErrors = formatError(config.production);
  const contextFor = (principal: Principal | null, clientIp: string, log: Logger): Context => ({
    db: new Db(graph, selections, changes, principal?.subject ?? 'anonymous', new ResultBudget(config.limits, schema), feed),
    principal,
    clientIp,
    log,
  });
  const app = express();
  // Behind a load balancer, the client is the address it forwards (X-Forwarded-For), from the proxies trusted.
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);
  const subscriptions = serveSubscriptions(httpServer, '/graphql', {
    gate,
    subscriptions: config.subscriptions,
    cors: config.cors,
    requireAuthForReads: config.auth.requireAuthForReads,
    maxMessageBytes: config.limits.maxBodyBytes,
    tokens,
    metrics,
    formatError: formatErrors,
    fieldResolver: readByResponseName,
    log: logger,
    clientAddress: (request) => proxyAddr(request, app.get('trust proxy fn')),
    context: (principal, clientIp) => contextFor(principal, clientIp, logger),
  });
  const apollo = new ApolloServer<Context>({
    gateway: executingGateway({ schema, fieldResolver: readByResponseName, config: config.execution, metrics, debug: config.debugExtensions }),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !config.production,
    hideSchemaDetailsFromClientErrors: true,
    // main.ts owns shutdown: drain, then close the driver and the local Neo4j.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.limits.maxTokens },
    // Persisted queries' hashes: Apollo's bounded in-process cache, or Redis (shared by every instance, keys
    // prefixed and kept REDIS_CACHE_TTL_SECONDS).
    ...(shared.cache ? { cache: shared.cache, persistedQueries: { ttl: config.redisCacheTtlSeconds } } : {}),
    // Apollo's CSRF prevention refuses "simple" requests, which a page on another site can send without a
    // preflight. It guards servers that trust cookies; this one trusts only the Authorization header, which
    // no simple request can carry: such a request is anonymous, can run no mutation (those need a token,
    // and never run over GET), and its answer stays unreadable to that page unless CORS allows the origin.
    // Kept on, it would refuse urql's and Relay's default GET queries. See the README's front-end section.
    csrfPrevention: false,
    formatError: formatErrors,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used; the default cache-control plugin would still visit every field (~30% CPU on a neighbourhood).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: async () => { await subscriptions.dispose(); await feed?.stop(); } }) },
      apolloGate(gate),
      jsonClientsGet200,
      cacheHeaders(config.httpCacheMaxAge),
      operationObservability(metrics),
      ...(config.debugExtensions ? [roundTripsPlugin] : []),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // Express would hash every answer for an ETag; GraphQL answers to POSTs are never revalidated with one.
  app.set('etag', false);
  app.use(httpObservability(logger, metrics));
  app.get('/metrics', async (_request, response) => {
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  mountHealth(app, graph, shared, model, config.changes.feed);
  mountBrowserPages(app);
  app.use(
    '/graphql',
    corsMiddleware(config.cors),
    express.json({ limit: config.limits.maxBodyBytes }),
    bodyErrors,
    ...(trusted ? [resolveDocumentIds(trusted)] : []),
    ...(trusted && config.trustedDocumentsOnly ? [askForDocumentIds] : []),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const principal = await tokens.principal(req.headers.authorization);
        if (!principal && config.auth.requireAuthForReads) {
          throw unauthenticated('This server requires credentials for every operation: send "Authorization: Bearer <JWT>".', 401);
        }
        return contextFor(principal, req.ip ?? 'unknown', req.log);
      },
    }),
  );
  return { app, httpServer, apollo };
}
