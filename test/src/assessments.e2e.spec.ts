/**
 * Assessments through the gateway (DOMAIN.md "Assessments (考核评价)"): who grades is org's answer on the day, reached by
 * the assessments subgraph's own service call; EVALUATION_ONLY asks the tasks subgraph; names
 * come from org through federation. Real processes, HTTP only.
 */
import ExcelJS from 'exceljs';
import { UNITS } from './fixtures';
import { startTestHub, type TestHub } from './hub';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t?.close();
});

const SCHEME = {
  issuer: 'DZJ-DZ',
  key: 'DZ-KH-2026',
  year: 2026,
  name: '2026年度地震系统党建考核',
  indicators: [
    { code: 'ZZJS', name: '组织建设', part: 'RESULTS', weight: 60, maxScore: 60 },
    { code: 'MYD', name: '满意度', part: 'SATISFACTION', weight: 40, maxScore: 100 },
  ],
  evaluatorGroups: [
    { code: 'LEADER', name: '上级党组织', weight: 60 },
    { code: 'MEMBERS', name: '党员', weight: 40 },
  ],
  gradeBands: [
    { grade: '优秀', min: 90, max: 100 },
    { grade: '合格', min: 60, max: 90 },
    { grade: '不合格', min: 0, max: 60 },
  ],
  combination: { method: 'WEIGHTED_SUM', partyWeight: 50, businessWeight: 50 },
};

const SUBMIT = `mutation($i: SubmitAssessmentInput!) { submitAssessment(input: $i) { id role version grade assessor { code name } } }`;
const input = (assessor: string, zzjs: number, myd: number) => ({
  scheme: '',
  unit: 'SC-DZJ',
  assessor,
  on: '2026-11-20',
  businessScore: 90,
  scores: [{ indicator: 'ZZJS', score: zzjs }],
  ratings: [
    { indicator: 'MYD', group: 'LEADER', score: myd },
    { indicator: 'MYD', group: 'MEMBERS', score: myd },
  ],
});

