process.env.HUB_TODAY = '2026-12-20';
import { rowsOf, type Identity } from '@tiaokuai/platform';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { BRANCHES, province, schemeInput, scoresAt } from './testing/fixtures';
import { assessmentsHarness, type AssessmentsHarness } from './testing';

let h: AssessmentsHarness;
let ids: Record<string, string>;
const editorOf = (body: string, role: Identity['role'] = 'EDITOR'): Identity => ({
  subject: `${role.toLowerCase()}@${body}`,
  body,
  role,
  hubAdmin: false,
});

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

const DEFINE = `mutation($i: SchemeInput!) { defineScheme(input: $i) { id key year name opinionWeight issuer { id } indicators { code weight } combination { method partyWeight businessWeight } } }`;
const SUBMIT = `mutation($i: SubmitAssessmentInput!) { submitAssessment(input: $i) {
  id role version assessedOn partyScore businessScore finalScore grade scores { indicator score contribution } unit { id } assessor { id } } }`;
const CORRECT = `mutation($i: CorrectAssessmentInput!) { correctAssessment(input: $i) { id version partyScore finalScore grade revisions { totalCount nodes { version partyScore grade by } } } }`;
const count = async (table: string) =>
  (await rowsOf<{ n: number }>(h.database.db, sql.raw(`select count(*)::int as n from assessments.${table}`)))[0].n;
const define = async (over: Record<string, unknown> = {}) =>
  (await h.ok(DEFINE, { i: schemeInput(over) })).defineScheme;
const submit = (scheme: string, unit: string, assessor: string, on: string, p: number, business = 90, who?: Identity) =>
  h.run(SUBMIT, { i: { scheme, unit, assessor, on, businessScore: business, ...scoresAt(p) } }, who);
/** The errors with the code the caller sent replaced: a hidden record's answer must equal an unknown one's. */
const shape = (r: { errors?: Array<{ message: string; extensions?: Record<string, any> }> }, code: string) =>
  JSON.parse(
    JSON.stringify(r.errors ?? null)
      .split(code)
      .join('<code>'),
  );
const codeOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)![0];

describe('defineScheme', () => {
  it('defines a scheme; the same again is the same scheme; a different one under the key is CONFLICT', async () => {
    const s = await define();
    expect(s).toMatchObject({
      key: 'KH-2026',
      year: 2026,
      opinionWeight: 0,
      issuer: { id: ids['SC-JGGW'] },
      combination: { method: 'WEIGHTED_SUM', partyWeight: 40, businessWeight: 60 },
    });
    expect((await define()).id).toBe(s.id);
    const r = await h.run(DEFINE, { i: schemeInput({ name: '改了名字' }) });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.key', scheme: s.id });
    expect(await count('schemes')).toBe(1);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'indicator weights not summing to 100%',
      { indicators: schemeInput().indicators.map((k, i) => (i === 0 ? { ...k, weight: 20 } : k)) },
      'input.indicators',
    ],
    [
      'evaluator weights not summing to 100%',
      { evaluatorGroups: schemeInput().evaluatorGroups.map((g, i) => (i === 0 ? { ...g, weight: 50 } : g)) },
      'input.evaluatorGroups',
    ],
    [
      'overlapping bands',
      { gradeBands: schemeInput().gradeBands.map((b, i) => (i === 1 ? { ...b, max: 95 } : b)) },
      'input.gradeBands[0].min',
    ],
    ['a year more than one year ahead', { year: 2028 }, 'input.year'],
    [
      'a matrix naming an unknown grade',
      { combination: { method: 'GRADE_MATRIX', matrix: [{ party: '优秀', business: '特优', grade: '优秀' }] } },
      'input.combination.matrix[0].business',
    ],
  ])('%s: BAD_USER_INPUT naming the field, nothing written', async (_, over, field) => {
    const r = await h.run(DEFINE, { i: schemeInput(over) });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count('schemes')).toBe(0);
  });

  it('an unknown part is refused by the schema (enum), an issuer out of sight is FORBIDDEN as an unknown one is, a viewer is FORBIDDEN', async () => {
    const badPart = await h.run(DEFINE, {
      i: schemeInput({ indicators: [{ ...schemeInput().indicators[0], part: 'OTHER' }] }),
    });
    expect(badPart.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const hidden = await h.run(DEFINE, { i: schemeInput() }, editorOf('JS-SW'));
    const unknown = await h.run(DEFINE, { i: schemeInput({ issuer: 'NOPE-7' }) }, editorOf('JS-SW'));
    expect(hidden.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', field: 'input.issuer' });
    expect(shape(hidden, 'SC-JGGW')).toEqual(shape(unknown, 'NOPE-7'));
    expect((await h.run(DEFINE, { i: schemeInput({ issuer: 'NOPE-7' }) })).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.issuer',
    }); // the operator is told
    expect(
      (await h.run(DEFINE, { i: schemeInput() }, editorOf('SC-JGGW', 'VIEWER'))).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect(await count('schemes')).toBe(0);
  });
});

