import { ApolloServerPlugin } from '@apollo/server';

/**
 * Cache-Control on GraphQL answers. Only an anonymous query sent with GET (a CDN can key it by URL, and an
 * APQ hash keeps that URL short) without errors may be cached: `public, max-age=<maxAgeSeconds>`, or
 * `no-store` while that is 0. Anything with credentials, errors, a POST or a mutation is `no-store`.
 * Answers vary with Accept (the media type), Authorization and Origin (the CORS headers).
 */
export function cacheHeaders(maxAgeSeconds: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, operation, errors }) {
          const http = request.http;
          const cacheable =
            maxAgeSeconds > 0 &&
            http?.method === 'GET' &&
            !http.headers.get('authorization') &&
            operation?.operation === 'query' &&
            !errors?.length &&
            response.body.kind === 'single' &&
            !response.body.singleResult.errors?.length;
          response.http.headers.set('cache-control', cacheable ? `public, max-age=${maxAgeSeconds}` : 'no-store');
          // Apollo's headers replace the response's own, so Origin (which the CORS headers depend on) is named here too.
          const vary = response.http.headers.get('vary');
          response.http.headers.set('vary', [vary, 'accept', 'authorization', 'origin'].filter(Boolean).join(', '));
        },
      };
    },
  };
}
