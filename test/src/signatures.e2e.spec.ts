/**
 * Requests bound to their content, on the real processes (ARCHITECTURE.md, "Security"): a
 * recording proxy sits between the gateway and org and captures what the gateway really sends;
 * replayed to org, as it was or with another body, it is refused. And a call between services
 * acts for the end user, never as the hub's operator.
 */
import { DEMO_FILE, freePort, gql, IMPORT_MUTATION, bearer, recordingProxy, type Captured } from '@tiaokuai/tools';
import { readFileSync } from 'node:fs';
import { startTestHub, type TestHub } from './hub';

let t: TestHub;
let orgUrl: string;
let proxy: ReturnType<typeof recordingProxy>;
beforeAll(async () => {
  const orgPort = await freePort();
  proxy = recordingProxy(orgPort);
  await new Promise<void>((r) => proxy.server.listen(0, '127.0.0.1', () => r()));
  const proxyUrl = `http://127.0.0.1:${(proxy.server.address() as { port: number }).port}/graphql`;
  // LOG_LEVEL info: a test reads whom org's request lines name. A signature's age limit of ten
  // minutes: a replay after org's restart is then refused for the restart alone, not its age.
  t = await startTestHub(
    { LOG_LEVEL: 'info', SIGNATURE_MAX_AGE_MS: '600000' },
    { hub: { subgraphPorts: { org: orgPort }, gatewayUpstreams: { org: proxyUrl } } },
  );
  orgUrl = t.hub.processes.get('org')!.url;
  const r = await t.gql(IMPORT_MUTATION, { document: JSON.parse(readFileSync(DEMO_FILE, 'utf8')) });
  expect(r.data.importUnits.ok).toBe(true);
});
afterAll(async () => {
  await t?.close();
  proxy?.server.close();
});

/** Sends a captured request to org again, straight (content-length recomputed for another body). */
async function replay(c: Captured, body = c.body): Promise<{ status: number; json: any }> {
  const { host: _host, 'content-length': _length, connection: _connection, ...headers } = c.headers;
  const res = await fetch(`${orgUrl.replace('/graphql', '')}${c.path}`, { method: c.method, headers, body });
  return { status: res.status, json: await res.json() };
}

describe('a captured gateway → subgraph request', () => {
  it('was accepted once, and is refused when replayed, as it was or with another body', async () => {
    const token = await t.hub.token({ body: 'SC-JGGW', role: 'ADMIN', subject: 'wang.wu' });
    const before = proxy.captured.length;
    const read = await gql(t.url, '{ unit(by: { code: "SC-JGGW" }) { name } }', undefined, bearer(token));
    expect(read.status).toBe(200);
    expect(read.errors).toBeUndefined();
    const mine = proxy.captured.slice(before).filter((c) => c.body.includes('SC-JGGW'));
    expect(mine).toHaveLength(1);
    const captured = mine[0];
    // What the gateway sent: an RFC 9421 signature over method, path, digest, identity and request id.
    expect(captured.headers['signature-input']).toMatch(
      /^hub=\("@method" "@path" "@query" "content-digest" "x-hub-identity" "x-request-id"\);created=\d+;nonce="[\w-]+";keyid="gateway";alg="hmac-sha256";tag="org"$/,
    );
    expect(captured.headers['content-digest']).toMatch(/^sha-256=:[A-Za-z0-9+/]+=*:$/);

    // The same request again: its nonce was used.
    const again = await replay(captured);
    expect(again.status).toBe(401);
    expect(again.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // The headers with another body (a write, as in the incident): its digest does not match.
    const write = JSON.stringify({
      query: 'mutation { updateUnit(input: { code: "SC-JGGW", name: "篡改" }) { code } }',
    });
    const swapped = await replay(captured, write);
    expect(swapped.status).toBe(401);
    // Nothing was written.
    const after = await t.gql('{ unit(by: { code: "SC-JGGW" }) { name } }');
    expect(after.data.unit.name).toBe(read.data!.unit.name);
  });
});

describe('a call between services', () => {
  it("carries the end user's identity and the calling service, never the operator's", async () => {
    const token = await t.hub.token({ body: 'SC-JGGW', role: 'VIEWER', subject: 'zhao.liu' });
    const requestId = `sig-e2e-${Date.now()}`;
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token), 'x-request-id': requestId },
      // Whatever shape the answer takes: this query makes tasks ask org (units, jurisdiction, leadership).
      body: JSON.stringify({
        query: '{ taskConflicts(scope: "SC-JGGW", from: "2026-01-01", to: "2026-12-31") { __typename } }',
      }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).errors).toBeUndefined();
    // org logs each request it served with who asked; the child's stderr arrives asynchronously.
    const lines = () =>
      t.hub
        .output('org')
        .split('\n')
        .filter((l) => l.includes(`"requestId":"${requestId}"`) && l.includes('"msg":"request"'))
        .map((l) => JSON.parse(l));
    for (let i = 0; i < 100 && !lines().some((l) => l.service === 'tasks'); i++)
      await new Promise((r) => setTimeout(r, 50));
    const fromTasks = lines().filter((l) => l.service === 'tasks');
    expect(fromTasks.length).toBeGreaterThan(0);
    for (const l of fromTasks) {
      expect(l).toMatchObject({ subject: 'zhao.liu', body: 'SC-JGGW', status: 200 });
      expect(l.subject).not.toBe('hub-operator');
    }
  });
});

describe('a captured request after the subgraph restarted (its nonces gone with the old process)', () => {
  // Last in this file: org comes back on an empty in-memory database when PGlite is in use.
  it("is refused as signed before the new process started; the gateway's own requests go through", async () => {
    const before = proxy.captured.length;
    const read = await t.gql('{ unit(by: { code: "SC-JGGW" }) { name } }');
    expect(read.errors).toBeUndefined();
    const captured = proxy.captured.slice(before).find((c) => c.body.includes('SC-JGGW'))!;
    expect(captured).toBeDefined();
    await t.hub.kill('org');
    await t.hub.restart('org');
    // Well within the ten minutes the signature is valid for: only the restart refuses it.
    const replayed = await replay(captured);
    expect(replayed.status).toBe(401);
    expect(replayed.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const fresh = await t.gql('{ unit(by: { code: "SC-JGGW" }) { code } }');
    expect(fresh.errors).toBeUndefined();
  });
});