describe('submitAssessment: the leader grades, a guide gives an opinion, anyone else is refused', () => {
  it("by org's answer on the day", async () => {
    const s = await define();
    const grading = await submit(s.id, 'SC-YJT-ZB1', 'SC-JGGW', '2026-12-10', 90, 80, editorOf('SC-JGGW'));
    // 90% of every maximum → party 90; final 0.4 × 90 + 0.6 × 80 = 84 → 良好
    expect(grading.data?.submitAssessment).toMatchObject({
      role: 'GRADING',
      version: 1,
      partyScore: 90,
      businessScore: 80,
      finalScore: 84,
      grade: '良好',
    });
    const opinion = await submit(s.id, 'SC-DZJ', 'SC-JGGW', '2026-12-10', 70, 80, editorOf('SC-JGGW'));
    expect(opinion.data?.submitAssessment).toMatchObject({ role: 'OPINION' });
    const leader = await submit(s.id, 'SC-DZJ', 'DZJ-DZ', '2026-12-11', 95);
    expect(leader.data?.submitAssessment).toMatchObject({ role: 'GRADING' });
    const stranger = await submit(s.id, 'SC-DZJ', 'JS-SW', '2026-12-10', 95);
    expect(stranger.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'input.unit',
      units: ['SC-DZJ'],
    });
    expect(await count('submissions')).toBe(3);
    expect(await count('submission_revisions')).toBe(3);
  });

  it('the same submission again changes nothing; another one for the same unit is CONFLICT pointing at correctAssessment', async () => {
    const s = await define();
    const a = await submit(s.id, 'SC-YJT-ZB1', 'SC-JGGW', '2026-12-10', 90);
    expect((await submit(s.id, 'SC-YJT-ZB1', 'SC-JGGW', '2026-12-10', 90)).data?.submitAssessment.id).toBe(
      a.data?.submitAssessment.id,
    );
    const again = await submit(s.id, 'SC-YJT-ZB1', 'SC-JGGW', '2026-12-10', 80);
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      submission: a.data?.submitAssessment.id,
      currentVersion: 1,
    });
    expect(await count('submissions')).toBe(1);
  });

  it('one grading per scheme and unit: a second body that also leads it is CONFLICT naming the first', async () => {
    const s = await define();
    const first = (await submit(s.id, 'SC-YJT-ZB1', 'SC-YJT-JGDW', '2026-12-10', 90)).data!.submitAssessment;
    expect(first.role).toBe('GRADING');
    const second = await submit(s.id, 'SC-YJT-ZB1', 'SC-JGGW', '2026-12-11', 80); // SC-JGGW leads it too, up the chain
    expect(second.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.unit',
      submission: first.id,
    });
    expect(await count('submissions')).toBe(1);
  });

  it.each<[string, (i: any) => void, string]>([
    [
      'a score above the maximum',
      (i) => {
        i.scores[0].score = 31;
      },
      'input.scores[0].score',
    ],
    [
      'a negative score',
      (i) => {
        i.scores[1].score = -1;
      },
      'input.scores[1].score',
    ],
    [
      'an unknown indicator',
      (i) => {
        i.scores[2].indicator = 'XX';
      },
      'input.scores[2].indicator',
    ],
    [
      'a rating from an unknown evaluator group',
      (i) => {
        i.ratings[0].group = 'NOBODY';
      },
      'input.ratings[0].group',
    ],
    [
      'a business score over 100',
      (i) => {
        i.businessScore = 101;
      },
      'input.businessScore',
    ],
    [
      'a day in the future',
      (i) => {
        i.on = '2026-12-21';
      },
      'input.on',
    ],
    [
      "a day outside the scheme's year",
      (i) => {
        i.on = '2025-12-31';
      },
      'input.on',
    ],
  ])('%s: BAD_USER_INPUT naming the field, nothing written', async (_, spoil, field) => {
    const s = await define();
    const i: any = {
      scheme: s.id,
      unit: 'SC-YJT-ZB1',
      assessor: 'SC-JGGW',
      on: '2026-12-10',
      businessScore: 90,
      ...scoresAt(90),
    };
    spoil(i);
    const r = await h.run(SUBMIT, { i });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count('submissions')).toBe(0);
  });

  it('to the operator an unknown scheme or unit is NOT_FOUND', async () => {
    const s = await define();
    expect((await submit('999', 'SC-YJT-ZB1', 'SC-JGGW', '2026-12-10', 90)).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.scheme',
    });
    expect((await submit(s.id, 'NOPE', 'SC-JGGW', '2026-12-10', 90)).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.unit',
    });
    expect(await count('submissions')).toBe(0);
  });

  it('to anyone else, a unit or assessor out of reach and a code that names nothing get the same FORBIDDEN naming the field', async () => {
    const s = await define();
    const editor = editorOf('SC-JGGW');
    // An assessor out of the caller's jurisdiction (DZJ-DZ), and one that does not exist.
    const hiddenAssessor = await submit(s.id, 'SC-DZJ', 'DZJ-DZ', '2026-12-10', 90, 90, editor);
    const unknownAssessor = await submit(s.id, 'SC-DZJ', 'NOPE-7', '2026-12-10', 90, 90, editor);
    expect(hiddenAssessor.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', field: 'input.assessor' });
    expect(shape(hiddenAssessor, 'DZJ-DZ')).toEqual(shape(unknownAssessor, 'NOPE-7'));
    // A unit the assessor does not reach (JS-SW, in another province), and one that does not exist.
    const hiddenUnit = await submit(s.id, 'JS-SW', 'SC-JGGW', '2026-12-10', 90, 90, editor);
    const unknownUnit = await submit(s.id, 'NOPE-7', 'SC-JGGW', '2026-12-10', 90, 90, editor);
    expect(hiddenUnit.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.unit' });
    expect(shape(hiddenUnit, 'JS-SW')).toEqual(shape(unknownUnit, 'NOPE-7'));
    // A scheme the caller may not see (JS-SW's), and one that does not exist.
    const js = await define({ issuer: 'JS-SW', key: 'JS-2026' });
    const hiddenScheme = await submit(js.id, 'SC-YJT-ZB1', 'SC-JGGW', '2026-12-10', 90, 90, editor);
    const unknownScheme = await submit('987654', 'SC-YJT-ZB1', 'SC-JGGW', '2026-12-10', 90, 90, editor);
    expect(hiddenScheme.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'input.scheme' });
    expect(shape(hiddenScheme, js.id)).toEqual(shape(unknownScheme, '987654'));
    expect(await count('submissions')).toBe(0);
  });
});

