import { createHmac } from 'node:crypto';
import { createSigner, createVerifier, httpbis } from 'http-message-signatures';
import { HUB_OPERATOR, IDENTITY_HEADER, type Identity } from './identity';
import {
  contentDigest,
  digestMatches,
  GATEWAY_KEYID,
  NonceCache,
  RequestVerifier,
  sha256OfDigest,
  signRequest,
  type Refusal,
} from './signature';
import { signatureLimitsFromEnv } from './signature-env';

const SECRET = 'org-gateway-secret-0123456789';
const TASKS_SECRET = 'tasks-to-org-secret-0123456789';
const T = 1_800_000_000_000; // a whole second, so `created` is exactly T / 1000
const URL_ = 'http://127.0.0.1:4001/graphql';
const BODY = JSON.stringify({ query: '{ unit(by: { code: "SC-JGGW" }) { name } }' });
const editor: Identity = { subject: 'zhang.san', body: 'SC-JGGW', role: 'EDITOR', hubAdmin: false, requestId: 'r-1' };

describe('Content-Digest (RFC 9530)', () => {
  it.each([
    // RFC 9530 §2 and RFC 9421 Appendix B: the body {"hello": "world"}.
    ['{"hello": "world"}', 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:'],
    ['', 'sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:'],
  ])('the digest of %j is %s', (body, expected) => {
    expect(contentDigest(body)).toBe(expected);
    expect(contentDigest(Buffer.from(body))).toBe(expected);
  });

  it.each([
    [
      'the sha-256 member alone',
      'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:',
      'X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=',
    ],
    [
      'beside another algorithm',
      'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:, sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:',
      'X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=',
    ],
    [
      'sha-512 only (not one we check)',
      'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:',
      null,
    ],
    ['no colons (not a byte sequence)', 'sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=', null],
    ['a legacy Digest field value', 'SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=', null],
    ['empty', '', null],
    ['absent', undefined, null],
  ])('reads %s', (_name, field, expected) => {
    expect(sha256OfDigest(field)).toBe(expected);
  });

  it('matches only the body it was made for', () => {
    expect(digestMatches(contentDigest(BODY), Buffer.from(BODY))).toBe(true);
    expect(digestMatches(contentDigest(BODY), BODY.replace('SC-JGGW', 'SC-XXXX'))).toBe(false);
    expect(digestMatches(undefined, BODY)).toBe(false);
  });
});

describe("the signature format is RFC 9421's", () => {
  it("the verifier used here accepts RFC 9421 Appendix B.2.5 (hmac-sha256 with the RFC's shared secret)", async () => {
    const key = Buffer.from(
      'uzvJfB4u3N0Jy4T7NZ75MDVcr8zSTInedJtkgcu46YW4XByzNJjxBdtjUkdJPBtbmHhIDi6pcl8jsasjlTMtDQ==',
      'base64',
    );
    const request = {
      method: 'POST',
      url: 'https://example.com/foo?param=Value&Pet=dog',
      headers: {
        host: 'example.com',
        date: 'Tue, 20 Apr 2021 02:07:55 GMT',
        'content-type': 'application/json',
        'signature-input': 'sig-b25=("date" "@authority" "content-type");created=1618884473;keyid="test-shared-secret"',
        signature: 'sig-b25=:pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=:',
      },
    };
    const lookup = async () => ({
      id: 'test-shared-secret',
      algs: ['hmac-sha256'],
      verify: createVerifier(key, 'hmac-sha256'),
    });
    await expect(
      httpbis.verifyMessage({ notAfter: Number.MAX_SAFE_INTEGER, keyLookup: lookup }, request),
    ).resolves.toBe(true);
    const altered = { ...request, headers: { ...request.headers, date: 'Tue, 20 Apr 2021 02:07:56 GMT' } };
    await expect(
      httpbis.verifyMessage({ notAfter: Number.MAX_SAFE_INTEGER, keyLookup: lookup }, altered),
    ).resolves.toBe(false);
  });

  it("signRequest writes exactly what the library's own signMessage writes for the same parameters", async () => {
    const ours = signRequest(
      { method: 'POST', url: URL_, body: BODY },
      { keyid: GATEWAY_KEYID, secret: SECRET, target: 'org', identity: editor, now: T, nonce: 'n0nce-0123456789' },
    );
    const unsigned: Record<string, string> = {
      [IDENTITY_HEADER]: ours[IDENTITY_HEADER],
      'x-request-id': ours['x-request-id'],
      'content-digest': ours['content-digest'],
    };
    const theirs = await httpbis.signMessage(
      {
        key: createSigner(SECRET, 'hmac-sha256', GATEWAY_KEYID),
        name: 'hub',
        fields: ['@method', '@path', '@query', 'content-digest', IDENTITY_HEADER, 'x-request-id'],
        params: ['created', 'nonce', 'keyid', 'alg', 'tag'],
        paramValues: { created: new Date(T), nonce: 'n0nce-0123456789', tag: 'org' },
      },
      { method: 'POST', url: URL_, headers: unsigned },
    );
    expect(ours['signature-input']).toBe(theirs.headers['Signature-Input']);
    expect(ours.signature).toBe(theirs.headers.Signature);
    expect(ours['signature-input']).toBe(
      `hub=("@method" "@path" "@query" "content-digest" "x-hub-identity" "x-request-id");created=${T / 1000};nonce="n0nce-0123456789";keyid="gateway";alg="hmac-sha256";tag="org"`,
    );
    expect(ours['x-request-id']).toBe('r-1');
  });
});

describe('verifying a signed request', () => {
  const verifier = () =>
    new RequestVerifier({
      target: 'org',
      keys: { gateway: SECRET, tasks: TASKS_SECRET },
      maxAgeMs: 10_000,
      skewMs: 2_000,
    });
  type Req = { method: string; url: string; headers: Record<string, string | undefined>; body: string };
  const signed = (
    over: Partial<Parameters<typeof signRequest>[1]> = {},
    body = BODY,
    method = 'POST',
    url = URL_,
  ): Req => ({
    method,
    url,
    body,
    headers: {
      'content-type': 'application/json',
      ...signRequest(
        { method, url, body },
        { keyid: GATEWAY_KEYID, secret: SECRET, target: 'org', identity: editor, now: T, ...over },
      ),
    },
  });
  const without = (req: Req, header: string): Req => ({ ...req, headers: { ...req.headers, [header]: undefined } });

  it('accepts a request as signed, with the identity and the signer', async () => {
    await expect(verifier().verify(signed(), T + 1500)).resolves.toEqual({
      ok: true,
      identity: editor,
      keyid: 'gateway',
    });
    const service = signed({
      keyid: 'tasks',
      secret: TASKS_SECRET,
      identity: { ...editor, service: 'tasks', grant: 'leadership-facts' },
    });
    await expect(verifier().verify(service, T)).resolves.toEqual({
      ok: true,
      identity: { ...editor, service: 'tasks', grant: 'leadership-facts' },
      keyid: 'tasks',
    });
    // A GET carries no body: the digest is the empty body's, and the query string is covered.
    await expect(verifier().verify(signed({}, '', 'GET', `${URL_}?query=%7B__typename%7D`), T)).resolves.toMatchObject({
      ok: true,
    });
  });

  it.each<[string, (r: Req) => Req, Refusal, number?]>([
    [
      'another body under the same headers',
      (r) => ({ ...r, body: r.body.replace('SC-JGGW', 'SC-XXXX') }),
      'digest mismatch',
    ],
    [
      'another body with its own digest',
      (r) => ({
        ...r,
        body: '{"query":"mutation { x }"}',
        headers: { ...r.headers, 'content-digest': contentDigest('{"query":"mutation { x }"}') },
      }),
      'bad signature',
    ],
    ['another path', (r) => ({ ...r, url: 'http://127.0.0.1:4001/other' }), 'bad signature'],
    ['a query string added', (r) => ({ ...r, url: `${URL_}?query=%7B__typename%7D` }), 'bad signature'],
    ['another method', (r) => ({ ...r, method: 'PUT' }), 'bad signature'],
    [
      'another identity',
      (r) => ({
        ...r,
        headers: {
          ...r.headers,
          [IDENTITY_HEADER]: Buffer.from(JSON.stringify({ ...editor, role: 'ADMIN' })).toString('base64url'),
        },
      }),
      'bad signature',
    ],
    ['another request id', (r) => ({ ...r, headers: { ...r.headers, 'x-request-id': 'r-2' } }), 'bad signature'],
    ['a signature older than the window', (r) => r, 'stale', T + 10_001],
    ['a signature dated beyond the allowed skew', (r) => r, 'from the future', T - 2_001],
    ['no Content-Digest', (r) => without(r, 'content-digest'), 'missing component'],
    ['no identity header', (r) => without(r, IDENTITY_HEADER), 'missing component'],
    ['no request id', (r) => without(r, 'x-request-id'), 'missing component'],
    ['no Signature', (r) => without(r, 'signature'), 'unsigned'],
    ['no Signature-Input', (r) => without(r, 'signature-input'), 'unsigned'],
    [
      'a Signature-Input that leaves the body out',
      (r) => ({
        ...r,
        headers: { ...r.headers, 'signature-input': r.headers['signature-input']!.replace(' "content-digest"', '') },
      }),
      'missing component',
    ],
    [
      'a tampered nonce',
      (r) => ({
        ...r,
        headers: {
          ...r.headers,
          'signature-input': r.headers['signature-input']!.replace(/nonce="[^"]+"/, 'nonce="another-nonce-000"'),
        },
      }),
      'bad signature',
    ],
    [
      'a second signature beside the first',
      (r) => ({
        ...r,
        headers: {
          ...r.headers,
          'signature-input': `${r.headers['signature-input']}, ${r.headers['signature-input']!.replace('hub=', 'x=')}`,
          signature: `${r.headers.signature}, ${r.headers.signature!.replace('hub=', 'x=')}`,
        },
      }),
      'malformed signature',
    ],
    [
      'garbage in Signature',
      (r) => ({ ...r, headers: { ...r.headers, signature: 'hub=notbytes' } }),
      'malformed signature',
    ],
  ])('refuses %s', async (_name, change, reason, at = T) => {
    await expect(verifier().verify(change(signed()), at)).resolves.toEqual({ ok: false, reason });
  });

  it.each<[string, () => Req, Refusal]>([
    ['a signature under another secret', () => signed({ secret: 'not-the-secret-0123456789' }), 'bad signature'],
    ['a signature made for another subgraph', () => signed({ target: 'tasks' }), 'wrong target'],
    [
      'an unknown signer',
      () => signed({ keyid: 'assessments', identity: { ...editor, service: 'assessments' } }),
      'unknown key',
    ],
    ['the gateway vouching for a service', () => signed({ identity: { ...editor, service: 'tasks' } }), 'bad identity'],
    [
      'a service naming another service',
      () => signed({ keyid: 'tasks', secret: TASKS_SECRET, identity: { ...editor, service: 'assessments' } }),
      'bad identity',
    ],
    [
      'a service not naming itself',
      () => signed({ keyid: 'tasks', secret: TASKS_SECRET, identity: editor }),
      'bad identity',
    ],
    [
      'a grant that does not exist',
      () =>
        signed({
          keyid: 'tasks',
          secret: TASKS_SECRET,
          identity: { ...editor, service: 'tasks', grant: 'everything' as never },
        }),
      'bad identity',
    ],
    [
      'an identity without a body that is not the operator',
      () => signed({ identity: { ...editor, body: null } }),
      'bad identity',
    ],
    ['an unknown role', () => signed({ identity: { ...editor, role: 'ROOT' as never } }), 'bad identity'],
  ])('refuses %s', async (_name, make, reason) => {
    await expect(verifier().verify(make(), T)).resolves.toEqual({ ok: false, reason });
  });

  it('refuses a reused nonce within the window, and a replay after it as stale', async () => {
    const v = verifier();
    const req = signed();
    await expect(v.verify(req, T)).resolves.toMatchObject({ ok: true });
    await expect(v.verify(req, T + 5_000)).resolves.toEqual({ ok: false, reason: 'replayed nonce' });
    // The same nonce with another signature (re-signed by a key holder) is still a reused nonce.
    const nonce = /nonce="([^"]+)"/.exec(req.headers['signature-input']!)![1];
    await expect(v.verify(signed({ nonce, now: T + 6_000 }), T + 6_000)).resolves.toEqual({
      ok: false,
      reason: 'replayed nonce',
    });
    await expect(v.verify(req, T + 12_001)).resolves.toEqual({ ok: false, reason: 'stale' });
    // Every fresh signature of the same request is accepted: retries are signed afresh.
    await expect(v.verify(signed(), T + 1)).resolves.toMatchObject({ ok: true });
  });

  it("a process that starts afresh refuses as stale what was signed before it started (its predecessor's nonces are gone)", async () => {
    const before = new RequestVerifier({ target: 'org', keys: { gateway: SECRET }, maxAgeMs: 10_000, skewMs: 2_000 });
    const captured = signed();
    await expect(before.verify(captured, T)).resolves.toMatchObject({ ok: true });
    // The process dies and a new one starts 1.5 s later, well within the captured signature's 10 s.
    const after = new RequestVerifier({
      target: 'org',
      keys: { gateway: SECRET },
      maxAgeMs: 10_000,
      skewMs: 2_000,
      notBefore: T + 1_500,
    });
    expect(after.notBefore).toBe(T + 2_000); // `created` counts whole seconds: the next one after the start
    await expect(after.verify(captured, T + 2_000)).resolves.toEqual({ ok: false, reason: 'stale' });
    // Without the start time the replay would pass: the new process has no nonces yet.
    await expect(verifier().verify(captured, T + 2_000)).resolves.toMatchObject({ ok: true });
    // The signer's retry, signed afresh once the new process serves, passes.
    await expect(after.verify(signed({ now: T + 2_000 }), T + 2_000)).resolves.toMatchObject({ ok: true });
    await expect(after.verify(signed({ now: T + 2_400 }), T + 2_500)).resolves.toMatchObject({ ok: true });
    await expect(after.verify(signed({ now: T + 999 }), T + 2_000)).resolves.toEqual({ ok: false, reason: 'stale' });
  });

  it('a restart within the same second refuses what was captured in that second before the start', async () => {
    // T is a whole second (created counts seconds). Captured at T+100, accepted by the old process;
    // the old one dies and the new one starts at T+600: both in the same second.
    const before = new RequestVerifier({ target: 'org', keys: { gateway: SECRET }, maxAgeMs: 10_000, skewMs: 2_000 });
    const captured = signed({ now: T + 100 });
    await expect(before.verify(captured, T + 100)).resolves.toMatchObject({ ok: true });
    const after = new RequestVerifier({
      target: 'org',
      keys: { gateway: SECRET },
      maxAgeMs: 10_000,
      skewMs: 2_000,
      notBefore: T + 600,
    });
    expect(after.notBefore).toBe(T + 1_000);
    await expect(after.verify(captured, T + 1_000)).resolves.toEqual({ ok: false, reason: 'stale' });
    // A start exactly on a second boundary: that second is after everything its predecessor saw.
    const onTheSecond = new RequestVerifier({
      target: 'org',
      keys: { gateway: SECRET },
      maxAgeMs: 10_000,
      skewMs: 2_000,
      notBefore: T + 1_000,
    });
    expect(onTheSecond.notBefore).toBe(T + 1_000);
    await expect(onTheSecond.verify(captured, T + 1_000)).resolves.toEqual({ ok: false, reason: 'stale' });
    await expect(onTheSecond.verify(signed({ now: T + 1_000 }), T + 1_000)).resolves.toMatchObject({ ok: true });
  });

  it('a body refused for its digest leaves the nonce unclaimed (the genuine request still passes)', async () => {
    const v = verifier();
    const req = signed();
    await expect(v.verify({ ...req, body: '{}' }, T)).resolves.toEqual({ ok: false, reason: 'digest mismatch' });
    await expect(v.verify(req, T)).resolves.toMatchObject({ ok: true });
  });

  it('the HMAC really is over the signature base (a signature computed elsewhere verifies)', async () => {
    const req = signed();
    const base = httpbis.formatSignatureBase([
      ...httpbis.createSignatureBase(
        { fields: ['@method', '@path', '@query', 'content-digest', IDENTITY_HEADER, 'x-request-id'] },
        { method: req.method, url: req.url, headers: req.headers as Record<string, string> },
      ),
      ['"@signature-params"', [req.headers['signature-input']!.slice('hub='.length)]],
    ]);
    expect(req.headers.signature).toBe(`hub=:${createHmac('sha256', SECRET).update(base).digest('base64')}:`);
  });
});

