import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { Logger } from 'pino';
import { ApolloServer } from '@apollo/server';
import { Context } from '../../src/context';
import { Graph, GraphOptions } from '../../src/graph/driver';
import { AuthConfig, ChangesConfig, CorsConfig, ExecutionConfig, LimitsConfig, readConfig, SubscriptionsConfig } from '../../src/config';
import { buildServer, ServerConfig } from '../../src/server';
import { testConnection } from './env';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

/** The real server over HTTP on a loopback port, against the test Neo4j. */
export class Harness {
  private constructor(
    readonly graph: Graph,
    private readonly apollo: ApolloServer<Context>,
    readonly url: string,
  ) {}

  /** Defaults are the server's own, with a test JWT secret and rate limits no test run reaches unless it asks. */
  static async start(
    options: {
      auth?: Partial<AuthConfig>;
      limits?: Partial<LimitsConfig>;
      cors?: Partial<CorsConfig>;
      httpCacheMaxAge?: number;
      trustedDocuments?: string;
      trustedDocumentsOnly?: boolean;
      subscriptions?: Partial<SubscriptionsConfig>;
      changes?: Partial<ChangesConfig>;
      trustProxy?: ServerConfig['trustProxy'];
      production?: boolean;
      debugExtensions?: boolean;
      execution?: Partial<ExecutionConfig>;
      connection?: GraphOptions;
      logger?: Logger;
    } = {},
  ): Promise<Harness> {
    const defaults = readConfig({});
    const production = options.production ?? false;
    const config: ServerConfig = {
      production,
      introspection: true,
      debugExtensions: options.debugExtensions ?? false,
      execution: { ...defaults.execution, ...options.execution },
      auth: { ...defaults.auth, jwtSecret: TEST_JWT_SECRET, ...options.auth },
      limits: { ...defaults.limits, requestsPerWindow: 1_000_000, costPerWindow: 1_000_000_000, ...options.limits },
      // As readConfig has it: loopback origins are allowed outside production.
      cors: { origins: [], allowLoopback: !production, ...options.cors },
      httpCacheMaxAge: options.httpCacheMaxAge ?? defaults.httpCacheMaxAge,
      trustedDocuments: options.trustedDocuments,
      trustedDocumentsOnly: options.trustedDocumentsOnly ?? false,
      subscriptions: { ...defaults.subscriptions, ...options.subscriptions },
      changes: { ...defaults.changes, ...options.changes },
      redisCacheTtlSeconds: defaults.redisCacheTtlSeconds,
      trustProxy: options.trustProxy ?? false,
    };
    const graph = Graph.open(options.connection ?? testConnection());
    const { httpServer, apollo } = await buildServer(config, graph, options.logger);
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const { port } = httpServer.address() as AddressInfo;
    return new Harness(graph, apollo, `http://127.0.0.1:${port}`);
  }

  async query<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  }

  /** Runs an operation that must succeed and returns its data. */
  async data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<T> {
    const response = await this.query<T>(query, variables, headers);
    if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
    return response.data as T;
  }

  async stop(): Promise<void> {
    await this.apollo.stop(); // closes the HTTP server and every WebSocket, as main.ts does on SIGTERM
    await this.graph.close();
  }
}

export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

/** An `Authorization` header with an HS256 token for the test secret. */
export async function bearer(roles: string[], options: { subject?: string; expiresIn?: string; secret?: string } = {}) {
  const token = await new SignJWT({ roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.subject ?? 'test-user')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '10m')
    .sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
  return { authorization: `Bearer ${token}` };
}
