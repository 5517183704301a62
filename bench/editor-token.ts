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
