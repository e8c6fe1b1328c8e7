/**
 * The assessments part of `npm run bench` (DOMAIN.md "Assessments (考核评价)"): one scheme of the province's work
 * committee, under which every unit of the synthetic province that has a leader is graded by
 * (the first of) its leaders (org's answer: one leadershipTimeline question for the whole province), loaded
 * through the gateway with `importAssessments` (scored, graded and stored), plus inspections of
 * every vertical line unit by its line and by its city's committee in the same quarter (so
 * MULTIPLE_INSPECTIONS has work to do). Measured through the gateway: the ranking of all graded
 * units (`Scheme.results`, without and with a scope), and the findings of the whole province
 * (`assessmentFindings(scope)`).
 */
import { bearer, gql as rawGql, type RunningHub } from './launcher';
import type { syntheticProvince } from './synthetic';

const Y = 2026;
const SCOPE = 'ZY';

const SCHEME = {
  issuer: 'P-GW',
  key: 'BENCH-KH',
  year: Y,
  name: '基准测试考核方案',
  indicators: [
    { code: 'ZZJS', name: '组织建设', part: 'RESULTS', weight: 40, maxScore: 40 },
    { code: 'SXJS', name: '思想建设', part: 'RESULTS', weight: 30, maxScore: 30 },
    { code: 'MYD', name: '满意度', part: 'SATISFACTION', weight: 30, maxScore: 100 },
  ],
  evaluatorGroups: [
    { code: 'LEADER', name: '上级党组织', weight: 60 },
    { code: 'MEMBERS', name: '党员', weight: 40 },
  ],
  gradeBands: [
    { grade: '优秀', min: 90, max: 100 },
    { grade: '良好', min: 80, max: 90 },
    { grade: '一般', min: 60, max: 80 },
    { grade: '较差', min: 0, max: 60 },
  ],
  combination: { method: 'WEIGHTED_SUM', partyWeight: 40, businessWeight: 60 },
};

export interface AssessmentResult {
  db: string;
  submissions: number;
  files: number;
  loadMs: number;
  inspections: number;
  rankingMs: number[];
  rankingScopedMs: number[];
  graded: number;
  findingsMs: number[];
  findings: number;
  byKind: Record<string, number>;
}

/** `f`'s result and how long it took (ms). */
export async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const r = await f();
  return [r, Number(process.hrtime.bigint() - t) / 1e6];
}

