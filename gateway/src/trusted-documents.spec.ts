import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ephemeralDevKey, signDevToken, type DevKey } from '@tiaokuai/platform/devkey';
import { decodeIdentity, IDENTITY_HEADER } from '@tiaokuai/platform/identity';
import { exportSPKI } from 'jose';
import { createAuthenticator, type Authenticator } from './auth';
import { FEED_DOCUMENT_ID } from './downloads';
import { createGateway } from './index';
import { DEFAULT_LIMITS } from './limits';
import {
  documentId,
  loadTrustedDocuments,
  parseManifest,
  trustedDocumentsFromEnv,
  type TrustedDocumentsSettings,
} from './trusted-documents';

const SECRETS = {
  org: 'org-secret-0123456789',
  tasks: 'tasks-secret-0123456789',
  assessments: 'assessments-secret-0123',
};
const UNIT = 'query Unit($code: String!) { unit(by: { code: $code }) { name } }';
const DEEP =
  'query Deep { unit(by: { code: "A" }) { partyBuilding { leaders { partyBuilding { leaders { code } } } } } }';
const UNIT_ID = documentId(UNIT);
const dir = mkdtempSync(path.join(tmpdir(), 'trusted-documents-'));
const file = (name: string, content: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};
const MANIFEST = file('manifest.json', JSON.stringify({ [UNIT_ID]: UNIT, [documentId(DEEP)]: DEEP }));

let key: DevKey;
let authenticator: Authenticator;
let viewer: string;
/** A stand-in org subgraph that records the headers of each request the gateway sends it. */
let org: Server;
let seen: Array<Record<string, string | string[] | undefined>> = [];
let orgUrl: string;

beforeAll(async () => {
  key = await ephemeralDevKey();
  authenticator = await createAuthenticator({ publicKeyPem: await exportSPKI(key.publicKey) });
  viewer = await signDevToken(key, { body: 'SC-JGGW', role: 'VIEWER', subject: 'zhang.san' });
  org = createServer((req, res) => {
    seen.push(req.headers);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: { unit: { name: '四川省直机关工委' } } }));
  });
  await new Promise<void>((r) => org.listen(0, '127.0.0.1', () => r()));
  orgUrl = `http://127.0.0.1:${(org.address() as { port: number }).port}/graphql`;
});
afterAll(() => {
  org.close();
});
beforeEach(() => {
  seen = [];
});

const gatewayWith = (trustedDocuments?: TrustedDocumentsSettings) =>
  createGateway({
    port: 0,
    queryPlanner: 'js',
    authenticator,
    subgraphSecrets: SECRETS,
    subgraphUrls: { org: orgUrl },
    limits: { ...DEFAULT_LIMITS, maxDepth: 4 },
    trustedDocuments,
  });

