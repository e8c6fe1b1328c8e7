import type { RelationPeriod, Timelines } from '@tiaokuai/leadership';
import { reachDuring } from './list-reach';
import { responsibilityList } from './responsibility-list';
import type { AssignmentFact, RequiredItem, TaskFinding } from './types';

/** ZB is led by JGDW (under GW, UNIFIED) until 2026-06-30, then by HB-GW (a transfer). */
const p = (from: string, to: string, leaders: string[], leaderFlavours?: Array<string | null>): RelationPeriod => ({
  from,
  to,
  leaders,
  guides: [],
  ...(leaderFlavours ? { leaderFlavours } : {}),
});
const T: Timelines = new Map([
  ['GW', [p('2000-01-01', '2099-12-31', [])]],
  ['HB-GW', [p('2000-01-01', '2099-12-31', [])]],
  ['JGDW', [p('2000-01-01', '2099-12-31', ['GW'], ['UNIFIED'])]],
  ['ZB', [p('2000-01-01', '2026-06-30', ['JGDW']), p('2026-07-01', '2099-12-31', ['HB-GW'])]],
]);
const item = (id: string, ownerId: string | null, over: Partial<RequiredItem> = {}): RequiredItem => ({
  id,
  ownerId,
  code: id,
  name: id,
  kinds: ['BRANCH'],
  frequency: 'YEARLY',
  ...over,
});
const fact = (id: string, requiredItemId: string, authority: 'BINDING' | 'ADVISORY'): AssignmentFact => ({
  id,
  taskId: id,
  unitId: 'ZB',
  issuerId: 'X',
  title: 't',
  category: 'ORGANIZATIONAL',
  priority: 'ROUTINE',
  startsOn: '2026-02-01',
  dueOn: '2026-02-28',
  authority,
  binding: true,
  relation: authority === 'BINDING' ? 'LEADS' : 'GUIDES',
  requiredItemId,
});
const gap = (requiredItemId: string): TaskFinding => ({
  kind: 'MISSING',
  unitId: 'ZB',
  assignmentIds: [],
  taskIds: [],
  issuerIds: [],
  requiredItemId,
  from: '2026-01-01',
  to: '2026-12-31',
  message: '',
  suggestion: '',
});

const run = (items: RequiredItem[], assignments: AssignmentFact[] = [], missing: TaskFinding[] = []) =>
  responsibilityList({
    unitId: 'ZB',
    unitKind: 'BRANCH',
    from: '2026-01-01',
    to: '2026-12-31',
    items,
    reach: reachDuring(T, 'ZB', '2026-01-01', '2026-12-31'),
    assignments,
    missing,
  }).map(
    (e) =>
      `${e.item.id} ${e.relation} ${e.depth} ${e.through ?? '-'} ${e.flavour ?? '-'} ${e.from}..${e.to} done ${e.assignments.map((a) => a.id).join(',') || '-'} missing ${e.missing.length}`,
  );

describe("a unit's responsibility list for a year", () => {
  it.each<[string, RequiredItem[], AssignmentFact[], TaskFinding[], string[]]>([
    [
      'a hub-wide item: the whole year',
      [item('H', null)],
      [],
      [gap('H')],
      ['H HUB_WIDE 0 - - 2026-01-01..2026-12-31 done - missing 1'],
    ],
    [
      "a committee's item cascades for the days it led the unit",
      [item('G', 'GW')],
      [],
      [],
      ['G CASCADE 2 JGDW UNIFIED 2026-01-01..2026-06-30 done - missing 0'],
    ],
    [
      "the new leader's item from the transfer on",
      [item('N', 'HB-GW')],
      [],
      [],
      ['N DIRECT 1 - - 2026-07-01..2026-12-31 done - missing 0'],
    ],
    [
      'an item of another kind, or of a body that never led it, is not on it',
      [item('K', null, { kinds: ['GRASSROOTS_UNIT'] }), item('O', 'NOBODY')],
      [],
      [],
      [],
    ],
    ['an item retired before the year is not on it', [item('R', null, { retiredOn: '2025-06-01' })], [], [], []],
    [
      "binding assignments fulfil it; a guide's advisory one does not count",
      [item('H', null)],
      [fact('a1', 'H', 'BINDING'), fact('a2', 'H', 'ADVISORY'), fact('a3', 'X', 'BINDING')],
      [],
      ['H HUB_WIDE 0 - - 2026-01-01..2026-12-31 done a1 missing 0'],
    ],
  ])('%s', (_name, items, assignments, missing, expected) => {
    expect(run(items, assignments, missing)).toEqual(expected);
  });
});
