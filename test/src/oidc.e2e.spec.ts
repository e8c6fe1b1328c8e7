/**
 * Tokens from a real OpenID Connect provider (oidc-provider, started here on a loopback port:
 * test/fixtures/oidc-provider.mjs), the gateway configured through AUTH_JWKS_URL, AUTH_ISSUER and
 * AUTH_AUDIENCE as a deployment would be. Clients use the client_credentials grant with a
 * resource indicator; the provider's JWT access tokens carry the hub's claims. Key rotation:
 * a token signed with the provider's new key is accepted (the gateway refetches the JWKS), one
 * whose `kid` the provider never published is refused.
 */
import { DEMO_FILE, gql, IMPORT_MUTATION } from '@tiaokuai/tools';
import { generateKeyPair, SignJWT, decodeProtectedHeader } from 'jose';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startTestHub, type TestHub } from './hub';

const AUDIENCE = 'urn:tiaokuai:hub';
const CLIENTS = [
  { client_id: 'hub-operator', client_secret: 'operator-secret-0123456789abcdef', claims: { hub_admin: true } },
  {
    client_id: 'jggw-viewer',
    client_secret: 'viewer-secret-0123456789abcdefgh',
    claims: { body: 'SC-JGGW', role: 'VIEWER' },
  },
];

let provider: ChildProcess;
let oidc: { issuer: string; jwksUrl: string; tokenUrl: string };
let t: TestHub;

beforeAll(async () => {
  provider = spawn(process.execPath, [path.resolve(__dirname, '..', 'fixtures', 'oidc-provider.mjs')], {
    env: { ...process.env, OIDC_AUDIENCE: AUDIENCE, OIDC_CLIENTS: JSON.stringify(CLIENTS) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  provider.stderr!.resume();
  oidc = await new Promise((resolve, reject) => {
    provider.once('exit', (code) => reject(new Error(`OIDC provider exited (${code})`)));
    createInterface({ input: provider.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
  });
  t = await startTestHub({
    AUTH_JWKS_URL: oidc.jwksUrl,
    AUTH_ISSUER: oidc.issuer,
    AUTH_AUDIENCE: AUDIENCE,
    AUTH_JWKS_COOLDOWN: '0',
  });
});
afterAll(async () => {
  await t?.close();
  if (provider && provider.exitCode === null) {
    await new Promise<void>((r) => {
      provider.once('exit', () => r());
      provider.kill('SIGTERM');
    });
  }
});

/** An access token for `client_id` by the client_credentials grant (client_secret_basic). */
async function tokenFor(clientId: string): Promise<string> {
  const client = CLIENTS.find((c) => c.client_id === clientId)!;
  const res = await fetch(oidc.tokenUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', resource: AUDIENCE, scope: 'hub' }),
  });
  const body = await res.json();
  expect({ status: res.status, type: body.token_type }).toEqual({ status: 200, type: 'Bearer' });
  return body.access_token;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('tokens from an OpenID Connect provider', () => {
  it("the provider's operator imports the demo and its viewer reads a unit of its body", async () => {
    const operator = await tokenFor('hub-operator');
    const imported = await gql(
      t.url,
      IMPORT_MUTATION,
      { document: JSON.parse(readFileSync(DEMO_FILE, 'utf8')) },
      bearer(operator),
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importUnits.ok).toBe(true);
    const viewer = await tokenFor('jggw-viewer');
    const seen = await gql(t.url, '{ unit(by: { code: "SC-JGGW" }) { code } }', undefined, bearer(viewer));
    expect(seen.status).toBe(200);
    expect(seen.data.unit).toEqual({ code: 'SC-JGGW' });
  });

  it("the development key's tokens are refused once the gateway uses the provider's keys", async () => {
    const dev = await gql(t.url, '{ unit(by: { code: "SC-JGGW" }) { code } }', undefined, bearer(t.hub.operatorToken));
    expect(dev.status).toBe(401);
    expect(dev.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it("after the provider rotates its signing key, new tokens are accepted and the old key's still are", async () => {
    const before = await tokenFor('jggw-viewer');
    const rotated = (await (await fetch(`${oidc.issuer}/__rotate`, { method: 'POST' })).json()) as { kid: string };
    const after = await tokenFor('jggw-viewer');
    expect(decodeProtectedHeader(after).kid).toBe(rotated.kid);
    expect(decodeProtectedHeader(before).kid).not.toBe(rotated.kid);
    for (const token of [after, before]) {
      const r = await gql(t.url, '{ unit(by: { code: "SC-JGGW" }) { code } }', undefined, bearer(token));
      expect(r.errors).toBeUndefined();
      expect(r.data.unit).toEqual({ code: 'SC-JGGW' });
    }
  });

  it('a token whose key the provider never published is refused, with the right claims and a plausible kid', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ hub_admin: true, role: 'ADMIN' })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'not-a-published-kid' })
      .setSubject('intruder')
      .setIssuer(oidc.issuer)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const r = await gql(t.url, '{ unit(by: { code: "SC-JGGW" }) { code } }', undefined, bearer(forged));
    expect(r.status).toBe(401);
    expect(r.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });
});
