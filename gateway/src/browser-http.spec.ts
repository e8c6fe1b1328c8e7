/**
 * What a browser meets at the gateway: the CORS allowlist (GraphQL and downloads, preflights included), automatic
 * persisted queries, and each operation's cost in the answer's extensions. On a started gateway over a stub org
 * subgraph.
 */
import { ephemeralDevKey, signDevToken } from '@tiaokuai/platform/devkey';
import { exportSPKI } from 'jose';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { APQ_HASH_MISMATCH, APQ_NOT_FOUND, LruCache } from './apq';
import { createAuthenticator, type Authenticator } from './auth';
import { corsSettingsFromEnv, DEFAULT_CORS_MAX_AGE } from './cors';
import { startGateway, type RunningGateway } from './index';
import { DEFAULT_LIMITS } from './limits';

const SECRETS = {
  org: 'org-secret-0123456789',
  tasks: 'tasks-secret-0123456789',
  assessments: 'assessments-secret-0123',
};
const APP = 'https://app.example.cn';
const EVIL = 'https://evil.example.com';
const QUERY = '{ unit(by: { code: "SC-JGGW" }) { name } }';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

let org: http.Server;
let orgUrl: string;
let authenticator: Authenticator;
let token: string;
let gateway: RunningGateway;
let base: string;

beforeAll(async () => {
  const key = await ephemeralDevKey();
  token = await signDevToken(key, { body: 'SC-JGGW', role: 'VIEWER' });
  authenticator = await createAuthenticator({ publicKeyPem: await exportSPKI(key.publicKey) });
  org = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end('{"data":{"unit":{"name":"四川省直机关工委"}}}');
    });
  });
  await new Promise<void>((r) => org.listen(0, '127.0.0.1', () => r()));
  orgUrl = `http://127.0.0.1:${(org.address() as { port: number }).port}/graphql`;
  gateway = await startGateway({
    port: 0,
    queryPlanner: 'js',
    subgraphSecrets: SECRETS,
    authenticator,
    subgraphUrls: { org: orgUrl },
    cors: { origins: [APP], maxAgeSeconds: 600 },
  });
  base = `http://localhost:${gateway.port}`;
});
afterAll(async () => {
  await gateway.close();
  org.close();
});

const post = (body: unknown, headers: Record<string, string> = {}, url = `${base}/graphql`) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });

const corsHeaders = (res: Response) =>
  [...res.headers.keys()].filter((k) => k.startsWith('access-control-')).sort((a, b) => a.localeCompare(b));

describe('CORS allowlist', () => {
  it('an allowed origin gets its own origin back, vary: origin, x-request-id exposed, no credentials mode', async () => {
    const res = await post({ query: QUERY }, { origin: APP, 'x-request-id': 'req-cors-1' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('vary')?.toLowerCase()).toContain('origin');
    expect(res.headers.get('access-control-expose-headers')).toContain('x-request-id');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('x-request-id')).toBe('req-cors-1');
  });

  it('a refusal (401 before the body is read) still carries the headers, so the page can read why', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: APP },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
  });

  it('another origin gets no CORS header at all (the request itself is served, the browser hides it)', async () => {
    const res = await post({ query: QUERY }, { origin: EVIL });
    expect(res.status).toBe(200);
    expect(corsHeaders(res)).toEqual([]);
  });

  it('a preflight from an allowed origin: 204 with methods, the clients’ headers and max-age', async () => {
    for (const url of [`${base}/graphql`, `${base}/calendar/SC-JGGW/2026.ics`, `${base}/assessments/1/results.xlsx`]) {
      const res = await fetch(url, {
        method: 'OPTIONS',
        headers: {
          origin: APP,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, apollo-require-preflight',
        },
      });
      expect([url, res.status]).toEqual([url, 204]);
      expect(res.headers.get('access-control-allow-origin')).toBe(APP);
      expect(res.headers.get('access-control-allow-methods')).toContain('POST');
      const allowed = res.headers.get('access-control-allow-headers')?.split(/,\s*/) ?? [];
      for (const h of ['authorization', 'content-type', 'x-request-id', 'apollo-require-preflight']) {
        expect(allowed).toContain(h);
      }
      expect(res.headers.get('access-control-max-age')).toBe('600');
      expect(await res.text()).toBe('');
    }
  });

  it('a preflight from another origin is refused, 403 without a body or a CORS header', async () => {
    for (const url of [`${base}/graphql`, `${base}/calendar/SC-JGGW/2026.ics`]) {
      const res = await fetch(url, {
        method: 'OPTIONS',
        headers: { origin: EVIL, 'access-control-request-method': 'POST' },
      });
      expect(res.status).toBe(403);
      expect(corsHeaders(res)).toEqual([]);
      expect(await res.text()).toBe('');
    }
  });

  it('a download with the bearer header from an allowed origin carries the CORS headers', async () => {
    const res = await fetch(`${base}/calendar/SC-JGGW/2026.ics`, {
      headers: { origin: APP, authorization: `Bearer ${token}` },
    });
    // The stub subgraph answers no calendar: 404 from the download route, past the token check.
    expect(res.status).toBe(404);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-expose-headers')).toContain('x-request-id');
  });

  it('a gateway without CORS_ORIGINS answers no origin, and refuses every preflight', async () => {
    const bare = await startGateway({
      port: 0,
      queryPlanner: 'js',
      subgraphSecrets: SECRETS,
      authenticator,
      subgraphUrls: { org: orgUrl },
    });
    try {
      const url = `http://localhost:${bare.port}/graphql`;
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin: APP },
        body: JSON.stringify({ query: QUERY }),
      });
      expect(res.status).toBe(200);
      expect(corsHeaders(res)).toEqual([]);
      const pre = await fetch(url, {
        method: 'OPTIONS',
        headers: { origin: APP, 'access-control-request-method': 'POST' },
      });
      expect(pre.status).toBe(403);
      expect(corsHeaders(pre)).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});

