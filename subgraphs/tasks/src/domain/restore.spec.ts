import { recordedAssignments, recordedStatus } from './restore';

describe("recordedAssignments: a task's assignments as an export records them", () => {
  it.each<[string, unknown, unknown, string[]]>([
    ['no assignments: a new task, untouched', { title: 'x', targets: ['A'] }, null, []],
    [
      'active, withdrawn and merged units',
      {
        title: 'x',
        assignments: [
          { unit: 'A' },
          { unit: 'B', status: 'WITHDRAWN' },
          { unit: 'C', status: 'MERGED', into: { issuer: 'I', key: 'K' } },
        ],
      },
      [
        { unit: 'A', status: 'ACTIVE', into: null },
        { unit: 'B', status: 'WITHDRAWN', into: null },
        { unit: 'C', status: 'MERGED', into: { issuer: 'I', key: 'K' } },
      ],
      [],
    ],
    [
      'targets beside assignments',
      { targets: ['A'], assignments: [{ unit: 'A' }] },
      [{ unit: 'A', status: 'ACTIVE', into: null }],
      ['t.targets'],
    ],
    ['an empty list', { assignments: [] }, null, ['t.assignments']],
    ['a unit twice', { assignments: [{ unit: 'A' }, { unit: 'A' }] }, null, ['t.assignments[1].unit']],
    ['a progress status', { assignments: [{ unit: 'A', status: 'DONE' }] }, null, ['t.assignments[0].status']],
    ['a merge without into', { assignments: [{ unit: 'A', status: 'MERGED' }] }, null, ['t.assignments[0].into']],
    [
      'into on a withdrawal',
      { assignments: [{ unit: 'A', status: 'WITHDRAWN', into: { issuer: 'I', key: 'K' } }] },
      null,
      ['t.assignments[0].into'],
    ],
  ])('%s', (_, raw, expected, paths) => {
    const r = recordedAssignments(raw, 't');
    expect(r.problems.map((p) => p.path)).toEqual(paths);
    if (paths.length === 0) expect(r.assignments).toEqual(expected);
  });

  it('hands validateTask the assigned units as targets, without the assignments', () => {
    expect(
      recordedAssignments({ title: 'x', assignments: [{ unit: 'A' }, { unit: 'B', status: 'WITHDRAWN' }] }, 't').rest,
    ).toEqual({ title: 'x', targets: ['A', 'B'] });
  });

  it.each([
    ['ASSIGNED', 'ACTIVE'],
    ['IN_PROGRESS', 'ACTIVE'],
    ['DONE', 'ACTIVE'],
    ['WITHDRAWN', 'WITHDRAWN'],
    ['MERGED', 'MERGED'],
  ])('a stored %s is written as %s', (stored, written) => {
    expect(recordedStatus(stored)).toBe(written);
  });
});
