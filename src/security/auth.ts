import { createSecretKey } from 'node:crypto';
import { importSPKI, jwtVerify, KeyLike } from 'jose';
import { AuthChecker } from 'type-graphql';
import { AuthConfig } from '../config';
import { forbidden, unauthenticated } from '../errors';

/** What a token's `roles` claim can grant; each includes the ones before it. */
export const ACCESS_ROLES = ['reader', 'editor', 'admin'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

export interface Principal {
  subject: string;
  roles: AccessRole[];
}

/** Verifies `Authorization: Bearer <JWT>` with jose: the configured algorithm only, so `alg: none` never passes. */
export class TokenVerifier {
  private constructor(
    private readonly key: KeyLike | null,
    private readonly config: AuthConfig,
  ) {}

  static async create(config: AuthConfig): Promise<TokenVerifier> {
    if (config.jwtPublicKey) return new TokenVerifier(await importSPKI(config.jwtPublicKey, config.jwtAlgorithm), config);
    if (config.jwtSecret) return new TokenVerifier(createSecretKey(Buffer.from(config.jwtSecret, 'utf8')), config);
    return new TokenVerifier(null, config);
  }

  /** The principal of the request, null without a token; UNAUTHENTICATED for a token that does not verify. */
  async principal(authorization: string | undefined): Promise<Principal | null> {
    if (!authorization) return null;
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(authorization.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <JWT>".', 401);
    if (!this.key) throw unauthenticated('This server accepts no tokens: it has no JWT_SECRET or JWT_PUBLIC_KEY.', 401);
    try {
      const { payload } = await jwtVerify(match[1], this.key, {
        algorithms: [this.config.jwtAlgorithm],
        issuer: this.config.jwtIssuer,
        audience: this.config.jwtAudience,
        requiredClaims: ['exp'],
      });
      const claimed = Array.isArray(payload.roles) ? payload.roles : [];
      return {
        subject: typeof payload.sub === 'string' ? payload.sub : 'unknown',
        roles: ACCESS_ROLES.filter((role) => claimed.includes(role)),
      };
    } catch {
      throw unauthenticated('The token is invalid or expired.', 401);
    }
  }
}

const RANK: Record<AccessRole, number> = { reader: 1, editor: 2, admin: 3 };

/** type-graphql's authChecker: `@Authorized('editor')` lets editors and admins through. */
export const authChecker: AuthChecker<{ principal: Principal | null }, AccessRole> = ({ context }, roles) => {
  const { principal } = context;
  if (!principal) throw unauthenticated('This operation needs credentials: send "Authorization: Bearer <JWT>".');
  const granted = Math.max(0, ...principal.roles.map((role) => RANK[role]));
  const needed = Math.min(...(roles.length ? roles : ['reader' as const]).map((role) => RANK[role]));
  if (granted < needed) {
    throw forbidden(`Your credentials lack the role this needs (${roles.join(' or ') || 'reader'}).`);
  }
  return true;
};
