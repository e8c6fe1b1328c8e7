/**
 * Issue 20 items 3 and 4 through the gateway, on the demo: connections walked both ways (forward to the
 * end, backward from the end: the same items, totalCount the length), the enums a client switches on
 * (PartyBuilding.rule, AuditEntry.role and operation), TaskConflict.requiredItem as an object, and
 * `unit(by:)`'s @oneOf lookup (both or neither given is refused naming the argument).
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

const PAGE = 'first: $first, after: $after, last: $last, before: $before';
const VARS = '$first: Int, $after: String, $last: Int, $before: String';
const INFO = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

interface Conn {
  totalCount: number;
  nodes: unknown[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Every page of a connection one way, `size` at a time, checking each page's pageInfo as it goes. */
async function walk(query: string, pick: (d: any) => Conn, size: number, backwards: boolean) {
  const pages: unknown[][] = [];
  const totals = new Set<number>();
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const vars = backwards ? { last: size, before: cursor } : { first: size, after: cursor };
    const r = await t.gql(query, vars);
    expect(r.errors).toBeUndefined();
    const c = pick(r.data);
    totals.add(c.totalCount);
    pages.push(c.nodes);
    expect(c.nodes.length).toBeLessThanOrEqual(size);
    // Both directions answered on every page: the side already walked says there is more.
    if (i > 0) expect(backwards ? c.pageInfo.hasNextPage : c.pageInfo.hasPreviousPage).toBe(true);
    const more = backwards ? c.pageInfo.hasPreviousPage : c.pageInfo.hasNextPage;
    if (!more) return { nodes: (backwards ? pages.reverse() : pages).flat(), totals: [...totals], pages: i + 1 };
    expect(c.nodes.length).toBe(size);
    cursor = backwards ? c.pageInfo.startCursor : c.pageInfo.endCursor;
    expect(typeof cursor).toBe('string');
  }
  throw new Error('more than 1000 pages');
}

