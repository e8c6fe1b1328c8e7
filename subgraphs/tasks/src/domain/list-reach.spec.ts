import type { RelationPeriod, Timelines } from '@tiaokuai/leadership';
import { appliesDuring, itemReach, reachDuring, reachOn } from './list-reach';
import { detectMissing } from './detectors/missing';
import type { RequiredItem } from './types';

/**
 * A province in miniature, as org answers it (leaders per period, with flavours):
 *   SW 省委 → GW 省直机关工委 → JGDW 机关党委 (UNIFIED) ← DZ 厅党组 (SPECIFIC, from 2019-11-29;
 *   before that DZ only guided) → ZB 支部 (led by JGDW);
 *   HB-GW 湖北省直机关工委 → HB-ZB, a 湖北 branch.
 * ZB2 moves from JGDW to HB-GW on 2026-07-01 (a transfer).
 */
const p = (from: string, to: string, leaders: string[], leaderFlavours?: Array<string | null>): RelationPeriod => ({
  from,
  to,
  leaders,
  guides: [],
  ...(leaderFlavours ? { leaderFlavours } : {}),
});
const T: Timelines = new Map<string, RelationPeriod[]>([
  ['SW', [p('2000-01-01', '2099-12-31', [])]],
  ['GW', [p('2000-01-01', '2099-12-31', ['SW'])]],
  ['DZ', [p('2000-01-01', '2099-12-31', ['SW'])]],
  [
    'JGDW',
    [
      p('2000-01-01', '2019-11-28', ['GW'], ['UNIFIED']),
      p('2019-11-29', '2099-12-31', ['GW', 'DZ'], ['UNIFIED', 'SPECIFIC']),
    ],
  ],
  ['ZB', [p('2000-01-01', '2099-12-31', ['JGDW'])]],
  ['ZB2', [p('2000-01-01', '2026-06-30', ['JGDW']), p('2026-07-01', '2099-12-31', ['HB-GW'])]],
  ['HB-GW', [p('2000-01-01', '2099-12-31', [])]],
  ['HB-ZB', [p('2000-01-01', '2099-12-31', ['HB-GW'])]],
  ['LOOP-A', [p('2000-01-01', '2099-12-31', ['LOOP-B'])]],
  ['LOOP-B', [p('2000-01-01', '2099-12-31', ['LOOP-A'])]],
  ['NEW', [p('2026-04-01', '2099-12-31', ['GW'])]],
]);

const show = (unit: string, day: string) =>
  [...reachOn(T, unit, day).values()].map(
    (r) => `${r.ownerId} ${r.relation} ${r.depth} via ${r.through ?? '-'} ${r.flavour ?? '-'}`,
  );

describe('reachOn: whose lists reach a unit on a day', () => {
  it.each<[string, string, string, string[]]>([
    [
      'an organ party committee under dual leadership receives both lists, each with its flavour',
      'JGDW',
      '2026-01-01',
      ['GW DIRECT 1 via - UNIFIED', 'DZ DIRECT 1 via - SPECIFIC', 'SW CASCADE 2 via GW -'],
    ],
    [
      'before 2019-11-29 the party group only guided: its list did not reach',
      'JGDW',
      '2019-01-01',
      ['GW DIRECT 1 via - UNIFIED', 'SW CASCADE 2 via GW -'],
    ],
    [
      "a branch receives its committee's list and, cascading, those of the bodies leading it",
      'ZB',
      '2026-01-01',
      [
        'JGDW DIRECT 1 via - -',
        'GW CASCADE 2 via JGDW UNIFIED',
        'DZ CASCADE 2 via JGDW SPECIFIC',
        'SW CASCADE 3 via GW -',
      ],
    ],
    ["another province's committee never reaches it", 'HB-ZB', '2026-01-01', ['HB-GW DIRECT 1 via - -']],
    ['a transfer: the old chain before, the new one after', 'ZB2', '2026-07-01', ['HB-GW DIRECT 1 via - -']],
    ['a cycle ends the walk', 'LOOP-A', '2026-01-01', ['LOOP-B DIRECT 1 via - -']],
    ['a day the unit did not exist: nobody', 'NEW', '2026-01-01', []],
    ['a unit org does not know: nobody', 'NOPE', '2026-01-01', []],
  ])('%s', (_name, unit, day, expected) => {
    expect(show(unit, day)).toEqual(expected);
  });
});

