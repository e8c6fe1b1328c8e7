import { taskPeriodProblems } from './task-period';

describe('taskPeriodProblems', () => {
  it.each<[string, unknown, unknown, Array<{ field: string; message: string }>]>([
    ['a good period', '2026-03-01', '2026-06-30', []],
    ['one day', '2026-03-01', '2026-03-01', []],
    [
      'due before start',
      '2026-03-01',
      '2026-02-28',
      [{ field: 'dueOn', message: '截止日期 2026-02-28 早于开始日期 2026-03-01' }],
    ],
    [
      'an impossible start',
      '2026-02-30',
      '2026-06-30',
      [{ field: 'startsOn', message: '不是有效日期（YYYY-MM-DD）：2026-02-30' }],
    ],
    ['no due date', '2026-03-01', undefined, [{ field: 'dueOn', message: '不是有效日期（YYYY-MM-DD）：undefined' }]],
    [
      'both bad',
      'spring',
      12,
      [
        { field: 'startsOn', message: '不是有效日期（YYYY-MM-DD）：spring' },
        { field: 'dueOn', message: '不是有效日期（YYYY-MM-DD）：12' },
      ],
    ],
  ])('%s', (_n, startsOn, dueOn, expected) => {
    expect(taskPeriodProblems(startsOn, dueOn)).toEqual(expected);
  });
});
