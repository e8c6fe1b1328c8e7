import { AuthorityIndex, judgedOn, periodAt } from './authority';
import type { RelationPeriod } from './types';

const p = (from: string, to: string, leaders: string[], guides: string[] = []): RelationPeriod => ({
  from,
  to,
  leaders,
  guides,
});

/**
 * 省委 SW leads the work committee GW; GW leads the organ party committee JGDW (with the party
 * group TING from 2019-11-29; TING only guided it before); JGDW leads the branch ZB. The
 * vertical unit V is led by the central department DEPT and guided by GW until 2024-06-30, then
 * transferred: led by GW, guided by DEPT. ZY (the centre) leads SW and DEPT.
 */
const timelines = new Map<string, RelationPeriod[]>([
  ['ZY', [p('2000-01-01', '2030-12-31', [])]],
  ['SW', [p('2000-01-01', '2030-12-31', ['ZY'])]],
  ['DEPT', [p('2000-01-01', '2030-12-31', ['ZY'])]],
  ['GW', [p('2000-01-01', '2030-12-31', ['SW'])]],
  ['TING', [p('2000-01-01', '2030-12-31', ['SW'], ['GW'])]],
  ['JGDW', [p('2018-10-01', '2019-11-28', ['GW'], ['TING']), p('2019-11-29', '2030-12-31', ['GW', 'TING'])]],
  ['ZB', [p('2018-10-01', '2030-12-31', ['JGDW'])]],
  ['V', [p('2000-01-01', '2024-06-30', ['DEPT'], ['GW']), p('2024-07-01', '2030-12-31', ['GW'], ['DEPT'])]],
  ['LOOP-A', [p('2000-01-01', '2030-12-31', ['LOOP-B'])]],
  ['LOOP-B', [p('2000-01-01', '2030-12-31', ['LOOP-A'])]],
]);

describe('authority: how an issuer relates to a unit on a day', () => {
  const index = new AuthorityIndex(timelines);
  it.each([
    ['the direct leader', 'JGDW', 'ZB', '2024-01-01', 'LEADS'],
    ['the body that leads its leader', 'GW', 'ZB', '2024-01-01', 'LEADS'],
    ['further up the chain', 'ZY', 'ZB', '2024-01-01', 'LEADS'],
    ['the party group before 2019-11-29: guides the organ party committee', 'TING', 'JGDW', '2019-11-28', 'GUIDES'],
    ['the party group from 2019-11-29: leads it', 'TING', 'JGDW', '2019-11-29', 'LEADS'],
    ['... and so leads its branch too', 'TING', 'ZB', '2019-11-29', 'LEADS'],
    ["before, the branch was out of the party group's reach", 'TING', 'ZB', '2019-11-28', 'NONE'],
    ['a guide', 'GW', 'V', '2024-06-30', 'GUIDES'],
    ['the same body the day after the transfer: leads', 'GW', 'V', '2024-07-01', 'LEADS'],
    ['the body that leads a guide reaches as a guide', 'SW', 'V', '2024-06-30', 'GUIDES'],
    ['guidance does not reach below the unit guided', 'GW', 'TING', '2024-01-01', 'GUIDES'],
    ['unrelated', 'DEPT', 'ZB', '2024-01-01', 'NONE'],
    ['a unit on a day it did not exist', 'JGDW', 'ZB', '2018-09-30', 'NONE'],
    ['a unit the timelines do not know', 'GW', 'NOBODY', '2024-01-01', 'NONE'],
    ['a cycle ends the walk', 'ZY', 'LOOP-A', '2024-01-01', 'NONE'],
    ['inside a cycle', 'LOOP-B', 'LOOP-A', '2024-01-01', 'LEADS'],
  ])('%s: %s → %s on %s is %s', (_name, issuer, unit, day, relation) => {
    expect(index.relation(issuer, unit, day)).toBe(relation);
  });

  it.each([
    ['the leader, binding', 'DEPT', '2024-01-01', true, 'BINDING'],
    ['the leader, issued as advisory', 'DEPT', '2024-01-01', false, 'ADVISORY'],
    ['a guide asking to bind: advisory (OVERREACH is reported elsewhere)', 'GW', '2024-01-01', true, 'ADVISORY'],
    ['out of reach', 'TING', '2024-01-01', true, null],
  ])('%s', (_name, issuer, day, binding, authority) => {
    expect(index.authority(issuer, 'V', day, binding).authority).toBe(authority);
  });

  it('finds the period holding a day, with inclusive ends', () => {
    expect(periodAt(timelines, 'JGDW', '2019-11-28')?.leaders).toEqual(['GW']);
    expect(periodAt(timelines, 'JGDW', '2019-11-29')?.leaders).toEqual(['GW', 'TING']);
    expect(periodAt(timelines, 'JGDW', '2018-09-30')).toBeUndefined();
    expect(periodAt(timelines, 'JGDW', '2031-01-01')).toBeUndefined();
  });

  it('lists the direct leaders over a window', () => {
    expect(index.leadersDuring('V', '2024-01-01', '2024-12-31').sort()).toEqual(['DEPT', 'GW']);
    expect(index.leadersDuring('V', '2024-07-01', '2024-12-31')).toEqual(['GW']);
  });

  it.each([
    ['before the task starts: its first day', '2026-01-01', '2026-03-01'],
    ['while it runs: that day', '2026-04-15', '2026-04-15'],
    ['after it ended: its last day', '2026-12-01', '2026-06-30'],
  ])('judges on %s', (_name, day, expected) => {
    expect(judgedOn({ startsOn: '2026-03-01', dueOn: '2026-06-30' }, day)).toBe(expected);
  });
});