describe('CORS settings from the environment', () => {
  it.each([
    [{}, { origins: [], maxAgeSeconds: DEFAULT_CORS_MAX_AGE }],
    [{ CORS_ORIGINS: '' }, { origins: [], maxAgeSeconds: 600 }],
    [
      { CORS_ORIGINS: 'https://a.example.cn, http://localhost:5173', CORS_MAX_AGE: '60' },
      { origins: ['https://a.example.cn', 'http://localhost:5173'], maxAgeSeconds: 60 },
    ],
  ])('%j → %j', (env, expected) => {
    expect(corsSettingsFromEnv(env)).toEqual(expected);
  });
  it.each([
    [{ CORS_ORIGINS: '*' }, /CORS_ORIGINS/],
    [{ CORS_ORIGINS: 'https://a.example.cn/' }, /CORS_ORIGINS/],
    [{ CORS_ORIGINS: 'https://a.example.cn/app' }, /CORS_ORIGINS/],
    [{ CORS_ORIGINS: 'a.example.cn' }, /CORS_ORIGINS/],
    [{ CORS_MAX_AGE: 'ten' }, /CORS_MAX_AGE/],
    [{ CORS_MAX_AGE: '-1' }, /CORS_MAX_AGE/],
  ])('%j is refused', (env, message) => {
    expect(() => corsSettingsFromEnv(env)).toThrow(message);
  });
});

describe('automatic persisted queries', () => {
  const text = 'query Apq { unit(by: { code: "SC-JGGW" }) { name } }';
  const ext = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

  it('unknown hash → PERSISTED_QUERY_NOT_FOUND; hash + query registers and runs; then the hash alone runs', async () => {
    const first = await post({ extensions: ext(sha256(text)) });
    const firstBody = (await first.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(firstBody.errors[0].message).toBe('PersistedQueryNotFound');
    expect(firstBody.errors[0].extensions.code).toBe(APQ_NOT_FOUND);

    const register = await post({ query: text, extensions: ext(sha256(text)) });
    expect(((await register.json()) as { data: unknown }).data).toEqual({ unit: { name: '四川省直机关工委' } });

    const hit = await post({ extensions: ext(sha256(text)) });
    expect(hit.status).toBe(200);
    expect(((await hit.json()) as { data: unknown }).data).toEqual({ unit: { name: '四川省直机关工委' } });

    // GET, as Apollo Client sends hash-only queries when told to: cacheable, the same answer.
    const qs = new URLSearchParams({ extensions: JSON.stringify(ext(sha256(text))) });
    const get = await fetch(`${base}/graphql?${qs}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    expect(((await get.json()) as { data: unknown }).data).toEqual({ unit: { name: '四川省直机关工委' } });
  });

  it('a hash that is not the sha256 of the text: PERSISTED_QUERY_HASH_MISMATCH, 400, nothing stored', async () => {
    const other = 'query Other { unit(by: { code: "SC-JGGW" }) { name } }';
    const res = await post({ query: other, extensions: ext(sha256('something else')) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { data?: unknown; errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe(APQ_HASH_MISMATCH);
    expect(body.data).toBeUndefined();
    const after = (await (await post({ extensions: ext(sha256('something else')) })).json()) as {
      errors: Array<{ extensions: { code: string } }>;
    };
    expect(after.errors[0].extensions.code).toBe(APQ_NOT_FOUND);
  });

  it('with trusted documents on, the manifest answers the extension and nothing registers', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'apq-'));
    const file = path.join(dir, 'trusted.json');
    const listed = 'query Listed { unit(by: { code: "SC-JGGW" }) { name } }';
    writeFileSync(file, JSON.stringify({ [sha256(listed)]: listed }));
    const strict = await startGateway({
      port: 0,
      queryPlanner: 'js',
      subgraphSecrets: SECRETS,
      authenticator,
      subgraphUrls: { org: orgUrl },
      trustedDocuments: { file },
    });
    try {
      const url = `http://localhost:${strict.port}/graphql`;
      const listedAnswer = await post({ extensions: ext(sha256(listed)) }, {}, url);
      expect(((await listedAnswer.json()) as { data: unknown }).data).toEqual({ unit: { name: '四川省直机关工委' } });
      const unlisted = 'query Unlisted { unit(by: { code: "SC-JGGW" }) { name } }';
      const register = (await (await post({ query: unlisted, extensions: ext(sha256(unlisted)) }, {}, url)).json()) as {
        data?: unknown;
        errors?: unknown[];
      };
      expect(register.data).toBeUndefined();
      expect(register.errors?.length).toBeGreaterThan(0);
      const again = (await (await post({ extensions: ext(sha256(unlisted)) }, {}, url)).json()) as {
        data?: unknown;
      };
      expect(again.data).toBeUndefined();
    } finally {
      await strict.close();
    }
  });

  it('the store forgets the least recently used beyond its capacity', () => {
    const lru = new LruCache<string>(2);
    lru.set('a', '1');
    lru.set('b', '2');
    expect(lru.get('a')).toBe('1'); // a is now the most recent
    lru.set('c', '3');
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual(['1', undefined, '3', 2]);
  });
});

describe('cost in the extensions', () => {
  it('each answer names its cost and the limit', async () => {
    const res = await post({ query: QUERY });
    const body = (await res.json()) as { extensions?: { cost?: unknown } };
    expect(body.extensions?.cost).toEqual({ requested: expect.any(Number), limit: DEFAULT_LIMITS.maxCost });
    expect((body.extensions?.cost as { requested: number }).requested).toBeGreaterThan(0);
  });
});
