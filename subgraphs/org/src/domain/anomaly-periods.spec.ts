import { addDays, overlaps } from '@tiaokuai/leadership';
import { province, type World } from './fixture';

/** A grassroots unit transferred in 2018: its old affiliation ended 03-31, the new one began 05-01. */
const transferred = () =>
  province()
    .unit('U', 'GRASSROOTS_UNIT')
    .fact('U', { party: 'TERRITORIAL', business: 'TERRITORIAL', locality: 'GW' })
    .link('SW', 'U', 'AFFILIATION', { to: '2018-03-31' })
    .link('GW', 'U', 'AFFILIATION', { from: '2018-05-01' });

/** A branch whose affiliation ends 2024-12-31 with no successor: a gap that starts and never closes. */
const orphaned = () => province().unit('B', 'BRANCH').link('GW', 'B', 'AFFILIATION', { to: '2024-12-31' });

/** A grassroots unit with no fact version in January 2018. */
const factless = () =>
  province()
    .unit('U', 'GRASSROOTS_UNIT')
    .fact('U', { to: '2017-12-31', party: 'TERRITORIAL', business: 'TERRITORIAL', locality: 'GW' })
    .fact('U', { from: '2018-02-01', party: 'TERRITORIAL', business: 'TERRITORIAL', locality: 'GW' })
    .link('GW', 'U', 'AFFILIATION');

/** Two general branches above each other during 2020 only. */
const cyclic = () =>
  province()
    .unit('A', 'GENERAL_BRANCH')
    .unit('C', 'GENERAL_BRANCH')
    .link('GW', 'A', 'AFFILIATION')
    .link('A', 'C', 'AFFILIATION')
    .link('C', 'A', 'LEADERSHIP', { from: '2020-01-01', to: '2020-12-31' });

/** An organ party committee whose 2010-style guidance link was never ended. */
const outdated = () =>
  province()
    .unit('OPC', 'ORGAN_PARTY_COMMITTEE')
    .fact('OPC', { locality: 'GW', dept: 'TING' })
    .link('GW', 'OPC', 'AFFILIATION')
    .link('GW', 'OPC', 'LEADERSHIP', { flavour: 'UNIFIED' })
    .link('TING', 'OPC', 'GUIDANCE')
    .link('TING', 'OPC', 'LEADERSHIP', { flavour: 'SPECIFIC', from: '2019-11-29' });

const WORLDS: Array<[string, () => World, string]> = [
  ['transferred', transferred, 'U'],
  ['orphaned', orphaned, 'B'],
  ['factless', factless, 'U'],
  ['cyclic', cyclic, 'A'],
  ['outdated', outdated, 'OPC'],
];

type Row = [string, () => World, string, string, string, Array<[string, string, string | null]>];

