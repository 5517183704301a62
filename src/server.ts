import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Express } from 'express';
import { GraphQLFieldResolver } from 'graphql';
import { Config } from './config';
import { Context } from './context';
import { Graph } from './graph/driver';
import { buildGraphSchema } from './schema';
import { TokenVerifier, unauthenticated } from './security/auth';

/**
 * Values come from the projection compiler keyed by response name (alias), so the default resolver
 * reads `source[alias]` rather than `source[fieldName]`.
 */
const readByResponseName: GraphQLFieldResolver<Record<string, unknown>, Context> = (source, _args, _context, info) =>
  source?.[info.path.key as string];

export interface Server {
  app: Express;
  apollo: ApolloServer<Context>;
}

/** The Express app with Apollo mounted; `main.ts` and the tests build the same one. */
export async function buildServer(config: Pick<Config, 'production' | 'auth'>, graph: Graph): Promise<Server> {
  const tokens = await TokenVerifier.create(config.auth);
  const apollo = new ApolloServer<Context>({
    schema: buildGraphSchema(),
    fieldResolver: readByResponseName,
    includeStacktraceInErrorResponses: !config.production,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health/live', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_request, response) => {
    try {
      await graph.verify();
      response.json({ status: 'ok' });
    } catch {
      response.status(503).json({ status: 'unavailable', reason: 'the graph database cannot be reached' });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const principal = await tokens.principal(req.headers.authorization);
        if (!principal && config.auth.requireAuthForReads) {
          throw unauthenticated('This server requires credentials for every operation: send "Authorization: Bearer <JWT>".', 401);
        }
        return { graph, roundTrips: { count: 0 }, principal };
      },
    }),
  );
  return { app, apollo };
}