describe('connections page both ways through the gateway', () => {
  it.each<[string, string, (d: any) => Conn]>([
    [
      'units(filter: under 四川省直机关工委)',
      `query(${VARS}) { units(filter: { under: "SC-JGGW" }, ${PAGE}) { ${INFO} nodes { code } } }`,
      (d) => d.units,
    ],
    [
      'Unit.links of 四川省直机关工委',
      `query(${VARS}) { unit(by: { code: "SC-JGGW" }) { links(${PAGE}) { ${INFO} nodes { id kind } } } }`,
      (d) => d.unit.links,
    ],
    [
      'Unit.history of 四川省消防救援总队',
      `query(${VARS}) { unit(by: { code: "SC-XFZD" }) { history(${PAGE}) { ${INFO} nodes { date kind description link { id } anomaly { code from to } } } } }`,
      (d) => d.unit.history,
    ],
    [
      'requiredItems (every list)',
      `query(${VARS}) { requiredItems(${PAGE}) { ${INFO} nodes { code owner { code } } } }`,
      (d) => d.requiredItems,
    ],
    [
      'leadershipAnomalies (a walk)',
      `query(${VARS}) { leadershipAnomalies(${PAGE}) { ${INFO} nodes { code unit { code } from } } }`,
      (d) => d.leadershipAnomalies,
    ],
  ])(
    '%s: forward to the end and backward from the end give the same items, totalCount their number',
    async (_n, q, pick) => {
      const forward = await walk(q, pick, 3, false);
      const backward = await walk(q, pick, 3, true);
      expect(forward.pages).toBeGreaterThan(1); // several pages each way, or the test proves nothing
      expect(backward.nodes).toEqual(forward.nodes);
      expect(forward.totals).toEqual([forward.nodes.length]);
      expect(backward.totals).toEqual([forward.nodes.length]);
      // Items are named once: a cursor names the item, not its place.
      expect(new Set(forward.nodes.map((n) => JSON.stringify(n))).size).toBe(forward.nodes.length);
    },
  );

  it('first with last, or a cursor of another list, is BAD_USER_INPUT naming the argument', async () => {
    const q = `query(${VARS}) { requiredItems(${PAGE}) { ${INFO} } }`;
    const both = await t.gql(q, { first: 2, last: 2 });
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const units = await t.gql(`query(${VARS}) { units(${PAGE}) { ${INFO} } }`, { first: 1 });
    const foreign = await t.gql(q, { after: units.data.units.pageInfo.endCursor });
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('enums a client can switch on', () => {
  const enumOf = async (type: string, field: string) => {
    const r = await t.gql(
      `query($n: String!) { __type(name: $n) { fields { name type { kind ofType { kind name } } } } }`,
      {
        n: type,
      },
    );
    expect(r.errors).toBeUndefined();
    const f = r.data.__type.fields.find((x: any) => x.name === field);
    return { kind: f.type.kind, inner: f.type.ofType };
  };

  it.each([
    ['PartyBuilding', 'rule', 'LeadershipRule'],
    ['AuditEntry', 'role', 'CallerRole'],
    ['AuditEntry', 'operation', 'AuditOperation'],
  ])('%s.%s is a non-null enum %s, every value described', async (type, field, name) => {
    expect(await enumOf(type, field)).toEqual({ kind: 'NON_NULL', inner: { kind: 'ENUM', name } });
    const r = await t.gql(`query($n: String!) { __type(name: $n) { enumValues { name description } } }`, { n: name });
    expect(r.errors).toBeUndefined();
    const values = r.data.__type.enumValues;
    expect(values.length).toBeGreaterThan(2);
    for (const v of values) expect(v.description).toMatch(/\S/);
  });

  it.each([
    ['SC-YJT-JGDW', '2024-01-01', 'ORGAN_PARTY_COMMITTEE_DUAL_2019'],
    ['SC-YJT-JGDW', '2018-06-01', 'NOT_IN_EXISTENCE'],
    ['SC-JGGW', '2024-01-01', 'WORK_COMMITTEE_BY_AFFILIATION'],
  ])('%s on %s: partyBuilding.rule is %s', async (code, asOf, rule) => {
    const r = await t.gql(
      `query($c: String!, $d: Date) { unit(by: { code: $c }) { partyBuilding(asOf: $d) { rule } } }`,
      {
        c: code,
        d: asOf,
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.unit.partyBuilding.rule).toBe(rule);
  });

  it("the audit log's role and operation are the enum values of what was done", async () => {
    const code = 'E2E-TYPES-ZB';
    const made = await t.gql(
      `mutation($c: String!) { createUnit(input: { code: $c, name: "类型测试支部", kind: BRANCH, level: COUNTY, region: "510100", validFrom: "2024-01-01" }) { code } }`,
      { c: code },
    );
    expect(made.errors).toBeUndefined();
    const r = await t.gql(
      `query($u: String) { auditLog(unit: $u, first: 5) { nodes { role operation target hubAdmin } } }`,
      {
        u: code,
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.auditLog.nodes).toEqual([{ role: 'ADMIN', operation: 'createUnit', target: code, hubAdmin: true }]);
  });

  it('TaskConflict.requiredItem is the RequiredItem itself for MISSING, null for the other kinds', async () => {
    const r = await t.gql(
      `{ taskConflicts(scope: "SC-JGGW", from: "2026-01-01", to: "2026-12-31", first: 500) { nodes { kind requiredItem { code name frequency owner { code } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const nodes = r.data.taskConflicts.nodes;
    const missing = nodes.filter((n: any) => n.kind === 'MISSING');
    expect(missing.length).toBeGreaterThan(0);
    for (const n of missing)
      expect(n.requiredItem).toMatchObject({ code: expect.any(String), name: expect.any(String) });
    for (const n of nodes.filter((x: any) => x.kind !== 'MISSING')) expect(n.requiredItem).toBeNull();
  });
});

describe('unit(by:) is a @oneOf lookup', () => {
  it('by code and by id find the same unit', async () => {
    const byCode = await t.gql(`{ unit(by: { code: "SC-JGGW" }) { id code } }`);
    expect(byCode.errors).toBeUndefined();
    const byId = await t.gql(`query($id: ID!) { unit(by: { id: $id }) { id code } }`, { id: byCode.data.unit.id });
    expect(byId.errors).toBeUndefined();
    expect(byId.data.unit).toEqual(byCode.data.unit);
  });

  it.each([
    ['both in the query text', `{ unit(by: { code: "SC-JGGW", id: "1" }) { code } }`, undefined],
    ['neither in the query text', `{ unit(by: {}) { code } }`, undefined],
  ])('%s: a validation error naming UnitLookup', async (_n, q) => {
    const r = await t.gql(q);
    expect(r.data?.unit).toBeUndefined();
    expect(r.errors?.[0].message).toMatch(/UnitLookup/);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it.each([
    ['both', { code: 'SC-JGGW', id: '1' }],
    ['neither', {}],
    ['a null', { code: null }],
  ])('%s in a variable: BAD_USER_INPUT naming the variable', async (_n, by) => {
    const r = await t.gql(`query($by: UnitLookup!) { unit(by: $by) { code } }`, { by });
    expect(r.data?.unit).toBeUndefined();
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/^by/) });
  });
});
