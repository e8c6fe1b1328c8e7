import { decodeCursor, encodeCursor, splitWalkKey, WalkStore, type Identity } from '@tiaokuai/platform';
import { expectPageRefusals, expectWalks } from '@tiaokuai/platform/testing';
import { cachesOf } from './context';
import { provinceWithBranches } from './testing/fixtures';
import { tasksHarness, type TasksHarness } from './testing';

/**
 * Every list of this subgraph that grows with a scope or with time is a cursor connection
 * (packages/platform/src/paging.ts; ARCHITECTURE.md "Bounded answers"): walked page by page both
 * ways it gives the whole list exactly once, in its documented order; pages are capped; a
 * cursor of another list is refused; the summary counts the whole list.
 */

let h: TasksHarness;
let ids: Record<string, string>;
const PAGE = 'edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount';
const ARGS = '$first: Int, $after: String, $last: Int, $before: String';
const PASS = 'first: $first, after: $after, last: $last, before: $before';
const outsider: Identity = { subject: 'viewer@JS-SW', body: 'JS-SW', role: 'VIEWER', hubAdmin: false };

beforeAll(async () => {
  h = await tasksHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.resetTo(provinceWithBranches());
  const codes = provinceWithBranches().units.map((u) => u.code);
  const d = await h.org(`{ unitsByCode(codes: ${JSON.stringify(codes)}) { id code } }`);
  ids = Object.fromEntries(d.unitsByCode.map((u: any) => [u.code, u.id]));
});

const ISSUE = `mutation($i: IssueTaskInput!) { issueTask(input: $i) { id } }`;
const task = (over: Record<string, unknown> = {}) => ({
  issuer: 'SC-JGGW',
  title: '开展党史学习教育',
  category: 'IDEOLOGICAL',
  priority: 'KEY',
  startsOn: '2026-03-01',
  dueOn: '2026-06-30',
  ...over,
});

/**
 * Three responsibility-list items nobody assigns in full, a duplicate pair and an overreach: findings of every shape.
 */
async function seed(): Promise<string> {
  const items = {
    format: 'tiaokuai/v1',
    requiredItems: [
      { code: 'SHYK', name: '三会一课', kinds: ['BRANCH'], frequency: 'QUARTERLY' },
      { code: 'ZTDR', name: '主题党日', kinds: ['BRANCH'], frequency: 'MONTHLY' },
      { code: 'MZPY', name: '民主评议党员', kinds: ['BRANCH'], frequency: 'YEARLY' },
    ],
  };
  expect((await h.ok(`mutation($d: JSON!) { importTasks(document: $d) { ok } }`, { d: items })).importTasks.ok).toBe(
    true,
  );
  await h.ok(ISSUE, { i: task({ issuer: 'DZJ-DZ', key: 'central', targets: ['SC-DZJ'] }) });
  await h.ok(ISSUE, { i: task({ key: 'local', title: '深入开展党史学习教育活动', targets: ['SC-DZJ'] }) });
  const t = await h.ok(ISSUE, {
    i: task({
      key: 'shyk',
      title: '落实三会一课',
      priority: 'ROUTINE',
      category: 'ORGANIZATIONAL',
      requiredItem: 'SHYK',
      startsOn: '2026-01-01',
      dueOn: '2026-06-30',
      scope: { unit: 'SC-JGGW', relation: 'LED_BY', kinds: ['BRANCH'] },
    }),
  });
  return t.issueTask.id;
}

const SCOPE = `query($scope: String!, ${ARGS}) { taskConflicts(scope: $scope, from: "2026-01-01", to: "2026-12-31", ${PASS}) {
  nodes { kind requiredItem { code } from unit { id } assignments { id } } ${PAGE} summary { total byKind { kind count } } } }`;
const scopePage = async (args: Record<string, unknown>, who?: Identity) =>
  (await h.ok(SCOPE, { scope: 'SC-JGGW', ...args }, who)).taskConflicts;
const describeFinding = (f: any) =>
  `${f.kind}@${f.unit.id}:${f.requiredItem?.code ?? ''}:${f.from ?? ''}:${f.assignments.map((a: any) => a.id).join(',')}`;

/** A finding's key inside a cursor (the walk's token aside: platform's walks.ts). */
const itemKey = (cursor: string) => splitWalkKey(decodeCursor('taskConflicts', cursor, 'after')).key;
/** The same place in the list under a walk token no process holds. */
const elsewhere = (cursor: string) => encodeCursor('taskConflicts', `${'Z'.repeat(22)}.${itemKey(cursor)}`);

const expectRefusals = (query: string, variables: Record<string, unknown> = {}) =>
  expectPageRefusals(h.run, query, variables);