describe('reachDuring: cut where the owners change', () => {
  it.each<[string, string, string, string, string[]]>([
    [
      'dual leadership begins on 2019-11-29, for the branch too',
      'ZB',
      '2019-01-01',
      '2019-12-31',
      ['2019-01-01..2019-11-28 JGDW,GW,SW', '2019-11-29..2019-12-31 JGDW,GW,DZ,SW'],
    ],
    [
      'a transfer mid-year',
      'ZB2',
      '2026-01-01',
      '2026-12-31',
      ['2026-01-01..2026-06-30 JGDW,GW,DZ,SW', '2026-07-01..2026-12-31 HB-GW'],
    ],
    [
      'days before the unit existed belong to no period',
      'NEW',
      '2026-01-01',
      '2026-12-31',
      ['2026-04-01..2026-12-31 GW,SW'],
    ],
    ['nothing changes: one period', 'HB-ZB', '2026-01-01', '2026-12-31', ['2026-01-01..2026-12-31 HB-GW']],
  ])('%s', (_name, unit, from, to, expected) => {
    expect(reachDuring(T, unit, from, to).map((r) => `${r.from}..${r.to} ${[...r.owners.keys()].join(',')}`)).toEqual(
      expected,
    );
  });
});

const item = (
  id: string,
  ownerId: string | null,
  kinds = ['BRANCH'],
  over: Partial<RequiredItem> = {},
): RequiredItem => ({ id, ownerId, code: id, name: '三会一课', kinds, frequency: 'YEARLY', ...over });

describe('itemReach and appliesDuring', () => {
  const owners = reachOn(T, 'ZB', '2026-01-01');
  it.each<[string, RequiredItem, string, string | null]>([
    ['a hub-wide item applies to every unit of its kinds', item('H', null), 'BRANCH', 'HUB_WIDE'],
    ['not to other kinds', item('H', null, ['GRASSROOTS_UNIT']), 'BRANCH', null],
    ["the direct leader's item: DIRECT", item('J', 'JGDW'), 'BRANCH', 'DIRECT'],
    ["the committee's item cascades", item('G', 'GW'), 'BRANCH', 'CASCADE'],
    ["another province's committee's item does not apply", item('HB', 'HB-GW'), 'BRANCH', null],
  ])('%s', (_name, it_, kind, expected) => {
    expect(itemReach(it_, kind, owners)?.relation ?? null).toBe(expected);
  });

  it("an owner's item applies only on the days its list reaches the unit", () => {
    const reach = reachDuring(T, 'ZB2', '2026-01-01', '2026-12-31');
    const periods = T.get('ZB2')!;
    expect(appliesDuring(item('G', 'GW'), 'BRANCH', reach, periods, '2026-01-01', '2026-06-30')).toBe(true);
    expect(appliesDuring(item('G', 'GW'), 'BRANCH', reach, periods, '2026-07-01', '2026-12-31')).toBe(false);
    expect(appliesDuring(item('HB', 'HB-GW'), 'BRANCH', reach, periods, '2026-07-01', '2026-12-31')).toBe(true);
  });
});

describe('MISSING with lists that have owners', () => {
  const items = [
    item('SC', 'GW', ['BRANCH'], { name: '书记抓党建述职评议' }),
    item('HB', 'HB-GW', ['BRANCH'], { name: '书记抓党建述职评议' }),
  ];
  const missing = (unit: string, assigned: string[] = []) =>
    detectMissing({
      unitId: unit,
      unitKind: 'BRANCH',
      from: '2026-01-01',
      to: '2026-12-31',
      items,
      periods: T.get(unit)!,
      reach: reachDuring(T, unit, '2026-01-01', '2026-12-31'),
      assignments: assigned.map((id, i) => ({
        id: `a${i}`,
        taskId: `t${i}`,
        unitId: unit,
        issuerId: 'X',
        title: 't',
        category: 'ORGANIZATIONAL',
        priority: 'ROUTINE',
        startsOn: '2026-03-01',
        dueOn: '2026-03-31',
        authority: 'BINDING',
        binding: true,
        relation: 'LEADS',
        requiredItemId: id,
      })),
    }).map((f) => `${f.requiredItemId} ${f.from}..${f.to}`);

  it.each<[string, string, string[], string[]]>([
    ["四川's list asks only 四川's branch", 'ZB', [], ['SC 2026-01-01..2026-12-31']],
    ["湖北's list asks only 湖北's branch", 'HB-ZB', [], ['HB 2026-01-01..2026-12-31']],
    ["assigning the owner's item covers it", 'ZB', ['SC'], []],
    ["assigning another owner's item of the same code does not", 'HB-ZB', ['SC'], ['HB 2026-01-01..2026-12-31']],
    [
      'a unit transferred mid-year owes each owner the year it was led by it for part of',
      'ZB2',
      [],
      ['SC 2026-01-01..2026-12-31', 'HB 2026-01-01..2026-12-31'],
    ],
  ])('%s', (_name, unit, assigned, expected) => {
    expect(missing(unit, assigned)).toEqual(expected);
  });
});