describe('assessments through the gateway', () => {
  it("the leader grades, the guide's opinion is recorded, a stranger is refused; results and findings name units from org", async () => {
    expect(
      (await t.gql(`mutation($d: JSON!) { importUnits(document: $d) { ok } }`, { d: UNITS })).data?.importUnits.ok,
    ).toBe(true);
    const defined = await t.gql(`mutation($i: SchemeInput!) { defineScheme(input: $i) { id issuer { code name } } }`, {
      i: SCHEME,
    });
    expect(defined.errors).toBeUndefined();
    const scheme = defined.data!.defineScheme.id;
    expect(defined.data!.defineScheme.issuer).toEqual({ code: 'DZJ-DZ', name: '中国地震局党组' });

    const graded = await t.gql(SUBMIT, { i: { ...input('DZJ-DZ', 57, 95), scheme } });
    // party 57 + 0.4 × 95 = 95; final 0.5 × 95 + 0.5 × 90 = 92.5 → 优秀
    expect(graded.data?.submitAssessment).toMatchObject({
      role: 'GRADING',
      grade: '优秀',
      assessor: { code: 'DZJ-DZ', name: '中国地震局党组' },
    });
    const opinion = await t.gql(SUBMIT, { i: { ...input('SC-JGGW', 40, 70), scheme } });
    expect(opinion.data?.submitAssessment).toMatchObject({ role: 'OPINION' });
    const refused = await t.gql(SUBMIT, { i: { ...input('JS-SW', 40, 70), scheme } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.unit', units: ['SC-DZJ'] });

    const unit =
      await t.gql(`{ unit(by: { code: "SC-DZJ" }) { name assessments(year: 2026) { grade finalScore grading { assessor { name } } opinions { assessor { code } } }
      assessmentFindings(year: 2026) { nodes { kind bodies { code } explanation } } } }`);
    expect(unit.errors).toBeUndefined();
    expect(unit.data!.unit.assessments).toEqual([
      {
        grade: '优秀',
        finalScore: 92.5,
        grading: { assessor: { name: '中国地震局党组' } },
        opinions: [{ assessor: { code: 'SC-JGGW' } }],
      },
    ]);
    // Neither gave SC-DZJ a task in 2026 (the tasks subgraph's answer): 平时不管“评”时管, both.
    expect(unit.data!.unit.assessmentFindings.nodes.map((f: any) => `${f.kind} ${f.bodies[0].code}`).sort()).toEqual([
      'EVALUATION_ONLY DZJ-DZ',
      'EVALUATION_ONLY SC-JGGW',
    ]);

    // A task from the leader during the year removes its finding, through the tasks subgraph.
    const issued =
      await t.gql(`mutation { issueTask(input: { issuer: "DZJ-DZ", title: "开展党史学习教育", category: IDEOLOGICAL, priority: KEY,
      startsOn: "2026-03-01", dueOn: "2026-06-30", targets: ["SC-DZJ"] }) { id } }`);
    expect(issued.errors).toBeUndefined();
    const after = await t.gql(
      `{ assessmentFindings(scope: "ZY", year: 2026) { totalCount nodes { kind unit { code name } bodies { code } } } }`,
    );
    expect(after.data!.assessmentFindings.totalCount).toBe(1);
    expect(after.data!.assessmentFindings.nodes).toEqual([
      { kind: 'EVALUATION_ONLY', unit: { code: 'SC-DZJ', name: '四川省地震局' }, bodies: [{ code: 'SC-JGGW' }] },
    ]);
  });

  it('a stale correction is CONFLICT with the current version, and nothing changes', async () => {
    const [scheme] = (
      await t.gql(
        `{ schemes(issuer: "DZJ-DZ", year: 2026) { nodes { id results { nodes { grading { id version } } } } } }`,
      )
    ).data!.schemes.nodes;
    const { id } = scheme.results.nodes[0].grading;
    const ok = await t.gql(`mutation($i: CorrectAssessmentInput!) { correctAssessment(input: $i) { version grade } }`, {
      i: { submission: id, version: 1, businessScore: 50 },
    });
    expect(ok.data?.correctAssessment).toEqual({ version: 2, grade: '合格' });
    const stale = await t.gql(`mutation($i: CorrectAssessmentInput!) { correctAssessment(input: $i) { version } }`, {
      i: { submission: id, version: 1, businessScore: 100 },
    });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const now = await t.gql(
      `query($id: ID!) { submission(id: $id) { version grade revisions { totalCount nodes { version } } } }`,
      { id },
    );
    expect(now.data?.submission).toEqual({
      version: 2,
      grade: '合格',
      revisions: { totalCount: 2, nodes: [{ version: 1 }, { version: 2 }] },
    });
  });

  it('downloads the results as CSV and XLSX from the gateway, with a token in the URL; a spreadsheet library reads them', async () => {
    const base = t.url.replace(/\/graphql$/, '');
    const [scheme] = (await t.gql(`{ schemes(issuer: "DZJ-DZ", year: 2026) { nodes { id } } }`)).data!.schemes.nodes;
    const viewer = encodeURIComponent(await t.hub.token({ body: 'DZJ-DZ', role: 'VIEWER' }));
    const csv = await fetch(`${base}/assessments/${scheme.id}/results.csv?scope=DZJ-DZ&token=${viewer}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.csv"; filename\*=UTF-8''/);
    const text = await csv.text();
    expect(text.split('\r\n')[1]).toMatch(/^1,SC-DZJ,四川省地震局,/);

    const xlsx = await fetch(`${base}/assessments/${scheme.id}/results.xlsx?token=${viewer}`);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as any);
    expect((wb.getWorksheet('考核结果')!.getRow(2).values as unknown[]).slice(1, 4)).toEqual([
      1,
      'SC-DZJ',
      '四川省地震局',
    ]);

    expect((await fetch(`${base}/assessments/${scheme.id}/results.csv`)).status).toBe(401);
    expect((await fetch(`${base}/assessments/999999/results.csv?token=${viewer}`)).status).toBe(404);
    expect((await fetch(`${base}/assessments/${scheme.id}/results.csv?scope=NOPE&token=${viewer}`)).status).toBe(404);
  });
});
