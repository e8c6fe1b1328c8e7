import type { OwnerReach, ReachPeriod } from '../list-reach';
import type { AssignmentFact, RelationPeriod, RequiredItem } from '../types';
import { detectMissing, frequencyPeriods, type MissingInput } from './missing';

let n = 0;
const a = (over: Partial<AssignmentFact>): AssignmentFact => ({
  id: `a${++n}`,
  taskId: `t${n}`,
  unitId: 'U',
  issuerId: 'LEADER',
  title: '落实三会一课制度',
  category: 'ORGANIZATIONAL',
  priority: 'ROUTINE',
  startsOn: '2026-01-01',
  dueOn: '2026-03-31',
  authority: 'BINDING',
  binding: true,
  relation: 'LEADS',
  requiredItemId: 'SHYK',
  ...over,
});
const SHYK: RequiredItem = {
  id: 'SHYK',
  code: 'SHYK',
  name: '三会一课',
  kinds: ['BRANCH', 'GRASSROOTS_UNIT'],
  frequency: 'QUARTERLY',
};
const MZPY: RequiredItem = {
  id: 'MZPY',
  code: 'MZPY',
  name: '民主评议党员',
  kinds: ['GRASSROOTS_UNIT'],
  frequency: 'YEARLY',
};
const ZTDR: RequiredItem = {
  id: 'ZTDR',
  code: 'ZTDR',
  name: '主题党日',
  kinds: ['BRANCH', 'GRASSROOTS_UNIT'],
  frequency: 'MONTHLY',
};
const ALL_YEAR: RelationPeriod = { from: '2000-01-01', to: '2099-12-31', leaders: ['LEADER'], guides: ['GUIDE'] };
const input = (over: Partial<MissingInput>): MissingInput => ({
  unitId: 'U',
  unitKind: 'GRASSROOTS_UNIT',
  from: '2026-01-01',
  to: '2026-12-31',
  items: [SHYK],
  assignments: [],
  periods: [ALL_YEAR],
  ...over,
});
const ranges = (over: Partial<MissingInput>) =>
  detectMissing(input(over)).map((f) => `${f.requiredItemId} ${f.from}..${f.to}`);

describe('frequencyPeriods', () => {
  it.each([
    ['YEARLY', '2026-03-15', '2026-03-15', ['2026-01-01..2026-12-31 2026年度']],
    ['YEARLY', '2025-12-31', '2026-01-01', ['2025-01-01..2025-12-31 2025年度', '2026-01-01..2026-12-31 2026年度']],
    [
      'QUARTERLY',
      '2026-03-31',
      '2026-04-01',
      ['2026-01-01..2026-03-31 2026年第一季度', '2026-04-01..2026-06-30 2026年第二季度'],
    ],
    [
      'QUARTERLY',
      '2026-11-01',
      '2027-01-01',
      ['2026-10-01..2026-12-31 2026年第四季度', '2027-01-01..2027-03-31 2027年第一季度'],
    ],
    ['MONTHLY', '2026-01-15', '2026-02-10', ['2026-01-01..2026-01-31 2026年1月', '2026-02-01..2026-02-28 2026年2月']],
    ['MONTHLY', '2028-02-29', '2028-02-29', ['2028-02-01..2028-02-29 2028年2月']],
    ['MONTHLY', '2026-12-31', '2027-01-01', ['2026-12-01..2026-12-31 2026年12月', '2027-01-01..2027-01-31 2027年1月']],
    ['MONTHLY', '2026-02-01', '2026-01-31', []],
  ] as const)('%s %s..%s', (frequency, from, to, expected) => {
    expect(frequencyPeriods(frequency, from, to).map((p) => `${p.from}..${p.to} ${p.label}`)).toEqual(expected);
  });
});

