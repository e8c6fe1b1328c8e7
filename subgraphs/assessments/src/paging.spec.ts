process.env.HUB_TODAY = '2026-12-20';
import { decodeCursor, encodeCursor, splitWalkKey, walkStoreOf, type Identity } from '@tiaokuai/platform';
import { expectPageRefusals, expectWalks } from '@tiaokuai/platform/testing';
import { BRANCHES, province, schemeInput, scoresAt } from './testing/fixtures';
import { assessmentsHarness, type AssessmentsHarness } from './testing';

/**
 * Every list of this subgraph that grows with a scope or with time is a cursor connection
 * (packages/platform/src/paging.ts; ARCHITECTURE.md "Bounded answers"): walked page by page both
 * ways it gives the whole list exactly once, in its documented order; pages are capped; a
 * cursor of another list is refused; the summary counts the whole list; ranks are the whole
 * list's on every page.
 */

let h: AssessmentsHarness;
let ids: Record<string, string>;
const PAGE = 'edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount';
const ARGS = '$first: Int, $after: String, $last: Int, $before: String';
const PASS = 'first: $first, after: $after, last: $last, before: $before';
const outsider: Identity = { subject: 'viewer@JS-SW', body: 'JS-SW', role: 'VIEWER', hubAdmin: false };

beforeAll(async () => {
  h = await assessmentsHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
  delete process.env.HUB_TODAY;
});
beforeEach(async () => {
  await h.resetTo(province());
  const codes = province().units.map((u) => u.code);
  const d = await h.org(`{ unitsByCode(codes: ${JSON.stringify(codes)}) { id code } }`);
  ids = Object.fromEntries(d.unitsByCode.map((u: any) => [u.code, u.id]));
});

const DEFINE = `mutation($i: SchemeInput!) { defineScheme(input: $i) { id } }`;
const SUBMIT = `mutation($i: SubmitAssessmentInput!) { submitAssessment(input: $i) { id } }`;
const SCHEDULE = `mutation($i: ScheduleInspectionInput!) { scheduleInspection(input: $i) { id } }`;
const define = async (over: Record<string, unknown> = {}) =>
  (await h.ok(DEFINE, { i: schemeInput(over) })).defineScheme.id as string;
const submit = (scheme: string, unit: string, assessor: string, p: number) =>
  h.ok(SUBMIT, { i: { scheme, unit, assessor, on: '2026-12-10', businessScore: p, ...scoresAt(p) } });

/** Six branches graded by the work committee, two ties among them. */
async function graded(): Promise<string> {
  const s = await define();
  const scores = [95, 85, 85, 70, 70, 99];
  for (const [i, code] of BRANCHES.entries()) await submit(s, code, 'SC-JGGW', scores[i]);
  return s;
}

/** A finding's key inside a cursor (the walk's token aside: platform's walks.ts). */
const itemKey = (cursor: string) => splitWalkKey(decodeCursor('assessmentFindings', cursor, 'after')).key;

const expectRefusals = (query: string, variables: Record<string, unknown> = {}) =>
  expectPageRefusals(h.run, query, variables);