describe('correctAssessment: version-checked, scored afresh, every version kept', () => {
  it('a correction based on the current version applies; a stale one is CONFLICT and changes nothing', async () => {
    const s = await define();
    const id = (await submit(s.id, 'SC-YJT-ZB1', 'SC-JGGW', '2026-12-10', 90, 80)).data!.submitAssessment.id;
    const fixed = await h.ok(
      CORRECT,
      { i: { submission: id, version: 1, businessScore: 100, note: '业务得分更正' } },
      editorOf('SC-JGGW'),
    );
    // 0.4 × 90 + 0.6 × 100 = 96 → 优秀
    expect(fixed.correctAssessment).toMatchObject({ version: 2, partyScore: 90, finalScore: 96, grade: '优秀' });
    expect(fixed.correctAssessment.revisions.nodes.map((r: any) => [r.version, r.grade])).toEqual([
      [1, '良好'],
      [2, '优秀'],
    ]);
    const stale = await h.run(CORRECT, { i: { submission: id, version: 1, businessScore: 10 } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version', currentVersion: 2 });
    const now = await h.ok(`query($id: ID!) { submission(id: $id) { version finalScore } }`, { id });
    expect(now.submission).toEqual({ version: 2, finalScore: 96 });
    expect(await count('submission_revisions')).toBe(2);
  });

  it("a bad corrected score names the field; only the assessor's side corrects", async () => {
    const s = await define();
    const id = (await submit(s.id, 'SC-DZJ', 'DZJ-DZ', '2026-12-10', 90)).data!.submitAssessment.id;
    const bad = await h.run(CORRECT, {
      i: {
        submission: id,
        version: 1,
        scores: [
          { indicator: 'ZZJS', score: 99 },
          { indicator: 'SXJS', score: 1 },
          { indicator: 'ZFJS', score: 1 },
        ],
      },
    });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scores[0].score' });
    // SC-JGGW sees SC-DZJ (it guides it) but did not make this assessment.
    const other = await h.run(CORRECT, { i: { submission: id, version: 1, businessScore: 50 } }, editorOf('SC-JGGW'));
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count('submission_revisions')).toBe(1);
  });
});

describe("results: ranking within a scope, opinions by the scheme's share, star grading with quotas", () => {
  const RESULTS = `query($id: ID!, $scope: String) { scheme(id: $id) { results(scope: $scope) { totalCount nodes { rank unit { id } finalScore grade opinionsCounted } } } }`;

  it('ranks the graded units of the scope, ties sharing a rank, in a fixed number of statements', async () => {
    const s = await define();
    const scores = [95, 85, 85, 70, 60, 99];
    for (const [i, code] of BRANCHES.entries()) await submit(s.id, code, 'SC-JGGW', '2026-12-10', scores[i], scores[i]);
    await submit(s.id, 'SC-DZJ', 'DZJ-DZ', '2026-12-10', 100, 100); // not in SC-YJT-JGDW's scope
    h.database.statements.reset();
    h.calls.org = 0;
    const d = await h.ok(RESULTS, { id: s.id, scope: 'SC-YJT-JGDW' });
    expect(d.scheme.results.totalCount).toBe(6);
    expect(d.scheme.results.nodes.map((r: any) => [codeOf(r.unit.id), r.rank, r.finalScore])).toEqual([
      ['SC-YJT-ZB6', 1, 99],
      ['SC-YJT-ZB1', 2, 95],
      ['SC-YJT-ZB2', 3, 85],
      ['SC-YJT-ZB3', 3, 85],
      ['SC-YJT-ZB4', 5, 70],
      ['SC-YJT-ZB5', 6, 60],
    ]);
    const statements = h.database.statements.count;
    expect(statements).toBeLessThanOrEqual(2); // the scheme, its submissions
    // Without a scope: every unit the caller may see; JS-SW sees none of them.
    expect((await h.ok(RESULTS, { id: s.id })).scheme.results.totalCount).toBe(7);
    // JS-SW neither issued the scheme nor has a unit it assesses: the scheme reads as absent.
    expect((await h.ok(RESULTS, { id: s.id }, editorOf('JS-SW'))).scheme).toBeNull();
  });

  it("a guide's opinion weighs in only when the scheme gives opinions a share", async () => {
    const s = await define({ key: 'KH-2026-OP', opinionWeight: 20 });
    await submit(s.id, 'SC-DZJ', 'DZJ-DZ', '2026-12-10', 90, 90);
    await submit(s.id, 'SC-DZJ', 'SC-JGGW', '2026-12-10', 40, 90, editorOf('SC-JGGW'));
    const d = await h.ok(
      `query($u: [_Any!]!) { _entities(representations: $u) { ... on Unit { assessments(year: 2026) {
      graded partyScore finalScore grade opinionsCounted grading { role } opinions { role } scheme { id } } } } }`,
      { u: [{ __typename: 'Unit', id: ids['SC-DZJ'] }] },
    );
    // party 0.8 × 90 + 0.2 × 40 = 80; final 0.4 × 80 + 0.6 × 90 = 86
    expect(d._entities[0].assessments).toEqual([
      {
        graded: true,
        partyScore: 80,
        finalScore: 86,
        grade: '良好',
        opinionsCounted: 1,
        grading: { role: 'GRADING' },
        opinions: [{ role: 'OPINION' }],
        scheme: { id: s.id },
      },
    ]);
  });

  it('outliers: a branch far below the others on one indicator, named with the rule', async () => {
    const s = await define();
    for (const code of BRANCHES) {
      const sc = scoresAt(90);
      if (code === 'SC-YJT-ZB4') sc.scores[0].score = 3; // 组织建设 3 of 30, the others 27
      await h.run(SUBMIT, {
        i: { scheme: s.id, unit: code, assessor: 'SC-JGGW', on: '2026-12-10', businessScore: 90, ...sc },
      });
    }
    const d = await h.ok(
      `query($id: ID!) { scheme(id: $id) { outliers(scope: "SC-JGGW") { rule rows { totalCount nodes { unit { id } measure value peerCount peerMean message } } } } }`,
      { id: s.id },
    );
    expect(d.scheme.outliers.rule).toContain('标准差');
    expect(
      d.scheme.outliers.rows.nodes.map((o: any) => [codeOf(o.unit.id), o.measure, o.value, o.peerCount, o.peerMean]),
    ).toEqual([
      // By unit id, then measure.
      ['SC-YJT-ZB4', 'PARTY_SCORE', 66, 5, 90],
      ['SC-YJT-ZB4', 'ZZJS', 3, 5, 27],
    ]);
    expect(d.scheme.outliers.rows.totalCount).toBe(2);
    expect(d.scheme.outliers.rows.nodes[0].message).toContain('四川省应急管理厅第4党支部');
  });

  it('export: CSV and XLSX of the ranked results, read back with spreadsheet libraries', async () => {
    const s = await define();
    const scores = [95, 85, 85, 70, 60, 99];
    for (const [i, code] of BRANCHES.entries()) await submit(s.id, code, 'SC-JGGW', '2026-12-10', scores[i], scores[i]);
    const Q = `query($id: ID!, $f: ExportFormat!) { scheme(id: $id) { export(format: $f, scope: "SC-YJT-JGDW") { filename contentType encoding content rows } } }`;
    const csv = (await h.ok(Q, { id: s.id, f: 'CSV' })).scheme.export;
    expect(csv).toMatchObject({
      encoding: 'utf8',
      contentType: 'text/csv; charset=utf-8',
      rows: 6,
      filename: `考核结果-2026-${s.id}-SC-YJT-JGDW.csv`,
    });
    const table = parse(csv.content, { bom: true }) as string[][];
    expect(table.map((r) => [r[0], r[1], r[9]])).toEqual([
      ['排名', '单位代码', '综合得分'],
      ['1', 'SC-YJT-ZB6', '99'],
      ['2', 'SC-YJT-ZB1', '95'],
      ['3', 'SC-YJT-ZB2', '85'],
      ['3', 'SC-YJT-ZB3', '85'],
      ['5', 'SC-YJT-ZB4', '70'],
      ['6', 'SC-YJT-ZB5', '60'],
    ]);
    expect(table[1][2]).toBe('四川省应急管理厅第6党支部');

    const xlsx = (await h.ok(Q, { id: s.id, f: 'XLSX' })).scheme.export;
    expect(xlsx).toMatchObject({
      encoding: 'base64',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      rows: 6,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.content, 'base64') as any);
    const sheet = wb.getWorksheet('考核结果')!;
    expect(sheet.rowCount).toBe(7);
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(values(1).slice(0, 3)).toEqual(['排名', '单位代码', '单位名称']);
    expect(values(2).slice(0, 3)).toEqual([1, 'SC-YJT-ZB6', '四川省应急管理厅第6党支部']);
    expect(typeof values(2)[9]).toBe('number'); // 综合得分 stays a number
    expect(wb.getWorksheet('说明')!.getRow(1).values).toEqual([undefined, '考核方案', '2026年度机关党建工作考核']);
  });

  it('stars: quotas never exceeded, ties never split, each explained; bad quotas name the field', async () => {
    const s = await define();
    const scores = [95, 90, 90, 80, 70, 60];
    for (const [i, code] of BRANCHES.entries()) await submit(s.id, code, 'SC-JGGW', '2026-12-10', scores[i], scores[i]);
    const Q = `query($id: ID!, $levels: [StarLevelInput!]) { scheme(id: $id) { stars(scope: "SC-JGGW", levels: $levels) { graded rule rows { nodes { unit { id } stars starName rank explanation } } } } }`;
    const d = await h.ok(Q, { id: s.id, levels: [{ stars: 5, share: 0.2 }, { stars: 4, share: 0.3 }, { stars: 3 }] });
    // 6 graded: five-star at most 1, four-star at most 1; the tie at 90 (two units) cannot fit in one four-star place.
    expect(d.scheme.stars.graded).toBe(6);
    expect(d.scheme.stars.rows.nodes.map((r: any) => [codeOf(r.unit.id), r.stars])).toEqual([
      ['SC-YJT-ZB1', 5],
      ['SC-YJT-ZB2', 3],
      ['SC-YJT-ZB3', 3],
      ['SC-YJT-ZB4', 3],
      ['SC-YJT-ZB5', 3],
      ['SC-YJT-ZB6', 3],
    ]);
    expect(d.scheme.stars.rows.nodes[1].explanation).toContain('并列者一同顺延');
    const bad = await h.run(Q, {
      id: s.id,
      levels: [{ stars: 5, share: 0.7 }, { stars: 4, share: 0.5 }, { stars: 3 }],
    });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'levels' });
  });
});

