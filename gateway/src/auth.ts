/**
 * Authentication at the gateway: every GraphQL request carries `Authorization: Bearer JWT`,
 * verified with `jose` against a JWKS URL or a local public key (intranets have no identity
 * provider on the internet), with issuer, audience and expiry checked. The verified claims
 * become an Identity, which the gateway signs for each subgraph (see identity.ts in the platform package).
 *
 * Claims: `sub` (who), `body` (the unit code the caller acts for), `role` (VIEWER | EDITOR |
 * ADMIN), or `hub_admin: true` for the hub's operator. Configuration (environment):
 *   AUTH_JWKS_URL            a JWKS endpoint, or
 *   AUTH_PUBLIC_KEY          a PEM public key (SPKI), or AUTH_PUBLIC_KEY_FILE its path
 *   AUTH_ALGORITHM           the key's algorithm with a PEM key (default ES256)
 *   AUTH_ISSUER, AUTH_AUDIENCE   expected `iss` / `aud` (defaults: the dev issuer, tiaokuai-hub)
 *   AUTH_MAX_TOKEN_TTL       the longest lifetime a token may claim (`exp - iat`, or `exp - now`
 *                            without `iat`), seconds or a span such as `12h` (default 12h)
 *   AUTH_CLOCK_SKEW          tolerance on `exp`, `nbf` and `iat` (default 60s)
 *   AUTH_JWKS_COOLDOWN       with AUTH_JWKS_URL: after a fetch of the keys, how long a token
 *                            with an unknown `kid` waits before it may cause another (default
 *                            30s; the keys are also refetched every 10 minutes). A provider's
 *                            new signing key is accepted at most this long after its first use.
 * `exp` is required; `nbf` in the future and `iat` in the future (beyond the skew) are refused.
 * With none of the key settings, outside NODE_ENV=production, the locally generated dev key
 * (HUB_KEYS_DIR) is used; in production that is refused and the gateway does not start.
 */
import {
  DEFAULT_AUDIENCE,
  DEV_ALGORITHM,
  DEV_ISSUER,
  ephemeralDevKey,
  loadOrCreateDevKey,
} from '@tiaokuai/platform/devkey';
import { ROLES, type Identity, type Role } from '@tiaokuai/platform/identity';
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
  /** Longest accepted token lifetime, seconds (DEFAULT_MAX_TOKEN_TTL_S). */
  maxTokenTtlS?: number;
  /** Clock skew tolerated on exp, nbf and iat, seconds (DEFAULT_CLOCK_SKEW_S). */
  clockSkewS?: number;
  /** JWKS refetch cooldown on an unknown kid, seconds (jose's default, 30, when absent). */
  jwksCooldownS?: number;
}

/** 12 hours: a working day with margin; the dev tokens' default lifetime (devkey.ts) is the same. */
export const DEFAULT_MAX_TOKEN_TTL_S = 12 * 3600;
export const DEFAULT_CLOCK_SKEW_S = 60;

/** `3600`, `90s`, `30m`, `12h`, `2d` → seconds; anything else throws naming the setting. */
export function parseSpan(name: string, raw: string): number {
  const m = /^\s*(\d+)\s*(s|m|h|d)?\s*$/.exec(raw);
  const v = m ? Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86_400 }[(m[2] ?? 's') as 's'] : NaN;
  if (!Number.isSafeInteger(v) || v < 1)
    throw new Error(`${name} must be a duration such as 3600, 30m or 12h, got ${JSON.stringify(raw)}`);
  return v;
}

