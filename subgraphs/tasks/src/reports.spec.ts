import ICAL from 'ical.js';
import { sql } from 'drizzle-orm';
import { encodeCursor, rowsOf, type Db, type Identity } from '@tiaokuai/platform';
import { provinceWithBranches as withBranches } from './testing/fixtures';
import { tasksHarness, walkPages, type TasksHarness } from './testing';

/**
 * Progress reports, the year's targets/progress/results, the work calendar and the
 * responsibility list, on the 四川 fixture with five more branches under the emergency
 * department's organ party committee (six branches the work committee leads).
 */

let h: TasksHarness;
let ids: Record<string, string>;
const editorOf = (body: string, role: Identity['role'] = 'EDITOR'): Identity => ({
  subject: `${role.toLowerCase()}@${body}`,
  body,
  role,
  hubAdmin: false,
});
const entity = (code: string, fields: string) =>
  `{ _entities(representations: [{ __typename: "Unit", id: "${ids[code]}" }]) { ... on Unit { ${fields} } } }`;

beforeAll(async () => {
  h = await tasksHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.resetTo(withBranches());
  const codes = withBranches().units.map((u) => u.code);
  const d = await h.org(`{ unitsByCode(codes: ${JSON.stringify(codes)}) { id code } }`);
  ids = Object.fromEntries(d.unitsByCode.map((u: any) => [u.code, u.id]));
});

/** 主题党日 with a target of 12 to the six branches; returns each branch's assignment. */
async function issueDays(): Promise<Record<string, { id: string; version: number }>> {
  const t = (
    await h.ok(
      `mutation($i: IssueTaskInput!) { issueTask(input: $i) { assignments(first: 500) { nodes { id version unit { id } } } } }`,
      {
        i: {
          issuer: 'SC-JGGW',
          key: 'ZTDR-2026',
          title: '每月开展主题党日',
          category: 'ORGANIZATIONAL',
          priority: 'ROUTINE',
          startsOn: '2026-01-01',
          dueOn: '2026-10-31',
          indicator: '主题党日开展次数',
          target: 10,
          scope: { unit: 'SC-JGGW', relation: 'LED_BY', kinds: ['BRANCH'] },
        },
      },
    )
  ).issueTask;
  const byId = Object.fromEntries(Object.entries(ids).map(([c, i]) => [i, c]));
  return Object.fromEntries(t.assignments.nodes.map((a: any) => [byId[a.unit.id], { id: a.id, version: a.version }]));
}

const REPORT = `mutation($i: ReportProgressInput!) { reportProgress(input: $i) { id status progress value note version doneOn reportedOn
  progressReports { totalCount nodes { version status progress value note on by byBody } } } }`;
const reportRows = async () =>
  (await h.database.rows<{ n: number }>(sql`select count(*)::int as n from tasks.progress_reports`))[0].n;