async function send(
  gateway: ReturnType<typeof createGateway>,
  body: Record<string, unknown>,
  token: string | null = viewer,
) {
  const res = await gateway.fetch('http://gateway/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

describe('trusted documents on', () => {
  let gateway: ReturnType<typeof createGateway>;
  beforeAll(() => {
    gateway = gatewayWith({ file: MANIFEST });
  });
  afterAll(() => gateway.dispose());

  it.each([
    ['documentId in the body', { documentId: UNIT_ID, variables: { code: 'SC-JGGW' } }],
    ["Apollo's extensions.persistedQuery.sha256Hash", { extensions: apq(UNIT_ID), variables: { code: 'SC-JGGW' } }],
  ])('a registered document named by %s runs, as the authenticated caller', async (_name, request) => {
    const { status, body } = await send(gateway, request);
    expect(body).toEqual({ data: { unit: { name: '四川省直机关工委' } }, extensions: { cost: expect.any(Object) } });
    expect(status).toBe(200);
    expect(seen).toHaveLength(1);
    const identity = decodeIdentity(seen[0][IDENTITY_HEADER] as string); // its signature: gateway.spec.ts
    expect(identity).toMatchObject({ subject: 'zhang.san', body: 'SC-JGGW', role: 'VIEWER' });
  });

  it("the calendar feed's own document is registered whatever the manifest holds", async () => {
    const { body } = await send(gateway, { documentId: FEED_DOCUMENT_ID, variables: { code: 'SC-JGGW', year: 2026 } });
    expect(body.errors?.map((e: { extensions?: { code?: string } }) => e.extensions?.code) ?? []).not.toContain(
      'PERSISTED_DOCUMENT_NOT_FOUND',
    );
    expect(seen.length).toBeGreaterThan(0); // planned and sent on to the subgraphs
  });

  it('a registered document named in a GET query string runs too', async () => {
    const url = `http://gateway/graphql?documentId=${UNIT_ID}&variables=${encodeURIComponent('{"code":"SC-JGGW"}')}`;
    const res = await gateway.fetch(url, {
      headers: { authorization: `Bearer ${viewer}`, accept: 'application/json' },
    });
    expect(await res.json()).toEqual({
      data: { unit: { name: '四川省直机关工委' } },
      extensions: { cost: expect.any(Object) },
    });
  });

  it.each([
    ['query text', { query: UNIT, variables: { code: 'SC-JGGW' } }],
    ['the text of a registered document', { query: UNIT, variables: { code: 'SC-JGGW' }, operationName: 'Unit' }],
    [
      "text with an APQ hash (Apollo's registration)",
      { query: UNIT, extensions: apq(UNIT_ID), variables: { code: 'SC-JGGW' } },
    ],
    ['neither text nor id', { variables: { code: 'SC-JGGW' } }],
  ])('%s is refused with 400 PERSISTED_DOCUMENT_REQUIRED and no subgraph is asked', async (_name, request) => {
    const { status, body } = await send(gateway, request);
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code: 'PERSISTED_DOCUMENT_REQUIRED' });
    expect(body.errors[0].message).toMatch(/documentId/);
    expect(body.data).toBeUndefined();
    expect(seen).toHaveLength(0);
  });

  it.each([
    ['documentId', { documentId: documentId('{ unit(by: { code: "X" }) { name } }') }],
    ['an APQ hash', { extensions: apq('0'.repeat(64)) }],
  ])('an unknown id in %s is refused with 400 PERSISTED_DOCUMENT_NOT_FOUND', async (_name, request) => {
    const { status, body } = await send(gateway, request);
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: 'PERSISTED_DOCUMENT_NOT_FOUND' });
    expect(body.data).toBeUndefined();
    expect(seen).toHaveLength(0);
  });

  it.each([
    ['a registered id', { documentId: UNIT_ID, variables: { code: 'SC-JGGW' } }],
    ['an unknown id', { documentId: '0'.repeat(64) }],
    ['query text', { query: UNIT, variables: { code: 'SC-JGGW' } }],
  ])('authentication still comes first: %s without a token gets 401 UNAUTHENTICATED', async (_name, request) => {
    const { status, body } = await send(gateway, request, null);
    expect(status).toBe(401);
    expect(body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(seen).toHaveLength(0);
    const forged = await send(gateway, request, await signDevToken(await ephemeralDevKey(), { hubAdmin: true }));
    expect(forged.status).toBe(401);
  });

  it('the limits apply to registered documents too', async () => {
    const { body } = await send(gateway, { documentId: documentId(DEEP) });
    expect(body.errors[0].extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'LIMIT_MAX_DEPTH',
      max: 4,
      found: 6,
    });
    expect(seen).toHaveLength(0);
  });
});

