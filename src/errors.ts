import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * Every `extensions.code` a client can get, in one list: the contract's (shared/design/api-contract.graphql),
 * Apollo's own and the HTTP layer's. Every error this server raises is made by a function below.
 */
export const ERROR_CODES = {
  /** An argument or input is invalid; `fields` (or `field`) names it. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** No or bad credentials on an operation that needs them. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The credentials lack the role. */
  FORBIDDEN: 'FORBIDDEN',
  /** Depth, aliases or cost over the limit; the message says the limit. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The answer would pass the operation's result budget or a list's bound (HTTP 400); the message says how to page. */
  RESULT_TOO_LARGE: 'RESULT_TOO_LARGE',
  /** Too many requests or too much cost per window for this client (HTTP 429 with Retry-After). */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The graph database cannot be reached; retry later. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** A mutation names an id that does not exist. */
  NOT_FOUND: 'NOT_FOUND',
  /**
   * The node asked for is in the graph but breaks the model (written outside the API, e.g. by a Cypher script);
   * the message names the rule. Lists leave such nodes out; `npm run graph:check` lists them with their fixes.
   */
  MODEL_VIOLATION: 'MODEL_VIOLATION',
  /** Apollo's: the request is not GraphQL over HTTP (here also: a body that is not JSON). */
  BAD_REQUEST: 'BAD_REQUEST',
  /** Apollo's: the document does not parse, or does not validate against the schema. */
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** Apollo's: the document has no operation of the requested name. */
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  /** Apollo's automatic persisted queries. */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** With TRUSTED_DOCUMENTS_ONLY: the document is not in the trusted documents (HTTP 400); admins are exempt. */
  PERSISTED_QUERY_NOT_IN_LIST: 'PERSISTED_QUERY_NOT_IN_LIST',
  /** The request body is over MAX_BODY_SIZE (HTTP 413, before GraphQL sees it). */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** Anything else; in production its message is masked. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Codes whose errors reach clients as they are; formatError masks every other error in production. */
export function isClientError(code: unknown): boolean {
  return typeof code === 'string' && code !== ERROR_CODES.INTERNAL_SERVER_ERROR && Object.hasOwn(ERROR_CODES, code);
}

/** The answer formatError gives in production instead of an error it does not know. */
export const MASKED_MESSAGE = 'Internal server error';

export function badUserInput(field: string, message: string): GraphQLError {
  return badUserInputs([field], message);
}

export function badUserInputs(fields: string[], message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ERROR_CODES.BAD_USER_INPUT, fields } });
}

/** An argument whose value this API did not hand out (a cursor, say). */
export function badArgument(field: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ERROR_CODES.BAD_USER_INPUT, field } });
}

export function notFound(field: string, id: string): GraphQLError {
  return new GraphQLError(`${field}: no node has the id "${id}"`, { extensions: { code: ERROR_CODES.NOT_FOUND, field } });
}

export function modelViolation(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ERROR_CODES.MODEL_VIOLATION } });
}

export function serviceUnavailable(): GraphQLError {
  return new GraphQLError('The graph database cannot be reached; retry later.', {
    extensions: { code: ERROR_CODES.SERVICE_UNAVAILABLE },
  });
}

/** `httpStatus` is for failures before execution (a bad token); field errors keep HTTP 200. */
export function unauthenticated(message: string, httpStatus?: number): GraphQLError {
  const http = httpStatus ? { http: { status: httpStatus } } : {};
  return new GraphQLError(message, { extensions: { code: ERROR_CODES.UNAUTHENTICATED, ...http } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ERROR_CODES.FORBIDDEN } });
}

export function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ERROR_CODES.QUERY_TOO_COMPLEX, http: { status: 400 } } });
}

export function resultTooLarge(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ERROR_CODES.RESULT_TOO_LARGE, http: { status: 400 } } });
}

export function rateLimited(what: string, msBeforeNext: number): GraphQLError {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new GraphQLError(`Too many ${what} from this client; retry after ${retryAfter} s.`, {
    extensions: {
      code: ERROR_CODES.RATE_LIMITED,
      retryAfter,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) },
    },
  });
}

export function persistedQueryNotInList(): GraphQLError {
  return new GraphQLError('This server runs only its trusted documents: send the id of a listed document (or use an admin token).', {
    extensions: { code: ERROR_CODES.PERSISTED_QUERY_NOT_IN_LIST, http: { status: 400 } },
  });
}

/** graphql-js's own parse or validation error, given the code Apollo would give it. */
export function withCode(error: GraphQLError, code: ErrorCode): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code } });
}

export function tooManySubscriptions(max: number): GraphQLError {
  return new GraphQLError(`This connection already runs ${max} subscriptions, the most allowed; complete one first.`, {
    extensions: { code: ERROR_CODES.RATE_LIMITED },
  });
}

/** A query or mutation sent over the WebSocket, which carries subscriptions only. */
export function subscriptionsOnly(): GraphQLError {
  return new GraphQLError('The WebSocket carries subscriptions only; send queries and mutations over HTTP.', {
    extensions: { code: ERROR_CODES.BAD_REQUEST },
  });
}

/** An error answered by the HTTP layer itself, in GraphQL's response shape. */
export function httpErrorBody(code: ErrorCode, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}
