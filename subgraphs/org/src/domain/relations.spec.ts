import { addDays } from '@tiaokuai/leadership';
import { province, type World } from './fixture';
import { relationTimeline, type RelationPeriod } from './relations';

/** The timeline expanded to one entry per day, to compare with the rules applied day by day. */
function byDay(periods: RelationPeriod[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of periods)
    for (let d = p.from; d <= p.to; d = addDays(d, 1)) out.set(d, `${p.leaders.join(',')}|${p.guides.join(',')}`);
  return out;
}

function bruteForce(w: World, code: string, from: string, to: string): Map<string, string> {
  const out = new Map<string, string>();
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const ev = w.evaluate(code, d);
    if (!ev.exists) continue;
    const ids = (roles: Array<{ unitId: string }>) => [...new Set(roles.map((r) => r.unitId))].join(',');
    out.set(d, `${ids(ev.outcome.leaders)}|${ids(ev.outcome.guides)}`);
  }
  return out;
}

const transferred = () =>
  province()
    .unit('U', 'GRASSROOTS_UNIT', { from: '2019-01-01' })
    // Vertical until 2019-06-30, territorial from 2019-07-01 (the party relation moved to the locality).
    .fact('U', {
      party: 'VERTICAL',
      business: 'VERTICAL',
      dept: 'DEPT',
      locality: 'GW',
      from: '2019-01-01',
      to: '2019-06-30',
    })
    .fact('U', { party: 'TERRITORIAL', business: 'VERTICAL', dept: 'DEPT', locality: 'GW', from: '2019-07-01' })
    .link('DEPT', 'U', 'AFFILIATION', { from: '2019-01-01', to: '2019-06-30' })
    .link('GW', 'U', 'AFFILIATION', { from: '2019-07-01' });

const organ = () =>
  province()
    .unit('JGDW', 'ORGAN_PARTY_COMMITTEE')
    .fact('JGDW', { dept: 'TING', locality: 'GW' })
    .link('TING', 'JGDW', 'AFFILIATION');

const closed = () =>
  province()
    .unit('OLD', 'BRANCH', { from: '2019-03-01', to: '2019-09-15' })
    .link('GW', 'OLD', 'AFFILIATION', { from: '2019-03-01', to: '2019-09-15' });

describe('relationTimeline: who led and guided a unit over a period', () => {
  it.each([
    ['a transfer from vertical to territorial', transferred, 'U', '2018-12-01', '2019-12-31'],
    ["the organ party committee's 2019-11-29 change", organ, 'JGDW', '2019-11-01', '2019-12-31'],
    ['a unit that existed for part of the period', closed, 'OLD', '2019-01-01', '2019-12-31'],
    ['a window of one day, the day of a change', transferred, 'U', '2019-07-01', '2019-07-01'],
  ])('%s: the same answer, day by day, as applying the rules each day', (_name, world, code, from, to) => {
    const w = world();
    const periods = relationTimeline(w.context(code), from, to, w);
    expect(byDay(periods)).toEqual(bruteForce(w, code, from, to));
    // Merged: no two neighbours say the same.
    for (let i = 1; i < periods.length; i++) {
      const [a, b] = [periods[i - 1], periods[i]];
      expect(a.to < b.from).toBe(true);
      if (addDays(a.to, 1) === b.from) expect(`${a.leaders}|${a.guides}`).not.toBe(`${b.leaders}|${b.guides}`);
    }
  });

  it('cuts at the day of a transfer: the last day before and the first day after', () => {
    const w = transferred();
    expect(relationTimeline(w.context('U'), '2019-01-01', '2019-12-31', w)).toEqual([
      { from: '2019-01-01', to: '2019-06-30', leaders: ['DEPT'], guides: ['GW'], leaderFlavours: [null] },
      { from: '2019-07-01', to: '2019-12-31', leaders: ['GW'], guides: ['DEPT'], leaderFlavours: [null] },
    ]);
  });

  it('the organ party committee: guided by its party group until 2019-11-28, led by both from 2019-11-29', () => {
    const w = organ();
    expect(relationTimeline(w.context('JGDW'), '2019-11-01', '2019-12-31', w)).toEqual([
      { from: '2019-11-01', to: '2019-11-28', leaders: ['GW'], guides: ['TING'], leaderFlavours: ['UNIFIED'] },
      {
        from: '2019-11-29',
        to: '2019-12-31',
        leaders: ['GW', 'TING'],
        guides: [],
        leaderFlavours: ['UNIFIED', 'SPECIFIC'],
      },
    ]);
  });

  it('leaves out the days a unit did not exist, and is empty for a reversed window', () => {
    const w = closed();
    expect(relationTimeline(w.context('OLD'), '2019-01-01', '2019-12-31', w)).toEqual([
      { from: '2019-03-01', to: '2019-09-15', leaders: ['GW'], guides: [], leaderFlavours: [null] },
    ]);
    expect(relationTimeline(w.context('OLD'), '2019-05-01', '2019-04-30', w)).toEqual([]);
  });
});
