/**
 * Who may talk to the hub at all (ARCHITECTURE.md "The edge"; docs/authentication.md): bearer tokens at the
 * gateway, and subgraphs that answer only requests the gateway signed.
 */
import { DEMO_FILE, gql, IMPORT_MUTATION, type RunningHub } from '@tiaokuai/tools';
import { readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestHub, type TestHub } from './hub';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');

let t: TestHub;
let hub: RunningHub;
beforeAll(async () => {
  t = await startTestHub({ LOG_LEVEL: 'info' }); // the request-id test reads the subgraphs' logs
  hub = t.hub;
  const r = await t.gql(IMPORT_MUTATION, { document: JSON.parse(readFileSync(DEMO_FILE, 'utf8')) });
  expect(r.data.importUnits.ok).toBe(true);
});
afterAll(async () => {
  await t?.close();
});

const Q = `{ unit(by: { code: "SC-DZJ" }) { name } }`;

describe('the gateway asks for a token', () => {
  it.each([
    ['no token', async () => undefined],
    ['an expired token', async () => hub.token({ body: 'SC-JGGW', role: 'ADMIN', ttl: '-5m' })],
    [
      'a forged token (signature of another token)',
      async () => {
        const real = await hub.token({ body: 'SC-JGGW', role: 'VIEWER' });
        const [h, , sig] = real.split('.');
        const claims = Buffer.from(
          JSON.stringify({
            hub_admin: true,
            role: 'ADMIN',
            sub: 'x',
            iss: 'tiaokuai-hub-dev',
            aud: 'tiaokuai-hub',
            exp: 4e9,
          }),
        ).toString('base64url');
        return `${h}.${claims}.${sig}`;
      },
    ],
  ])('%s gets 401 UNAUTHENTICATED, and the answer does not reveal whether a unit exists', async (_n, make) => {
    const token = await make();
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const known = await gql(t.url, Q, undefined, headers);
    const unknown = await gql(t.url, `{ unit(by: { code: "NO-SUCH-UNIT" }) { name } }`, undefined, headers);
    expect(known.status).toBe(401);
    expect(known.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(known.data).toBeUndefined();
    expect({ ...unknown }).toEqual({ ...known });
  });

  it('a valid token is served, and the answer carries the request id it was logged under', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${hub.operatorToken}`,
        'x-request-id': 'e2e-req-42',
      },
      body: JSON.stringify({ query: Q }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('e2e-req-42');
    // The org subgraph logged the request under the same id, with who asked.
    // (the child's stderr reaches us asynchronously: wait for it, briefly)
    const find = () =>
      hub
        .output('org')
        .split('\n')
        .filter((l) => l.includes('"requestId":"e2e-req-42"'))
        .map((l) => JSON.parse(l));
    for (let i = 0; i < 40 && find().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const logged = find();
    expect(logged).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ msg: 'request', subgraph: 'org', subject: 'hub-operator', status: 200 }),
      ]),
    );
    const fresh = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hub.operatorToken}` },
      body: JSON.stringify({ query: Q }),
    });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('subgraphs trust only the gateway', () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Unit { id } } }`;

  it.each(['org', 'tasks', 'assessments'])(
    "%s answers 401 to a direct request without the gateway's signature",
    async (name) => {
      const url = hub.processes.get(name)!.url;
      const plain = await gql(url, '{ __typename }');
      expect(plain.status).toBe(401);
      expect(plain.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const entities = await gql(url, ENTITIES, { r: [{ __typename: 'Unit', id: '1' }] });
      expect(entities.status).toBe(401);
      // Headers signed for another subgraph do not open this one.
      const other = name === 'org' ? 'tasks' : 'org';
      const typename = JSON.stringify({ query: '{ __typename }' });
      expect((await gql(url, '{ __typename }', undefined, hub.subgraphHeaders(other, typename, url))).status).toBe(401);
      // A self-made identity header without a valid signature is refused too.
      const forged = Buffer.from(JSON.stringify({ subject: 'x', body: null, role: 'ADMIN', hubAdmin: true })).toString(
        'base64url',
      );
      expect(
        (
          await gql(url, '{ __typename }', undefined, {
            'x-hub-identity': forged,
            signature: 'hub=:AAAA:',
            'signature-input': 'hub=("x-hub-identity");created=1;keyid="gateway"',
          })
        ).status,
      ).toBe(401);
      // A request signed as the gateway signs it works.
      const signed = await gql(url, '{ __typename }', undefined, hub.subgraphHeaders(name, typename));
      expect(signed.status).toBe(200);
      expect(signed.errors).toBeUndefined();
    },
  );

  it('every process serves Prometheus metrics, counting the requests it answered', async () => {
    await t.gql(`{ units(first: 1) { totalCount } }`);
    for (const base of [
      t.url.replace('/graphql', ''),
      ...['org', 'tasks', 'assessments'].map((n) => hub.processes.get(n)!.url.replace('/graphql', '')),
    ]) {
      const res = await fetch(`${base}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await res.text();
      expect(text).toMatch(/# TYPE tiaokuai_http_requests_total counter/);
      expect(text).toMatch(/tiaokuai_process_cpu_seconds_total/);
    }
    const gw = await (await fetch(`${t.url.replace('/graphql', '')}/metrics`)).text();
    expect(gw).toMatch(/tiaokuai_http_requests_total\{route="\/graphql",status="200",service="gateway"\} [1-9]/);
    const org = await (await fetch(`${hub.processes.get('org')!.url.replace('/graphql', '')}/metrics`)).text();
    expect(org).toMatch(/tiaokuai_http_requests_total\{route="\/graphql",status="401",service="org"\} [1-9]/); // the direct attempts above
  });

  it('health endpoints stay open for probes', async () => {
    const base = hub.processes.get('org')!.url.replace('/graphql', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});

describe('jurisdiction through the gateway (四川省直机关工委 SC-JGGW)', () => {
  let inside: string;
  let outside: string;
  beforeAll(async () => {
    const mine = (
      await t.gql(`{ units(first: 500, filter: { under: "SC-JGGW" }) { nodes { code } } }`)
    ).data.units.nodes.map((n: any) => n.code);
    const all = (await t.gql(`{ units(first: 500) { nodes { code } } }`)).data.units.nodes.map((n: any) => n.code);
    inside = mine.find((c: string) => c !== 'SC-JGGW');
    outside = all.find((c: string) => !mine.includes(c));
    expect(inside && outside).toBeTruthy();
  });
  const rename = (code: string) => `mutation { updateUnit(input: { code: "${code}", name: "e2e改名" }) { name } }`;

  it('a VIEWER reads its jurisdiction only, and may not write', async () => {
    const viewer = await hub.token({ body: 'SC-JGGW', role: 'VIEWER' });
    const r = await t.gql(
      `query($a: String!, $b: String!) { a: unit(by: { code: $a }) { code } b: unit(by: { code: $b }) { code } }`,
      { a: inside, b: outside },
      viewer,
    );
    expect(r.data).toEqual({ a: { code: inside }, b: null });
    expect((await t.gql(rename(inside), undefined, viewer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('an EDITOR writes inside and is refused outside; the operator writes anywhere', async () => {
    const editor = await hub.token({ body: 'SC-JGGW', role: 'EDITOR' });
    expect((await t.gql(rename(inside), undefined, editor)).errors).toBeUndefined();
    const refused = await t.gql(rename(outside), undefined, editor);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.data?.updateUnit ?? null).toBeNull(); // (the Rust planner leaves `data` out when every field failed)
    expect((await t.gql(`{ unit(by: { code: "${outside}" }) { name } }`)).data.unit.name).not.toBe('e2e改名');
    expect((await t.gql(rename(outside))).errors).toBeUndefined();
  });

  it('an ADMIN manages links and imports inside only; an EDITOR does neither', async () => {
    const admin = await hub.token({ body: 'SC-JGGW', role: 'ADMIN' });
    const editor = await hub.token({ body: 'SC-JGGW', role: 'EDITOR' });
    const link = (to: string) =>
      `mutation { createLink(input: { from: "SC-JGGW", to: "${to}", kind: BUSINESS, validFrom: "2026-03-01", basis: "e2e" }) { id } }`;
    expect((await t.gql(link(inside), undefined, editor)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(link(inside), undefined, admin)).errors).toBeUndefined();
    expect((await t.gql(link(outside), undefined, admin)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const IMPORT = `mutation($d: JSON!) { importUnits(document: $d) { ok created } }`;
    const unit = (code: string) => ({
      code,
      name: 'e2e新支部',
      kind: 'BRANCH',
      level: 'PROVINCIAL',
      region: '510000',
      validFrom: '2026-01-01',
      validTo: null,
      competentDepartment: 'SC-JGGW',
    });
    const mine = {
      format: 'tiaokuai/v1',
      units: [unit('E2E-NEW-ZB')],
      links: [{ from: 'SC-JGGW', to: 'E2E-NEW-ZB', kind: 'AFFILIATION', validFrom: '2026-01-01', validTo: null }],
    };
    expect((await t.gql(IMPORT, { d: mine }, editor)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(IMPORT, { d: mine }, admin)).data?.importUnits).toEqual({ ok: true, created: 2 });
    expect(
      (
        await t.gql(
          `{ unit(by: { code: "E2E-NEW-ZB" }) { code } }`,
          undefined,
          await hub.token({ body: 'SC-JGGW', role: 'VIEWER' }),
        )
      ).data.unit,
    ).toEqual({ code: 'E2E-NEW-ZB' });
    const theirs = await t.gql(IMPORT, { d: { format: 'tiaokuai/v1', units: [unit(outside)] } }, admin);
    expect(theirs.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'units[0].code' });
  });
});

describe('abuse limits at the gateway', () => {
  /** Raw HTTP, so the request can lie about or leave out its length. */
  function raw(head: string): Promise<string> {
    const { port } = new URL(t.url);
    return new Promise((resolve, reject) => {
      const sock = net.connect(Number(port), '127.0.0.1', () => sock.write(head));
      let out = '';
      sock.on('data', (d) => {
        out += d;
      });
      const timer = setTimeout(() => {
        sock.destroy();
        resolve(out);
      }, 3000);
      sock.on('end', () => {
        clearTimeout(timer);
        resolve(out);
      });
      sock.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
  }

  it('a body over the limit is refused before it is read (413); a POST without a length too (411)', async () => {
    const auth = `authorization: Bearer ${hub.operatorToken}\r\n`;
    const big = await raw(
      `POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n${auth}content-length: ${64 * 1024 * 1024}\r\n\r\n{`,
    );
    expect(big).toMatch(/^HTTP\/1\.1 413/);
    const chunked = await raw(
      `POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n${auth}transfer-encoding: chunked\r\n\r\n5\r\n{"a":\r\n`,
    );
    expect(chunked).toMatch(/^HTTP\/1\.1 411/);
  });

  it('a query nested deeper than the limit is refused with QUERY_TOO_COMPLEX (Rust planner path)', async () => {
    let sel = 'code';
    for (let i = 0; i < 7; i++) sel = `partyBuilding { leaders { ${sel} } }`;
    const r = await t.gql(`{ unit(by: { code: "SC-DZJ" }) { ${sel} } }`);
    expect(r.errors?.[0].extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'LIMIT_MAX_DEPTH',
      max: 12,
      found: 16,
    });
    expect(r.data).toBeUndefined();
  });
});

describe('npm run token', () => {
  const token = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, [path.join(ROOT, 'tools', 'dist', 'token.js'), ...args], {
      env: { ...process.env, HUB_KEYS_DIR: hub.keysDir, ...env },
    }).then(
      (r) => ({ code: 0, out: r.stdout.trim(), err: r.stderr }),
      (e) => ({ code: e.code as number, out: String(e.stdout).trim(), err: String(e.stderr) }),
    );

  it('prints tokens the running hub accepts, for a body with a role and for the operator', async () => {
    const editor = await token(['--as', 'SC-JGGW', '--role', 'EDITOR']);
    expect(editor.code).toBe(0);
    expect((await t.gql(Q, undefined, editor.out)).status).toBe(200);
    const admin = await token(['--hub-admin']);
    expect(admin.code).toBe(0);
    expect((await t.gql(Q, undefined, admin.out)).errors).toBeUndefined();
  });

  it('refuses bad usage and NODE_ENV=production', async () => {
    expect((await token(['--as', 'SC-JGGW', '--role', 'ROOT'])).code).toBe(2);
    expect((await token([])).code).toBe(2);
    const prod = await token(['--hub-admin'], { NODE_ENV: 'production' });
    expect(prod.code).toBe(2);
    expect(prod.out).toBe('');
  });
});
