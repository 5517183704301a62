import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { TokenVerifier } from '../../src/security/auth';

/** Public-key tokens (RS256 / ES256): the verifier accepts the configured algorithm and key, nothing else. */
describe.each(['ES256', 'RS256'] as const)('%s tokens', (alg) => {
  let verifier: TokenVerifier;
  let sign: (claims: Record<string, unknown>, expiresIn?: string | null) => Promise<string>;
  let foreignToken: string;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair(alg);
    verifier = await TokenVerifier.create({ jwtPublicKey: await exportSPKI(publicKey), jwtAlgorithm: alg, requireAuthForReads: false });
    sign = (claims, expiresIn = '5m') => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg }).setSubject('carol');
      return (expiresIn === null ? jwt : jwt.setExpirationTime(expiresIn)).sign(privateKey);
    };
    const other = await generateKeyPair(alg);
    foreignToken = await new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg }).setExpirationTime('5m').sign(other.privateKey);
  });

  it('grants the roles of a token signed with the matching private key', async () => {
    const token = await sign({ roles: ['editor', 'superuser'] });
    expect(await verifier.principal(`Bearer ${token}`)).toEqual({ subject: 'carol', roles: ['editor'] });
  });

  it.each([
    ['signed with another key', async () => foreignToken],
    ['expired', async () => sign({ roles: ['admin'] }, '-1m')],
    ['with no expiry', async () => sign({ roles: ['admin'] }, null)],
  ])('refuses a token %s as UNAUTHENTICATED', async (_case, token) => {
    await expect(verifier.principal(`Bearer ${await token()}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses an HS256 token made with the public key as secret (algorithm confusion)', async () => {
    const { publicKey } = await generateKeyPair(alg);
    const pem = await exportSPKI(publicKey);
    const confused = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(pem));
    await expect(verifier.principal(`Bearer ${confused}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