describe('taskConflicts(scope): a connection', () => {
  it('walks every page forwards and backwards to the whole list, ordered by unit, with the summary of them all', async () => {
    await seed();
    const whole = await expectWalks(scopePage, 3, describeFinding);
    await expectRefusals(SCOPE, { scope: 'SC-JGGW' });
    expect(whole.totalCount).toBeGreaterThan(20);
    const unitIds = whole.nodes.map((f: any) => Number(f.unit.id));
    expect(unitIds).toEqual([...unitIds].sort((a, b) => a - b));
    const counts: Record<string, number> = {};
    for (const f of whole.nodes as any[]) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
    const summary = (await scopePage({ first: 1 })).summary;
    expect(summary.total).toBe(whole.totalCount);
    expect(summary.byKind.map((k: any) => k.kind)).toEqual([
      'DUPLICATE',
      'CONFLICT',
      'MISSING',
      'OVERREACH',
      'CHERRY_PICKING',
    ]);
    expect(
      Object.fromEntries(summary.byKind.filter((k: any) => k.count > 0).map((k: any) => [k.kind, k.count])),
    ).toEqual(counts);
    expect(counts).toMatchObject({ DUPLICATE: 1, OVERREACH: 1 });
  });

  it('a finding keeps its key from one scan to the next: settling one, a cursor whose walk is not held neither skips nor repeats the others', async () => {
    await seed();
    const before = await scopePage({ first: 500 });
    const dup = before.nodes.find((f: any) => f.kind === 'DUPLICATE');
    // A cursor taken before the change, at a finding that stays.
    const at = before.nodes.findIndex((f: any) => f.kind === 'MISSING');
    // As another replica (or this one after the walk expired) sees it: a walk it does not hold.
    const cursor = elsewhere(before.edges[at].cursor);
    const [keep, merge] = dup.assignments.map((a: any) => a.id);
    await h.ok(`mutation { mergeAssignments(keep: "${keep}", merge: "${merge}") { id } }`);
    const after = await scopePage({ first: 500 });
    // The duplicate (and the overreach of the assignment merged away) are settled; every
    // finding left has the cursor it had.
    expect(after.nodes.map((f: any) => f.kind)).not.toContain('DUPLICATE');
    expect(after.totalCount).toBeLessThan(before.totalCount);
    const had = new Map(before.edges.map((e: any, i: number) => [itemKey(e.cursor), describeFinding(before.nodes[i])]));
    expect(after.edges.map((e: any) => had.get(itemKey(e.cursor)))).toEqual(after.nodes.map(describeFinding));
    const rest = await scopePage({ first: 500, after: cursor });
    const from = after.edges.findIndex((e: any) => itemKey(e.cursor) === itemKey(cursor));
    expect(from).toBeGreaterThanOrEqual(0);
    expect(rest.nodes.map(describeFinding)).toEqual(after.nodes.slice(from + 1).map(describeFinding));
    const earlier = await scopePage({ last: 500, before: cursor });
    expect(earlier.nodes.map(describeFinding)).toEqual(after.nodes.slice(0, from).map(describeFinding));
  });

  it('refuses a page over 500, first with last, and a cursor of another list, naming the argument', async () => {
    await seed();
    const items = (await h.ok(`{ requiredItems(first: 1) { pageInfo { endCursor } } }`)).requiredItems.pageInfo
      .endCursor;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ first: 501 }, 'first'],
      [{ last: 501 }, 'last'],
      [{ first: -1 }, 'first'],
      [{ first: 1, last: 1 }, 'last'],
      [{ first: 1, after: items }, 'after'],
      [{ last: 1, before: items }, 'before'],
      [{ first: 1, after: 'not a cursor' }, 'after'],
    ];
    for (const [args, field] of cases) {
      const r = await h.run(SCOPE, { scope: 'SC-JGGW', ...args });
      expect({ args, code: r.errors?.[0].extensions?.code, field: r.errors?.[0].extensions?.field }).toEqual({
        args,
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    const ok = await h.run(SCOPE, { scope: 'SC-JGGW', first: 500 });
    expect(ok.errors).toBeUndefined();
  });
});