describe('MISSING', () => {
  it.each<[string, Partial<MissingInput>, string[]]>([
    [
      'nothing assigned: every quarter of the year',
      {},
      [
        'SHYK 2026-01-01..2026-03-31',
        'SHYK 2026-04-01..2026-06-30',
        'SHYK 2026-07-01..2026-09-30',
        'SHYK 2026-10-01..2026-12-31',
      ],
    ],
    [
      'assigned in Q1 only',
      { assignments: [a({})] },
      ['SHYK 2026-04-01..2026-06-30', 'SHYK 2026-07-01..2026-09-30', 'SHYK 2026-10-01..2026-12-31'],
    ],
    [
      'an assignment touching the quarter on its last day covers it',
      { to: '2026-03-31', assignments: [a({ startsOn: '2026-03-31', dueOn: '2026-04-30' })] },
      [],
    ],
    [
      'an assignment starting the day after the quarter does not',
      { to: '2026-03-31', assignments: [a({ startsOn: '2026-04-01', dueOn: '2026-04-30' })] },
      ['SHYK 2026-01-01..2026-03-31'],
    ],
    [
      'an item retired on 2026-07-01 is not required from Q3 on',
      { items: [{ ...SHYK, retiredOn: '2026-07-01' }] },
      ['SHYK 2026-01-01..2026-03-31', 'SHYK 2026-04-01..2026-06-30'],
    ],
    [
      'an item retired mid-quarter is still required in that quarter',
      { items: [{ ...SHYK, retiredOn: '2026-08-15' }] },
      ['SHYK 2026-01-01..2026-03-31', 'SHYK 2026-04-01..2026-06-30', 'SHYK 2026-07-01..2026-09-30'],
    ],
    [
      'advisory coverage does not count',
      {
        to: '2026-03-31',
        assignments: [a({ issuerId: 'GUIDE', relation: 'GUIDES', authority: 'ADVISORY', binding: false })],
      },
      ['SHYK 2026-01-01..2026-03-31'],
    ],
    [
      'an overreaching guide (binding asked, ADVISORY given) does not count',
      { to: '2026-03-31', assignments: [a({ issuerId: 'GUIDE', relation: 'GUIDES', authority: 'ADVISORY' })] },
      ['SHYK 2026-01-01..2026-03-31'],
    ],
    [
      'another item does not cover it',
      { to: '2026-03-31', assignments: [a({ requiredItemId: 'MZPY' })] },
      ['SHYK 2026-01-01..2026-03-31'],
    ],
    [
      'an assignment without an item does not cover it',
      { to: '2026-03-31', assignments: [a({ requiredItemId: null })] },
      ['SHYK 2026-01-01..2026-03-31'],
    ],
    [
      "another unit's assignment does not cover it",
      { to: '2026-03-31', assignments: [a({ unitId: 'V' })] },
      ['SHYK 2026-01-01..2026-03-31'],
    ],
    ['an item for other kinds is not required', { unitKind: 'WORK_COMMITTEE' }, []],
    [
      "the quarters the window touches, each whole (the window is not the finding's period)",
      { from: '2026-03-31', to: '2026-04-01' },
      ['SHYK 2026-01-01..2026-03-31', 'SHYK 2026-04-01..2026-06-30'],
    ],
    [
      'monthly window 2026-01-15..2026-02-10: January and February, whole',
      { items: [ZTDR], from: '2026-01-15', to: '2026-02-10' },
      ['ZTDR 2026-01-01..2026-01-31', 'ZTDR 2026-02-01..2026-02-28'],
    ],
    [
      'a yearly item assigned in January covers a window that starts in June',
      {
        items: [MZPY],
        from: '2026-06-01',
        assignments: [a({ requiredItemId: 'MZPY', startsOn: '2026-01-05', dueOn: '2026-01-31' })],
      },
      [],
    ],
    [
      'a yearly item assigned the year before does not',
      { items: [MZPY], assignments: [a({ requiredItemId: 'MZPY', startsOn: '2025-01-05', dueOn: '2025-12-31' })] },
      ['MZPY 2026-01-01..2026-12-31'],
    ],
    [
      'items in the order given, then time',
      { items: [MZPY, SHYK], from: '2026-06-01', to: '2026-07-31' },
      ['MZPY 2026-01-01..2026-12-31', 'SHYK 2026-04-01..2026-06-30', 'SHYK 2026-07-01..2026-09-30'],
    ],
    [
      'unit set up on 2026-05-01: nothing before Q2',
      { periods: [{ ...ALL_YEAR, from: '2026-05-01' }] },
      ['SHYK 2026-04-01..2026-06-30', 'SHYK 2026-07-01..2026-09-30', 'SHYK 2026-10-01..2026-12-31'],
    ],
    [
      'unit abolished on 2026-03-31: Q1 only',
      { periods: [{ ...ALL_YEAR, to: '2026-03-31' }] },
      ['SHYK 2026-01-01..2026-03-31'],
    ],
    [
      'unit set up on the last day of Q1: Q1 counts',
      { periods: [{ ...ALL_YEAR, from: '2026-03-31' }], to: '2026-06-30' },
      ['SHYK 2026-01-01..2026-03-31', 'SHYK 2026-04-01..2026-06-30'],
    ],
    [
      'unit absent during Q2 only (a transfer gap)',
      {
        periods: [
          { ...ALL_YEAR, to: '2026-03-31' },
          { ...ALL_YEAR, from: '2026-07-01' },
        ],
      },
      ['SHYK 2026-01-01..2026-03-31', 'SHYK 2026-07-01..2026-09-30', 'SHYK 2026-10-01..2026-12-31'],
    ],
    [
      'unit existing only before the window, inside the same quarter: that quarter overlaps the window',
      { from: '2026-02-01', to: '2026-03-31', periods: [{ ...ALL_YEAR, to: '2026-01-31' }] },
      ['SHYK 2026-01-01..2026-03-31'],
    ],
    [
      'unit existing only after the quarter the window touches: nothing',
      { from: '2026-02-01', to: '2026-03-31', periods: [{ ...ALL_YEAR, from: '2026-04-01' }] },
      [],
    ],
    ['no relation periods: the unit did not exist', { periods: [] }, []],
    ['an empty window', { from: '2026-02-01', to: '2026-01-31' }, []],
  ])('%s', (_name, over, expected) => {
    expect(ranges(over)).toEqual(expected);
  });

  // An owner's item (DOMAIN.md "Tasks (任务)") is asked on the days its list reaches the unit, and each period
  // it is asked in is still reported whole (DOMAIN.md "Tasks (任务)": a missing period is reported whole): the
  // two rules together.
  const OWN: RequiredItem = { ...SHYK, id: 'OWN', code: 'SHYK', ownerId: 'GW' };
  const by = (ownerId: string): Map<string, OwnerReach> =>
    new Map([[ownerId, { ownerId, relation: 'DIRECT', depth: 1, through: null, flavour: null }]]);
  const reached = (from: string, to: string, ownerId = 'GW'): ReachPeriod => ({ from, to, owners: by(ownerId) });
  it.each<[string, Partial<MissingInput>, string[]]>([
    [
      "an owner's item, its list reaching the unit all year: every quarter, whole",
      { items: [OWN], reach: [reached('2026-01-01', '2026-12-31')] },
      [
        'OWN 2026-01-01..2026-03-31',
        'OWN 2026-04-01..2026-06-30',
        'OWN 2026-07-01..2026-09-30',
        'OWN 2026-10-01..2026-12-31',
      ],
    ],
    ["no reach: an owner's item asks nothing", { items: [OWN] }, []],
    [
      'another owner reaching the unit: nothing',
      { items: [OWN], reach: [reached('2026-01-01', '2026-12-31', 'HB-GW')] },
      [],
    ],
    [
      'reached from 2026-05-15: nothing in Q1, Q2 whole from its first day',
      { items: [OWN], reach: [reached('2026-05-15', '2026-12-31')] },
      ['OWN 2026-04-01..2026-06-30', 'OWN 2026-07-01..2026-09-30', 'OWN 2026-10-01..2026-12-31'],
    ],
    [
      'reached until 2026-02-10: Q1 only, whole',
      { items: [OWN], reach: [reached('2026-01-01', '2026-02-10')] },
      ['OWN 2026-01-01..2026-03-31'],
    ],
    [
      'a window of two days across quarters, reached only in Q2 after the window: Q2 whole, not Q1',
      { items: [OWN], from: '2026-03-31', to: '2026-04-01', reach: [reached('2026-04-15', '2026-12-31')] },
      ['OWN 2026-04-01..2026-06-30'],
    ],
    [
      'a window inside Q1, reached in Q1 only before it: Q1 whole',
      { items: [OWN], from: '2026-03-01', to: '2026-03-31', reach: [reached('2026-01-01', '2026-01-31')] },
      ['OWN 2026-01-01..2026-03-31'],
    ],
    [
      "a window in June, the owner's yearly item assigned in January: covered",
      {
        items: [{ ...OWN, frequency: 'YEARLY' }],
        from: '2026-06-01',
        to: '2026-06-30',
        reach: [reached('2026-01-01', '2026-12-31')],
        assignments: [a({ requiredItemId: 'OWN', startsOn: '2026-01-05', dueOn: '2026-01-31' })],
      },
      [],
    ],
    [
      "an assignment naming the hub-wide item of the same code does not cover the owner's",
      {
        items: [OWN],
        to: '2026-03-31',
        reach: [reached('2026-01-01', '2026-12-31')],
        assignments: [a({ requiredItemId: 'SHYK' })],
      },
      ['OWN 2026-01-01..2026-03-31'],
    ],
    [
      "hub-wide and owner's items side by side, the owner reaching from Q3: items in order, each period whole",
      { items: [SHYK, OWN], from: '2026-06-15', to: '2026-07-15', reach: [reached('2026-07-01', '2026-12-31')] },
      ['SHYK 2026-04-01..2026-06-30', 'SHYK 2026-07-01..2026-09-30', 'OWN 2026-07-01..2026-09-30'],
    ],
  ])('%s', (_name, over, expected) => {
    expect(ranges(over)).toEqual(expected);
  });

  it("an owner's finding names the item by id, code and owner, over its whole period", () => {
    const [f] = detectMissing(
      input({ items: [OWN], from: '2026-05-01', to: '2026-05-02', reach: [reached('2026-01-01', '2026-12-31')] }),
    );
    expect([f.requiredItemId, f.requiredItemCode, f.requiredItemOwnerId, f.from, f.to]).toEqual([
      'OWN',
      'SHYK',
      'GW',
      '2026-04-01',
      '2026-06-30',
    ]);
    expect(f.message).toBe(
      '2026年第二季度（2026-04-01至2026-06-30）责任清单事项「三会一课」无人以领导关系下达（缺项）',
    );
  });

  it('names the item and the period, and asks the leader to assign it', () => {
    const [f] = detectMissing(input({ from: '2026-04-01', to: '2026-06-30' }));
    expect(f).toEqual({
      kind: 'MISSING',
      unitId: 'U',
      assignmentIds: [],
      taskIds: [],
      issuerIds: ['LEADER'],
      requiredItemId: 'SHYK',
      requiredItemCode: 'SHYK',
      requiredItemOwnerId: null,
      from: '2026-04-01',
      to: '2026-06-30',
      message: '2026年第二季度（2026-04-01至2026-06-30）责任清单事项「三会一课」无人以领导关系下达（缺项）',
      suggestion: '请领导方下达2026年第二季度的「三会一课」',
    });
  });

  it.each([
    [ZTDR, '2026-05-01', '2026-05-31', /^2026年5月（2026-05-01至2026-05-31）责任清单事项「主题党日」/],
    [MZPY, '2026-01-01', '2026-12-31', /^2026年度（2026-01-01至2026-12-31）责任清单事项「民主评议党员」/],
  ] as const)('labels %o', (item, from, to, re) => {
    const [f] = detectMissing(input({ items: [item], from, to }));
    expect(f.message).toMatch(re);
  });

  it("an advisory assignment exists: the guide's task does not count, the leader confirms or issues it", () => {
    const [f] = detectMissing(
      input({
        to: '2026-03-31',
        assignments: [
          a({
            issuerId: 'GUIDE',
            relation: 'GUIDES',
            authority: 'ADVISORY',
            binding: false,
            title: '指导落实三会一课',
          }),
        ],
      }),
    );
    expect(f.assignmentIds).toEqual([]);
    expect(f.suggestion).toBe(
      '请领导方下达2026年第一季度的「三会一课」；指导方下达的「指导落实三会一课」为指导性任务，不计入，请领导方确认该任务或以领导关系正式下达',
    );
  });

  it('no leader in the period (都不管): settle the leadership first', () => {
    const [f] = detectMissing(
      input({ to: '2026-03-31', periods: [{ from: '2026-01-01', to: '2026-03-31', leaders: [], guides: ['GUIDE'] }] }),
    );
    expect(f.issuerIds).toEqual([]);
    expect(f.suggestion).toMatch(
      /^本单位该期间没有党建领导方（都不管）：请先明确领导关系，再由领导方下达2026年第一季度的「三会一课」$/,
    );
  });

  it('issuerIds: the leaders of the days the unit existed in the period, each once, in order', () => {
    const periods: RelationPeriod[] = [
      { from: '2026-01-01', to: '2026-03-15', leaders: ['OLD'], guides: [] },
      { from: '2026-03-16', to: '2026-05-31', leaders: [], guides: [] },
      { from: '2026-06-01', to: '2026-12-31', leaders: ['NEW', 'OLD'], guides: ['GUIDE'] },
    ];
    const found = detectMissing(input({ periods, to: '2026-09-30' }));
    expect(found.map((f) => f.issuerIds)).toEqual([['OLD'], ['NEW', 'OLD'], ['NEW', 'OLD']]);
    expect(found.map((f) => /都不管/.test(f.suggestion))).toEqual([false, false, false]);
  });
});
