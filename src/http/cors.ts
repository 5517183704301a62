import cors, { CorsOptions } from 'cors';
import { RequestHandler } from 'express';
import { CorsConfig } from '../config';

const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/;

/** Headers a browser may send: ours (auth, request id) and the preflight-forcing ones Apollo's clients send. */
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'x-request-id',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
];

/** How long a browser may cache a preflight's answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** Whether a browser page of `origin` may read this API's answers: an exact match, never a pattern on user text. */
export function originAllowed(config: CorsConfig, origin: string | undefined): boolean {
  if (!origin) return false;
  return config.origins.includes(origin) || (config.allowLoopback && LOOPBACK_ORIGIN.test(origin));
}

/**
 * CORS for /graphql with the `cors` package, as Apollo's docs mount it. An allowed origin is echoed back
 * (with Vary: Origin); any other gets no CORS header at all. No credentials: tokens travel in the
 * Authorization header, never in cookies. Preflights end here with 204.
 */
export function corsMiddleware(config: CorsConfig): RequestHandler {
  const options: CorsOptions = {
    origin: (origin, allow) => allow(null, originAllowed(config, origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: ['retry-after', 'x-request-id', 'x-trusted-documents'],
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  };
  return cors(options);
}
