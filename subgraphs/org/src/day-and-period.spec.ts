/**
 * "A day is a day" through the schema: partyBuilding(asOf) and leadershipAnomalies(asOf) answer
 * what is wrong on that day; leadershipAnomalies(from, to) and Unit.history answer the periods.
 */
import { orgHarness, walkPages, type OrgHarness } from './testing';
import { smallProvince } from './testing/fixtures';

let h: OrgHarness;
beforeAll(async () => {
  h = await orgHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const PB = `query($asOf: Date) { unit(by: { code: "SZ-SWJ" }) { partyBuilding(asOf: $asOf) { anomalies { code from to } } } }`;
const LA = `query($scope: String, $asOf: Date, $from: Date, $to: Date) { leadershipAnomalies(scope: $scope, asOf: $asOf, from: $from, to: $to, first: 50) {
  totalCount summary { total } nodes { code unit { code } from to message } } }`;
const label = (n: any) => `${n.unit.code} ${n.code} ${n.from}..${n.to}`;

/** The demo's tax bureau transferred in 2018: its affiliation ended 03-31 and the next began 05-01 (a gap of April). */
beforeAll(async () => {
  await h.resetTo(smallProvince());
  const links = (
    await h.ok(`{ unit(by: { code: "SZ-SWJ" }) { links(direction: IN, kinds: [AFFILIATION]) { nodes { id } } } }`)
  ).unit.links.nodes;
  expect(links).toHaveLength(1);
  await h.ok(
    `mutation($id: ID!) { endLink(id: $id, on: "2018-03-31") { validTo }
    createLink(input: { from: "JS-JGGW", to: "SZ-SWJ", kind: AFFILIATION, validFrom: "2018-05-01" }) { id } }`,
    { id: links[0].id },
  );
});

describe('a day', () => {
  it.each([
    ['2018-03-31', []],
    ['2018-04-01', ['MISSING_AFFILIATION']],
    ['2018-04-30', ['MISSING_AFFILIATION']],
    ['2018-05-01', []],
    ['2019-01-01', []], // the issue's example: the April 2018 gap is no fault of 2019-01-01
  ])('partyBuilding(asOf: %s) and leadershipAnomalies(asOf) report %j, without periods', async (asOf, codes) => {
    const pb = (await h.ok(PB, { asOf })).unit.partyBuilding.anomalies;
    expect(pb.map((a: any) => a.code)).toEqual(codes);
    expect(pb.every((a: any) => a.from === null && a.to === null)).toBe(true);
    const la = (await h.ok(LA, { asOf })).leadershipAnomalies.nodes;
    expect(la.map((a: any) => `${a.unit.code} ${a.code}`)).toEqual(codes.map((c) => `SZ-SWJ ${c}`));
  });
});

describe('a period', () => {
  it.each([
    ['the year of the gap', null, '2018-01-01', '2018-12-31', ['SZ-SWJ MISSING_AFFILIATION 2018-04-01..2018-04-30']],
    [
      'a window ending on its first day',
      null,
      '2017-06-01',
      '2018-04-01',
      ['SZ-SWJ MISSING_AFFILIATION 2018-04-01..2018-04-30'],
    ],
    [
      'a window starting on its last day',
      null,
      '2018-04-30',
      '2019-12-31',
      ['SZ-SWJ MISSING_AFFILIATION 2018-04-01..2018-04-30'],
    ],
    ['a window after it closed', null, '2018-05-01', '2020-12-31', []],
    ['a window before it opened', null, '2017-01-01', '2018-03-31', []],
    [
      'the scope holding the unit',
      'JS-JGGW',
      '2018-01-01',
      '2018-12-31',
      ['SZ-SWJ MISSING_AFFILIATION 2018-04-01..2018-04-30'],
    ],
    ['a scope without it', 'JS-YJT-DZ', '2018-01-01', '2018-12-31', []],
  ])('%s: leadershipAnomalies(scope: %s, from: %s, to: %s)', async (_name, scope, from, to, expected) => {
    const r = (await h.ok(LA, { scope, from, to })).leadershipAnomalies;
    expect(r.nodes.map(label)).toEqual(expected);
    expect(r.summary.total).toBe(expected.length);
  });

  it('Unit.history keeps the gap: its start and its last day, with the anomaly and its period', async () => {
    const nodes = (
      await h.ok(
        `{ unit(by: { code: "SZ-SWJ" }) { history(first: 100) { nodes { date kind anomaly { code from to } } summary { byKind { kind count } } } } }`,
      )
    ).unit.history.nodes;
    const around = nodes
      .filter((e: any) => e.date >= '2018-03-31' && e.date <= '2018-05-01')
      .map(
        (e: any) => `${e.date} ${e.kind}${e.anomaly ? ` ${e.anomaly.code} ${e.anomaly.from}..${e.anomaly.to}` : ''}`,
      );
    expect(around).toEqual([
      '2018-03-31 LINK_ENDED',
      '2018-04-01 ANOMALY_STARTED MISSING_AFFILIATION 2018-04-01..2018-04-30',
      '2018-04-30 ANOMALY_ENDED MISSING_AFFILIATION 2018-04-01..2018-04-30',
      '2018-05-01 LINK_STARTED',
    ]);
  });

  it('pages of one period question come from one scan; another window or scope is another scan', async () => {
    const Q = `query($after: String) { leadershipAnomalies(from: "2010-01-01", to: "2012-12-31", first: 1, after: $after) { nodes { code } pageInfo { hasNextPage endCursor } } }`;
    const before = h.caches.anomalies.loads;
    await walkPages(h.run, Q, {}, (d) => d.leadershipAnomalies);
    await walkPages(h.run, Q, {}, (d) => d.leadershipAnomalies);
    expect(h.caches.anomalies.loads).toBe(before + 1);
    await h.ok(LA, { from: '2010-01-01', to: '2012-12-30' });
    expect(h.caches.anomalies.loads).toBe(before + 2);
    await h.ok(LA, { scope: 'JS-JGGW', from: '2010-01-01', to: '2012-12-30' });
    expect(h.caches.anomalies.loads).toBe(before + 3);
    await h.ok(LA, { asOf: '2010-01-01' });
    expect(h.caches.anomalies.loads).toBe(before + 4);
  });
});

describe('a day or a period, not both: BAD_USER_INPUT naming the field', () => {
  it.each([
    ['asOf with from', { asOf: '2018-01-01', from: '2018-01-01', to: '2018-12-31' }, 'from'],
    ['asOf with to', { asOf: '2018-01-01', to: '2018-12-31' }, 'to'],
    ['from without to', { from: '2018-01-01' }, 'to'],
    ['to without from', { to: '2018-12-31' }, 'from'],
    ['to before from', { from: '2018-12-31', to: '2018-01-01' }, 'to'],
    ['a window longer than 3×366 days', { from: '2010-01-01', to: '2020-12-31' }, 'to'],
  ])('%s', async (_name, vars, field) => {
    const r = await h.run(LA, vars);
    expect(r.data?.leadershipAnomalies ?? null).toBeNull();
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
