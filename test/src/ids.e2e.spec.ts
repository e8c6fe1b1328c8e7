/**
 * Global object identification through the gateway (docs/api.md "Ids"): every finding type has
 * an opaque id, `node(id)` finds the same object again (org routes the id, the owning subgraph
 * scans again), `nodes(ids)` keeps the order and answers null for an id it does not know, and
 * neither tells a caller about a unit out of its sight. On the demo.
 */
import { loadDemoIfEmpty } from '@tiaokuai/tools';
import { startTestHub, type TestHub } from './hub';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
  expect((await loadDemoIfEmpty(t.url, t.hub.operatorToken)).loaded).toBe(true);
});
afterAll(async () => {
  await t?.close();
});

async function ok(query: string, variables?: Record<string, unknown>, token?: string) {
  const r = await t.gql(query, variables, token);
  if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
  return r.data as any;
}

const ANOMALY = `id code message from to unit { code } related { code } links { id }`;
const CONFLICT = `id kind message suggestion requiredItem { code } from to unit { code } tasks { id } assignments { id }`;
const FINDING = `id kind from to explanation suggestion unit { code } bodies { code } submissions { id } inspections { id }`;

/** Each finding type: how a list hands its items out, and the fields `node` must give back the same. */
const TYPES = [
  {
    type: 'Anomaly',
    what: 'a day',
    list: async (token?: string) =>
      (await ok(`{ leadershipAnomalies(asOf: "2018-10-20", first: 500) { nodes { ${ANOMALY} } } }`, {}, token))
        .leadershipAnomalies.nodes,
    fields: ANOMALY,
  },
  {
    type: 'Anomaly',
    what: 'a period',
    list: async (token?: string) =>
      (
        await ok(
          `{ leadershipAnomalies(from: "2018-01-01", to: "2020-12-31", first: 500) { nodes { ${ANOMALY} } } }`,
          {},
          token,
        )
      ).leadershipAnomalies.nodes,
    fields: ANOMALY,
  },
  {
    type: 'TaskConflict',
    what: 'a year',
    list: async (token?: string) =>
      (
        await ok(
          `{ taskConflicts(scope: "ZY", from: "2026-01-01", to: "2026-12-31", first: 500) { nodes { ${CONFLICT} } } }`,
          {},
          token,
        )
      ).taskConflicts.nodes,
    fields: CONFLICT,
  },
  {
    type: 'AssessmentFinding',
    what: 'a year',
    list: async (token?: string) =>
      (await ok(`{ assessmentFindings(scope: "ZY", year: 2026, first: 500) { nodes { ${FINDING} } } }`, {}, token))
        .assessmentFindings.nodes,
    fields: FINDING,
  },
];

/** A few items of a list: first, middle, last (each kind's detectors differ; all of them would be slow). */
const some = <T>(xs: T[]): T[] => [...new Set([xs[0], xs[Math.floor(xs.length / 2)], xs[xs.length - 1]])];

describe.each(TYPES)('$type over $what', ({ type, list, fields }) => {
  let items: any[];
  beforeAll(async () => {
    items = await list();
  });

  it('has findings to check, each with an opaque id unique in its list', () => {
    expect(items.length).toBeGreaterThan(0);
    const ids = items.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(id).not.toContain(type);
    }
  });

  it('node(id) gives back the same object, by __typename and fields', async () => {
    for (const f of some(items)) {
      const d = await ok(`query($id: ID!) { node(id: $id) { __typename id ... on ${type} { ${fields} } } }`, {
        id: f.id,
      });
      expect(d.node).toEqual({ __typename: type, ...f });
    }
  });

  it('the same scan again gives the same ids, and a write in between changes none of them', async () => {
    const before = items.map((f) => f.id);
    expect((await list()).map((f: any) => f.id)).toEqual(before);
    // A new unit changes org's revision: every scan is made again; the findings that were there keep their ids
    // (the new unit may bring findings of its own).
    const code = `IDS-${type}-${Math.random().toString(36).slice(2, 8)}`.toUpperCase();
    await ok(
      `mutation($c: String!) {
      createUnit(input: { code: $c, name: "新建", kind: BRANCH, level: COUNTY, region: "510100", validFrom: "2018-01-01" }) { id } }`,
      {
        c: code,
      },
    );
    expect((await list()).map((f: any) => f.id)).toEqual(expect.arrayContaining(before));
  });

  it('nodes(ids) keeps the order and answers null for an id it does not know', async () => {
    const picked = some(items).reverse();
    // A finding of the same unit, kind and period about other things (one settled since looks like that).
    const [t0, ...parts] = JSON.parse(Buffer.from(picked[0].id, 'base64url').toString('utf8'));
    const settled = Buffer.from(JSON.stringify([t0, ...parts.slice(0, -1), '0123456789abcdef'])).toString('base64url');
    const unknown = [
      'not-an-id',
      settled,
      Buffer.from(JSON.stringify([type, '999999', 'X'])).toString('base64url'),
      Buffer.from(JSON.stringify(['Nothing', '1'])).toString('base64url'),
    ];
    const ids = [picked[0].id, unknown[0], unknown[1], ...picked.slice(1).map((f) => f.id), unknown[2], unknown[3]];
    const d = await ok(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
    expect(d.nodes).toEqual(ids.map((id) => (unknown.includes(id) ? null : { __typename: type, id })));
  });

  it('a caller does not learn of a finding of a unit out of its sight', async () => {
    const viewer = await t.hub.token({ body: 'SC-JGGW', role: 'VIEWER' });
    const seen = new Set(
      (await ok(`{ units(first: 500) { nodes { code } } }`, {}, viewer)).units.nodes.map((u: any) => u.code),
    );
    const hidden = items.filter((f) => !seen.has(f.unit.code));
    const shown = items.filter((f) => seen.has(f.unit.code));
    expect(hidden.length).toBeGreaterThan(0);
    expect(shown.length).toBeGreaterThan(0);
    const ids = [...some(hidden), ...some(shown)].filter(Boolean).map((f) => f.id);
    const d = await ok(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids }, viewer);
    expect(d.nodes).toEqual(ids.map((id) => (shown.some((f) => f.id === id) ? { __typename: type, id } : null)));
  });
});

describe('node(id) and nodes(ids) refuse what is not an id', () => {
  it('answers null for a malformed id, and more than 100 ids is BAD_USER_INPUT naming ids', async () => {
    expect((await ok(`{ node(id: "%%%") { id } }`)).node).toBeNull();
    const r = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array(101).fill('x') });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
  });
});
