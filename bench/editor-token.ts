import { SignJWT } from 'jose';

/** Headers of an editor (HS256 token for `secret`): the benchmarks' writes go through the server's own auth. */
export async function editorHeaders(secret: string, subject: string): Promise<Record<string, string>> {
  const token = await new SignJWT({ roles: ['editor'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setExpirationTime('1d')
    .sign(new TextEncoder().encode(secret));
  return { authorization: `Bearer ${token}` };
}

/**
 * What this server runs with in the benchmark, beside its own defaults: rate limits no run reaches, and the
 * cost and result limits raised past the shapes that nest lists in lists (the same work @neo4j/graphql does
 * unguarded). The result budget's counting still runs on every answer. Shared by the measured server
 * (ours-server.ts) and the capture of its Cypher (run.ts), so both answer alike.
 */
export const OURS_SERVER_SETTINGS: Record<string, string> = {
  DEBUG_EXTENSIONS: 'true',
  RATE_LIMIT_REQUESTS: '100000000',
  RATE_LIMIT_COST: '1000000000',
  MAX_QUERY_COST: '100000000',
  MAX_RESULT_ITEMS: '10000000',
  MAX_RESULT_BYTES: '1000mb',
};
