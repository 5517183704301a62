import { createSecretKey } from 'node:crypto';
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { ConfigError, readConfig } from '../src/config';
import { ACCESS_ROLES, AccessRole } from '../src/security/auth';

/**
 * `npm run token -- --role editor [--sub NAME] [--ttl 1h]`: prints a development token signed with this
 * server's JWT_SECRET (with its JWT_ISSUER and JWT_AUDIENCE), to paste into the IDE's Headers tab.
 * The token goes alone to stdout, so `TOKEN=$(npm run -s token -- --role editor)` works; hints go to stderr.
 */

const SECRET_HOWTO = `For development, set one (32+ characters) and restart the server:
  export JWT_SECRET=$(node -e "console.log(require('node:crypto').randomBytes(32).toString('base64url'))")
  npm start`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    throw new UsageError(
      'npm run token refuses to run with NODE_ENV=production: a token minted from the server\'s own secret skips your identity provider. Issue production tokens where users sign in.',
    );
  }
  const { values } = parseArgs({
    args: argv,
    options: { role: { type: 'string', default: 'editor' }, sub: { type: 'string', default: 'developer' }, ttl: { type: 'string', default: '1h' } },
  });
  const role = values.role as AccessRole;
  if (!ACCESS_ROLES.includes(role)) throw new UsageError(`--role must be one of ${ACCESS_ROLES.join(', ')}, got "${values.role}"`);
  if (!/^\d+[smhd]$/.test(values.ttl!)) throw new UsageError(`--ttl must be a duration like 30m, 1h or 7d, got "${values.ttl}"`);

  const { auth } = readConfig();
  if (auth.jwtPublicKey) {
    throw new UsageError(
      `This server verifies ${auth.jwtAlgorithm} tokens with JWT_PUBLIC_KEY: mint them with the matching private key, where your users sign in.`,
    );
  }
  if (!auth.jwtSecret) throw new UsageError(`JWT_SECRET is unset, so this server accepts no tokens and writes are disabled.\n${SECRET_HOWTO}`);

  let token = new SignJWT({ roles: [role] }).setProtectedHeader({ alg: 'HS256' }).setSubject(values.sub!).setIssuedAt().setExpirationTime(values.ttl!);
  if (auth.jwtIssuer) token = token.setIssuer(auth.jwtIssuer);
  if (auth.jwtAudience) token = token.setAudience(auth.jwtAudience);
  const signed = await token.sign(createSecretKey(Buffer.from(auth.jwtSecret, 'utf8')));
  console.log(signed);
  console.error(`A ${role} token for "${values.sub}", valid for ${values.ttl}. In the IDE's Headers tab:\n  { "Authorization": "Bearer ${signed}" }`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof UsageError || error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
