/**
 * A hub's export restores into the same hub and into an empty one, whatever org learnt since
 * (docs/interchange.md "Round trip"), through the gateway: `npm run export`'s file (tools exportHub), imported section
 * by section as `npm run import` does (tools SECTIONS). Hub A takes each kind of late change in
 * its own test, on its own units; hub B starts empty and receives A's file after each, so B's
 * export must equal A's, byte for byte, every time.
 */
import { exportHub, SECTIONS } from '@tiaokuai/tools';
import { UNITS } from './fixtures';
import { startTestHub, type TestHub } from './hub';

let a: TestHub;
let b: TestHub;
beforeAll(async () => {
  a = await startTestHub();
  b = await startTestHub();
  const r = await a.gql(`mutation($d: JSON!) { importUnits(document: $d) { ok } }`, { d: UNITS });
  expect(r.data?.importUnits.ok).toBe(true);
  const s = await a.gql(`mutation($i: SchemeInput!) { defineScheme(input: $i) { id } }`, { i: SCHEME });
  expect(s.errors).toBeUndefined();
  scheme = s.data!.defineScheme.id;
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

let scheme = '';
const SCHEME = {
  issuer: 'SC-JGGW',
  key: 'RT-KH-2026',
  year: 2026,
  name: '2026年度党建考核',
  indicators: [{ code: 'ZZJS', name: '组织建设', part: 'RESULTS', weight: 100, maxScore: 100 }],
  evaluatorGroups: [{ code: 'LEADER', name: '上级党组织', weight: 100 }],
  gradeBands: [
    { grade: '合格', min: 60, max: 100 },
    { grade: '不合格', min: 0, max: 60 },
  ],
  combination: { method: 'WEIGHTED_SUM', partyWeight: 50, businessWeight: 50 },
};
const headersOf = (t: TestHub) => ({ authorization: `Bearer ${t.hub.operatorToken}` });

/** Imports `doc` into `t` section by section (as npm run import does); every section's report. */
async function importInto(t: TestHub, doc: Record<string, unknown>): Promise<Record<string, any>> {
  const out: Record<string, any> = {};
  for (const s of SECTIONS) {
    if (s.name !== 'units' && !s.keys.some((k) => doc[k] !== undefined)) continue;
    const part =
      s.name === 'units'
        ? doc
        : {
            format: doc.format,
            ...Object.fromEntries(s.keys.filter((k) => doc[k] !== undefined).map((k) => [k, doc[k]])),
          };
    const r = await t.gql(s.mutation, { document: part, dryRun: false });
    expect(r.errors).toBeUndefined();
    out[s.name] = r.data![s.field];
    expect(out[s.name]).toMatchObject({ ok: true, problems: [] });
  }
  return out;
}

/** A's file re-imports into A with nothing created or updated, and into B, whose export is then A's file. */
async function roundTrip(): Promise<Record<string, unknown>> {
  const file = await exportHub(a.url, headersOf(a));
  for (const r of Object.values(await importInto(a, file))) expect(r).toMatchObject({ created: 0, updated: 0 });
  await importInto(b, file);
  expect(JSON.stringify(await exportHub(b.url, headersOf(b)))).toBe(JSON.stringify(file));
  return file;
}

/** A branch directly under SC-JGGW (led by it), graded by it and given a task by it, before any late change. */
async function branchWithRecords(code: string): Promise<void> {
  const units = {
    format: 'tiaokuai/v1',
    units: [
      {
        code,
        name: `往返测试支部 ${code}`,
        kind: 'BRANCH',
        level: 'PROVINCIAL',
        region: '510000',
        validFrom: '2020-01-01',
      },
    ],
    links: [{ from: 'SC-JGGW', to: code, kind: 'AFFILIATION', validFrom: '2020-01-01' }],
  };
  expect(
    (await a.gql(`mutation($d: JSON!) { importUnits(document: $d) { ok } }`, { d: units })).data?.importUnits.ok,
  ).toBe(true);
  const graded = await a.gql(`mutation($i: SubmitAssessmentInput!) { submitAssessment(input: $i) { role } }`, {
    i: {
      scheme,
      unit: code,
      assessor: 'SC-JGGW',
      on: '2026-11-20',
      businessScore: 80,
      scores: [{ indicator: 'ZZJS', score: 90 }],
      ratings: [],
    },
  });
  expect(graded.data?.submitAssessment).toEqual({ role: 'GRADING' });
  const issued = await a.gql(`mutation($i: IssueTaskInput!) { issueTask(input: $i) { id } }`, {
    i: {
      issuer: 'SC-JGGW',
      key: `RT-${code}`,
      title: `三会一课 ${code}`,
      category: 'ORGANIZATIONAL',
      priority: 'ROUTINE',
      startsOn: '2026-03-01',
      dueOn: '2026-12-31',
      targets: [code],
    },
  });
  expect(issued.errors).toBeUndefined();
}

const affiliation = async (code: string) => {
  const d = await a.gql(
    `{ unit(by: { code: "${code}" }) { links(kinds: [AFFILIATION], direction: IN) { nodes { id } } } }`,
  );
  return d.data!.unit.links.nodes[0].id as string;
};
const gradedByNonLeader = async (t: TestHub, code: string) => {
  const d = await t.gql(`{ unit(by: { code: "${code}" }) { assessmentFindings(year: 2026) { nodes { kind } } } }`);
  return d
    .data!.unit.assessmentFindings.nodes.map((f: any) => f.kind)
    .filter((k: string) => k === 'GRADED_BY_NON_LEADER');
};

describe('round trip through the gateway after each kind of late change', () => {
  it('a late transfer (转隶 effective before the grading and the task, entered after both)', async () => {
    await branchWithRecords('RT-ZB-T');
    expect(
      (await a.gql(`mutation { endLink(id: "${await affiliation('RT-ZB-T')}", on: "2026-02-28") { id } }`)).errors,
    ).toBeUndefined();
    expect(
      (
        await a.gql(
          `mutation { createLink(input: { from: "JS-SW", to: "RT-ZB-T", kind: AFFILIATION, validFrom: "2026-03-01" }) { id } }`,
        )
      ).errors,
    ).toBeUndefined();
    await roundTrip();
    // The consequence stays reported, in both hubs.
    expect(await gradedByNonLeader(a, 'RT-ZB-T')).toEqual(['GRADED_BY_NON_LEADER']);
    expect(await gradedByNonLeader(b, 'RT-ZB-T')).toEqual(['GRADED_BY_NON_LEADER']);
  });

  it('an ended link (nothing in its place)', async () => {
    await branchWithRecords('RT-ZB-L');
    expect(
      (await a.gql(`mutation { endLink(id: "${await affiliation('RT-ZB-L')}", on: "2026-02-28") { id } }`)).errors,
    ).toBeUndefined();
    await roundTrip();
  });

  it('an ended unit (撤销 before its grading and task)', async () => {
    await branchWithRecords('RT-ZB-E');
    expect((await a.gql(`mutation { endUnit(code: "RT-ZB-E", on: "2026-02-28") { id } }`)).errors).toBeUndefined();
    await roundTrip();
  });

  it("changed facts (a new version of a vertical unit's facts, effective before the grading)", async () => {
    const d = await a.gql(`mutation($i: SubmitAssessmentInput!) { submitAssessment(input: $i) { role } }`, {
      i: {
        scheme,
        unit: 'SC-DZJ',
        assessor: 'SC-JGGW',
        on: '2026-11-20',
        businessScore: 80,
        scores: [{ indicator: 'ZZJS', score: 70 }],
        ratings: [],
      },
    });
    expect(d.data?.submitAssessment).toEqual({ role: 'OPINION' });
    const changed = await a.gql(
      `mutation { changeUnitFacts(input: { unit: "SC-DZJ", validFrom: "2026-01-01", partyRelationMode: TERRITORIAL, businessMode: TERRITORIAL, locality: "SC-JGGW" }) { id } }`,
    );
    expect(changed.errors).toBeUndefined();
    const file = await roundTrip();
    expect((file.assessments as any).submissions.find((s: any) => s.unit === 'SC-DZJ')).toMatchObject({
      assessor: 'SC-JGGW',
      role: 'OPINION',
    });
  });

  it('a withdrawn assignment and a retired item', async () => {
    await branchWithRecords('RT-ZB-W');
    const item = await a.gql(
      `mutation { defineRequiredItem(input: { code: "RT-SHYK", name: "三会一课", kinds: [BRANCH], frequency: QUARTERLY }) { code } }`,
    );
    expect(item.errors).toBeUndefined();
    expect(
      (await a.gql(`mutation { retireRequiredItem(code: "RT-SHYK", on: "2026-07-01") { code } }`)).errors,
    ).toBeUndefined();
    const t = await a.gql(
      `{ unit(by: { code: "RT-ZB-W" }) { assignments(from: "2026-01-01", to: "2026-12-31") { nodes { id } } } }`,
    );
    const [assignment] = t.data!.unit.assignments.nodes;
    expect(
      (await a.gql(`mutation { withdrawAssignment(id: "${assignment.id}") { status } }`)).data?.withdrawAssignment,
    ).toEqual({ status: 'WITHDRAWN' });
    const file = await roundTrip();
    expect(file.requiredItems).toEqual([
      { code: 'RT-SHYK', name: '三会一课', kinds: ['BRANCH'], frequency: 'QUARTERLY', retiredOn: '2026-07-01' },
    ]);
    expect((file.tasks as any[]).find((x) => x.key === 'RT-RT-ZB-W').assignments).toEqual([
      { unit: 'RT-ZB-W', status: 'WITHDRAWN' },
    ]);
  });

  it("a body's list: the item keeps its owner, the task the item it named, and the unit's list reads the same in both hubs", async () => {
    await branchWithRecords('RT-ZB-O');
    const item = await a.gql(
      `mutation { defineRequiredItem(input: { owner: "SC-JGGW", code: "RT-SHYK", name: "三会一课（工委清单）", kinds: [BRANCH], frequency: QUARTERLY }) { code } }`,
    );
    expect(item.errors).toBeUndefined();
    const issued = await a.gql(`mutation($i: IssueTaskInput!) { issueTask(input: $i) { id } }`, {
      i: {
        issuer: 'SC-JGGW',
        key: 'RT-OWNED',
        title: '落实工委清单三会一课',
        category: 'ORGANIZATIONAL',
        priority: 'ROUTINE',
        startsOn: '2026-01-01',
        dueOn: '2026-03-31',
        targets: ['RT-ZB-O'],
        requiredItem: 'RT-SHYK',
        requiredItemOwner: 'SC-JGGW',
      },
    });
    expect(issued.errors).toBeUndefined();
    const file = await roundTrip();
    // The hub-wide RT-SHYK (retired above) and SC-JGGW's own, same code: hub-wide first.
    expect((file.requiredItems as any[]).map((i) => [i.owner, i.code])).toEqual([
      [undefined, 'RT-SHYK'],
      ['SC-JGGW', 'RT-SHYK'],
    ]);
    expect((file.tasks as any[]).find((x) => x.key === 'RT-OWNED')).toMatchObject({
      requiredItem: 'RT-SHYK',
      requiredItemOwner: 'SC-JGGW',
    });
    const list = async (t: TestHub) =>
      (
        await t.gql(`{ unit(by: { code: "RT-ZB-O" }) { responsibilityList(year: 2026, first: 50) { nodes {
      item { code name } owner { code } relation assignments { task { title } } missing { from to } } } } }`)
      ).data!.unit.responsibilityList.nodes;
    const inA = await list(a);
    expect(inA.find((n: any) => n.owner?.code === 'SC-JGGW')).toMatchObject({
      relation: 'DIRECT',
      assignments: [{ task: { title: '落实工委清单三会一课' } }],
      missing: [
        { from: '2026-04-01', to: '2026-06-30' },
        { from: '2026-07-01', to: '2026-09-30' },
        { from: '2026-10-01', to: '2026-12-31' },
      ],
    });
    expect(await list(b)).toEqual(inA);
  });
});