describe('taskConflicts(scope): a walk costs one scan', () => {
  const walks = () => cachesOf(h.database).walks;

  /** Walks forwards by `size` from the first page: the pages, and the scans and org calls made after the first page. */
  async function walkOn(size: number, who?: Identity) {
    const pages = [await scopePage({ first: size }, who)];
    const computes = walks().computes;
    const calls = h.orgCalls.count;
    while (pages.at(-1)!.pageInfo.hasNextPage)
      pages.push(await scopePage({ first: size, after: pages.at(-1)!.pageInfo.endCursor }, who));
    return { pages, scans: walks().computes - computes, orgCalls: h.orgCalls.count - calls };
  }

  it('pages 2..N of a walk neither scan nor call org, and give the whole list once', async () => {
    await seed();
    const whole = await scopePage({ first: 500 });
    const { pages, scans, orgCalls } = await walkOn(4);
    expect(pages.length).toBe(Math.ceil(whole.totalCount / 4));
    expect(pages.length).toBeGreaterThan(5);
    expect({ scans, orgCalls }).toEqual({ scans: 0, orgCalls: 0 });
    expect(pages.flatMap((p: any) => p.nodes.map(describeFinding))).toEqual(whole.nodes.map(describeFinding));
    // Backwards from the end of the walk, too.
    const computes = walks().computes;
    const back = await scopePage({ last: 4, before: pages.at(-1)!.pageInfo.startCursor });
    expect(back.nodes.map(describeFinding)).toEqual(pages.at(-2)!.nodes.map(describeFinding));
    expect(walks().computes).toBe(computes);
  });

  it('a write between pages does not change the walk (items, totalCount, summary); a new walk sees it', async () => {
    await seed();
    const first = await scopePage({ first: 2 });
    const whole = await scopePage({ first: 500 });
    const dup = whole.nodes.find((f: any) => f.kind === 'DUPLICATE');
    const [keep, merge] = dup.assignments.map((a: any) => a.id);
    await h.ok(`mutation { mergeAssignments(keep: "${keep}", merge: "${merge}") { id } }`);
    const computes = walks().computes;
    const rest = await scopePage({ first: 500, after: first.pageInfo.endCursor });
    expect(walks().computes).toBe(computes);
    expect([rest.totalCount, rest.summary.total]).toEqual([whole.totalCount, whole.summary.total]);
    expect([...first.nodes, ...rest.nodes].map(describeFinding)).toEqual(whole.nodes.map(describeFinding));
    const fresh = await scopePage({ first: 500 });
    expect(fresh.nodes.map((f: any) => f.kind)).not.toContain('DUPLICATE');
    expect(fresh.totalCount).toBeLessThan(whole.totalCount);
  });

  it("a cursor of a walk not held (another replica's, or expired) scans afresh and pages right by key", async () => {
    await seed();
    const whole = await scopePage({ first: 500 });
    const computes = walks().computes;
    const page = await scopePage({ first: 3, after: elsewhere(whole.edges[4].cursor) });
    expect(walks().computes).toBe(computes + 1);
    expect(page.nodes.map(describeFinding)).toEqual(whole.nodes.slice(5, 8).map(describeFinding));
    expect(page.totalCount).toBe(whole.totalCount);
    // The fresh list is a walk of its own: its next page is cut from it.
    await scopePage({ first: 3, after: page.pageInfo.endCursor });
    expect(walks().computes).toBe(computes + 1);
  });

  it("an expired walk (the store's clock moved past WALK_MAX_AGE_MS) scans afresh, with the writes made since", async () => {
    await seed();
    const caches = cachesOf(h.database);
    const kept = caches.walks;
    let clock = 0;
    caches.walks = new WalkStore({ maxAgeMs: 60_000, now: () => clock });
    try {
      const first = await scopePage({ first: 2 });
      const whole = await scopePage({ first: 500 });
      const dup = whole.nodes.find((f: any) => f.kind === 'DUPLICATE');
      const [keep, merge] = dup.assignments.map((a: any) => a.id);
      await h.ok(`mutation { mergeAssignments(keep: "${keep}", merge: "${merge}") { id } }`);
      clock = 59_999;
      // still the walk
      expect((await scopePage({ first: 500, after: first.pageInfo.endCursor })).totalCount).toBe(whole.totalCount);
      expect(caches.walks.computes).toBe(2);
      clock = 60_000;
      const rest = await scopePage({ first: 500, after: first.pageInfo.endCursor });
      expect(caches.walks.computes).toBe(3);
      const fresh = await scopePage({ first: 500 });
      expect(rest.totalCount).toBe(fresh.totalCount);
      expect(rest.nodes.map(describeFinding)).toEqual(
        fresh.nodes
          .filter((_: any, i: number) => itemKey(fresh.edges[i].cursor) > itemKey(first.pageInfo.endCursor))
          .map(describeFinding),
      );
    } finally {
      caches.walks = kept;
    }
  });

  it("another caller's walk token reads nothing of that walk: their own list (a scan of theirs), or NOT_FOUND out of sight", async () => {
    await seed();
    const first = await scopePage({ first: 2 });
    const computes = walks().computes;
    const r = await h.run(SCOPE, { scope: 'SC-JGGW', first: 500, after: first.pageInfo.endCursor }, outsider);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'scope' });
    expect(r.data?.taskConflicts ?? null).toBeNull();
    const colleague: Identity = { subject: 'viewer@SC-JGGW', body: 'SC-JGGW', role: 'VIEWER', hubAdmin: false };
    const theirs = await scopePage({ first: 500, after: first.pageInfo.endCursor }, colleague);
    expect(walks().computes).toBe(computes + 2);
    const own = await scopePage({ first: 500 }, colleague);
    expect(theirs.totalCount).toBe(own.totalCount);
    expect(
      theirs.edges.every(
        (e: any) =>
          splitWalkKey(decodeCursor('taskConflicts', e.cursor, 'after')).token !==
          splitWalkKey(decodeCursor('taskConflicts', first.pageInfo.endCursor!, 'after')).token,
      ),
    ).toBe(true);
  });
});

