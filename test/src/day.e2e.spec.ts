/**
 * "A day is a day" through the gateway, on the demo (ARCHITECTURE.md, "Days and periods"): a
 * day question answers what is wrong on that day; a period question every finding whose own
 * period overlaps the window, with that period, in org, tasks and assessments alike.
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

async function ok(query: string, variables?: Record<string, unknown>) {
  const r = await t.gql(query, variables);
  if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
  return r.data as any;
}

// SC-XFZD's affiliation with the public-security line ended 2018-10-08; 省直机关工委's began 2018-11-09.
describe('org: the 2018 transfer gap of SC-XFZD', () => {
  it.each([
    ['2018-10-08', []],
    ['2018-10-09', ['MISSING_AFFILIATION']],
    ['2018-11-08', ['MISSING_AFFILIATION']],
    ['2018-11-09', []],
    ['2019-01-01', []],
  ])('partyBuilding(asOf: %s) reports %j', async (asOf, codes) => {
    const d = await ok(
      `query($d: Date) { unit(by: { code: "SC-XFZD" }) { partyBuilding(asOf: $d) { anomalies { code from to } } } }`,
      { d: asOf },
    );
    expect(d.unit.partyBuilding.anomalies).toEqual(codes.map((code) => ({ code, from: null, to: null })));
  });

  it('the period question and the history report it with its period; the 2019 day does not', async () => {
    const Q = `query($s: String, $a: Date, $f: Date, $t: Date) { leadershipAnomalies(scope: $s, asOf: $a, from: $f, to: $t, first: 500) { nodes { code unit { code } from to } } }`;
    const gap = (nodes: any[]) =>
      nodes.filter((n) => n.unit.code === 'SC-XFZD').map((n) => `${n.code} ${n.from}..${n.to}`);
    expect(gap((await ok(Q, { s: 'SC-JGGW', f: '2018-01-01', t: '2018-12-31' })).leadershipAnomalies.nodes)).toEqual([
      'MISSING_AFFILIATION 2018-10-09..2018-11-08',
    ]);
    expect(gap((await ok(Q, { s: 'SC-JGGW', f: '2018-11-09', t: '2019-12-31' })).leadershipAnomalies.nodes)).toEqual(
      [],
    );
    expect(gap((await ok(Q, { s: 'SC-JGGW', a: '2019-01-01' })).leadershipAnomalies.nodes)).toEqual([]);
    const h = (
      await ok(
        `{ unit(by: { code: "SC-XFZD" }) { history(first: 100) { nodes { date kind anomaly { code from to } } } } }`,
      )
    ).unit.history.nodes;
    expect(h.filter((e: any) => e.anomaly).map((e: any) => `${e.date} ${e.kind} ${e.anomaly.code}`)).toEqual([
      '2018-10-09 ANOMALY_STARTED MISSING_AFFILIATION',
      '2018-11-08 ANOMALY_ENDED MISSING_AFFILIATION',
    ]);
  });

  it('asOf with from is BAD_USER_INPUT naming the field, through the gateway', async () => {
    const r = await t.gql(
      `{ leadershipAnomalies(asOf: "2019-01-01", from: "2018-01-01", to: "2018-12-31") { totalCount } }`,
    );
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });
});

describe('tasks: a window selects findings by their own period', () => {
  const Q = `query($f: Date!, $t: Date!) { taskConflicts(scope: "DZJ-DZ", from: $f, to: $t, first: 100) { nodes { kind unit { code } requiredItem { code } from to } } }`;
  const missing = (nodes: any[]) =>
    nodes
      .filter((n) => n.kind === 'MISSING' && n.unit.code === 'SC-DZJ-ZB1' && n.requiredItem?.code === 'SHYK')
      .map((n) => `${n.from}..${n.to}`);

  it('a window of one August day reports the third quarter whole; the year reports Q3 and Q4', async () => {
    expect(missing((await ok(Q, { f: '2026-08-15', t: '2026-08-15' })).taskConflicts.nodes)).toEqual([
      '2026-07-01..2026-09-30',
    ]);
    expect(missing((await ok(Q, { f: '2026-01-01', t: '2026-12-31' })).taskConflicts.nodes)).toEqual([
      '2026-07-01..2026-09-30',
      '2026-10-01..2026-12-31',
    ]);
    expect(missing((await ok(Q, { f: '2026-01-01', t: '2026-06-30' })).taskConflicts.nodes)).toEqual([]);
  });
});

describe('assessments: each finding carries its own period, inside the year asked', () => {
  it('every finding of 2026 has a period within 2026', async () => {
    const nodes = (await ok(`{ assessmentFindings(scope: "ZY", year: 2026, first: 100) { nodes { kind from to } } }`))
      .assessmentFindings.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) {
      expect(n.from <= n.to).toBe(true);
      expect([n.from.slice(0, 4), n.to.slice(0, 4)]).toEqual(['2026', '2026']);
    }
  });
});
