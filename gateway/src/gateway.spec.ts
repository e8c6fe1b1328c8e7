import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { ephemeralDevKey, signDevToken, type DevKey } from '@tiaokuai/platform/devkey';
import { RequestVerifier, STALE_SIGNATURE_HEADER } from '@tiaokuai/platform/signature';
import { exportSPKI } from 'jose';
import { createAuthenticator } from './auth';
import { createGateway, DEFAULT_SUPERGRAPH, startGateway, withSubgraphUrls } from './index';
import { STALE_RESIGN_ATTEMPTS } from './resign';
import { DEFAULT_LIMITS, limitsFromEnv, YOGA_MAX_BODY_BYTES } from './limits';

const SECRETS = {
  org: 'org-secret-0123456789',
  tasks: 'tasks-secret-0123456789',
  assessments: 'assessments-secret-0123',
};
const verifierFor = (name: keyof typeof SECRETS) =>
  new RequestVerifier({ target: name, keys: { gateway: SECRETS[name] } });
interface Captured {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
let key: DevKey;
let operator: string;
beforeAll(async () => {
  key = await ephemeralDevKey();
  operator = await signDevToken(key, { hubAdmin: true });
});

const post = (gateway: ReturnType<typeof createGateway>, query: string, token?: string) =>
  gateway.fetch('http://gateway/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });

/** A subgraph that accepts connections and never answers. */
async function hangingServer(): Promise<Server> {
  const srv = createServer(() => undefined);
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  return srv;
}

// The JS planner here: the Rust planner's native module does not load inside jest's module
// sandbox. The end-to-end tests (test/) run the real gateway process with the Rust planner.
describe('gateway', () => {
  it('a subgraph that never answers times out into SUBGRAPH_UNAVAILABLE, and the rest of the answer comes back', async () => {
    const hang = await hangingServer();
    const port = (hang.address() as { port: number }).port;
    const sdl = withSubgraphUrls(readFileSync(DEFAULT_SUPERGRAPH, 'utf8'), {
      tasks: `http://127.0.0.1:${port}/graphql`,
      org: 'http://127.0.0.1:9/graphql', // nothing listens on the discard port
    });
    const authenticator = await createAuthenticator({
      publicKeyPem: await exportSPKI(key.publicKey),
      issuer: 'tiaokuai-hub-dev',
    });
    const gateway = createGateway({
      port: 0,
      supergraphSdl: sdl,
      upstreamTimeoutMs: 200,
      queryPlanner: 'js',
      authenticator,
      subgraphSecrets: SECRETS,
    });
    try {
      const res = await post(gateway, '{ task(id: "1") { id } scheme(id: "1") { id } }', operator);
      const body = await res.json();
      expect(res.status).toBe(200);
      // tasks hangs, assessments is unreachable (default loopback port, not running)
      expect(body.errors).toHaveLength(2);
      expect(body.errors.map((e: any) => e.extensions)).toEqual(
        expect.arrayContaining([{ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'tasks' }]),
      );
      expect(body.data).toEqual({ task: null, scheme: null });
    } finally {
      await gateway.dispose();
      hang.closeAllConnections();
      hang.close();
    }
  });
});

describe('authentication at the gateway', () => {
  /** A stand-in subgraph that records what the gateway sends it. */
  async function recordingOrg() {
    const seen: Array<Record<string, string | string[] | undefined>> = [];
    const requests: Captured[] = [];
    const srv = createServer((req, res) => {
      seen.push(req.headers);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        requests.push({
          method: req.method!,
          url: `http://${req.headers.host}${req.url}`,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: { unit: null } }));
      });
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    return { srv, seen, requests, url: `http://127.0.0.1:${(srv.address() as { port: number }).port}/graphql` };
  }

  it.each([
    ['no token', async () => undefined],
    ['a token signed by another key', async () => signDevToken(await ephemeralDevKey(), { hubAdmin: true })],
    ['an expired token', async () => signDevToken(key, { body: 'SC-JGGW', role: 'ADMIN', ttl: '-1m' })],
    [
      'a token for another audience',
      async () => signDevToken(key, { body: 'SC-JGGW', role: 'ADMIN', audience: 'someone-else' }),
    ],
    ['a token without a body', async () => signDevToken(key, { role: 'ADMIN' })],
    ['garbage', async () => 'not.a.jwt'],
  ])('%s gets 401 UNAUTHENTICATED and no subgraph is asked', async (_name, token) => {
    const org = await recordingOrg();
    const authenticator = await createAuthenticator({ publicKeyPem: await exportSPKI(key.publicKey) });
    const gateway = createGateway({
      port: 0,
      queryPlanner: 'js',
      subgraphUrls: { org: org.url },
      authenticator,
      subgraphSecrets: SECRETS,
    });
    try {
      const res = await post(gateway, '{ unit(by: { code: "SC-JGGW" }) { name } }', await token());
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect(body.data).toBeUndefined();
      expect(org.seen).toHaveLength(0);
    } finally {
      await gateway.dispose();
      org.srv.close();
    }
  });

  it("a valid token reaches the subgraph as a signed identity only that subgraph's secret verifies", async () => {
    const org = await recordingOrg();
    const authenticator = await createAuthenticator({ publicKeyPem: await exportSPKI(key.publicKey) });
    const gateway = createGateway({
      port: 0,
      queryPlanner: 'js',
      subgraphUrls: { org: org.url },
      authenticator,
      subgraphSecrets: SECRETS,
    });
    try {
      const token = await signDevToken(key, { body: 'SC-JGGW', role: 'EDITOR', subject: 'li.si' });
      const res = await post(gateway, '{ unit(by: { code: "SC-JGGW" }) { name } }', token);
      expect(res.status).toBe(200);
      expect(org.requests).toHaveLength(1);
      const captured = org.requests[0];
      const result = await verifierFor('org').verify(captured);
      expect(result).toMatchObject({
        ok: true,
        keyid: 'gateway',
        identity: { subject: 'li.si', body: 'SC-JGGW', role: 'EDITOR', hubAdmin: false },
      });
      expect(result.ok && result.identity.requestId).toBe(captured.headers['x-request-id']);
      // Signed over the request itself: the same headers do not carry another body, nor reach another subgraph.
      expect(
        await verifierFor('org').verify({ ...captured, body: captured.body.replace('SC-JGGW', 'SC-XXXX') }),
      ).toEqual({ ok: false, reason: 'digest mismatch' });
      expect(await new RequestVerifier({ target: 'org', keys: { gateway: SECRETS.tasks } }).verify(captured)).toEqual({
        ok: false,
        reason: 'bad signature',
      });
      expect(captured.headers.authorization).toBeUndefined(); // the bearer token itself stays at the gateway
    } finally {
      await gateway.dispose();
      org.srv.close();
    }
  });

  it('through the server, the token is verified once per request, before the body, and that identity is what the subgraph gets', async () => {
    const org = await recordingOrg();
    const real = await createAuthenticator({ publicKeyPem: await exportSPKI(key.publicKey) });
    const checked: string[] = [];
    const authenticator = {
      source: real.source,
      verify: (t: string) => {
        checked.push(t);
        return real.verify(t);
      },
    };
    const gateway = await startGateway({
      port: 0,
      queryPlanner: 'js',
      subgraphUrls: { org: org.url },
      authenticator,
      subgraphSecrets: SECRETS,
    });
    try {
      const tokens = [
        await signDevToken(key, { body: 'SC-JGGW', role: 'EDITOR', subject: 'li.si' }),
        await signDevToken(key, { body: 'SC-JGGW', role: 'VIEWER', subject: 'wang.wu' }),
      ];
      for (const token of [...tokens, tokens[0]]) {
        const res = await fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ unit(by: { code: "SC-JGGW" }) { name } }' }),
        });
        expect(res.status).toBe(200);
        await res.text();
      }
      // One check per request (the runtime's own check takes the server's), in the order sent.
      expect(checked).toEqual([tokens[0], tokens[1], tokens[0]]);
      const subjects = [];
      for (const captured of org.requests) {
        const result = await verifierFor('org').verify(captured);
        subjects.push(result.ok ? [result.identity.subject, result.identity.role] : result.reason);
      }
      expect(subjects).toEqual([
        ['li.si', 'EDITOR'],
        ['wang.wu', 'VIEWER'],
        ['li.si', 'EDITOR'],
      ]);
    } finally {
      await gateway.close();
      org.srv.close();
    }
  });

  it('a retried query carries the signed identity and the request id on every attempt (a subgraph back from a crash answers it)', async () => {
    // First attempt: 503, as a subgraph that is still starting; the retry must be signed too,
    // or the subgraph answers 401 and the client is told UNAUTHENTICATED (RELIABILITY.md).
    const seen: Array<Record<string, string | string[] | undefined>> = [];
    const verifier = verifierFor('org'); // one per subgraph process: it remembers the nonces
    const srv = createServer((req, res) => {
      seen.push(req.headers);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const ok = (
          await verifier.verify({
            method: req.method!,
            url: `http://${req.headers.host}${req.url}`,
            headers: req.headers,
            body: Buffer.concat(chunks),
          })
        ).ok;
        res.setHeader('content-type', 'application/json');
        if (seen.length === 1) {
          res.statusCode = 503;
          return res.end(JSON.stringify({ errors: [{ message: 'starting' }] }));
        }
        if (!ok) {
          res.statusCode = 401;
          return res.end(
            JSON.stringify({ errors: [{ message: 'unsigned', extensions: { code: 'UNAUTHENTICATED' } }] }),
          );
        }
        res.end(JSON.stringify({ data: { unit: { name: '四川省直机关工委' } } }));
      });
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    const authenticator = await createAuthenticator({ publicKeyPem: await exportSPKI(key.publicKey) });
    const gateway = createGateway({
      port: 0,
      queryPlanner: 'js',
      subgraphUrls: { org: `http://127.0.0.1:${(srv.address() as { port: number }).port}/graphql` },
      authenticator,
      subgraphSecrets: SECRETS,
    });
    try {
      const res = await gateway.fetch('http://gateway/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${operator}`, 'x-request-id': 'retry-1' },
        body: JSON.stringify({ query: '{ unit(by: { code: "SC-JGGW" }) { name } }' }),
      });
      expect(await res.json()).toEqual({
        data: { unit: { name: '四川省直机关工委' } },
        extensions: { cost: expect.any(Object) },
      });
      expect(seen).toHaveLength(2);
      // Each attempt signed afresh: a new nonce (the second would otherwise be refused as a replay).
      const nonces = seen.map((h) => /nonce="([^"]+)"/.exec(String(h['signature-input']))?.[1]);
      expect(nonces[0]).toBeDefined();
      expect(nonces[0]).not.toBe(nonces[1]);
      for (const h of seen) expect(h['x-request-id']).toBe('retry-1');
    } finally {
      await gateway.dispose();
      srv.close();
    }
  });

  it.each([
    // [stale refusals before the subgraph gets to it in time, attempts the subgraph sees, answered]
    [1, 2, true],
    [STALE_RESIGN_ATTEMPTS, STALE_RESIGN_ATTEMPTS + 1, true],
    [STALE_RESIGN_ATTEMPTS + 1, STALE_RESIGN_ATTEMPTS + 1, false],
    [-1, 1, false], // refused for another reason (a replayed nonce): passed on, never re-sent
  ])(
    'a request a busy subgraph found stale %i time(s) is signed afresh and sent again, a mutation included: %i attempts',
    async (staleTimes, attempts, answered) => {
      // Refused as stale (as a subgraph that got to it too late does: nothing ran).
      const seen: Array<Record<string, string | string[] | undefined>> = [];
      const verifier = verifierFor('org');
      const srv = createServer((req, res) => {
        seen.push(req.headers);
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', async () => {
          res.setHeader('content-type', 'application/json');
          if (staleTimes < 0 || seen.length <= staleTimes) {
            res.statusCode = 401;
            if (staleTimes >= 0) res.setHeader(STALE_SIGNATURE_HEADER, 'stale');
            return res.end(
              JSON.stringify({ errors: [{ message: 'refused', extensions: { code: 'UNAUTHENTICATED' } }] }),
            );
          }
          const ok = (
            await verifier.verify({
              method: req.method!,
              url: `http://${req.headers.host}${req.url}`,
              headers: req.headers,
              body: Buffer.concat(chunks),
            })
          ).ok;
          if (!ok) {
            res.statusCode = 401;
            return res.end(
              JSON.stringify({ errors: [{ message: 'unsigned', extensions: { code: 'UNAUTHENTICATED' } }] }),
            );
          }
          res.end(JSON.stringify({ data: { endUnit: { code: 'SC-JGGW' } } }));
        });
      });
      await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
      const authenticator = await createAuthenticator({ publicKeyPem: await exportSPKI(key.publicKey) });
      const gateway = createGateway({
        port: 0,
        queryPlanner: 'js',
        subgraphUrls: { org: `http://127.0.0.1:${(srv.address() as { port: number }).port}/graphql` },
        authenticator,
        subgraphSecrets: SECRETS,
      });
      try {
        const res = await post(gateway, 'mutation { endUnit(code: "SC-JGGW", on: "2026-12-31") { code } }', operator);
        const body = await res.json();
        if (answered)
          expect(body).toEqual({ data: { endUnit: { code: 'SC-JGGW' } }, extensions: { cost: expect.any(Object) } });
        else expect(body.data?.endUnit ?? null).toBeNull();
        expect(seen).toHaveLength(attempts);
        // Each attempt is a new request: a fresh nonce every time.
        const nonces = seen.map((h) => /nonce="([^"]+)"/.exec(String(h['signature-input']))?.[1]);
        expect(nonces.every(Boolean)).toBe(true);
        expect(new Set(nonces).size).toBe(attempts);
      } finally {
        await gateway.dispose();
        srv.close();
      }
    },
  );

  it('refuses the generated development key in production, and a gateway without subgraph secrets', async () => {
    await expect(createAuthenticator({ production: true })).rejects.toThrow(/NODE_ENV=production/);
    const authenticator = await createAuthenticator({});
    expect(() =>
      createGateway({
        port: 0,
        queryPlanner: 'js',
        authenticator,
        subgraphSecrets: { org: 'x'.repeat(20), assessments: 'y'.repeat(20) },
      }),
    ).toThrow(/SUBGRAPH_SECRET_TASKS/);
  });
});