describe('the nonce cache', () => {
  it('forgets a nonce only after its window', () => {
    const c = new NonceCache(1000, 10);
    expect(c.claim('a', 0)).toBe('ok');
    expect(c.claim('a', 999)).toBe('replayed');
    expect(c.claim('a', 1000)).toBe('ok');
  });

  it('is bounded: when full of live nonces it refuses new ones rather than forget one; expired ones make room', () => {
    const c = new NonceCache(1000, 3);
    for (const n of ['a', 'b', 'c']) expect(c.claim(n, 0)).toBe('ok');
    expect(c.claim('d', 500)).toBe('full');
    expect(c.claim('a', 500)).toBe('replayed');
    expect(c.size).toBe(3);
    expect(c.claim('d', 1000)).toBe('ok');
    expect(c.size).toBe(1);
  });

  it('a flood of fresh nonces never holds more than its bound', () => {
    const c = new NonceCache(10_000, 1000);
    let refused = 0;
    for (let i = 0; i < 50_000; i++) if (c.claim(`n${i}`, i / 10) === 'full') refused++;
    expect(c.size).toBeLessThanOrEqual(1000);
    expect(refused).toBeGreaterThan(0);
  });
});

describe('limits from the environment', () => {
  it('defaults to 10 s, 2 s of skew and 100,000 nonces, and refuses nonsense', () => {
    expect(signatureLimitsFromEnv({})).toEqual({ maxAgeMs: 10_000, skewMs: 2_000, maxNonces: 100_000 });
    expect(signatureLimitsFromEnv({ SIGNATURE_MAX_AGE_MS: '5000' }).maxAgeMs).toBe(5000);
    expect(() => signatureLimitsFromEnv({ SIGNATURE_MAX_AGE_MS: '-1' })).toThrow(
      /SIGNATURE_MAX_AGE_MS must be a positive integer/,
    );
    expect(() => signatureLimitsFromEnv({ SIGNATURE_CLOCK_SKEW_MS: 'soon' })).toThrow(/SIGNATURE_CLOCK_SKEW_MS/);
  });

  it('the operator identity signs and verifies like any other', async () => {
    const v = new RequestVerifier({ target: 'org', keys: { gateway: SECRET } });
    const headers = signRequest(
      { method: 'POST', url: URL_, body: BODY },
      { keyid: GATEWAY_KEYID, secret: SECRET, target: 'org', identity: HUB_OPERATOR },
    );
    const r = await v.verify({ method: 'POST', url: URL_, headers, body: BODY });
    expect(r).toMatchObject({ ok: true, identity: { subject: 'hub-operator', hubAdmin: true } });
  });
});
