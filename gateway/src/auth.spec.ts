import { ephemeralDevKey, signDevToken, type DevKey } from '@tiaokuai/platform/devkey';
import { exportSPKI, SignJWT } from 'jose';
import {
  AuthFailure,
  authSettingsFromEnv,
  createAuthenticator,
  DEFAULT_MAX_TOKEN_TTL_S,
  parseSpan,
  type Authenticator,
} from './auth';

let key: DevKey;
let auth: Authenticator;
beforeAll(async () => {
  key = await ephemeralDevKey();
  auth = await createAuthenticator({ publicKeyPem: await exportSPKI(key.publicKey), issuer: 'tiaokuai-hub-dev' });
});

const now = () => Math.floor(Date.now() / 1000);
/** A token with exactly these time claims (absent = not set). */
function token(times: { exp?: number; iat?: number; nbf?: number }) {
  const jwt = new SignJWT({ body: 'SC-JGGW', role: 'VIEWER' })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('li.si')
    .setIssuer('tiaokuai-hub-dev')
    .setAudience('tiaokuai-hub');
  if (times.exp !== undefined) jwt.setExpirationTime(times.exp);
  if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
  if (times.nbf !== undefined) jwt.setNotBefore(times.nbf);
  return jwt.sign(key.privateKey);
}

describe('token time claims', () => {
  it.each([
    ['no exp', () => ({ iat: now() })],
    ['exp in 100 years', () => ({ iat: now(), exp: now() + 100 * 365 * 86_400 })],
    ['exp 13 h after iat', () => ({ iat: now(), exp: now() + 13 * 3600 })],
    ['no iat and exp 13 h from now', () => ({ exp: now() + 13 * 3600 })],
    ['iat an hour in the future', () => ({ iat: now() + 3600, exp: now() + 7200 })],
    ['nbf an hour in the future', () => ({ iat: now(), nbf: now() + 3600, exp: now() + 7200 })],
    ['expired', () => ({ iat: now() - 7200, exp: now() - 3600 })],
  ])('%s: refused', async (_n, times) => {
    await expect(auth.verify(await token(times()))).rejects.toBeInstanceOf(AuthFailure);
  });

  it.each([
    ['exp 12 h after iat (the maximum)', () => ({ iat: now(), exp: now() + DEFAULT_MAX_TOKEN_TTL_S })],
    ['no iat, exp in an hour', () => ({ exp: now() + 3600 })],
    [
      'iat 30 s ahead (within the clock skew), nbf past',
      () => ({ iat: now() + 30, nbf: now() - 10, exp: now() + 3600 }),
    ],
  ])('%s: accepted', async (_n, times) => {
    await expect(auth.verify(await token(times()))).resolves.toMatchObject({
      subject: 'li.si',
      body: 'SC-JGGW',
      role: 'VIEWER',
    });
  });

  it('the dev tokens (npm run token, the default lifetime) are within the default maximum', async () => {
    await expect(auth.verify(await signDevToken(key, { body: 'SC-JGGW', role: 'EDITOR' }))).resolves.toMatchObject({
      role: 'EDITOR',
    });
    await expect(auth.verify(await signDevToken(key, { hubAdmin: true, ttl: '7d' }))).rejects.toThrow(
      /AUTH_MAX_TOKEN_TTL/,
    );
  });

  it('the maximum is a setting', async () => {
    const week = await createAuthenticator({
      publicKeyPem: await exportSPKI(key.publicKey),
      issuer: 'tiaokuai-hub-dev',
      maxTokenTtlS: 7 * 86_400,
    });
    await expect(week.verify(await signDevToken(key, { hubAdmin: true, ttl: '7d' }))).resolves.toMatchObject({
      hubAdmin: true,
    });
    const short = await createAuthenticator({
      publicKeyPem: await exportSPKI(key.publicKey),
      issuer: 'tiaokuai-hub-dev',
      maxTokenTtlS: 600,
    });
    await expect(short.verify(await signDevToken(key, { body: 'SC-JGGW', ttl: '1h' }))).rejects.toThrow(
      /lifetime 3600s/,
    );
    expect(authSettingsFromEnv({ AUTH_MAX_TOKEN_TTL: '8h', AUTH_CLOCK_SKEW: '30' })).toMatchObject({
      maxTokenTtlS: 28_800,
      clockSkewS: 30,
    });
    expect(parseSpan('X', '90m')).toBe(5400);
    expect(() => authSettingsFromEnv({ AUTH_MAX_TOKEN_TTL: 'forever' })).toThrow(
      /AUTH_MAX_TOKEN_TTL must be a duration/,
    );
  });
});