export function authSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  const pem =
    env.AUTH_PUBLIC_KEY || (env.AUTH_PUBLIC_KEY_FILE ? readFileSync(env.AUTH_PUBLIC_KEY_FILE, 'utf8') : undefined);
  const dataDir = env.DATA_DIR;
  return {
    jwksUrl: env.AUTH_JWKS_URL || undefined,
    publicKeyPem: pem,
    algorithm: env.AUTH_ALGORITHM || undefined,
    issuer: env.AUTH_ISSUER || undefined,
    audience: env.AUTH_AUDIENCE || undefined,
    keysDir: env.HUB_KEYS_DIR || (dataDir && !dataDir.startsWith('memory://') ? `${dataDir}/keys` : undefined),
    production: env.NODE_ENV === 'production',
    maxTokenTtlS: env.AUTH_MAX_TOKEN_TTL ? parseSpan('AUTH_MAX_TOKEN_TTL', env.AUTH_MAX_TOKEN_TTL) : undefined,
    clockSkewS: env.AUTH_CLOCK_SKEW ? parseSpan('AUTH_CLOCK_SKEW', env.AUTH_CLOCK_SKEW) : undefined,
    // 0 allowed: every unknown kid refetches (tests; a provider that rotates without notice).
    jwksCooldownS:
      env.AUTH_JWKS_COOLDOWN === '0'
        ? 0
        : env.AUTH_JWKS_COOLDOWN
          ? parseSpan('AUTH_JWKS_COOLDOWN', env.AUTH_JWKS_COOLDOWN)
          : undefined,
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
    key = createRemoteJWKSet(
      new URL(s.jwksUrl),
      s.jwksCooldownS === undefined ? {} : { cooldownDuration: s.jwksCooldownS * 1000 },
    );
    source = `JWKS ${s.jwksUrl}`;
  } else if (s.publicKeyPem) {
    const alg = s.algorithm ?? DEV_ALGORITHM;
    key = await importSPKI(s.publicKeyPem, alg);
    algorithms = [alg];
    source = 'configured public key';
  } else {
    if (s.production) {
      throw new Error(
        'NODE_ENV=production: configure AUTH_JWKS_URL or AUTH_PUBLIC_KEY(_FILE); the locally generated development key is refused',
      );
    }
    const dev = s.keysDir ? await loadOrCreateDevKey(s.keysDir) : await ephemeralDevKey();
    key = dev.publicKey;
    algorithms = [DEV_ALGORITHM];
    issuer ??= DEV_ISSUER;
    source = s.keysDir ? `development key in ${s.keysDir} (npm run token)` : 'development key in memory';
  }
  const audience = s.audience ?? DEFAULT_AUDIENCE;
  const maxTtl = s.maxTokenTtlS ?? DEFAULT_MAX_TOKEN_TTL_S;
  const skew = s.clockSkewS ?? DEFAULT_CLOCK_SKEW_S;
  const options = { issuer, audience, algorithms, requiredClaims: ['exp'], clockTolerance: skew };
  const check = async (token: string): Promise<{ identity: Identity; exp: number }> => {
    try {
      const { payload } =
        typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
      // jose checked exp (present, not past) and nbf (not future); the lifetime and iat are ours.
      const exp = payload.exp as number;
      const now = Math.floor(Date.now() / 1000);
      if (payload.iat !== undefined && payload.iat > now + skew) throw new AuthFailure('iat in the future');
      const lifetime = exp - (payload.iat ?? now);
      if (lifetime > maxTtl) throw new AuthFailure(`lifetime ${lifetime}s over AUTH_MAX_TOKEN_TTL ${maxTtl}s`);
      return { identity: identityFromClaims(payload as Record<string, unknown>), exp };
    } catch (e) {
      if (e instanceof AuthFailure) throw e;
      if (e instanceof joseErrors.JOSEError) throw new AuthFailure(e.code);
      throw e;
    }
  };
  // Verified tokens, kept until their expiry or CACHE_MS, whichever comes first: the gateway
  // checks a token before reading the body (index.ts) and again where the runtime asks, and a
  // client sends the same token many times. Bounded: cleared when full.
  const cache = new Map<string, { identity: Identity; until: number }>();
  return {
    source,
    async verify(token) {
      const now = Date.now();
      const hit = cache.get(token);
      if (hit && hit.until > now) return hit.identity;
      if (hit) cache.delete(token);
      const { identity, exp } = await check(token);
      if (cache.size >= CACHE_ENTRIES) cache.clear();
      cache.set(token, { identity, until: Math.min(exp * 1000, now + CACHE_MS) });
      return identity;
    },
  };
}

/**
 * How long a verified token is trusted without verifying it again (a key withdrawn from the JWKS stops it within this).
 */
const CACHE_MS = 60_000;
const CACHE_ENTRIES = 10_000;