describe('abuse limits and switches', () => {
  it('reads limits from the environment and refuses values it cannot honour', () => {
    expect(limitsFromEnv({ LIMIT_MAX_DEPTH: '7' }).maxDepth).toBe(7);
    expect(limitsFromEnv({}).maxBodyBytes).toBe(YOGA_MAX_BODY_BYTES);
    expect(() => limitsFromEnv({ LIMIT_MAX_DEPTH: '0' })).toThrow(/LIMIT_MAX_DEPTH must be a positive integer/);
    // Above the runtime's own ceiling the setting would be a promise the gateway cannot keep.
    expect(() => limitsFromEnv({ LIMIT_MAX_BODY_BYTES: String(YOGA_MAX_BODY_BYTES + 1) })).toThrow(/at most 25000000/);
  });

  let gateway: ReturnType<typeof createGateway>;
  let token: string;
  let org: Server;
  let calls = 0;
  beforeAll(async () => {
    org = createServer((_req, res) => {
      calls++;
      res.setHeader('content-type', 'application/json');
      res.end('{"data":{"unit":null}}');
    });
    await new Promise<void>((r) => org.listen(0, '127.0.0.1', () => r()));
    const authenticator = await createAuthenticator({ publicKeyPem: await exportSPKI(key.publicKey) });
    gateway = createGateway({
      port: 0,
      queryPlanner: 'js',
      authenticator,
      subgraphSecrets: SECRETS,
      introspection: false,
      subgraphUrls: { org: `http://127.0.0.1:${(org.address() as { port: number }).port}/graphql` },
      limits: { ...DEFAULT_LIMITS, maxDepth: 6, maxAliases: 3, maxCost: 2000 },
    });
    token = await signDevToken(key, { body: 'SC-JGGW', role: 'VIEWER' });
  });
  afterAll(async () => {
    await gateway.dispose();
    org.close();
  });

  const nested = (depth: number) => {
    let sel = 'code';
    for (let i = 0; i < depth; i++) sel = `partyBuilding { leaders { ${sel} } }`;
    return `{ unit(by: { code: "A" }) { ${sel} } }`;
  };

  it.each([
    ['too deep', nested(4), { limit: 'LIMIT_MAX_DEPTH', max: 6, found: 10 }],
    [
      'too many aliases',
      `{ a: unit(by: { code: "A" }) { code } b: unit(by: { code: "B" }) { code } c: unit(by: { code: "C" }) { code } d: unit(by: { code: "D" }) { code } }`,
      { limit: 'LIMIT_MAX_ALIASES', max: 3, found: 4 },
    ],
    [
      'too costly (list sizes counted)',
      `{ units(first: 500) { nodes { code leaders: partyBuilding { leaders { code name } } } } }`,
      { limit: 'LIMIT_MAX_COST', max: 2000 },
    ],
  ])('%s: refused with QUERY_TOO_COMPLEX naming the limit, before any subgraph is called', async (_n, query, limit) => {
    calls = 0;
    const body = await (await post(gateway, query, token)).json();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', ...limit });
    expect(body.errors[0].message).not.toMatch(/Syntax Error/);
    expect(body.errors[0].message).toContain(`${limit.limit} = ${limit.max}`);
    expect(body.data).toBeUndefined();
    expect(calls).toBe(0);
  });

  it('the cost counts the page a variable asks for', async () => {
    const query = 'query($n: Int!) { units(first: $n) { nodes { code name } } }';
    const ask = (n: number) =>
      Promise.resolve(
        gateway.fetch('http://gateway/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables: { n } }),
        }),
      ).then((r) => r.json());
    calls = 0;
    expect((await ask(1000)).errors[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'LIMIT_MAX_COST',
      found: 1 + 1000 * (1 + 2),
    });
    expect(calls).toBe(0);
    // Within the limit: asked of the subgraph (whose stand-in here answers nothing useful).
    expect((await ask(10)).errors?.[0]?.extensions?.code).not.toBe('QUERY_TOO_COMPLEX');
    expect(calls).toBe(1);
  });

  it('within the limits the same shapes pass', async () => {
    calls = 0;
    const body = await (await post(gateway, nested(2), token)).json();
    expect(body.errors).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('introspection can be switched off, and field suggestions never reveal the schema', async () => {
    const intro = await (await post(gateway, '{ __schema { types { name } } }', token)).json();
    expect(intro.errors?.[0].message).toMatch(/introspection/i);
    expect(intro.data).toBeUndefined();
    const typo = await (await post(gateway, '{ unitt(code: "A") { code } }', token)).json();
    expect(typo.errors[0].message).not.toMatch(/Did you mean/);
  });
});

describe('error masking with NODE_ENV unset', () => {
  const saved = process.env.NODE_ENV;
  beforeAll(() => {
    delete process.env.NODE_ENV;
  });
  afterAll(() => {
    process.env.NODE_ENV = saved;
  });

  it('a subgraph error carrying SQL, a stack and an internal address reaches the client as a generic message', async () => {
    const org = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          data: { unit: null },
          errors: [
            {
              message:
                'relation "org.units" does not exist: select * from org.units where id = $1 (postgres://app@10.0.0.3:5432/hub)',
              path: ['unit'],
              extensions: {
                code: 'INTERNAL_SERVER_ERROR',
                stacktrace: ['Error: boom', '    at /srv/hub/subgraphs/org/dist/units/unit.store.js:42:7'],
                exception: { sql: 'select 1' },
              },
            },
          ],
        }),
      );
    });
    await new Promise<void>((r) => org.listen(0, '127.0.0.1', () => r()));
    const authenticator = await createAuthenticator({ publicKeyPem: await exportSPKI(key.publicKey) });
    const gateway = createGateway({
      port: 0,
      queryPlanner: 'js',
      authenticator,
      subgraphSecrets: SECRETS,
      subgraphUrls: { org: `http://127.0.0.1:${(org.address() as { port: number }).port}/graphql` },
    });
    try {
      const res = await post(gateway, '{ unit(by: { code: "A" }) { code } }', operator);
      const text = await res.text();
      expect(text).not.toMatch(/select|org\.units|10\.0\.0\.3|stacktrace|\/srv\/|postgres:|exception|127\.0\.0\.1/i);
      const body = JSON.parse(text);
      expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', serviceName: 'org' });
    } finally {
      await gateway.dispose();
      org.close();
    }
  });
});