describe('trusted documents with TRUSTED_DOCUMENTS_ALLOW_ARBITRARY', () => {
  const saved = process.env.LOG_LEVEL;
  let gateway: ReturnType<typeof createGateway>;
  let lines: string[] = [];
  let spy: jest.SpyInstance;
  beforeAll(() => {
    process.env.LOG_LEVEL = 'warn';
    spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    gateway = gatewayWith({ file: MANIFEST, allowArbitrary: true });
  });
  afterAll(async () => {
    spy.mockRestore();
    if (saved === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = saved;
    await gateway.dispose();
  });
  beforeEach(() => {
    lines = [];
  });

  const warnings = () => lines.filter((l) => l.includes('arbitrary document')).map((l) => JSON.parse(l));

  it('runs arbitrary text and logs it with its id and the caller', async () => {
    const text = '{ unit(by: { code: "SC-JGGW" }) { name } }';
    const { status, body } = await send(gateway, { query: text });
    expect(status).toBe(200);
    expect(body.data).toEqual({ unit: { name: '四川省直机关工委' } });
    expect(warnings()).toEqual([
      expect.objectContaining({ level: 'warn', documentId: documentId(text), subject: 'zhang.san', body: 'SC-JGGW' }),
    ]);
  });

  it('runs registered documents without a warning, and still refuses unknown ids', async () => {
    expect((await send(gateway, { documentId: UNIT_ID, variables: { code: 'SC-JGGW' } })).body.data).toEqual({
      unit: { name: '四川省直机关工委' },
    });
    const unknown = await send(gateway, { documentId: '0'.repeat(64) });
    expect(unknown.body.errors[0].extensions).toEqual({ code: 'PERSISTED_DOCUMENT_NOT_FOUND' });
    expect(warnings()).toEqual([]);
  });

  it('still wants a token for arbitrary text', async () => {
    expect((await send(gateway, { query: UNIT, variables: { code: 'SC-JGGW' } }, null)).status).toBe(401);
    expect(seen).toHaveLength(0);
  });
});

describe('trusted documents off (the default)', () => {
  it('arbitrary query text runs', async () => {
    const gateway = gatewayWith(undefined);
    try {
      const { status, body } = await send(gateway, { query: UNIT, variables: { code: 'SC-JGGW' } });
      expect(status).toBe(200);
      expect(body).toEqual({ data: { unit: { name: '四川省直机关工委' } }, extensions: { cost: expect.any(Object) } });
      expect(seen).toHaveLength(1);
    } finally {
      await gateway.dispose();
    }
  });

  it('with no TRUSTED_DOCUMENTS in the environment', () => {
    expect(trustedDocumentsFromEnv({})).toBeUndefined();
    expect(trustedDocumentsFromEnv({ TRUSTED_DOCUMENTS: '/etc/hub/docs.json' })).toEqual({
      file: '/etc/hub/docs.json',
      allowArbitrary: false,
    });
    expect(trustedDocumentsFromEnv({ TRUSTED_DOCUMENTS: 'm.json', TRUSTED_DOCUMENTS_ALLOW_ARBITRARY: 'true' })).toEqual(
      { file: 'm.json', allowArbitrary: true },
    );
    expect(() =>
      trustedDocumentsFromEnv({ TRUSTED_DOCUMENTS: 'm.json', TRUSTED_DOCUMENTS_ALLOW_ARBITRARY: 'yes' }),
    ).toThrow(/TRUSTED_DOCUMENTS_ALLOW_ARBITRARY/);
    expect(() => trustedDocumentsFromEnv({ TRUSTED_DOCUMENTS_ALLOW_ARBITRARY: 'true' })).toThrow(
      /needs TRUSTED_DOCUMENTS/,
    );
  });
});

describe('the manifest', () => {
  it("accepts id → text and Apollo's persisted query manifest", () => {
    expect(loadTrustedDocuments({ file: MANIFEST }).documents.get(UNIT_ID)).toBe(UNIT);
    const apollo = file(
      'apollo.json',
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [
          { id: UNIT_ID, body: UNIT, name: 'Unit', type: 'query' },
          { id: 'app~1.0~unit', body: UNIT, name: 'Unit', type: 'query' },
        ],
      }),
    );
    expect([...loadTrustedDocuments({ file: apollo }).documents]).toEqual([
      [UNIT_ID, UNIT],
      ['app~1.0~unit', UNIT],
    ]);
  });

  it.each([
    ['a missing file', path.join(dir, 'nope.json'), /cannot read the manifest \(ENOENT: no such file or directory\)/],
    ['broken JSON', file('broken.json', '{"a": '), /not valid JSON/],
    ['an array', file('array.json', '[]'), /expected a JSON object/],
    ['an empty manifest', file('empty.json', '{}'), /no documents/],
    [
      'text that is not GraphQL',
      file('text.json', JSON.stringify({ [documentId('hello')]: 'hello' })),
      /not a GraphQL operation/,
    ],
    [
      'a schema instead of an operation',
      file('sdl.json', JSON.stringify({ sdl: 'type Query { a: Int }' })),
      /not a GraphQL operation/,
    ],
    [
      'a sha256 id of another text',
      file('edited.json', JSON.stringify({ [UNIT_ID]: UNIT.replace('name', 'code') })),
      /not the sha256 of the document text/,
    ],
    [
      'another format',
      file('other.json', JSON.stringify({ format: 'relay', version: 1, operations: [] })),
      /unknown manifest format/,
    ],
    [
      'an Apollo entry without a body',
      file(
        'nobody.json',
        JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: 'x' }] }),
      ),
      /operations\[0\]: the document must be a string/,
    ],
  ])('%s stops the gateway from starting, with a message naming the file', (_name, manifest, why) => {
    const start = () => gatewayWith({ file: manifest });
    expect(start).toThrow(why);
    expect(start).toThrow(`TRUSTED_DOCUMENTS ${manifest}: `);
  });

  it('lists every problem at once', () => {
    expect(() => parseManifest({ a: 'nope', b: 3, c: UNIT })).toThrow(
      /"a": not a GraphQL operation .*; "b": the document must be a string/,
    );
  });
});