describe('reportProgress', () => {
  it('records status, progress, value and note, bumps the version and keeps each report', async () => {
    const a = (await issueDays())['SC-YJT-ZB1'];
    const unit = editorOf('SC-YJT-ZB1');
    const first = (
      await h.ok(
        REPORT,
        { i: { assignment: a.id, version: a.version, progress: 40, value: 4, note: '已开展 4 次', on: '2026-04-30' } },
        unit,
      )
    ).reportProgress;
    expect(first).toMatchObject({
      status: 'IN_PROGRESS',
      progress: 40,
      value: 4,
      note: '已开展 4 次',
      version: 2,
      doneOn: null,
      reportedOn: '2026-04-30',
    });
    const done = (
      await h.ok(REPORT, { i: { assignment: a.id, version: 2, status: 'DONE', value: 10, on: '2026-10-20' } }, unit)
    ).reportProgress;
    expect(done).toMatchObject({ status: 'DONE', progress: 100, value: 10, version: 3, doneOn: '2026-10-20' });
    expect(done.progressReports.totalCount).toBe(done.progressReports.nodes.length);
    expect(done.progressReports.nodes).toEqual([
      {
        version: 2,
        status: 'IN_PROGRESS',
        progress: 40,
        value: 4,
        note: '已开展 4 次',
        on: '2026-04-30',
        by: 'editor@SC-YJT-ZB1',
        byBody: 'SC-YJT-ZB1',
      },
      {
        version: 3,
        status: 'DONE',
        progress: 100,
        value: 10,
        note: '已开展 4 次',
        on: '2026-10-20',
        by: 'editor@SC-YJT-ZB1',
        byBody: 'SC-YJT-ZB1',
      },
    ]);
  });

  it('refuses a stale version with CONFLICT naming the current one, and writes nothing', async () => {
    const a = (await issueDays())['SC-YJT-ZB1'];
    await h.ok(REPORT, { i: { assignment: a.id, version: 1, progress: 30 } });
    // A second editor, still holding version 1, reports over it.
    const r = await h.run(REPORT, { i: { assignment: a.id, version: 1, progress: 90 } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version', currentVersion: 2 });
    const now = (
      await h.ok(
        `{ _entities(representations: [{ __typename: "Assignment", id: "${a.id}" }]) { ... on Assignment { progress version } } }`,
      )
    )._entities[0];
    expect(now).toEqual({ progress: 30, version: 2 });
    expect(await reportRows()).toBe(1);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['progress above 100', { progress: 150 }, 'input.progress'],
    ['DONE with 50%', { status: 'DONE', progress: 50 }, 'input.progress'],
    ['a report day in the future', { progress: 10, on: '2099-01-01' }, 'input.on'],
    ['a negative value', { value: -3 }, 'input.value'],
  ])('bad input (%s) is BAD_USER_INPUT naming the field, nothing written', async (_n, over, field) => {
    const a = (await issueDays())['SC-YJT-ZB1'];
    const r = await h.run(REPORT, { i: { assignment: a.id, version: 1, ...over } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await reportRows()).toBe(0);
  });

  it('only the unit or a body that leads it reports: not a body that only guides it', async () => {
    // SC-JGGW guides the vertical earthquake bureau; its line (DZJ-DZ) leads it.
    const t = (
      await h.ok(`mutation($i: IssueTaskInput!) { issueTask(input: $i) { assignments { nodes { id } } } }`, {
        i: {
          issuer: 'DZJ-DZ',
          key: 'FZJZ',
          title: '防震减灾宣传周',
          category: 'OTHER',
          priority: 'ROUTINE',
          startsOn: '2026-05-01',
          dueOn: '2026-05-31',
          targets: ['SC-DZJ'],
        },
      })
    ).issueTask;
    const input = { assignment: t.assignments.nodes[0].id, version: 1, status: 'DONE', on: '2026-05-20' };
    expect((await h.run(REPORT, { i: input }, editorOf('SC-JGGW'))).errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'input.assignment',
    });
    expect(await reportRows()).toBe(0);
    expect((await h.ok(REPORT, { i: input }, editorOf('SC-DZJ'))).reportProgress).toMatchObject({
      status: 'DONE',
      version: 2,
    });
    // The work committee reports for a branch it leads through the organ party committee.
    const a = (await issueDays())['SC-YJT-ZB3'];
    expect(
      (await h.ok(REPORT, { i: { assignment: a.id, version: 1, progress: 10 } }, editorOf('SC-JGGW'))).reportProgress
        .version,
    ).toBe(2);
  });

  it("two reports in one request: the second sees the first's version", async () => {
    const a = (await issueDays())['SC-YJT-ZB1'];
    const r = await h.ok(
      `mutation($id: ID!) { one: reportProgress(input: { assignment: $id, version: 1, progress: 10 }) { version }
      two: reportProgress(input: { assignment: $id, version: 2, progress: 20 }) { version progress } }`,
      { id: a.id },
    );
    expect(r).toEqual({ one: { version: 2 }, two: { version: 3, progress: 20 } });
  });

  it('a settled assignment takes no report (CONFLICT); a viewer none (FORBIDDEN); another province does not see it (NOT_FOUND)', async () => {
    const a = (await issueDays())['SC-YJT-ZB2'];
    expect(
      (await h.run(REPORT, { i: { assignment: a.id, version: 1, progress: 10 } }, editorOf('SC-YJT-ZB2', 'VIEWER')))
        .errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await h.run(REPORT, { i: { assignment: a.id, version: 1, progress: 10 } }, editorOf('JS-SW'))).errors?.[0]
        .extensions,
    ).toMatchObject({ code: 'NOT_FOUND', field: 'input.assignment' });
    await h.ok(`mutation { withdrawAssignment(id: "${a.id}", version: 1) { status } }`);
    expect(
      (await h.run(REPORT, { i: { assignment: a.id, version: 2, progress: 10 } })).errors?.[0].extensions,
    ).toMatchObject({ code: 'CONFLICT', field: 'input.assignment' });
    expect(await reportRows()).toBe(0);
  });
});

describe('targets, progress and results for a year', () => {
  /** Five branches finish on time with 10–11 days, ZB6 reports 2 and is far behind. */
  async function seedValues() {
    const a = await issueDays();
    const values: Record<string, number> = {
      'SC-YJT-ZB1': 10,
      'SC-YJT-ZB2': 11,
      'SC-YJT-ZB3': 10,
      'SC-YJT-ZB4': 10,
      'SC-YJT-ZB5': 11,
      'SC-YJT-ZB6': 2,
    };
    for (const [code, value] of Object.entries(values)) {
      const done = value >= 10;
      await h.ok(REPORT, {
        i: {
          assignment: a[code].id,
          version: 1,
          value,
          on: '2026-10-20',
          ...(done ? { status: 'DONE' } : { progress: 20 }),
        },
      });
    }
    return a;
  }

  it("a unit's year: its lines, totals, and its indicator value beside the same task's other units", async () => {
    await seedValues();
    const r = (
      await h.ok(
        entity(
          'SC-YJT-ZB6',
          `workReport(year: 2026, asOf: "2026-11-20") { year asOf outlierRule
      targets { dueOn status progress indicator target value overdue task { key } assignment { id } }
      progress { assigned done inProgress overdue dueByNow doneOnTime completionRate onTimeRate averageProgress }
      results { measure indicator target value peerCount peerMean zScore outlier message task { key } unit { id } } }`,
        ),
      )
    )._entities[0].workReport;
    expect(r.targets).toEqual([
      expect.objectContaining({
        dueOn: '2026-10-31',
        status: 'IN_PROGRESS',
        progress: 20,
        indicator: '主题党日开展次数',
        target: 10,
        value: 2,
        overdue: true,
        task: { key: 'ZTDR-2026' },
      }),
    ]);
    expect(r.progress).toEqual({
      assigned: 1,
      done: 0,
      inProgress: 1,
      overdue: 1,
      dueByNow: 1,
      doneOnTime: 0,
      completionRate: 0,
      onTimeRate: 0,
      averageProgress: 20,
    });
    const indicator = r.results.find((x: any) => x.measure === 'INDICATOR');
    expect(indicator).toMatchObject({
      value: 2,
      target: 10,
      peerCount: 5,
      peerMean: 10.4,
      outlier: true,
      task: { key: 'ZTDR-2026' },
      unit: { id: ids['SC-YJT-ZB6'] },
    });
    expect(indicator.message).toContain('明显低于');
    // Completion rate 0 against five branches at 1 (spread floored at 5% of the mean): flagged too.
    expect(r.results.find((x: any) => x.measure === 'COMPLETION_RATE')).toMatchObject({
      value: 0,
      peerCount: 5,
      peerMean: 1,
      outlier: true,
    });
    expect(r.outlierRule).toContain('标准差');
  });

  it("a committee's scope: totals, every unit's progress, and only the values far from their peers", async () => {
    await seedValues();
    const r = (
      await h.ok(`{ workReport(scope: "SC-JGGW", year: 2026, asOf: "2026-11-20") { scope { id } progress { assigned done doneOnTime overdue }
      units { nodes { unit { id } progress { assigned done } } } outliers { nodes { measure value outlier unit { id } } } } }`)
    ).workReport;
    expect(r.scope.id).toBe(ids['SC-JGGW']);
    expect(r.progress).toEqual({ assigned: 6, done: 5, doneOnTime: 5, overdue: 1 });
    expect(r.units.nodes.filter((u: any) => u.progress.assigned > 0)).toHaveLength(6);
    expect(r.outliers.nodes.length).toBeGreaterThan(0);
    expect(r.outliers.nodes.every((o: any) => o.outlier && o.unit.id === ids['SC-YJT-ZB6'])).toBe(true);
    expect(r.outliers.nodes.map((o: any) => o.measure).sort()).toEqual([
      'AVERAGE_PROGRESS',
      'COMPLETION_RATE',
      'INDICATOR',
      'ON_TIME_RATE',
    ]);
  });

  it("a scope's units and outliers are connections: walked both ways, page by page, each gives its whole list once", async () => {
    await seedValues();
    const PAGE = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } totalCount';
    const q = (
      field: string,
      nodes: string,
    ) => `query($first: Int, $after: String, $last: Int, $before: String) { workReport(scope: "SC-JGGW", year: 2026, asOf: "2026-11-20") {
      ${field}(first: $first, after: $after, last: $last, before: $before) { nodes { ${nodes} } ${PAGE} } } }`;
    for (const [field, nodes, show] of [
      ['units', 'unit { id } progress { assigned }', (u: any) => u.unit.id],
      ['outliers', 'measure unit { id } task { key }', (o: any) => `${o.unit.id}:${o.measure}:${o.task?.key ?? ''}`],
    ] as const) {
      const fetch = async (args: Record<string, unknown>) => (await h.ok(q(field, nodes), args)).workReport[field];
      const whole = await fetch({ first: 500 });
      const walked = await walkPages(fetch, 2);
      expect(walked.forwards.map(show)).toEqual(whole.nodes.map(show));
      expect(walked.backwards.map(show)).toEqual(whole.nodes.map(show));
      expect(walked.pages).toBe(Math.ceil(whole.totalCount / 2));
      expect(whole.totalCount).toBe(whole.nodes.length);
      expect(new Set(whole.nodes.map(show)).size).toBe(whole.nodes.length);
      const r = await h.run(q(field, nodes), { first: 501 });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      // A cursor of the other list (units' for outliers, and the reverse) is refused.
      const other = field === 'units' ? 'workReport.outliers' : 'workReport.units';
      const foreign = await h.run(q(field, nodes), { first: 1, after: encodeCursor(other, '000000000001') });
      expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
    const units = (await h.ok(q('units', 'unit { id }'), { first: 500 })).workReport.units.nodes.map((u: any) =>
      Number(u.unit.id),
    );
    expect(units.length).toBeGreaterThanOrEqual(6);
    expect(units).toEqual([...units].sort((a: number, b: number) => a - b));
  });

  it('a unit report costs the same statements and org calls with six peers as with one', async () => {
    await issueDays();
    const cost = async () => {
      h.database.statements.reset();
      h.orgCalls.count = 0;
      await h.ok(entity('SC-YJT-ZB1', 'workReport(year: 2026) { targets { value } results { value } }'));
      return [h.database.statements.count, h.orgCalls.count];
    };
    const six = await cost();
    await h.ok(`mutation($i: IssueTaskInput!) { issueTask(input: $i) { id } }`, {
      i: {
        issuer: 'SC-JGGW',
        key: 'ONE',
        title: '单独任务',
        category: 'OTHER',
        priority: 'ROUTINE',
        startsOn: '2026-01-01',
        dueOn: '2026-12-31',
        targets: ['SC-YJT-ZB1'],
      },
    });
    expect(six[0]).toBeGreaterThan(0);
    expect(await cost()).toEqual(six);
  });

  it('never shows peer figures over units the caller does not see', async () => {
    await seedValues();
    // 江苏's committee issues the same kind of task to a unit of its own... it sees none of 四川's branches.
    const asBranch = editorOf('SC-YJT-ZB6', 'VIEWER');
    const r = (
      await h.ok(
        entity(
          'SC-YJT-ZB6',
          'workReport(year: 2026, asOf: "2026-11-20") { results { measure peerCount peerMean zScore outlier } }',
        ),
        undefined,
        asBranch,
      )
    )._entities[0].workReport;
    // The branch sees only itself: no peers, no figures, nothing flagged.
    expect(
      r.results.every((x: any) => x.peerCount === 0 && x.peerMean === null && x.zScore === null && !x.outlier),
    ).toBe(true);
  });

  it('a past day shows the year as it stood then, rebuilt from the reports', async () => {
    await seedValues(); // reports made for 2026-10-20
    const r = (
      await h.ok(`{ workReport(scope: "SC-JGGW", year: 2026, asOf: "2026-09-30") { progress { assigned done } } }`)
    ).workReport;
    expect(r.progress).toEqual({ assigned: 6, done: 0 });
  });

  it('refuses a year out of range with BAD_USER_INPUT on year', async () => {
    const r = await h.run(`{ workReport(scope: "SC-JGGW", year: 1999) { year } }`);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});

describe('responsibility list and work calendar', () => {
  const DEFINE = `mutation($i: RequiredItemInput!) { defineRequiredItem(input: $i) { code name kinds frequency retiredOn } }`;
  const SHYK = { code: 'SHYK', name: '三会一课', kinds: ['BRANCH'], frequency: 'QUARTERLY' };

  it("only the hub's operator manages the list (an ADMIN of one body may not), each change kept; bad input names the field", async () => {
    expect((await h.run(DEFINE, { i: SHYK }, editorOf('SC-JGGW', 'ADMIN'))).errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await h.run(DEFINE, { i: { ...SHYK, code: 'a b' } })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.code',
    });
    expect((await h.ok(DEFINE, { i: SHYK })).defineRequiredItem).toEqual({ ...SHYK, retiredOn: null });
    expect((await h.ok(`{ requiredItems { nodes { code } } }`)).requiredItems.nodes).toEqual([{ code: 'SHYK' }]);
    await h.ok(`mutation { retireRequiredItem(code: "SHYK", on: "2027-01-01") { code } }`);
    const changes = await h.database.rows<{ operation: string; by_subject: string; retired: string | null }>(
      sql`select operation, by_subject, item->>'retiredOn' as retired from tasks.required_item_changes order by id`,
    );
    expect(changes).toEqual([
      { operation: 'DEFINE', by_subject: 'hub-operator', retired: null },
      { operation: 'RETIRE', by_subject: 'hub-operator', retired: '2027-01-01' },
    ]);
    // And the database refuses it too, whatever the service does: the policy admits the operator only.
    const names = await h.database.db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('hub.scope', 'units', true), set_config('hub.units', ${`{${ids['SC-JGGW']}}`}, true), set_config('hub.role', 'ADMIN', true)`,
      );
      await tx.execute(sql`update tasks.required_items set name = 'x' where code = 'SHYK'`);
      return rowsOf<{ name: string }>(
        tx as unknown as Db,
        sql`select name from tasks.required_items where code = 'SHYK'`,
      );
    });
    expect(names).toEqual([{ name: '三会一课' }]); // the update matched no row it may change
  });

  it("the calendar lists the unit's tasks and each required period, covered or not; retiring an item drops later periods", async () => {
    await h.ok(DEFINE, { i: SHYK });
    await h.ok(`mutation($i: IssueTaskInput!) { issueTask(input: $i) { id } }`, {
      i: {
        issuer: 'SC-JGGW',
        key: 'SHYK-Q1',
        title: '一季度三会一课',
        category: 'ORGANIZATIONAL',
        priority: 'ROUTINE',
        startsOn: '2026-01-01',
        dueOn: '2026-03-31',
        requiredItem: 'SHYK',
        targets: ['SC-YJT-ZB1'],
      },
    });
    const cal = async () =>
      (
        await h.ok(
          entity(
            'SC-YJT-ZB1',
            'calendar(year: 2026) { uid kind title dueOn covered authority status issuer { id } task { key } }',
          ),
        )
      )._entities[0].calendar;
    const entries = await cal();
    expect(entries.map((e: any) => [e.kind, e.title, e.covered])).toEqual([
      ['TASK', '一季度三会一课', null],
      ['REQUIRED_ITEM', '三会一课（2026年第一季度）', true],
      ['REQUIRED_ITEM', '三会一课（2026年第二季度）', false],
      ['REQUIRED_ITEM', '三会一课（2026年第三季度）', false],
      ['REQUIRED_ITEM', '三会一课（2026年第四季度）', false],
    ]);
    expect(entries[0]).toMatchObject({
      authority: 'BINDING',
      status: 'ASSIGNED',
      issuer: { id: ids['SC-JGGW'] },
      task: { key: 'SHYK-Q1' },
    });

    const retired = (await h.ok(`mutation { retireRequiredItem(code: "SHYK", on: "2026-07-01") { retiredOn } }`))
      .retireRequiredItem;
    expect(retired.retiredOn).toBe('2026-07-01');
    expect((await cal()).map((e: any) => e.title)).toEqual([
      '一季度三会一课',
      '三会一课（2026年第一季度）',
      '三会一课（2026年第二季度）',
    ]);
    expect(
      await h.ok(
        `{ requiredItems { nodes { code } } all: requiredItems(includeRetired: true) { nodes { code retiredOn } } }`,
      ),
    ).toEqual({ requiredItems: { nodes: [] }, all: { nodes: [{ code: 'SHYK', retiredOn: '2026-07-01' }] } });
    const findings = (
      await h.ok(entity('SC-YJT-ZB1', 'taskConflicts(from: "2026-01-01", to: "2026-12-31") { nodes { kind from } }'))
    )._entities[0].taskConflicts.nodes;
    expect(findings).toEqual([{ kind: 'MISSING', from: '2026-04-01' }]);
    expect((await h.run(`mutation { retireRequiredItem(code: "SHYK") { code } }`)).errors?.[0].extensions?.code).toBe(
      'CONFLICT',
    );
  });

  it('the iCalendar text parses with ical.js into the same entries', async () => {
    await h.ok(DEFINE, { i: SHYK });
    await issueDays();
    const ics = (await h.ok(entity('SC-YJT-ZB1', 'calendarIcs(year: 2026)')))._entities[0].calendarIcs as string;
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('四川省应急管理厅办公室党支部 2026年行事历');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual([
      '三会一课（2026年第一季度）【未下达】',
      '三会一课（2026年第二季度）【未下达】',
      '三会一课（2026年第三季度）【未下达】',
      '每月开展主题党日（截止）',
      '三会一课（2026年第四季度）【未下达】',
    ]);
    const days = events.find((e) => e.summary.startsWith('每月开展主题党日'))!;
    expect(days.startDate.toString()).toBe('2026-10-31');
    expect(days.description).toContain('下达单位：四川省直机关工委（领导关系，须执行）');
  });
});

describe('assignmentActivity (asked by the assessments subgraph)', () => {
  const Q = `query($p: [ActivityQuestionInput!]!) { assignmentActivity(pairs: $p) }`;
  it("counts the issuer's assignments to the unit over each window, withdrawn ones left out; one statement", async () => {
    const a = await issueDays(); // SC-JGGW → the six branches, 2026-01-01 … 2026-10-31
    await h.ok(`mutation($a: ID!) { withdrawAssignment(id: $a, note: "撤回") { id } }`, { a: a['SC-YJT-ZB2'].id });
    const q = (issuer: string, unit: string, from: string, to: string) => ({
      issuer: ids[issuer],
      unit: ids[unit],
      from,
      to,
    });
    h.database.statements.reset();
    const d = await h.ok(Q, {
      p: [
        q('SC-JGGW', 'SC-YJT-ZB1', '2026-01-01', '2026-12-10'),
        q('SC-JGGW', 'SC-YJT-ZB1', '2026-11-01', '2026-12-10'), // after the task's period
        q('SC-JGGW', 'SC-YJT-ZB2', '2026-01-01', '2026-12-10'), // withdrawn
        q('SC-SW', 'SC-YJT-ZB1', '2026-01-01', '2026-12-10'), // another issuer
        q('SC-JGGW', 'SC-DZJ', '2026-01-01', '2026-12-10'),
      ],
    });
    expect(d.assignmentActivity).toEqual([1, 0, 0, 0, 0]);
    expect(h.database.statements.count).toBe(1);
  });

  it("is for the hub's services only; a bad window names the field", async () => {
    const asBody = await h.run(
      Q,
      { p: [{ issuer: ids['SC-JGGW'], unit: ids['SC-YJT-ZB1'], from: '2026-01-01', to: '2026-12-31' }] },
      editorOf('SC-JGGW'),
    );
    expect(asBody.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const bad = await h.run(Q, {
      p: [{ issuer: ids['SC-JGGW'], unit: ids['SC-YJT-ZB1'], from: '2026-12-31', to: '2026-01-01' }],
    });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pairs[0].to' });
  });
});

describe('withdrawAssignment without a version (the argument is optional)', () => {
  it('withdraws; it used to send `version = ` with nothing after it and fail as INTERNAL_SERVER_ERROR', async () => {
    const a = await issueDays();
    const d = await h.ok(`mutation($a: ID!) { withdrawAssignment(id: $a) { id status } }`, { a: a['SC-YJT-ZB3'].id });
    expect(d.withdrawAssignment).toEqual({ id: a['SC-YJT-ZB3'].id, status: 'WITHDRAWN' });
  });
});