describe("Scheme.results: a connection with the whole list's ranks", () => {
  it('walks every page both ways; the ranks on each page are those of the whole ranking', async () => {
    const s = await graded();
    const q = `query($id: ID!, ${ARGS}) { scheme(id: $id) { results(scope: "SC-YJT-JGDW", ${PASS}) { nodes { rank unit { id } finalScore } ${PAGE} } } }`;
    const fetch = async (args: Record<string, unknown>) => (await h.ok(q, { id: s, ...args })).scheme.results;
    const whole = await expectWalks(fetch, 2, (r: any) => `${r.rank}:${r.unit.id}:${r.finalScore}`);
    await expectRefusals(q, { id: s });
    expect(whole.totalCount).toBe(6);
    expect(whole.nodes.map((r: any) => r.rank)).toEqual([1, 2, 3, 3, 5, 5]);
    // A later page alone still carries the ranks of the whole list.
    const third = await fetch({ first: 2, after: whole.edges[3].cursor });
    expect(third.nodes.map((r: any) => r.rank)).toEqual([5, 5]);
    expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('refuses a page over 500 and a cursor of another list, naming the argument', async () => {
    const s = await graded();
    const schemes = (await h.ok(`{ schemes(first: 1) { pageInfo { endCursor } } }`)).schemes.pageInfo.endCursor;
    const q = `query($id: ID!, ${ARGS}) { scheme(id: $id) { results(${PASS}) { totalCount } } }`;
    for (const [args, field] of [
      [{ first: 501 }, 'first'],
      [{ last: 1000 }, 'last'],
      [{ first: 1, after: schemes }, 'after'],
      [{ last: 1, before: schemes }, 'before'],
    ] as const) {
      const r = await h.run(q, { id: s, ...args });
      expect({ args, code: r.errors?.[0].extensions?.code, field: r.errors?.[0].extensions?.field }).toEqual({
        args,
        code: 'BAD_USER_INPUT',
        field,
      });
    }
  });
});

describe('StarGrading.rows: a connection', () => {
  it('walks both ways by rank; graded counts the whole grading', async () => {
    const s = await graded();
    const q = `query($id: ID!, ${ARGS}) { scheme(id: $id) { stars(scope: "SC-JGGW") { graded rows(${PASS}) { nodes { rank stars unit { id } } ${PAGE} } } } }`;
    const fetch = async (args: Record<string, unknown>) => (await h.ok(q, { id: s, ...args })).scheme.stars.rows;
    const whole = await expectWalks(fetch, 4, (r: any) => `${r.rank}:${r.stars}:${r.unit.id}`);
    await expectRefusals(q, { id: s });
    expect(whole.totalCount).toBe(6);
    const ranks = whole.nodes.map((r: any) => r.rank);
    expect(ranks).toEqual([...ranks].sort((a: number, b: number) => a - b));
    expect((await h.ok(q, { id: s, first: 1 })).scheme.stars.graded).toBe(6);
  });
});

describe('assessmentFindings: a connection with a summary', () => {
  const SCOPE = `query($kinds: [AssessmentFindingKind!], ${ARGS}) { assessmentFindings(scope: "SC-SW", year: 2026, kinds: $kinds, ${PASS}) {
    nodes { kind unit { id } from to submissions { id } inspections { id } } ${PAGE} summary { total byKind { kind count } } } }`;
  const show = (f: any) =>
    `${f.kind}@${f.unit.id}:${f.from}:${f.submissions.map((x: any) => x.id)}:${f.inspections.map((x: any) => x.id)}`;
  const seed = async () => {
    await graded(); // the work committee grades six branches it gave no task: EVALUATION_ONLY each
    await h.ok(SCHEDULE, {
      i: {
        inspector: 'SC-JGGW',
        units: ['SC-DZJ'],
        title: '党建工作督查',
        from: '2026-05-10',
        to: '2026-05-12',
        indicators: [{ code: 'ZZJS', name: '组织建设' }],
      },
    });
    await h.ok(SCHEDULE, {
      i: {
        inspector: 'DZJ-DZ',
        units: ['SC-DZJ'],
        title: '系统党建考核',
        from: '2026-05-11',
        to: '2026-05-15',
        indicators: [{ code: 'ZZJS', name: '组织建设' }],
      },
    });
  };

  it('walks every page both ways, by unit; the summary counts every finding, by kind', async () => {
    await seed();
    const fetch = async (args: Record<string, unknown>) => (await h.ok(SCOPE, args)).assessmentFindings;
    const whole = await expectWalks(fetch, 3, show);
    await expectRefusals(SCOPE);
    expect(whole.totalCount).toBeGreaterThanOrEqual(7);
    const units = whole.nodes.map((f: any) => Number(f.unit.id));
    expect(units).toEqual([...units].sort((a, b) => a - b));
    const counts: Record<string, number> = {};
    for (const f of whole.nodes as any[]) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
    const { summary } = await fetch({ first: 1 });
    expect(summary.total).toBe(whole.totalCount);
    expect(summary.byKind.map((k: any) => k.kind)).toEqual([
      'MULTIPLE_INSPECTIONS',
      'EVALUATION_ONLY',
      'GRADED_BY_NON_LEADER',
    ]);
    expect(
      Object.fromEntries(summary.byKind.filter((k: any) => k.count > 0).map((k: any) => [k.kind, k.count])),
    ).toEqual(counts);
    expect(counts.MULTIPLE_INSPECTIONS).toBe(1);
    // the six branches, and the inspectors that gave SC-DZJ no task
    expect(counts.EVALUATION_ONLY).toBeGreaterThanOrEqual(6);
    // With kinds: the list and its summary are those of the kinds asked.
    const only = await fetch({ kinds: ['MULTIPLE_INSPECTIONS'], first: 500 });
    expect(only.nodes.map(show)).toEqual(whole.nodes.filter((f: any) => f.kind === 'MULTIPLE_INSPECTIONS').map(show));
    expect(only.summary.total).toBe(1);
  });

  it('a finding keeps its key when another is settled between two scans', async () => {
    await seed();
    const before = (await h.ok(SCOPE, { first: 500 })).assessmentFindings;
    await h.ok(`mutation { acceptJointInspection(input: { unit: "SC-DZJ", on: "2026-05-01" }) { id } }`);
    const after = (await h.ok(SCOPE, { first: 500 })).assessmentFindings;
    expect(after.totalCount).toBe(before.totalCount - 1);
    const had = new Map(before.edges.map((e: any, i: number) => [itemKey(e.cursor), show(before.nodes[i])]));
    expect(after.edges.map((e: any) => had.get(itemKey(e.cursor)))).toEqual(after.nodes.map(show));
    // A cursor of the first scan whose walk is not held (another replica's) pages the current list by key.
    const elsewhere = encodeCursor('assessmentFindings', `${'Z'.repeat(22)}.${itemKey(after.edges[2].cursor)}`);
    expect((await h.ok(SCOPE, { first: 500, after: elsewhere })).assessmentFindings.nodes.map(show)).toEqual(
      after.nodes.slice(3).map(show),
    );
    const cursor = after.edges[2].cursor;
    expect((await h.ok(SCOPE, { first: 500, after: cursor })).assessmentFindings.nodes.map(show)).toEqual(
      after.nodes.slice(3).map(show),
    );
  });

  it('pages 2..N of a walk ask neither org nor tasks; a write between pages does not change the walk, a new walk sees it', async () => {
    await seed();
    const walks = walkStoreOf(h.database);
    const fetch = async (args: Record<string, unknown>, who?: Identity) =>
      (await h.ok(SCOPE, args, who)).assessmentFindings;
    const whole = await fetch({ first: 500 });
    const pages = [await fetch({ first: 2 })];
    await h.ok(`mutation { acceptJointInspection(input: { unit: "SC-DZJ", on: "2026-05-01" }) { id } }`);
    const computes = walks.computes;
    const calls = { ...h.calls };
    while (pages.at(-1).pageInfo.hasNextPage)
      pages.push(await fetch({ first: 2, after: pages.at(-1).pageInfo.endCursor }));
    expect(pages.length).toBe(Math.ceil(whole.totalCount / 2));
    expect(walks.computes).toBe(computes);
    expect({ org: h.calls.org - calls.org, tasks: h.calls.tasks - calls.tasks }).toEqual({ org: 0, tasks: 0 });
    expect(pages.flatMap((p: any) => p.nodes.map(show))).toEqual(whole.nodes.map(show));
    expect(pages.map((p: any) => [p.totalCount, p.summary.total])).toEqual(
      pages.map(() => [whole.totalCount, whole.totalCount]),
    );
    expect((await fetch({ first: 500 })).totalCount).toBe(whole.totalCount - 1);
  });

  it("other kinds or another caller presenting a walk's cursor get their own fresh list", async () => {
    await seed();
    const walks = walkStoreOf(h.database);
    const first = (await h.ok(SCOPE, { first: 1 })).assessmentFindings;
    const computes = walks.computes;
    const only = (await h.ok(SCOPE, { kinds: ['MULTIPLE_INSPECTIONS'], first: 500, after: first.pageInfo.endCursor }))
      .assessmentFindings;
    expect(only.nodes.map((f: any) => f.kind)).toEqual(only.nodes.map(() => 'MULTIPLE_INSPECTIONS'));
    expect(only.summary.total).toBe(1);
    const r = await h.run(SCOPE, { first: 500, after: first.pageInfo.endCursor }, outsider);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'scope' });
    expect(walks.computes).toBe(computes + 2);
  });

  it('Unit.assessmentFindings walks both ways; out of sight it is empty, not null; a page over 500 is refused', async () => {
    await seed();
    const q = `query(${ARGS}) { _entities(representations: [{ __typename: "Unit", id: "${ids['SC-DZJ']}" }, { __typename: "Unit", id: "${ids['SC-YJT-ZB1']}" }]) {
      ... on Unit { assessmentFindings(year: 2026, ${PASS}) { nodes { kind unit { id } from to submissions { id } inspections { id } } ${PAGE} summary { total } } } } }`;
    const whole = await expectWalks(async (args) => (await h.ok(q, args))._entities[1].assessmentFindings, 1, show);
    await expectRefusals(q);
    expect(whole.nodes.map((f: any) => f.kind)).toEqual(['EVALUATION_ONLY']);
    const hidden = (await h.ok(q, {}, outsider))._entities;
    expect(
      hidden.map((e: any) => [
        e.assessmentFindings.totalCount,
        e.assessmentFindings.nodes,
        e.assessmentFindings.summary.total,
      ]),
    ).toEqual([
      [0, [], 0],
      [0, [], 0],
    ]);
    const r = await h.run(q, { first: 501 });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('schemes: a connection', () => {
  it('walks both ways, newest year first, then by id', async () => {
    const a = await define({ key: 'KH-2026-A' });
    const b = await define({ key: 'KH-2025', year: 2025 });
    const c = await define({ key: 'KH-2026-B', name: '另一方案' });
    const q = `query(${ARGS}) { schemes(${PASS}) { nodes { id year } ${PAGE} } }`;
    const whole = await expectWalks(
      async (args) => (await h.ok(q, args)).schemes,
      1,
      (s: any) => s.id,
    );
    await expectRefusals(q);
    expect(whole.nodes.map((s: any) => s.id)).toEqual([a, c, b]);
    const year = await h.ok(`{ schemes(year: 2025) { totalCount nodes { id } } }`);
    expect(year.schemes).toEqual({ totalCount: 1, nodes: [{ id: b }] });
  });
});