export async function measureAssessments(
  db: string,
  hub: RunningHub,
  province: ReturnType<typeof syntheticProvince>,
  chunk = 5_000,
): Promise<AssessmentResult> {
  const gql = async (query: string, variables?: Record<string, unknown>) => {
    const r = await rawGql(hub.gatewayUrl, query, variables, bearer(hub.operatorToken));
    if (r.errors) throw new Error(`${query.slice(0, 80)}…: ${JSON.stringify(r.errors).slice(0, 2000)}`);
    return r.data;
  };
  // Who leads each unit on the assessment day (org's answer), to grade it as that leader: leadershipTimeline is
  // internal (@inaccessible), so asked of org directly, signed as the gateway would sign it.
  const orgUrl = hub.processes.get('org')!.url;
  const orgGql = async (query: string, variables?: Record<string, unknown>) => {
    const r = await rawGql(orgUrl, query, variables, hub.subgraphHeaders('org', JSON.stringify({ query, variables })));
    if (r.errors) throw new Error(`${query.slice(0, 80)}…: ${JSON.stringify(r.errors).slice(0, 2000)}`);
    return r.data;
  };
  const on = `${Y}-11-10`;
  const tl = await orgGql(
    `query($from: Date!, $to: Date!) { leadershipTimeline(scope: "${SCOPE}", from: $from, to: $to) { unit { id code } requested periods { leaderIds } } }`,
    { from: on, to: on },
  );
  const codeOf = new Map<string, string>(
    tl.leadershipTimeline.map((r: { unit: { id: string; code: string } }) => [r.unit.id, r.unit.code]),
  );
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const submissions: unknown[] = [];
  for (const r of tl.leadershipTimeline as Array<{
    unit: { id: string; code: string };
    requested: boolean;
    periods: Array<{ leaderIds: string[] }>;
  }>) {
    const leaders = r.periods[0]?.leaderIds ?? [];
    if (!r.requested || leaders.length === 0) continue; // no leader that day: nobody may grade it
    const p = 0.6 + 0.4 * rand();
    submissions.push({
      scheme: { issuer: SCHEME.issuer, key: SCHEME.key },
      unit: r.unit.code,
      assessor: codeOf.get(leaders[0]),
      on,
      scores: [
        { indicator: 'ZZJS', score: Math.round(40 * p * 10) / 10 },
        { indicator: 'SXJS', score: Math.round(30 * (0.6 + 0.4 * rand()) * 10) / 10 },
      ],
      ratings: [
        { indicator: 'MYD', group: 'LEADER', score: Math.round(100 * p) },
        { indicator: 'MYD', group: 'MEMBERS', score: Math.round(60 + 40 * rand()) },
      ],
      businessScore: Math.round(60 + 40 * rand()),
    });
  }
  const files = Math.ceil(submissions.length / chunk);
  const [, loadMs] = await timed(async () => {
    for (let i = 0; i < files; i++) {
      const part = { schemes: [SCHEME], submissions: submissions.slice(i * chunk, (i + 1) * chunk) };
      const [d, ms] = await timed(() =>
        gql(
          `mutation($d: JSON!) { importAssessments(document: $d) { ok submissions { created } problems { path message } } }`,
          { d: { format: 'tiaokuai/v1', assessments: part } },
        ),
      );
      if (!d.importAssessments.ok)
        throw new Error(
          `importAssessments (file ${i + 1}) refused: ${JSON.stringify(d.importAssessments.problems.slice(0, 5))}`,
        );
      console.log(
        `  [${db}] importAssessments ${i + 1}/${files}: ${part.submissions.length} submissions, ${(ms / 1000).toFixed(1)} s`,
      );
    }
  });
  // Inspections: each vertical line unit by its line (May) and by its city's committee (June).
  const lines = province.units.filter((u) => u.kind === 'GRASSROOTS_UNIT' && u.partyRelationMode === 'VERTICAL');
  let inspections = 0;
  const byLine = new Map<string, string[]>();
  const byCity = new Map<string, string[]>();
  for (const u of lines) {
    byLine.set(String(u.competentDepartment), [...(byLine.get(String(u.competentDepartment)) ?? []), u.code]);
    byCity.set(String(u.locality), [...(byCity.get(String(u.locality)) ?? []), u.code]);
  }
  const schedule = async (inspector: string, units: string[], from: string, to: string) => {
    const d = await gql(`mutation($i: ScheduleInspectionInput!) { scheduleInspection(input: $i) { id } }`, {
      i: { inspector, units, title: '党建检查', from, to, indicators: [{ code: 'ZZJS', name: '组织建设' }] },
    });
    inspections += d.scheduleInspection.length;
  };
  for (const [line, units] of byLine) await schedule(line, units, `${Y}-05-10`, `${Y}-05-12`);
  for (const [gw, units] of byCity) await schedule(gw, units, `${Y}-06-10`, `${Y}-06-11`);

  const [scheme] = (await gql(`{ schemes(issuer: "P-GW", year: ${Y}, first: 1) { nodes { id } } }`)).schemes.nodes;
  const rankingMs: number[] = [];
  const rankingScopedMs: number[] = [];
  let graded = 0;
  for (let i = 0; i < 5; i++) {
    const [d, ms] = await timed(() =>
      gql(
        `query($id: ID!) { scheme(id: $id) { results(first: 100) { totalCount nodes { rank unit { id } finalScore grade } } } }`,
        { id: scheme.id },
      ),
    );
    graded = d.scheme.results.totalCount;
    rankingMs.push(ms);
    const [, ms2] = await timed(() =>
      gql(
        `query($id: ID!) { scheme(id: $id) { results(scope: "${SCOPE}", first: 100) { totalCount nodes { rank unit { id } finalScore grade } } } }`,
        { id: scheme.id },
      ),
    );
    rankingScopedMs.push(ms2);
    console.log(
      `  [${db}] results: ${graded} graded, ${ms.toFixed(0)} ms; within scope ${SCOPE}: ${ms2.toFixed(0)} ms`,
    );
  }
  const findingsMs: number[] = [];
  let found: { totalCount: number; summary: { byKind: Array<{ kind: string; count: number }> } } = {
    totalCount: 0,
    summary: { byKind: [] },
  };
  for (let i = 0; i < 3; i++) {
    const [d, ms] = await timed(() =>
      gql(
        `{ assessmentFindings(scope: "${SCOPE}", year: ${Y}, first: 500) { totalCount summary { byKind { kind count } } nodes { kind unit { id } bodies { id } } } }`,
      ),
    );
    found = d.assessmentFindings;
    findingsMs.push(ms);
    console.log(
      `  [${db}] assessmentFindings(scope: ${SCOPE}): ${found.totalCount} findings (a page of 500 answered), ${ms.toFixed(0)} ms`,
    );
  }
  const byKind: Record<string, number> = {};
  for (const k of found.summary.byKind) if (k.count > 0) byKind[k.kind] = k.count;
  return {
    db,
    submissions: submissions.length,
    files,
    loadMs,
    inspections,
    rankingMs: rankingMs.sort((a, b) => a - b),
    rankingScopedMs: rankingScopedMs.sort((a, b) => a - b),
    graded,
    findingsMs: findingsMs.sort((a, b) => a - b),
    findings: found.totalCount,
    byKind,
  };
}