describe('anomalies of a period: each with its own period, selected by overlap with the window', () => {
  it.each<Row>([
    // The example: the 2018 gap is no fault of 2019-01-01, nor of a window after it closed.
    ['a gap closed before the day', transferred, 'U', '2019-01-01', '2019-01-01', []],
    ['a gap closed before the window', transferred, 'U', '2018-05-01', '2018-12-31', []],
    [
      'the year of the gap',
      transferred,
      'U',
      '2018-01-01',
      '2018-12-31',
      [['MISSING_AFFILIATION', '2018-04-01', '2018-04-30']],
    ],
    [
      'a window ending on its first day (inclusive)',
      transferred,
      'U',
      '2017-01-01',
      '2018-04-01',
      [['MISSING_AFFILIATION', '2018-04-01', '2018-04-30']],
    ],
    [
      'a window starting on its last day (inclusive)',
      transferred,
      'U',
      '2018-04-30',
      '2018-04-30',
      [['MISSING_AFFILIATION', '2018-04-01', '2018-04-30']],
    ],
    ['the day before the gap', transferred, 'U', '2018-03-31', '2018-03-31', []],
    [
      'a gap running into the day: open',
      orphaned,
      'B',
      '2025-06-01',
      '2025-06-01',
      [
        ['MISSING_AFFILIATION', '2025-01-01', null],
        ['MISSING_LEADER', '2025-01-01', null],
      ],
    ],
    ['a gap starting after the window', orphaned, 'B', '2024-01-01', '2024-12-31', []],
    [
      'a window reaching into the gap',
      orphaned,
      'B',
      '2024-01-01',
      '2025-01-01',
      [
        ['MISSING_AFFILIATION', '2025-01-01', null],
        ['MISSING_LEADER', '2025-01-01', null],
      ],
    ],
    [
      'a past period without facts',
      factless,
      'U',
      '2016-01-01',
      '2026-12-31',
      [['MISSING_LEADER', '2018-01-01', '2018-01-31']],
    ],
    [
      'a cycle of one year (the branch led by its own member: also 都管)',
      cyclic,
      'A',
      '2010-01-01',
      '2030-12-31',
      [
        ['CYCLE', '2020-01-01', '2020-12-31'],
        ['DUPLICATE_LEADER', '2020-01-01', '2020-12-31'],
        ['RULE_MISMATCH', '2020-01-01', '2020-12-31'],
      ],
    ],
    ['a cycle after the window', cyclic, 'A', '2019-01-01', '2019-12-31', []],
    [
      'guidance outdated from 2019-11-29 on',
      outdated,
      'OPC',
      '2019-01-01',
      '2019-12-31',
      [['OUTDATED_LINK', '2019-11-29', null]],
    ],
    ['guidance before 2019-11-29 is no anomaly', outdated, 'OPC', '2019-01-01', '2019-11-28', []],
  ])('%s: %s over [%s, %s]', (_name, world, code, from, to, expected) => {
    expect(
      world()
        .periods(code, from, to)
        .map((f) => [f.code, f.from, f.to]),
    ).toEqual(expected);
  });

  it("the message is the one of the period's first day", () => {
    const [gap] = transferred().periods('U', '2018-01-01', '2018-12-31');
    expect(gap.message).toContain('截至2018-04-01');
  });

  it.each([
    [{ from: '2018-04-01', to: '2018-04-30' }, '2018-04-30', '2018-05-01', true],
    [{ from: '2018-04-01', to: '2018-04-30' }, '2018-05-01', '2018-05-31', false],
    [{ from: '2018-04-01', to: '2018-04-30' }, '2018-03-01', '2018-03-31', false],
    [{ from: '2018-04-01', to: null }, '2030-01-01', '2030-01-01', true],
    [{ from: '2018-04-01', to: null }, '2018-03-31', '2018-03-31', false],
  ])('a period %j overlaps [%s, %s]: %s', (p, from, to, expected) => {
    expect(overlaps(p.from, p.to, from, to)).toBe(expected);
  });
});

describe("the day and the period agree: a window of one day holds exactly that day's anomalies", () => {
  it.each(WORLDS)('%s', (_name, world, code) => {
    const w = world();
    // Every day where something starts or stops, and its neighbours.
    const days = [
      '2000-01-01',
      '2017-12-31',
      '2018-01-01',
      '2018-01-31',
      '2018-02-01',
      '2018-03-31',
      '2018-04-01',
      '2018-04-30',
      '2018-05-01',
      '2019-11-28',
      '2019-11-29',
      '2019-12-31',
      '2020-01-01',
      '2020-12-31',
      '2021-01-01',
      '2024-12-31',
      '2025-01-01',
      '2026-06-30',
    ];
    let compared = 0;
    for (const day of days.flatMap((d) => [addDays(d, -1), d, addDays(d, 1)])) {
      const byDay = w
        .evaluate(code, day)
        .findings.map((f) => `${f.code}:${[...f.relatedUnitIds].sort()}:${[...f.linkIds].sort()}`)
        .sort();
      const byPeriod = w
        .periods(code, day, day)
        .map((f) => `${f.code}:${[...f.relatedUnitIds].sort()}:${[...f.linkIds].sort()}`)
        .sort();
      expect([day, byPeriod]).toEqual([day, byDay]);
      compared += byDay.length;
    }
    // some days of each world have anomalies: the comparison is not of empty lists only
    expect(compared).toBeGreaterThan(0);
  });
});
