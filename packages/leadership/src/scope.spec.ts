import { LeadershipIndex } from './leadership';
import type { RelationPeriod, Timelines } from './relation-periods';
import { graphOn, ledClosure, scopeClosure, type Relation } from './scope';

const DAY = '2024-06-01';

/** Timelines of one period over all of 2024: unit → [leaders, guides]. */
function timelines(units: Record<string, [leaders: string[], guides?: string[]]>): Timelines {
  return new Map(
    Object.entries(units).map(([id, [leaders, guides = []]]) => [
      id,
      [{ from: '2024-01-01', to: '2024-12-31', leaders, guides }],
    ]),
  );
}

interface Case {
  name: string;
  units: Record<string, [leaders: string[], guides?: string[]]>;
  root: string;
  /** The root's led closure and scope (sorted). */
  led: string[];
  scope: string[];
  /** How the root relates to other units (upward). */
  relations: Record<string, Relation>;
}

const CASES: Case[] = [
  {
    name: 'a chain of leaders: 省委 → 省直机关工委 → 机关党委 → 党支部',
    units: { GW: [['SW']], JG: [['GW']], ZB: [['JG']] },
    root: 'SW',
    led: ['GW', 'JG', 'SW', 'ZB'],
    scope: ['GW', 'JG', 'SW', 'ZB'],
    relations: { GW: 'LEADS', JG: 'LEADS', ZB: 'LEADS' },
  },
  {
    name: 'from the middle of the chain: what is above is out of scope',
    units: { GW: [['SW']], JG: [['GW']], ZB: [['JG']] },
    root: 'JG',
    led: ['JG', 'ZB'],
    scope: ['JG', 'ZB'],
    relations: { SW: 'NONE', GW: 'NONE', ZB: 'LEADS' },
  },
  {
    name: 'a member guides a unit: it is in scope, the units below it are not',
    units: { B: [['A']], C: [['X'], ['B']], D: [['C']] },
    root: 'A',
    led: ['A', 'B'],
    scope: ['A', 'B', 'C'],
    relations: { B: 'LEADS', C: 'GUIDES', D: 'NONE', X: 'NONE' },
  },
  {
    name: 'the root guides a unit directly',
    units: { C: [['X'], ['A']] },
    root: 'A',
    led: ['A'],
    scope: ['A', 'C'],
    relations: { C: 'GUIDES', X: 'NONE' },
  },
  {
    name: 'guidance does not chain: a unit the guided one guides is out',
    units: { B: [[], ['A']], C: [[], ['B']] },
    root: 'A',
    led: ['A'],
    scope: ['A', 'B'],
    relations: { B: 'GUIDES', C: 'NONE' },
  },
  {
    name: 'leading beats guiding the same unit',
    units: { B: [['A'], ['A']] },
    root: 'A',
    led: ['A', 'B'],
    scope: ['A', 'B'],
    relations: { B: 'LEADS' },
  },
  {
    name: 'dual leadership: each of two leaders leads the organ party committee and its branch',
    units: { JG: [['GW', 'TING']], ZB: [['JG']], TING: [['SW']], GW: [['SW']] },
    root: 'TING',
    led: ['JG', 'TING', 'ZB'],
    scope: ['JG', 'TING', 'ZB'],
    relations: { JG: 'LEADS', ZB: 'LEADS', GW: 'NONE', SW: 'NONE' },
  },
  {
    name: 'a cycle of leaders ends the walk where it closes',
    units: { A: [['B']], B: [['A']], C: [['B']] },
    root: 'A',
    led: ['A', 'B', 'C'],
    scope: ['A', 'B', 'C'],
    relations: { B: 'LEADS', C: 'LEADS' },
  },
  {
    name: 'a unit leading itself reaches nothing more',
    units: { A: [['A']], B: [['B'], ['A']] },
    root: 'A',
    led: ['A'],
    scope: ['A', 'B'],
    relations: { B: 'GUIDES' },
  },
  {
    name: 'a body that leads and guides nothing: its scope is itself',
    units: { B: [['A'], ['C']] },
    root: 'Z',
    led: ['Z'],
    scope: ['Z'],
    relations: { A: 'NONE', B: 'NONE', C: 'NONE' },
  },
];

describe('scope closure, downward and upward', () => {
  test.each(CASES)('$name', ({ units, root, led, scope, relations }) => {
    const t = timelines(units);
    const graph = graphOn(t, DAY);
    expect([...ledClosure(root, graph)].sort()).toEqual(led);
    expect([...scopeClosure(root, graph)].sort()).toEqual(scope);
    const index = new LeadershipIndex(t);
    for (const [unit, relation] of Object.entries(relations)) {
      expect([unit, index.relation(root, unit, DAY)]).toEqual([unit, relation]);
      expect([unit, index.leads(root, unit, DAY)]).toEqual([unit, relation === 'LEADS']);
      expect([unit, index.bindingBodies(unit, DAY).has(root)]).toEqual([unit, relation === 'LEADS']);
    }
  });

  test('the scope lists the root first, then its led closure, then the units guided', () => {
    const t = timelines({ B: [['A']], C: [[], ['A']], D: [['B']] });
    expect([...scopeClosure('A', graphOn(t, DAY))]).toEqual(['A', 'B', 'D', 'C']);
  });

  test('the edges are those of the day asked', () => {
    const p = (from: string, to: string, leaders: string[], guides: string[] = []): RelationPeriod => ({
      from,
      to,
      leaders,
      guides,
    });
    const t: Timelines = new Map([
      ['JG', [p('2019-01-01', '2019-11-28', ['GW'], ['TING']), p('2019-11-29', '2019-12-31', ['GW', 'TING'])]],
      ['ZB', [p('2019-01-01', '2019-12-31', ['JG'])]],
    ]);
    expect([...scopeClosure('TING', graphOn(t, '2019-11-28'))].sort()).toEqual(['JG', 'TING']);
    expect([...scopeClosure('TING', graphOn(t, '2019-11-29'))].sort()).toEqual(['JG', 'TING', 'ZB']);
    expect([...scopeClosure('TING', graphOn(t, '2020-01-01'))]).toEqual(['TING']);
    const index = new LeadershipIndex(t);
    expect(index.relation('TING', 'ZB', '2019-11-28')).toBe('NONE');
    expect(index.relation('TING', 'JG', '2019-11-28')).toBe('GUIDES');
    expect(index.relation('TING', 'ZB', '2019-11-29')).toBe('LEADS');
    expect(index.relation('TING', 'ZB', '2020-01-01')).toBe('NONE');
  });

  test('the upward walk follows 32 levels of leaders', () => {
    const units: Record<string, [string[]]> = {};
    for (let i = 1; i <= 40; i++) units[`U${i}`] = [[`U${i - 1}`]];
    const index = new LeadershipIndex(timelines(units));
    expect(index.relation('U0', 'U32', DAY)).toBe('LEADS');
    expect(index.relation('U0', 'U33', DAY)).toBe('NONE');
    expect(index.bindingBodies('U40', DAY).size).toBe(32);
  });
});