describe('findings', () => {
  const FINDINGS = `query($scope: String!) { assessmentFindings(scope: $scope, year: 2026) { nodes { kind unit { id } bodies { id } from to explanation suggestion
    submissions { id } inspections { id } proposal { lead { id } from to indicators { code bodies { id } } } } } }`;
  const SCHEDULE = `mutation($i: ScheduleInspectionInput!) { scheduleInspection(input: $i) { id unit { id } joint { id } } }`;
  const kinds = (fs: any[]) =>
    fs.map((f) => `${f.kind} ${codeOf(f.unit.id)} ${f.bodies.map((b: any) => codeOf(b.id)).join('+')}`).sort();

  it('MULTIPLE_INSPECTIONS: two bodies in one quarter → one joint visit proposed, led by the leader; accepting it settles the finding', async () => {
    await h.ok(SCHEDULE, {
      i: {
        inspector: 'SC-JGGW',
        units: ['SC-DZJ'],
        title: '党建工作督查',
        from: '2026-05-10',
        to: '2026-05-12',
        indicators: [
          { code: 'ZZJS', name: '组织建设' },
          { code: 'DFGL', name: '党费管理' },
        ],
      },
    });
    await h.ok(SCHEDULE, {
      i: {
        inspector: 'DZJ-DZ',
        units: ['SC-DZJ'],
        title: '系统党建考核',
        from: '2026-05-11',
        to: '2026-05-15',
        indicators: [
          { code: 'ZZJS', name: '组织建设' },
          { code: 'YWRH', name: '党建业务融合' },
        ],
      },
    });
    const [f] = (await h.ok(FINDINGS, { scope: 'SC-SW' })).assessmentFindings.nodes.filter(
      (x: any) => x.kind === 'MULTIPLE_INSPECTIONS',
    );
    expect(f).toMatchObject({ unit: { id: ids['SC-DZJ'] }, from: '2026-04-01', to: '2026-06-30' });
    expect(f.proposal).toEqual({
      lead: { id: ids['DZJ-DZ'] },
      from: '2026-05-11',
      to: '2026-05-12',
      indicators: [
        { code: 'ZZJS', bodies: [{ id: ids['SC-JGGW'] }, { id: ids['DZJ-DZ'] }] },
        { code: 'DFGL', bodies: [{ id: ids['SC-JGGW'] }] },
        { code: 'YWRH', bodies: [{ id: ids['DZJ-DZ'] }] },
      ],
    });
    const ACCEPT = `mutation($i: AcceptJointInspectionInput!) { acceptJointInspection(input: $i) { id } }`;
    const escNote = await h.run(
      ACCEPT,
      { i: { unit: 'SC-DZJ', on: '2026-05-01', note: '迎检\u001b[2J' } },
      editorOf('SC-JGGW'),
    );
    expect(escNote.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
    // A unit out of the caller's sight and a code that names nothing: the same FORBIDDEN.
    const hidden = await h.run(ACCEPT, { i: { unit: 'SC-DZJ', on: '2026-05-01' } }, editorOf('JS-SW'));
    const unknown = await h.run(ACCEPT, { i: { unit: 'NOPE-7', on: '2026-05-01' } }, editorOf('JS-SW'));
    expect(hidden.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', field: 'input.unit' });
    expect(shape(hidden, 'SC-DZJ')).toEqual(shape(unknown, 'NOPE-7'));
    expect(await count('joint_inspections')).toBe(0);
    const j = await h.ok(
      `mutation($i: AcceptJointInspectionInput!) { acceptJointInspection(input: $i) { id lead { id } bodies { id } startsOn endsOn indicators { code } } }`,
      { i: { unit: 'SC-DZJ', on: '2026-05-01', note: '基层一次迎检' } },
      editorOf('SC-JGGW'),
    );
    expect(j.acceptJointInspection).toMatchObject({
      lead: { id: ids['DZJ-DZ'] },
      startsOn: '2026-05-11',
      endsOn: '2026-05-12',
      indicators: [{ code: 'ZZJS' }, { code: 'DFGL' }, { code: 'YWRH' }],
    });
    expect(
      (await h.ok(FINDINGS, { scope: 'SC-SW' })).assessmentFindings.nodes.filter(
        (x: any) => x.kind === 'MULTIPLE_INSPECTIONS',
      ),
    ).toEqual([]);
    expect(await count('joint_inspections')).toBe(1);
    const again = await h.run(`mutation($i: AcceptJointInspectionInput!) { acceptJointInspection(input: $i) { id } }`, {
      i: { unit: 'SC-DZJ', on: '2026-05-01' },
    });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.on' });
  });

  it('an inspector that neither leads nor guides the unit is FORBIDDEN naming it, nothing written', async () => {
    const r = await h.run(SCHEDULE, {
      i: { inspector: 'JS-SW', units: ['SC-DZJ', 'SC-YJT-ZB1'], title: '检查', from: '2026-05-10', to: '2026-05-12' },
    });
    expect(r.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'input.units',
      units: ['SC-DZJ', 'SC-YJT-ZB1'],
    });
    expect(await count('inspections')).toBe(0);
  });

  it('EVALUATION_ONLY: an assessor that gave the unit no task all year; an advisory task (guidance) counts as work given', async () => {
    const s = await define();
    await submit(s.id, 'SC-DZJ', 'DZJ-DZ', '2026-12-10', 90);
    await submit(s.id, 'SC-DZJ', 'SC-JGGW', '2026-12-10', 80, 90, editorOf('SC-JGGW'));
    await h.tasks(`mutation($i: IssueTaskInput!) { issueTask(input: $i) { id } }`, {
      i: {
        issuer: 'SC-JGGW',
        key: 'ZD-1',
        title: '指导地震局开展主题党日',
        category: 'ORGANIZATIONAL',
        priority: 'ROUTINE',
        startsOn: '2026-03-01',
        dueOn: '2026-03-31',
        targets: ['SC-DZJ'],
        binding: false,
      },
    });
    const found = (await h.ok(FINDINGS, { scope: 'SC-SW' })).assessmentFindings.nodes.filter(
      (x: any) => x.kind === 'EVALUATION_ONLY',
    );
    expect(kinds(found)).toEqual(['EVALUATION_ONLY SC-DZJ DZJ-DZ']);
    expect(found[0]).toMatchObject({ from: '2026-01-01', to: '2026-12-10' });
    expect(found[0].explanation).toContain('中国地震局党组');
  });

  it('GRADED_BY_NON_LEADER: a transfer recorded after the grading, effective before it', async () => {
    const s = await define();
    await submit(s.id, 'SC-YJT-ZB1', 'SC-JGGW', '2026-12-10', 90);
    let all = (await h.ok(FINDINGS, { scope: 'SC-SW' })).assessmentFindings.nodes;
    expect(all.filter((x: any) => x.kind === 'GRADED_BY_NON_LEADER')).toEqual([]);
    // 转隶: the branch moves to the earthquake bureau from 2026-12-01, recorded late.
    const links = await h.org(
      `{ unit(by: { code: "SC-YJT-ZB1" }) { links(kinds: [AFFILIATION], direction: IN) { nodes { id from { code } } } } }`,
    );
    const link = links.unit.links.nodes.find((l: any) => l.from.code === 'SC-YJT-JGDW');
    await h.org(`mutation { endLink(id: "${link.id}", on: "2026-11-30") { id } }`);
    await h.org(
      `mutation { createLink(input: { from: "SC-DZJ", to: "SC-YJT-ZB1", kind: AFFILIATION, validFrom: "2026-12-01" }) { id } }`,
    );
    all = (await h.ok(FINDINGS, { scope: 'SC-SW' })).assessmentFindings.nodes;
    const [f] = all.filter((x: any) => x.kind === 'GRADED_BY_NON_LEADER');
    expect(f).toMatchObject({ unit: { id: ids['SC-YJT-ZB1'] }, bodies: [{ id: ids['SC-JGGW'] }], from: '2026-12-10' });
    expect(f.suggestion).toContain('四川省地震局');
  });

  it('per unit, batched: findings of many units cost the same statements and service calls as of one', async () => {
    const s = await define();
    for (const code of BRANCHES) await submit(s.id, code, 'SC-JGGW', '2026-12-10', 90);
    const Q = (codes: string[]) =>
      `{ _entities(representations: [${codes.map((c) => `{ __typename: "Unit", id: "${ids[c]}" }`).join(', ')}]) { ... on Unit { assessmentFindings(year: 2026) { nodes { kind } } } } }`;
    const cost = async (codes: string[]) => {
      h.database.statements.reset();
      h.calls.org = 0;
      h.calls.tasks = 0;
      const d = await h.ok(Q(codes));
      return { n: d._entities.length, statements: h.database.statements.count, org: h.calls.org, tasks: h.calls.tasks };
    };
    const one = await cost(BRANCHES.slice(0, 1));
    const six = await cost(BRANCHES);
    expect(six.n).toBe(6);
    expect({ ...six, n: 1 }).toEqual(one);
    // Every branch was graded by SC-JGGW without a task from it: EVALUATION_ONLY each.
    const d = await h.ok(Q(BRANCHES));
    expect(d._entities.map((e: any) => e.assessmentFindings.nodes.map((f: any) => f.kind))).toEqual(
      BRANCHES.map(() => ['EVALUATION_ONLY']),
    );
  });
});

describe("the interchange file's assessments section", () => {
  const IMPORT = `mutation($d: JSON!, $dry: Boolean) { importAssessments(document: $d, dryRun: $dry) { ok dryRun created updated unchanged
    schemes { created updated unchanged } submissions { created updated unchanged } problems { path message } } }`;
  const EXPORT = `query($scope: String, $year: Int) { exportAssessments(scope: $scope, year: $year) }`;
  const sub = (unit: string, assessor: string, p: number, on = '2026-12-10') => ({
    scheme: { issuer: 'SC-JGGW', key: 'KH-2026' },
    unit,
    assessor,
    on,
    businessScore: 90,
    ...scoresAt(p),
  });
  const doc = (
    subs = [sub('SC-YJT-ZB1', 'SC-JGGW', 90), sub('SC-DZJ', 'SC-JGGW', 70), sub('SC-DZJ', 'DZJ-DZ', 95)],
  ) => ({ format: 'tiaokuai/v1', assessments: { schemes: [schemeInput()], submissions: subs } });

  it("imports schemes and submissions (roles by org's answer), idempotently; a changed submission is a correction kept in the revisions", async () => {
    const dry = (await h.ok(IMPORT, { d: doc(), dry: true })).importAssessments;
    expect(dry).toMatchObject({ ok: true, dryRun: true, schemes: { created: 1 }, submissions: { created: 3 } });
    expect(await count('schemes')).toBe(0);
    const first = (await h.ok(IMPORT, { d: doc() })).importAssessments;
    expect(first).toMatchObject({ ok: true, created: 4, schemes: { created: 1 }, submissions: { created: 3 } });
    const roles = await rowsOf<{ role: string }>(
      h.database.db,
      sql`select role from assessments.submissions order by id`,
    );
    expect(roles.map((r) => r.role)).toEqual(['GRADING', 'OPINION', 'GRADING']);
    const again = (await h.ok(IMPORT, { d: doc() })).importAssessments;
    expect(again).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 4 });
    const changed = (
      await h.ok(IMPORT, {
        d: doc([sub('SC-YJT-ZB1', 'SC-JGGW', 80), sub('SC-DZJ', 'SC-JGGW', 70), sub('SC-DZJ', 'DZJ-DZ', 95)]),
      })
    ).importAssessments;
    expect(changed).toMatchObject({ ok: true, submissions: { created: 0, updated: 1, unchanged: 2 } });
    expect(await count('submission_revisions')).toBe(4);
  });

  it.each<[string, (d: any) => void, string]>([
    [
      'a scheme without a key',
      (d) => {
        delete d.assessments.schemes[0].key;
      },
      'assessments.schemes[0].key',
    ],
    [
      'a scheme whose weights do not sum to 100%',
      (d) => {
        d.assessments.schemes[0].indicators[0].weight = 10;
      },
      'assessments.schemes[0].indicators',
    ],
    [
      'a submission naming no known scheme',
      (d) => {
        d.assessments.submissions[1].scheme.key = 'NOPE';
      },
      'assessments.submissions[1].scheme',
    ],
    [
      'a score above the maximum',
      (d) => {
        d.assessments.submissions[2].scores[0].score = 99;
      },
      'assessments.submissions[2].scores[0].score',
    ],
    [
      'a rating from an unknown group',
      (d) => {
        d.assessments.submissions[0].ratings[1].group = 'X';
      },
      'assessments.submissions[0].ratings[1].group',
    ],
    [
      'an unknown unit',
      (d) => {
        d.assessments.submissions[0].unit = 'NOPE';
      },
      'assessments.submissions[0].unit',
    ],
    [
      'an assessor that neither leads nor guides the unit',
      (d) => {
        d.assessments.submissions[0].assessor = 'JS-SW';
      },
      'assessments.submissions[0].unit',
    ],
    [
      'the same submission twice',
      (d) => {
        d.assessments.submissions.push({ ...d.assessments.submissions[0] });
      },
      'assessments.submissions[3]',
    ],
    [
      'an unknown field',
      (d) => {
        d.assessments.grades = [];
      },
      'assessments.grades',
    ],
    [
      'a score item that is not { indicator, score }',
      (d) => {
        d.assessments.submissions[0].scores[1] = null;
      },
      'assessments.submissions[0].scores[1]',
    ],
    [
      'a note that is not text',
      (d) => {
        d.assessments.submissions[0].note = 42;
      },
      'assessments.submissions[0].note',
    ],
    [
      'two gradings of one unit under one scheme',
      (d) => {
        d.assessments.submissions.push(sub('SC-YJT-ZB1', 'SC-YJT-JGDW', 80));
      },
      'assessments.submissions[3].assessor',
    ],
  ])('%s: refused with the path, nothing written', async (_, spoil, path) => {
    const d: any = doc();
    spoil(d);
    const r = (await h.ok(IMPORT, { d })).importAssessments;
    expect(r.ok).toBe(false);
    expect(r.problems.map((p: any) => p.path)).toContain(path);
    expect([await count('schemes'), await count('submissions')]).toEqual([0, 0]);
  });

  it('a stored scheme is never rewritten by a file', async () => {
    await define();
    const d: any = doc();
    d.assessments.schemes[0].name = '改名';
    const r = (await h.ok(IMPORT, { d })).importAssessments;
    expect(r.problems).toEqual([expect.objectContaining({ path: 'assessments.schemes[0].key' })]);
  });

  it("a body re-imports its own export unchanged, though the scheme's issuer and the assessor are outside its jurisdiction", async () => {
    await h.ok(IMPORT, { d: doc() });
    const asJgdw = editorOf('SC-YJT-JGDW');
    const mine = (await h.ok(EXPORT, {}, asJgdw)).exportAssessments;
    expect(mine.submissions.map((x: any) => [x.unit, x.assessor])).toEqual([['SC-YJT-ZB1', 'SC-JGGW']]);
    const again = (await h.ok(IMPORT, { d: { format: 'tiaokuai/v1', assessments: mine } }, asJgdw)).importAssessments;
    expect(again).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 2 });
    // Changing that submission is not its to do.
    mine.submissions[0].businessScore = 10;
    const changed = (await h.ok(IMPORT, { d: { format: 'tiaokuai/v1', assessments: mine } }, asJgdw)).importAssessments;
    expect(changed.problems.map((p: any) => p.path)).toEqual(['assessments.submissions[0].assessor']);
  });

  it('round trip: export, import into an empty hub, export again gives the same section', async () => {
    await h.ok(IMPORT, { d: doc() });
    const first = (await h.ok(EXPORT, {})).exportAssessments;
    expect(first.schemes).toHaveLength(1);
    expect(first.submissions).toHaveLength(3);
    await h.resetTo(province());
    const r = (await h.ok(IMPORT, { d: { format: 'tiaokuai/v1', assessments: first } })).importAssessments;
    expect(r).toMatchObject({ ok: true, created: 4 });
    expect((await h.ok(EXPORT, {})).exportAssessments).toEqual(first);
    // Within a scope: only what concerns its units (and the schemes their submissions use).
    const scoped = (await h.ok(EXPORT, { scope: 'SC-YJT-JGDW', year: 2026 })).exportAssessments;
    expect(scoped.submissions.map((s: any) => s.unit)).toEqual(['SC-YJT-ZB1']);
    expect(scoped.schemes.map((s: any) => s.key)).toEqual(['KH-2026']);
  });
});