describe('Unit fields: connections, always answered', () => {
  const entity = (code: string, field: string) =>
    `query(${ARGS}) { _entities(representations: [{ __typename: "Unit", id: "${ids[code]}" }]) { ... on Unit { ${field} } } }`;

  it("Unit.taskConflicts walks both ways to the unit's findings, the same as the scope's for it", async () => {
    await seed();
    const q = entity(
      'SC-YJT-ZB1',
      `taskConflicts(from: "2026-01-01", to: "2026-12-31", ${PASS}) { nodes { kind requiredItem { code } from unit { id } assignments { id } } ${PAGE} summary { total byKind { kind count } } }`,
    );
    const fetch = async (args: Record<string, unknown>) => (await h.ok(q, args))._entities[0].taskConflicts;
    const whole = await expectWalks(fetch, 2, describeFinding);
    await expectRefusals(q);
    expect(whole.totalCount).toBe(12 + 2 + 1); // 主题党日 monthly, 三会一课 in the second half, 民主评议 yearly
    const scope = (await scopePage({ first: 500 })).nodes.filter((f: any) => f.unit.id === ids['SC-YJT-ZB1']);
    expect(whole.nodes.map(describeFinding)).toEqual(scope.map(describeFinding));
    expect((await fetch({ first: 1 })).summary.total).toBe(whole.totalCount);
  });

  it('Unit.assignments walks both ways by id; Unit.assignments and Unit.taskConflicts are empty, not null, out of sight', async () => {
    await seed();
    await h.ok(ISSUE, { i: task({ key: 'more', title: '学习贯彻全会精神', targets: ['SC-YJT-ZB1'] }) });
    await h.ok(ISSUE, {
      i: task({
        key: 'third',
        title: '开展警示教育',
        startsOn: '2026-09-01',
        dueOn: '2026-10-31',
        targets: ['SC-YJT-ZB1'],
      }),
    });
    const q = entity(
      'SC-YJT-ZB1',
      `assignments(from: "2026-01-01", to: "2026-12-31", ${PASS}) { nodes { id } ${PAGE} }`,
    );
    const whole = await expectWalks(
      async (args) => (await h.ok(q, args))._entities[0].assignments,
      1,
      (a: any) => a.id,
    );
    await expectRefusals(q);
    expect(whole.totalCount).toBe(3);
    const numbers = whole.nodes.map((a: any) => Number(a.id));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const hidden = (
      await h.ok(
        entity(
          'SC-YJT-ZB1',
          `assignments(${PASS}) { totalCount nodes { id } } taskConflicts(from: "2026-01-01", to: "2026-12-31") { totalCount nodes { kind } summary { total } }`,
        ),
        {},
        outsider,
      )
    )._entities[0];
    expect(hidden).toEqual({
      assignments: { totalCount: 0, nodes: [] },
      taskConflicts: { totalCount: 0, nodes: [], summary: { total: 0 } },
    });
  });

  it('Task.assignments walks both ways by id over every unit the task reached', async () => {
    const id = await seed();
    const q = `query(${ARGS}) { task(id: "${id}") { assignments(${PASS}) { nodes { id unit { id } } ${PAGE} } } }`;
    const whole = await expectWalks(
      async (args) => (await h.ok(q, args)).task.assignments,
      4,
      (a: any) => a.id,
    );
    await expectRefusals(q);
    expect(whole.totalCount).toBe(6); // the six branches the work committee leads
    expect(new Set(whole.nodes.map((a: any) => a.unit.id)).size).toBe(6);
    const r = await h.run(q, { first: 501 });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', max: 500 });
  });
});

describe('requiredItems: a connection', () => {
  it('walks both ways by code, retired items only when asked', async () => {
    await seed();
    const q = `query(${ARGS}) { requiredItems(${PASS}) { nodes { code } ${PAGE} } }`;
    const whole = await expectWalks(
      async (args) => (await h.ok(q, args)).requiredItems,
      1,
      (i: any) => i.code,
    );
    await expectRefusals(q);
    expect(whole.nodes.map((i: any) => i.code)).toEqual(['MZPY', 'SHYK', 'ZTDR']);
    const cursor = whole.edges[0].cursor;
    const r = await h.run(
      `query($c: String) { taskConflicts(scope: "SC-JGGW", from: "2026-01-01", to: "2026-12-31", after: $c) { totalCount } }`,
      { c: cursor },
    );
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
