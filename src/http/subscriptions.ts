import { IncomingMessage, Server as HttpServer, STATUS_CODES } from 'node:http';
import { Duplex } from 'node:stream';
import { ExecutionArgs, GraphQLFieldResolver, GraphQLError, GraphQLFormattedError, OperationTypeNode } from 'graphql';
import { CloseCode, Context as SocketContext, SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { Logger } from 'pino';
import { WebSocket, WebSocketServer } from 'ws';
import { CorsConfig, SubscriptionsConfig } from '../config';
import { Context } from '../context';
import { ERROR_CODES, ErrorCode, httpErrorBody, subscriptionsOnly, tooManySubscriptions } from '../errors';
import { OperationGate } from '../gate/operation-gate';
import { Principal, TokenVerifier } from '../security/auth';
import { originAllowed } from './cors';
import { traced } from '../tracing';
import { Metrics } from './observability';

export interface SubscriptionOptions {
  /** Every subscribe message passes it (trusted documents, parsing, validation, limits). */
  gate: OperationGate;
  subscriptions: SubscriptionsConfig;
  cors: CorsConfig;
  requireAuthForReads: boolean;
  /** Largest message a client may send; a bigger frame closes the socket with 1009. */
  maxMessageBytes: number;
  tokens: TokenVerifier;
  metrics: Metrics;
  formatError: (error: GraphQLFormattedError) => GraphQLFormattedError;
  /** The default field resolver, as Apollo runs it over HTTP. */
  fieldResolver: GraphQLFieldResolver<Record<string, unknown>, Context>;
  log: Logger;
  /** The client's address, as Express's req.ip finds it (TRUST_PROXY). */
  clientAddress: (request: IncomingMessage) => string;
  /** The resolvers' context for one subscription of this principal. */
  context: (principal: Principal | null, clientIp: string) => Context;
}

/** What the server keeps about one socket. */
type Socket = {
  socket: WebSocket;
  request: IncomingMessage;
  principal?: Principal | null;
};

type Connection = SocketContext<Record<string, unknown> | undefined, Socket>;

/** Answers an upgrade request it refuses with a plain HTTP response, in GraphQL's error shape. */
function refuseUpgrade(socket: Duplex, status: number, code: ErrorCode, message: string): void {
  const body = JSON.stringify(httpErrorBody(code, message));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** A page served by this server itself (the IDE, the explorer) talks to it from its own origin. */
function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The graphql-ws protocol on `path` of the HTTP server: subscriptions only, after a connection_init whose
 * `authorization` follows the HTTP rules, each within the operation limits. Browsers do not apply CORS to
 * WebSockets, so the upgrade itself checks the Origin against CORS_ORIGINS. Returns `dispose`, which closes
 * every socket with 1001 (going away).
 */
export function serveSubscriptions(httpServer: HttpServer, path: string, options: SubscriptionOptions): { dispose: () => Promise<void> } {
  const { subscriptions: config, metrics } = options;
  const server = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
  const socketsByClient = new Map<string, number>();

  httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== path) {
      return refuseUpgrade(socket, 404, ERROR_CODES.BAD_REQUEST, `WebSockets are served on ${path} only.`);
    }
    const origin = request.headers.origin;
    if (origin && !sameOrigin(origin, request.headers.host) && !originAllowed(options.cors, origin)) {
      return refuseUpgrade(socket, 403, ERROR_CODES.FORBIDDEN, 'This origin is not allowed (CORS_ORIGINS).');
    }
    const client = options.clientAddress(request);
    const open = socketsByClient.get(client) ?? 0;
    if (open >= config.maxSocketsPerClient) {
      return refuseUpgrade(socket, 429, ERROR_CODES.RATE_LIMITED, `This client already has ${open} open WebSockets, the most allowed.`);
    }
    server.handleUpgrade(request, socket, head, (webSocket) => {
      socketsByClient.set(client, (socketsByClient.get(client) ?? 0) + 1);
      metrics.socketsOpen.inc();
      webSocket.once('close', () => {
        const left = (socketsByClient.get(client) ?? 1) - 1;
        if (left > 0) socketsByClient.set(client, left);
        else socketsByClient.delete(client);
        metrics.socketsOpen.dec();
      });
      server.emit('connection', webSocket, request);
      // graphql-ws prints every socket error to stderr as its own fault, yet they are the peer's (a frame over
      // the size limit, a reset): ws has already closed the socket with the right code, so a debug line will do.
      webSocket.removeAllListeners('error');
      webSocket.on('error', (error) => options.log.debug({ err: error, client }, 'WebSocket closed on a client error'));
    });
  });

  const clientIp = (connection: Connection) => options.clientAddress(connection.extra.request);
  const formatted = (errors: readonly GraphQLError[]) => errors.map((error) => options.formatError(error.toJSON()));

  /** The execution arguments of a subscribe message (admitted by the gate), or the errors that refuse it. */
  const prepare = async (connection: Connection, payload: SubscribePayload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
    if (Object.keys(connection.subscriptions).length > config.maxPerConnection) return [tooManySubscriptions(config.maxPerConnection)];
    const caller = { principal: connection.extra.principal ?? null, clientIp: clientIp(connection) };
    const request = { query: payload.query, fields: payload as unknown as Record<string, unknown>, operationName: payload.operationName, variables: payload.variables };
    const admitted = await traced('graphql.subscribe', { 'graphql.operation.name': payload.operationName ?? '', 'graphql.operation.type': 'subscription' }, async (span) => {
      const answer = await options.gate.prepare(request, caller, (operation) => (operation.operation === OperationTypeNode.SUBSCRIPTION ? undefined : subscriptionsOnly()));
      if (!Array.isArray(answer)) span?.setAttribute('kg.cost', answer.cost);
      return answer;
    });
    if (Array.isArray(admitted)) return admitted;
    return {
      schema: options.gate.schema,
      document: admitted.document,
      operationName: payload.operationName,
      variableValues: payload.variables ?? {},
      fieldResolver: options.fieldResolver,
      contextValue: options.context(caller.principal, caller.clientIp),
    };
  };

  const graphqlWs = useServer<Record<string, unknown> | undefined, Socket>(
    {
      connectionInitWaitTimeout: config.initTimeoutMs,
      onConnect: async (connection) => {
        // Any case: GraphiQL sends its headers editor's "Authorization" as a connection parameter.
        const params = connection.connectionParams ?? {};
        const authorization = Object.entries(params).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
        try {
          if (authorization !== undefined && typeof authorization !== 'string') throw new Error('authorization must be a string');
          connection.extra.principal = await options.tokens.principal(authorization);
        } catch {
          connection.extra.socket.close(CloseCode.Forbidden, 'UNAUTHENTICATED: the token is invalid or expired');
          return false;
        }
        if (!connection.extra.principal && options.requireAuthForReads) {
          connection.extra.socket.close(CloseCode.Forbidden, 'UNAUTHENTICATED: send {"authorization": "Bearer <JWT>"} in connection_init');
          return false;
        }
        return true;
      },
      onSubscribe: (connection, _id, payload) => prepare(connection, payload),
      onOperation: () => {
        metrics.subscriptionsActive.inc();
      },
      onComplete: () => {
        metrics.subscriptionsActive.dec();
      },
      onNext: (_connection, _id, _payload, _args, result) => {
        metrics.eventsSent.inc();
        return result.errors ? { ...result, errors: formatted(result.errors) } : undefined;
      },
      onError: (_connection, _id, _payload, errors) => formatted(errors),
    },
    server,
    config.keepAliveMs,
  );
  return { dispose: async () => graphqlWs.dispose() };
}