describe('row-level security (the database half of authorization)', () => {
  it('a write outside the declared jurisdiction or below EDITOR is refused by the database itself', async () => {
    const { declareHubScope } = await import('@tiaokuai/platform');
    const { schemes } = await import('./db/schema');
    const insert = (units: string[], role: Identity['role'], issuer: string) =>
      h.database.db
        .transaction(async (tx) => {
          await declareHubScope(tx as any, { all: false, ids: units }, role);
          await tx.insert(schemes).values({
            issuerId: Number(ids[issuer]),
            key: `RLS-${role}-${issuer}`,
            year: 2026,
            name: 'x',
            definition: {},
            createdBy: 'test',
          });
        })
        .then(
          () => 'written',
          (e) => String(e?.cause?.code ?? e?.code ?? e),
        );
    expect(await insert([ids['JS-SW']], 'EDITOR', 'SC-JGGW')).toBe('42501');
    expect(await insert([ids['SC-JGGW']], 'VIEWER', 'SC-JGGW')).toBe('42501');
    expect(await insert([ids['SC-JGGW']], 'EDITOR', 'SC-JGGW')).toBe('written');
    expect(await count('schemes')).toBe(1);
  });
});

describe('what callers may learn (ARCHITECTURE.md, "What callers may learn")', () => {
  const SCHEMES = `query($issuer: String) { schemes(issuer: $issuer, first: 500) { nodes { id name issuer { id } indicators { code } } } }`;
  const SCHEDULE = `mutation($i: ScheduleInspectionInput!) { scheduleInspection(input: $i) { id } }`;
  const IMPORT = `mutation($d: JSON!) { importAssessments(document: $d) { ok problems { path message } } }`;
  const viewerOf = (body: string) => editorOf(body, 'VIEWER');

  it('a VIEWER lists the schemes that assess its jurisdiction and those its body issued, and no others', async () => {
    const jggw = await define(); // SC-JGGW's: assesses the branches it leads
    const dzj = await define({ issuer: 'DZJ-DZ', key: 'DZJ-2026', name: '中国地震局系统党建考核' }); // assesses SC-DZJ (vertical)
    const js = await define({ issuer: 'JS-SW', key: 'JS-2026', name: '江苏省委党建考核' }); // another province
    const listed = async (body: string, issuer: string | null = null) =>
      (await h.ok(SCHEMES, { issuer }, viewerOf(body))).schemes.nodes.map((x: any) => x.id).sort();
    // A branch of the emergency department: its leader's scheme only.
    expect(await listed('SC-YJT-ZB1')).toEqual([jggw.id]);
    // The earthquake bureau: led by DZJ-DZ, guided by SC-JGGW: both schemes assess it; JS-SW's does not.
    expect(await listed('SC-DZJ')).toEqual([jggw.id, dzj.id].sort());
    // JS-SW sees its own scheme (it assesses nothing of the fixture) and nobody else's.
    expect(await listed('JS-SW')).toEqual([js.id]);
    // Filtered by an issuer: the same rule; an issuer that does not exist lists nothing, as one out of sight does.
    expect(await listed('SC-YJT-ZB1', 'DZJ-DZ')).toEqual([]);
    expect(await listed('SC-YJT-ZB1', 'NOPE-7')).toEqual([]);
    expect(await listed('SC-YJT-ZB1', 'SC-JGGW')).toEqual([jggw.id]);
    // By id: absent alike, whether out of sight or unknown.
    const one = async (id: string, body: string) =>
      (await h.ok(`query($id: ID!) { scheme(id: $id) { id } }`, { id }, viewerOf(body))).scheme;
    expect(await one(dzj.id, 'SC-YJT-ZB1')).toBeNull();
    expect(await one('987654', 'SC-YJT-ZB1')).toBeNull();
    expect(await one(dzj.id, 'SC-DZJ')).toEqual({ id: dzj.id });
    // The operator sees every scheme.
    expect((await h.ok(SCHEMES, { issuer: null })).schemes.nodes).toHaveLength(3);
  });

  it('a scheme issued inside the jurisdiction that assesses none of it is not listed, nor exported, except to its issuer', async () => {
    const own = await define({ issuer: 'SC-DZJ-ZB', key: 'ZB-2026', name: '支部自评方案' }); // a branch that leads nobody
    const viewer = viewerOf('SC-DZJ');
    expect(
      (await h.ok(`{ schemes(first: 500) { nodes { id } } }`, {}, viewer)).schemes.nodes.map((x: any) => x.id),
    ).not.toContain(own.id);
    const exported = (await h.ok(`{ exportAssessments }`, {}, viewer)).exportAssessments;
    expect(exported.schemes.map((x: any) => x.key)).not.toContain('ZB-2026');
    expect(
      (await h.ok(`{ schemes(first: 500) { nodes { id } } }`, {}, viewerOf('SC-DZJ-ZB'))).schemes.nodes.map(
        (x: any) => x.id,
      ),
    ).toContain(own.id);
    expect(
      (await h.ok(`{ exportAssessments }`, {}, viewerOf('SC-DZJ-ZB'))).exportAssessments.schemes.map((x: any) => x.key),
    ).toContain('ZB-2026');
  });

  it("a scheme's issuer outside the VIEWER's jurisdiction is still named (Scheme.issuer is never null)", async () => {
    await define();
    const r = await h.run(SCHEMES, { issuer: null }, viewerOf('SC-YJT-ZB1'));
    expect(r.errors).toBeUndefined();
    // The test harness resolves Unit references as org does for this subgraph (by id); the names come from org through
    // the gateway (test/src/oracle.e2e.spec.ts).
    expect(r.data?.schemes.nodes.map((x: any) => x.issuer.id)).toEqual([ids['SC-JGGW']]);
  });

  it('scheduleInspection: an inspector out of sight, and units out of reach, answer as unknown codes do', async () => {
    const editor = editorOf('SC-JGGW');
    const i = (inspector: string, units: string[]) => ({
      i: { inspector, units, title: '检查', from: '2026-05-10', to: '2026-05-12' },
    });
    const hiddenInspector = await h.run(SCHEDULE, i('DZJ-DZ', ['SC-DZJ']), editor);
    const unknownInspector = await h.run(SCHEDULE, i('NOPE-7', ['SC-DZJ']), editor);
    expect(hiddenInspector.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', field: 'input.inspector' });
    expect(shape(hiddenInspector, 'DZJ-DZ')).toEqual(shape(unknownInspector, 'NOPE-7'));
    const hiddenUnit = await h.run(SCHEDULE, i('SC-JGGW', ['SC-DZJ', 'JS-SW']), editor);
    const unknownUnit = await h.run(SCHEDULE, i('SC-JGGW', ['SC-DZJ', 'NOPE-7']), editor);
    expect(hiddenUnit.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'input.units',
      units: ['JS-SW'],
    });
    expect(shape(hiddenUnit, 'JS-SW')).toEqual(shape(unknownUnit, 'NOPE-7'));
    // The operator is told the code is unknown.
    expect((await h.run(SCHEDULE, i('SC-JGGW', ['SC-DZJ', 'NOPE-7']))).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.units[1]',
    });
    expect(await count('inspections')).toBe(0);
  });

  it('importAssessments: a unit the assessor does not reach and a code that names nothing are the same problem', async () => {
    await define({ key: 'KH-2026' });
    const file = (unit: string, assessor = 'SC-JGGW') => ({
      format: 'tiaokuai/v1',
      assessments: {
        submissions: [
          {
            scheme: { issuer: 'SC-JGGW', key: 'KH-2026' },
            unit,
            assessor,
            on: '2026-12-10',
            businessScore: 90,
            ...scoresAt(90),
          },
        ],
      },
    });
    const admin = editorOf('SC-JGGW', 'ADMIN');
    const hidden = (await h.ok(IMPORT, { d: file('JS-SW') }, admin)).importAssessments;
    const unknown = (await h.ok(IMPORT, { d: file('NOPE-7') }, admin)).importAssessments;
    expect(hidden.ok).toBe(false);
    expect(hidden.problems).toEqual([
      { path: 'assessments.submissions[0].unit', message: expect.stringContaining('JS-SW') },
    ]);
    expect(JSON.stringify(hidden).split('JS-SW').join('<code>')).toBe(
      JSON.stringify(unknown).split('NOPE-7').join('<code>'),
    );
    // An assessor out of sight and one that does not exist, with a unit that does not exist: the same too.
    const a1 = (await h.ok(IMPORT, { d: file('NOPE-7', 'DZJ-DZ') }, admin)).importAssessments;
    const a2 = (await h.ok(IMPORT, { d: file('NOPE-7', 'NOPE-8') }, admin)).importAssessments;
    expect(JSON.stringify(a1).split('DZJ-DZ').join('<code>')).toBe(JSON.stringify(a2).split('NOPE-8').join('<code>'));
    expect(await count('submissions')).toBe(0);
  });
});

