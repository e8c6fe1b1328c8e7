/**
 * tasks → org calls against the real org subgraph (ARCHITECTURE.md, "Security: signed
 * requests"): they act for the end user under a named read-only grant, which opens only its
 * fields; never a write, never the audit log; and a captured call cannot be sent again.
 */
import {
  HUB_OPERATOR,
  serviceClient,
  signRequest,
  UpstreamError,
  type Identity,
  type ServiceGrant,
} from '@tiaokuai/platform';
import { province } from './testing/fixtures';
import { tasksHarness, type TasksHarness } from './testing';

let h: TasksHarness;
let ids: Record<string, string>;
// 江苏's committee: nothing in 四川 is in its jurisdiction.
const outsider: Identity = {
  subject: 'viewer@JS-SW',
  body: 'JS-SW',
  role: 'VIEWER',
  hubAdmin: false,
  requestId: 'svc-1',
};
const scAdmin: Identity = { subject: 'admin@SC-JGGW', body: 'SC-JGGW', role: 'ADMIN', hubAdmin: false };

beforeAll(async () => {
  h = await tasksHarness();
  await h.resetTo(province());
  const d = await h.org(`{ unitsByCode(codes: ["SC-JGGW", "JS-SW"]) { id code } }`);
  ids = Object.fromEntries(d.unitsByCode.map((u: { id: string; code: string }) => [u.code, u.id]));
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const client = () =>
  serviceClient({
    service: 'tasks',
    target: 'org',
    url: h.orgService.url,
    secret: h.orgService.secret,
    timeoutMs: 10_000,
  });

/** A request exactly as tasks signs it, sent by hand (to see the status and to replay it). */
function signed(query: string, identity: Identity, grant: ServiceGrant | undefined) {
  const body = JSON.stringify({ query });
  const headers = {
    'content-type': 'application/json',
    ...signRequest(
      { method: 'POST', url: h.orgService.url, body },
      {
        keyid: 'tasks',
        secret: h.orgService.secret,
        target: 'org',
        identity: { ...identity, service: 'tasks', ...(grant ? { grant } : {}) },
      },
    ),
  };
  const send = async (b = body) => {
    const res = await fetch(h.orgService.url, { method: 'POST', headers, body: b });
    return { status: res.status, json: await res.json() };
  };
  return { body, headers, send };
}

describe('a service call reads for the end user, under its grant', () => {
  it("leadership-facts opens units outside the user's jurisdiction (code, name, kind), jurisdiction does not", async () => {
    const facts = await client().query<{ unitsByCode: Array<{ id: string; code: string; name: string } | null> }>(
      '{ unitsByCode(codes: ["SC-JGGW"]) { id code name kind } }',
      {},
      outsider,
      'leadership-facts',
    );
    expect(facts.unitsByCode[0]).toMatchObject({ id: ids['SC-JGGW'], code: 'SC-JGGW', name: '四川省直机关工委' });
    const own = await client().query<{ visibleUnitIds: string[] | null }>(
      '{ visibleUnitIds }',
      {},
      outsider,
      'jurisdiction',
    );
    expect(own.visibleUnitIds).toContain(ids['JS-SW']);
    expect(own.visibleUnitIds).not.toContain(ids['SC-JGGW']);
  });

  it.each<[string, string, ServiceGrant]>([
    [
      "a unit's details beyond code and name",
      '{ unitsByCode(codes: ["SC-JGGW"]) { code partyBuilding { rule } } }',
      'leadership-facts',
    ],
    [
      "a unit's fact versions",
      '{ unitsByCode(codes: ["SC-JGGW"]) { code factVersions { name } } }',
      'leadership-facts',
    ],
    ['the whole export', '{ exportUnits }', 'leadership-facts'],
    ['the audit log', '{ auditLog { id subject operation } }', 'leadership-facts'],
    ['the audit log', '{ auditLog { id subject operation } }', 'jurisdiction'],
  ])('refuses %s (403), whatever the grant (%#)', async (_name, query, grant) => {
    for (const who of [outsider, HUB_OPERATOR]) {
      const r = await signed(query, who, grant).send();
      expect(r.status).toBe(403);
      expect(r.json.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(r.json.data).toBeUndefined();
    }
    await expect(client().query(query, {}, HUB_OPERATOR, grant)).rejects.toBeInstanceOf(UpstreamError);
  });

  it('never writes, not even for an ADMIN whose jurisdiction holds the unit', async () => {
    const rename = 'mutation { updateUnit(input: { code: "SC-JGGW", name: "被篡改的名称" }) { code } }';
    for (const grant of ['leadership-facts', 'jurisdiction'] as const) {
      const r = await signed(rename, scAdmin, grant).send();
      expect(r.status).toBe(403);
    }
    expect((await h.org('{ unit(by: { code: "SC-JGGW" }) { name } }')).unit.name).toBe('四川省直机关工委');
  });

  it('refuses a call that names no grant', async () => {
    expect((await signed('{ visibleUnitIds }', outsider, undefined).send()).status).toBe(403);
  });

  it('refuses a captured call sent again, as it was or with another body', async () => {
    const call = signed('{ unitsByCode(codes: ["SC-JGGW"]) { code name } }', outsider, 'leadership-facts');
    const first = await call.send();
    expect(first.status).toBe(200);
    expect(first.json.data.unitsByCode[0].code).toBe('SC-JGGW');
    const again = await call.send();
    expect(again.status).toBe(401);
    const other = await call.send(JSON.stringify({ query: '{ unitsByCode(codes: ["JS-SW"]) { code name } }' }));
    expect(other.status).toBe(401);
  });
});
