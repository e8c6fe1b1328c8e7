/**
 * Authentication at the gateway: every GraphQL request carries `Authorization: Bearer JWT`,
 * verified with `jose` against a JWKS URL or a local public key (intranets have no identity
 * provider on the internet), with issuer, audience and expiry checked. The verified claims
 * become an Identity, which the gateway signs for each subgraph (see identity.ts in common).
 *
 * Claims: `sub` (who), `body` (the unit code the caller acts for), `role` (VIEWER | EDITOR |
 * ADMIN), or `hub_admin: true` for the hub's operator. Configuration (environment):
 *   AUTH_JWKS_URL            a JWKS endpoint, or
 *   AUTH_PUBLIC_KEY          a PEM public key (SPKI), or AUTH_PUBLIC_KEY_FILE its path
 *   AUTH_ALGORITHM           the key's algorithm with a PEM key (default ES256)
 *   AUTH_ISSUER, AUTH_AUDIENCE   expected `iss` / `aud` (defaults: the dev issuer, tiaokuai-hub)
 * With none of the key settings, outside NODE_ENV=production, the locally generated dev key
 * (HUB_KEYS_DIR) is used; in production that is refused and the gateway does not start.
 */
import { DEFAULT_AUDIENCE, DEV_ALGORITHM, DEV_ISSUER, ephemeralDevKey, loadOrCreateDevKey } from '@tiaokuai/common/dist/devkey';
import { ROLES, type Identity, type Role } from '@tiaokuai/common/dist/identity';
import { createRemoteJWKSet, errors as joseErrors, importSPKI, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { readFileSync } from 'node:fs';

export interface Authenticator {
  /** The caller's identity, or an AuthFailure explaining (to logs) why not. */
  verify(token: string): Promise<Identity>;
  /** Where the keys come from, for the start-up log. */
  source: string;
}

export class AuthFailure extends Error {}

export interface AuthSettings {
  jwksUrl?: string;
  publicKeyPem?: string;
  algorithm?: string;
  issuer?: string;
  audience?: string;
  /** Folder of the dev key; absent = a key in memory only (tests, throw-away hubs). */
  keysDir?: string;
  production?: boolean;
}

export function authSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  const pem = env.AUTH_PUBLIC_KEY || (env.AUTH_PUBLIC_KEY_FILE ? readFileSync(env.AUTH_PUBLIC_KEY_FILE, 'utf8') : undefined);
  const dataDir = env.DATA_DIR;
  return {
    jwksUrl: env.AUTH_JWKS_URL || undefined,
    publicKeyPem: pem,
    algorithm: env.AUTH_ALGORITHM || undefined,
    issuer: env.AUTH_ISSUER || undefined,
    audience: env.AUTH_AUDIENCE || undefined,
    keysDir: env.HUB_KEYS_DIR || (dataDir && !dataDir.startsWith('memory://') ? `${dataDir}/keys` : undefined),
    production: env.NODE_ENV === 'production',
  };
}

export function identityFromClaims(claims: Record<string, unknown>): Identity {
  const subject = claims.sub;
  if (typeof subject !== 'string' || !subject) throw new AuthFailure('token has no sub');
  if (claims.hub_admin === true) return { subject, body: null, role: 'ADMIN', hubAdmin: true };
  const body = claims.body;
  const role = claims.role;
  if (typeof body !== 'string' || !body) throw new AuthFailure('token has no body claim');
  if (!ROLES.includes(role as Role)) throw new AuthFailure('token has no valid role claim');
  return { subject, body, role: role as Role, hubAdmin: false };
}

export async function createAuthenticator(s: AuthSettings): Promise<Authenticator> {
  let key: JWTVerifyGetKey | CryptoKey;
  let source: string;
  let issuer = s.issuer;
  let algorithms: string[] | undefined;
  if (s.jwksUrl) {
    key = createRemoteJWKSet(new URL(s.jwksUrl));
    source = `JWKS ${s.jwksUrl}`;
  } else if (s.publicKeyPem) {
    const alg = s.algorithm ?? DEV_ALGORITHM;
    key = await importSPKI(s.publicKeyPem, alg);
    algorithms = [alg];
    source = 'configured public key';
  } else {
    if (s.production) {
      throw new Error('NODE_ENV=production: configure AUTH_JWKS_URL or AUTH_PUBLIC_KEY(_FILE); the locally generated development key is refused');
    }
    const dev = s.keysDir ? await loadOrCreateDevKey(s.keysDir) : await ephemeralDevKey();
    key = dev.publicKey;
    algorithms = [DEV_ALGORITHM];
    issuer ??= DEV_ISSUER;
    source = s.keysDir ? `development key in ${s.keysDir} (npm run token)` : 'development key in memory';
  }
  const audience = s.audience ?? DEFAULT_AUDIENCE;
  return {
    source,
    async verify(token) {
      try {
        const { payload } = typeof key === 'function'
          ? await jwtVerify(token, key, { issuer, audience, algorithms })
          : await jwtVerify(token, key, { issuer, audience, algorithms });
        return identityFromClaims(payload as Record<string, unknown>);
      } catch (e) {
        if (e instanceof AuthFailure) throw e;
        if (e instanceof joseErrors.JOSEError) throw new AuthFailure(e.code);
        throw e;
      }
    },
  };
}