describe('input hygiene: control characters (text.ts in @tiaokuai/leadership)', () => {
  it.each([
    ["ESC in a scheme's name", () => h.run(DEFINE, { i: schemeInput({ name: '考核\u001b[31m方案' }) }), 'input.name'],
    [
      "a line break in an indicator's name",
      () =>
        h.run(DEFINE, {
          i: schemeInput({
            indicators: [{ ...schemeInput().indicators[0], name: '组织\n建设' }, ...schemeInput().indicators.slice(1)],
          }),
        }),
      'input.indicators[0].name',
    ],
    ["BEL in a grading's note", async () => submitWithNote(await define(), '评语\u0007'), 'input.note'],
    [
      "CR in a grading's note (free text keeps LF and TAB only)",
      async () => submitWithNote(await define(), '第一行\r\n第二行'),
      'input.note',
    ],
    [
      "ESC in an inspection's title",
      () =>
        h.run(`mutation($i: ScheduleInspectionInput!) { scheduleInspection(input: $i) { id } }`, {
          i: { inspector: 'SC-JGGW', units: ['SC-DZJ'], title: '督查\u001b', from: '2026-05-10', to: '2026-05-12' },
        }),
      'input.title',
    ],
  ])('%s is BAD_USER_INPUT naming the field, nothing written', async (_n, run, field) => {
    const r = await run();
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(r.errors?.[0].message).toMatch(/U\+00(1B|0A|07|0D)/);
    expect([await count('submissions'), await count('inspections')]).toEqual([0, 0]);
  });

  it("a grading's note keeps its line breaks and tabs", async () => {
    const r = await submitWithNote(await define(), '一、\t组织建设\n二、作风建设');
    expect(r.errors).toBeUndefined();
    expect(await count('submissions')).toBe(1);
  });

  it('an import names the JSON path of a note with a control character', async () => {
    await define({ key: 'KH-2026' });
    const d = {
      format: 'tiaokuai/v1',
      assessments: {
        submissions: [
          {
            scheme: { issuer: 'SC-JGGW', key: 'KH-2026' },
            unit: 'SC-YJT-ZB1',
            assessor: 'SC-JGGW',
            on: '2026-12-10',
            businessScore: 90,
            note: '说明\u001b',
            ...scoresAt(90),
          },
        ],
      },
    };
    const r = (
      await h.ok(`mutation($d: JSON!) { importAssessments(document: $d) { ok problems { path message } } }`, { d })
    ).importAssessments;
    expect(r).toEqual({
      ok: false,
      problems: [{ path: 'assessments.submissions[0].note', message: expect.stringContaining('U+001B ESC') }],
    });
  });
});

async function submitWithNote(s: { id: string }, note: string) {
  return h.run(SUBMIT, {
    i: {
      scheme: s.id,
      unit: 'SC-YJT-ZB1',
      assessor: 'SC-JGGW',
      on: '2026-12-10',
      businessScore: 90,
      note,
      ...scoresAt(90),
    },
  });
}
