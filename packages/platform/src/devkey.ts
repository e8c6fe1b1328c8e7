/**
 * The development signing key: for the demo and local setups only, where no identity provider
 * exists. Generated on first use (ES256) and kept in the keys folder (HUB_KEYS_DIR, default
 * `<DATA_DIR>/keys`), so `npm run token` and a running hub agree. The gateway refuses it when
 * NODE_ENV=production: production names its keys explicitly (AUTH_JWKS_URL / AUTH_PUBLIC_KEY).
 *
 * Not exported from the package index: `jose` is an ES module, loaded only where tokens are made
 * or checked (the gateway and the token command).
 */
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Role } from './identity';

export const DEV_ISSUER = 'tiaokuai-hub-dev';
export const DEFAULT_AUDIENCE = 'tiaokuai-hub';
export const DEV_ALGORITHM = 'ES256';
const FILE = 'dev-signing-key.json';

export interface DevKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

async function fromJwks(privateJwk: JWK, publicJwk: JWK): Promise<DevKey> {
  return {
    privateKey: (await importJWK(privateJwk, DEV_ALGORITHM)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, DEV_ALGORITHM)) as CryptoKey,
    publicJwk,
  };
}

/** A fresh key pair that lives in memory only. */
export async function ephemeralDevKey(): Promise<DevKey> {
  const { privateKey, publicKey } = await generateKeyPair(DEV_ALGORITHM, { extractable: true });
  return fromJwks(await exportJWK(privateKey), await exportJWK(publicKey));
}

/**
 * The key in `dir`, created (mode 0600, exclusively: two processes starting together end up
 * with the same key) when absent.
 */
export async function loadOrCreateDevKey(dir: string): Promise<DevKey> {
  const file = path.join(dir, FILE);
  const read = async () => {
    const { privateJwk, publicJwk } = JSON.parse(readFileSync(file, 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
    return fromJwks(privateJwk, publicJwk);
  };
  try {
    return await read();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = await generateKeyPair(DEV_ALGORITHM, { extractable: true });
  const body = JSON.stringify({ privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) });
  try {
    writeFileSync(file, body, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return read();
}

export interface TokenRequest {
  /** The unit code the caller acts for (absent for the hub's operator). */
  body?: string;
  role?: Role;
  hubAdmin?: boolean;
  subject?: string;
  /** Lifetime, e.g. `12h`, `30m` (jose's time span syntax). */
  ttl?: string;
  issuer?: string;
  audience?: string;
}

/** A bearer token the hub's dev key signs: claims `sub`, `body`, `role`, `hub_admin`. */
export async function signDevToken(key: DevKey, req: TokenRequest): Promise<string> {
  const claims = req.hubAdmin ? { hub_admin: true, role: 'ADMIN' } : { body: req.body, role: req.role ?? 'VIEWER' };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: DEV_ALGORITHM, typ: 'JWT' })
    .setSubject(req.subject ?? (req.hubAdmin ? 'hub-operator' : `${req.body}:${(req.role ?? 'VIEWER').toLowerCase()}`))
    .setIssuer(req.issuer ?? DEV_ISSUER)
    .setAudience(req.audience ?? DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(req.ttl ?? '12h')
    .sign(key.privateKey);
}
