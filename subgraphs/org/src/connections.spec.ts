/**
 * Org's lists as cursor connections (ARCHITECTURE.md, "Bounded answers"): for each converted
 * field, walking every page forwards and backwards yields exactly the whole list once, a page
 * above the cap and a cursor of another list are refused naming the argument, and the summary
 * agrees with the list.
 */
import { encodeCursor, MAX_PAGE_SIZE, type Identity } from '@tiaokuai/platform';
import { smallProvince } from './testing/fixtures';
import { orgHarness, walkPages, type OrgHarness } from './testing';

let h: OrgHarness;
beforeAll(async () => {
  h = await orgHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const AS_OF = '2024-01-01';
/** Grassroots units like SZ-SWJ (led by JS-JGGW, business under SZ-DW): each is shared by the two bodies. */
const SHARED = ['SZ-A1', 'SZ-A2', 'SZ-A3', 'SZ-A4', 'SZ-A5', 'SZ-A6'];
/** Branches with no parent: each has MISSING_AFFILIATION and MISSING_LEADER. */
const ORPHANS = ['X-B1', 'X-B2', 'X-B3', 'X-B4', 'X-B5'];

function province() {
  const doc = smallProvince();
  for (const code of SHARED) {
    doc.units.push({
      code,
      name: `税务分局${code}`,
      kind: 'GRASSROOTS_UNIT',
      level: 'COUNTY',
      region: '320500',
      validFrom: '2010-01-01',
      validTo: null,
      partyRelationMode: 'TERRITORIAL',
      businessMode: 'VERTICAL',
      competentDepartment: 'SZ-DW',
      locality: 'JS-JGGW',
    });
    doc.links.push({ from: 'JS-JGGW', to: code, kind: 'AFFILIATION', validFrom: '2010-01-01', validTo: null });
    doc.links.push({ from: 'SZ-DW', to: code, kind: 'BUSINESS', validFrom: '2010-01-01', validTo: null });
  }
  for (const code of ORPHANS)
    doc.units.push({
      code,
      name: `支部${code}`,
      kind: 'BRANCH',
      level: 'COUNTY',
      region: '320500',
      validFrom: '2010-01-01',
      validTo: null,
    });
  return doc;
}

beforeAll(async () => {
  await h.resetTo(province());
  // Audit entries to page through (the import wrote one).
  for (const [i, code] of SHARED.entries()) {
    const r = await h.run(`mutation { updateUnit(input: { code: "${code}", name: "税务分局${i}" }) { name } }`);
    expect(r.errors).toBeUndefined();
  }
}, 60_000);

const PAGE = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;
const ARGS = `$first: Int, $after: String, $last: Int, $before: String`;
const PAGING = `first: $first, after: $after, last: $last, before: $before`;

interface ListCase {
  name: string;
  query: string;
  vars?: Record<string, unknown>;
  pick: (d: any) => any;
  /** What identifies an item, for "each item once". */
  key: (n: any) => string;
  /** A page size that makes the walk cross several pages. */
  size: number;
  /** The cursor namespace of another list. */
  foreign: string;
  identity?: Identity;
}

const CASES: ListCase[] = [
  {
    name: 'units',
    size: 4,
    foreign: 'links',
    key: (n) => n.code,
    pick: (d) => d.units,
    query: `query(${ARGS}) { units(${PAGING}) { ${PAGE} nodes { id code } } }`,
  },
  {
    name: 'sharedUnits',
    size: 2,
    foreign: 'units',
    key: (n) => n.code,
    pick: (d) => d.sharedUnits,
    query: `query(${ARGS}) { sharedUnits(a: "JS-JGGW", b: "SZ-DW", asOf: "${AS_OF}", ${PAGING}) { ${PAGE} nodes { code } } }`,
  },
  {
    name: 'leadershipAnomalies',
    size: 3,
    foreign: 'units',
    key: (n) => `${n.unit.code} ${n.code}`,
    pick: (d) => d.leadershipAnomalies,
    query: `query(${ARGS}) { leadershipAnomalies(asOf: "${AS_OF}", ${PAGING}) { ${PAGE} summary { total byCode { code count } } nodes { code unit { code } } } }`,
  },
  {
    name: 'Unit.links',
    size: 3,
    foreign: 'history',
    key: (n) => n.id,
    pick: (d) => d.unit.links,
    query: `query(${ARGS}) { unit(by: { code: "JS-JGGW" }) { links(${PAGING}) { ${PAGE} summary { total byKind { kind count } } nodes { id kind } } } }`,
  },
  {
    name: 'Unit.history',
    size: 3,
    foreign: 'links',
    key: (n) => `${n.date} ${n.kind} ${n.link?.id ?? ''}`,
    pick: (d) => d.unit.history,
    query: `query(${ARGS}) { unit(by: { code: "JS-JGGW" }) { history(${PAGING}) { ${PAGE} summary { total byKind { kind count } } nodes { date kind link { id } } } } }`,
  },
  {
    name: 'auditLog',
    size: 2,
    foreign: 'units',
    key: (n) => n.id,
    pick: (d) => d.auditLog,
    query: `query(${ARGS}) { auditLog(${PAGING}) { ${PAGE} nodes { id operation target } } }`,
  },
];

describe.each(CASES)('$name', (c) => {
  const run = (vars: Record<string, unknown>) => h.run(c.query, { ...c.vars, ...vars }, c.identity);
  const whole = async () => {
    const r = await run({ first: MAX_PAGE_SIZE });
    expect(r.errors).toBeUndefined();
    return c.pick(r.data);
  };

  it('walks every page forwards and backwards: the whole list, each item once, in one order', async () => {
    const all = await whole();
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(all.totalCount).toBe(all.nodes.length);
    expect(all.nodes.length).toBeGreaterThan(2 * c.size); // at least three pages each way
    expect(new Set(all.nodes.map(c.key)).size).toBe(all.nodes.length);
    const forwards = await walkPages(h.run, c.query, { ...c.vars, first: c.size }, c.pick, { identity: c.identity });
    const backwards = await walkPages(h.run, c.query, { ...c.vars, last: c.size }, c.pick, {
      identity: c.identity,
      backwards: true,
    });
    expect(forwards).toEqual(all.nodes);
    expect(backwards).toEqual(all.nodes);
  });

  it('pages stay within their cursors and report what lies beyond', async () => {
    const p1 = c.pick((await run({ first: c.size })).data);
    expect(p1.nodes).toHaveLength(c.size);
    expect(p1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const p2 = c.pick((await run({ first: c.size, after: p1.pageInfo.endCursor })).data);
    expect(p2.pageInfo.hasPreviousPage).toBe(true);
    const between = c.pick(
      (await run({ first: MAX_PAGE_SIZE, after: p1.pageInfo.startCursor, before: p2.pageInfo.endCursor })).data,
    );
    // Strictly between the first item of page 1 and the last of page 2.
    expect(between.nodes).toEqual([...p1.nodes.slice(1), ...p2.nodes.slice(0, -1)]);
    expect(p2.totalCount).toBe(p1.totalCount);
  });

  it.each([
    ['first above the cap', { first: MAX_PAGE_SIZE + 1 }, 'first'],
    ['last below zero', { last: -1 }, 'last'],
    ['first and last together', { first: 1, last: 1 }, 'last'],
    ['a cursor of another list after', { after: encodeCursor(c.foreign, '1') }, 'after'],
    ['a cursor of another list before', { last: 2, before: encodeCursor(c.foreign, '1') }, 'before'],
    ['a cursor that is no cursor', { after: 'not a cursor' }, 'after'],
  ])('refuses %s: BAD_USER_INPUT naming the argument', async (_, vars, field) => {
    const r = await run(vars);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('an explicit null page size is the default page', async () => {
    const r = await run({ first: null });
    expect(r.errors).toBeUndefined();
    const all = await whole();
    expect(c.pick(r.data).nodes).toEqual(all.nodes.slice(0, 50));
  });
});

const counts = (xs: string[]) => [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())];

describe('summaries: figures about the whole list, whatever the page', () => {
  it('leadershipAnomalies: total and counts by code agree with the whole list', async () => {
    const q = (first: number) =>
      h.ok(
        `{ leadershipAnomalies(asOf: "${AS_OF}", first: ${first}) { totalCount summary { total byCode { code count } } nodes { code } } }`,
      );
    const all = (await q(MAX_PAGE_SIZE)).leadershipAnomalies;
    const one = (await q(1)).leadershipAnomalies;
    expect(one.summary).toEqual(all.summary);
    expect(all.summary.total).toBe(all.nodes.length);
    expect(all.summary.byCode.map((x: any) => [x.code, x.count]).sort()).toEqual(
      counts(all.nodes.map((n: any) => n.code)).sort(),
    );
    expect(all.summary.byCode).toEqual(
      expect.arrayContaining([{ code: 'MISSING_AFFILIATION', count: ORPHANS.length }]),
    );
  });

  it('Unit.links and Unit.history: counts by kind agree with the whole (filtered) list', async () => {
    const r = await h.ok(`{ unit(by: { code: "JS-JGGW" }) {
      links(direction: OUT, kinds: [AFFILIATION, LEADERSHIP], first: 1) { totalCount summary { total byKind { kind count } } }
      all: links(direction: OUT, kinds: [AFFILIATION, LEADERSHIP], first: 500) { nodes { kind } }
      history(first: 1) { summary { total byKind { kind count } } }
      wholeHistory: history(first: 500) { nodes { kind } } } }`);
    const { links, all, history, wholeHistory } = r.unit;
    expect(links.totalCount).toBe(all.nodes.length);
    expect(links.summary.total).toBe(all.nodes.length);
    expect(links.summary.byKind).toEqual([
      { kind: 'LEADERSHIP', count: 1 },
      { kind: 'AFFILIATION', count: 2 + SHARED.length },
    ]);
    expect(links.summary.byKind.map((x: any) => [x.kind, x.count]).sort()).toEqual(
      counts(all.nodes.map((n: any) => n.kind)).sort(),
    );
    expect(history.summary.total).toBe(wholeHistory.nodes.length);
    expect(history.summary.byKind.map((x: any) => [x.kind, x.count]).sort()).toEqual(
      counts(wholeHistory.nodes.map((n: any) => n.kind)).sort(),
    );
  });
});

describe('paging through anomalies scans the organisation once', () => {
  it('every page after the first is cut from the same scan; a write makes the next page scan again', async () => {
    const Q = `query($after: String) { leadershipAnomalies(asOf: "2024-06-01", first: 2, after: $after) { nodes { code unit { code } } pageInfo { hasNextPage endCursor } } }`;
    const before = h.caches.anomalies.loads;
    const pages = await walkPages(h.run, Q, {}, (d) => d.leadershipAnomalies);
    expect(pages.length).toBeGreaterThan(2);
    expect(h.caches.anomalies.loads).toBe(before + 1);
    await h.ok(`mutation { updateUnit(input: { code: "X-B1", name: "改名支部" }) { name } }`);
    await h.ok(Q, { after: null });
    expect(h.caches.anomalies.loads).toBe(before + 2);
  });
});

describe('a list that changes between two pages', () => {
  const Q = `query($after: String) { leadershipAnomalies(asOf: "${AS_OF}", first: 3, after: $after) { nodes { code unit { code } } pageInfo { endCursor } } }`;
  const label = (n: any) => `${n.unit.code} ${n.code}`;

  it('leadershipAnomalies: findings added before and after the cursor neither shift nor repeat the next page', async () => {
    const p1 = (await h.ok(Q, { after: null })).leadershipAnomalies;
    const all = (
      await h.ok(`{ leadershipAnomalies(asOf: "${AS_OF}", first: 500) { nodes { code unit { code } } } }`)
    ).leadershipAnomalies.nodes.map(label);
    const cut = all.indexOf(label(p1.nodes.at(-1)));
    // "A-…" sorts before every code on page 1, "ZZ-…" after all of them.
    await h.ok(`mutation { a: createUnit(input: { code: "A-ORPHAN", name: "孤立支部甲", kind: BRANCH, level: COUNTY, region: "320500", validFrom: "2010-01-01" }) { id }
      z: createUnit(input: { code: "ZZ-ORPHAN", name: "孤立支部乙", kind: BRANCH, level: COUNTY, region: "320500", validFrom: "2010-01-01" }) { id } }`);
    try {
      const p2 = (await h.ok(Q, { after: p1.pageInfo.endCursor })).leadershipAnomalies.nodes.map(label);
      expect(p2).toEqual(all.slice(cut + 1, cut + 4));
      const now = (
        await h.ok(`{ leadershipAnomalies(asOf: "${AS_OF}", first: 500) { nodes { code unit { code } } } }`)
      ).leadershipAnomalies.nodes.map(label);
      expect(now[0]).toMatch(/^A-ORPHAN /);
      expect(now.at(-1)).toMatch(/^ZZ-ORPHAN /);
    } finally {
      await h.resetTo(province());
    }
  });
});

describe('sharedUnits: a walk evaluates one snapshot', () => {
  const Q = `query($first: Int, $after: String, $before: String, $last: Int) { sharedUnits(a: "JS-JGGW", b: "SZ-DW", asOf: "${AS_OF}", first: $first, after: $after, last: $last, before: $before) { ${PAGE} nodes { code name } } }`;
  const page = async (vars: Record<string, unknown>, identity?: Identity) => {
    const r = await h.run(Q, vars, identity);
    if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data!.sharedUnits;
  };

  it("pages after the first are cut from the first page's units; a write between pages shows in the next walk only", async () => {
    const whole = await page({ first: 500 });
    const computes = h.caches.walks.computes;
    const pages = [await page({ first: 2 })];
    const renamed = whole.nodes.at(-1).code;
    await h.ok(`mutation { updateUnit(input: { code: "${renamed}", name: "改名分局" }) { name } }`);
    try {
      while (pages.at(-1).pageInfo.hasNextPage)
        pages.push(await page({ first: 2, after: pages.at(-1).pageInfo.endCursor }));
      expect(pages.length).toBeGreaterThan(2);
      expect(h.caches.walks.computes).toBe(computes + 1);
      expect(pages.flatMap((p) => p.nodes)).toEqual(whole.nodes);
      const back = await page({ last: 2, before: pages.at(-1).pageInfo.startCursor });
      expect(back.nodes).toEqual(pages.at(-2).nodes);
      expect(h.caches.walks.computes).toBe(computes + 1);
      expect((await page({ first: 500 })).nodes.at(-1)).toEqual({ code: renamed, name: '改名分局' });
    } finally {
      await h.ok(`mutation { updateUnit(input: { code: "${renamed}", name: "${whole.nodes.at(-1).name}" }) { name } }`);
    }
  });

  it("another caller, or other arguments, presenting a walk's cursor get their own fresh list, paged by code", async () => {
    const first = await page({ first: 2 });
    const computes = h.caches.walks.computes;
    // A viewer who may not see SZ-DW: NOT_FOUND, with or without the operator's cursor.
    const viewer: Identity = { subject: 'viewer@JS-JGGW', body: 'JS-JGGW', role: 'VIEWER', hubAdmin: false };
    for (const after of [null, first.pageInfo.endCursor]) {
      const r = await h.run(Q, { first: 500, after }, viewer);
      expect([r.errors?.[0].extensions, r.data?.sharedUnits ?? null]).toEqual([
        expect.objectContaining({ code: 'NOT_FOUND', field: 'b' }),
        null,
      ]);
    }
    expect(h.caches.walks.computes).toBe(computes + 2);
    // Another operator: a list of their own (the same units, made afresh), after the cursor's code.
    const other: Identity = { subject: 'another-operator', body: null, role: 'ADMIN', hubAdmin: true };
    const own = await page({ first: 500 }, other);
    const theirs = await page({ first: 500, after: first.pageInfo.endCursor }, other);
    expect(theirs.nodes).toEqual(own.nodes.filter((u: any) => u.code > first.nodes.at(-1).code));
    expect(theirs.nodes.length).toBeGreaterThan(0);
    expect(h.caches.walks.computes).toBe(computes + 4);
    const r = await h.run(Q.replace(`asOf: "${AS_OF}"`, 'asOf: "1990-01-01"'), {
      first: 500,
      after: first.pageInfo.endCursor,
    });
    expect(r.data?.sharedUnits?.nodes ?? []).toEqual([]); // other arguments: not the walk's units
    expect(h.caches.walks.computes).toBe(computes + 5);
  });
});
