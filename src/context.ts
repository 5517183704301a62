import { Logger } from 'pino';
import { Graph, RoundTrips } from './graph/driver';
import { Principal } from './security/auth';

/** What every resolver gets for one GraphQL request. */
export interface Context {
  graph: Graph;
  roundTrips: RoundTrips;
  /** Who sent the request: null without a token. */
  principal: Principal | null;
  /** The client's address, which rate limits fall back to without a token. */
  clientIp: string;
  /** The request's logger (it carries the request id). */
  log: Logger;
}
