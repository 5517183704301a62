import { Logger } from 'pino';
import { Db } from './graph/db';
import { Principal } from './security/auth';

/** What every resolver gets for one GraphQL request. */
export interface Context {
  /** The request's one door to the graph (it also counts the request's round trips). */
  db: Db;
  /** Who sent the request: null without a token. */
  principal: Principal | null;
  /** The client's address, which rate limits fall back to without a token. */
  clientIp: string;
  /** The request's logger (it carries the request id). */
  log: Logger;
  /** The operation's cost, once the limits have admitted it (tracing reports it). */
  cost?: number;
}
