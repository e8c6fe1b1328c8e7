import type { RelationPeriod, Timelines } from '@tiaokuai/leadership';
import { reachDuring } from '../list-reach';
import type { RequiredItem } from '../types';
import { detectListDuplicates, sameWork } from './list-duplicate';

/** GW 工委 and DZ 党组 lead JGDW 机关党委 (统一领导 / 具体领导); JGDW leads ZB 支部; GW2 is another committee leading ZB too. */
const p = (leaders: string[], leaderFlavours?: Array<string | null>): RelationPeriod[] => [
  { from: '2020-01-01', to: '2099-12-31', leaders, guides: [], ...(leaderFlavours ? { leaderFlavours } : {}) },
];
const T: Timelines = new Map([
  ['GW', p([])],
  ['GW2', p([])],
  ['DZ', p([])],
  ['JGDW', p(['GW', 'DZ'], ['UNIFIED', 'SPECIFIC'])],
  ['ZB', p(['JGDW'])],
  ['ZB-DUAL', p(['GW', 'GW2'])],
]);
const NAMES: Record<string, string> = { GW: '工委', GW2: '另一工委', DZ: '党组', JGDW: '机关党委' };
const label = (id: string) => NAMES[id] ?? id;

const item = (id: string, ownerId: string | null, name: string, over: Partial<RequiredItem> = {}): RequiredItem => ({
  id,
  ownerId,
  code: id,
  name,
  kinds: ['ORGAN_PARTY_COMMITTEE', 'BRANCH'],
  frequency: 'YEARLY',
  ...over,
});

const run = (unit: string, kind: string, items: RequiredItem[]) =>
  detectListDuplicates({
    unitId: unit,
    unitKind: kind,
    from: '2026-01-01',
    to: '2026-12-31',
    items,
    reach: reachDuring(T, unit, '2026-01-01', '2026-12-31'),
    label,
  });
const keepOf = (unit: string, kind: string, items: RequiredItem[]) =>
  run(unit, kind, items).map((f) => `${f.itemIds!.join(' over ')} by ${f.issuerIds.join(',') || 'hub'}`);

describe('list-level DUPLICATE: two lists asking one unit the same work', () => {
  it.each<[string, string, string, RequiredItem[], string[]]>([
    [
      "dual leadership: the party group (具体领导) keeps its item over the work committee's (统一领导)",
      'JGDW',
      'ORGAN_PARTY_COMMITTEE',
      [item('W', 'GW', '书记抓党建述职评议'), item('D', 'DZ', '书记抓党建述职评议')],
      ['D over W by DZ,GW'],
    ],
    [
      'close text counts as the same work',
      'JGDW',
      'ORGAN_PARTY_COMMITTEE',
      [item('W', 'GW', '开展书记抓党建述职评议'), item('D', 'DZ', '深入开展书记抓党建述职评议工作')],
      ['D over W by DZ,GW'],
    ],
    [
      'different frequency is not the same ask',
      'JGDW',
      'ORGAN_PARTY_COMMITTEE',
      [item('W', 'GW', '书记讲党课'), item('D', 'DZ', '书记讲党课', { frequency: 'QUARTERLY' })],
      [],
    ],
    [
      'different work is not a duplicate',
      'JGDW',
      'ORGAN_PARTY_COMMITTEE',
      [item('W', 'GW', '书记讲党课'), item('D', 'DZ', '民主评议党员')],
      [],
    ],
    [
      "a cascade: the nearer list (the organ party committee's) keeps its item over the committee's",
      'ZB',
      'BRANCH',
      [item('W', 'GW', '主题党日'), item('J', 'JGDW', '主题党日')],
      ['J over W by JGDW,GW'],
    ],
    [
      "a hub-wide item (the regulation's own) is kept over an owner's",
      'ZB',
      'BRANCH',
      [item('J', 'JGDW', '三会一课'), item('H', null, '三会一课')],
      ['H over J by JGDW'],
    ],
    [
      'two committees at the same distance and flavour: no rule decides, the first named is suggested',
      'ZB-DUAL',
      'BRANCH',
      [item('A', 'GW', '主题党日'), item('B', 'GW2', '主题党日')],
      ['A over B by GW,GW2'],
    ],
    [
      "one owner's two similar items are its own affair, not two lists",
      'JGDW',
      'ORGAN_PARTY_COMMITTEE',
      [item('W1', 'GW', '主题党日'), item('W2', 'GW', '主题党日活动')],
      [],
    ],
    [
      'a list that does not reach the unit asks nothing of it',
      'ZB',
      'BRANCH',
      [item('W', 'GW2', '主题党日'), item('J', 'JGDW', '主题党日')],
      [],
    ],
    [
      'an item retired before the window is not asked',
      'JGDW',
      'ORGAN_PARTY_COMMITTEE',
      [item('W', 'GW', '书记讲党课', { retiredOn: '2025-01-01' }), item('D', 'DZ', '书记讲党课')],
      [],
    ],
    [
      'items of other kinds are not asked of it',
      'JGDW',
      'ORGAN_PARTY_COMMITTEE',
      [item('W', 'GW', '书记讲党课', { kinds: ['BRANCH'] }), item('D', 'DZ', '书记讲党课')],
      [],
    ],
  ])('%s', (_name, unit, kind, items, expected) => {
    expect(keepOf(unit, kind, items)).toEqual(expected);
  });

  it('names both owners and how each list arrives, and suggests one fulfilment reported to both', () => {
    const [f] = run('JGDW', 'ORGAN_PARTY_COMMITTEE', [
      item('W', 'GW', '书记抓党建述职评议'),
      item('D', 'DZ', '书记抓党建述职评议'),
    ]);
    expect(f).toMatchObject({
      kind: 'DUPLICATE',
      unitId: 'JGDW',
      assignmentIds: [],
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(f.message).toContain('工委（直接领导，统一领导）的「书记抓党建述职评议」');
    expect(f.message).toContain('党组（直接领导，具体领导）的「书记抓党建述职评议」');
    expect(f.suggestion).toContain('保留具体领导方党组（直接领导，具体领导）的「书记抓党建述职评议」');
  });
});

describe('sameWork', () => {
  it.each<[string, string, string, boolean]>([
    ['the same name', '三会一课', '三会一课', true],
    ['framing words only', '组织生活会', '认真开展组织生活会', true],
    ['different work', '三会一课', '党费收缴', false],
  ])('%s', (_name, a, b, expected) => {
    expect(sameWork(item('A', null, a), item('B', 'X', b))).toBe(expected);
  });
});
