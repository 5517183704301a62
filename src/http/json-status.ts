import { ApolloServerPlugin } from '@apollo/server';
import { ERROR_CODES } from '../errors';

/** Request errors that the GraphQL-over-HTTP spec answers with 200 to a client accepting only application/json. */
const REQUEST_ERRORS = new Set<unknown>([ERROR_CODES.GRAPHQL_PARSE_FAILED, ERROR_CODES.GRAPHQL_VALIDATION_FAILED, ERROR_CODES.BAD_USER_INPUT]);

/**
 * The GraphQL-over-HTTP spec: a client that asks for `application/json` (and not the newer
 * `application/graphql-response+json`) gets status 200 for a document that does not parse or validate, or
 * variables that do not coerce, since older clients read the body only on 200. Apollo answers 400 to all.
 * Clients that send no Accept, or the new media type, keep Apollo's 400.
 */
export const jsonClientsGet200: ApolloServerPlugin = {
  async requestDidStart({ request }) {
    const accept = request.http?.headers.get('accept') ?? '';
    if (!accept.includes('application/json') || accept.includes('application/graphql-response+json')) return;
    return {
      async willSendResponse({ response }) {
        if (response.http.status !== 400 || response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (data === undefined && errors?.length && errors.every((error) => REQUEST_ERRORS.has(error.extensions?.code))) {
          response.http.status = 200;
        }
      },
    };
  },
};
