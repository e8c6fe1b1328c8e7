import { applyReport, type AssignmentState, type ReportInput } from './progress';

const TODAY = '2026-06-30';
const task = { startsOn: '2026-01-01', indicator: '主题党日开展次数' };
const plainTask = { startsOn: '2026-01-01', indicator: null };
const state = (over: Partial<AssignmentState> = {}): AssignmentState => ({
  status: 'ASSIGNED',
  progress: 0,
  value: null,
  note: null,
  doneOn: null,
  ...over,
});

describe('applyReport: the state a report leads to', () => {
  const cases: Array<
    [
      string,
      AssignmentState,
      ReportInput,
      { status: string; progress: number; doneOn: string | null; value?: number | null; note?: string | null },
    ]
  > = [
    [
      'progress alone starts the work',
      state(),
      { progress: 30 },
      { status: 'IN_PROGRESS', progress: 30, doneOn: null },
    ],
    [
      'progress 100 alone completes it, today',
      state({ status: 'IN_PROGRESS', progress: 60 }),
      { progress: 100 },
      { status: 'DONE', progress: 100, doneOn: TODAY },
    ],
    [
      'DONE without progress is 100, on the day given',
      state(),
      { status: 'DONE', on: '2026-03-01' },
      { status: 'DONE', progress: 100, doneOn: '2026-03-01' },
    ],
    [
      'a second report on a DONE one keeps its completion day',
      state({ status: 'DONE', progress: 100, doneOn: '2026-03-01' }),
      { value: 12 },
      { status: 'DONE', progress: 100, doneOn: '2026-03-01', value: 12 },
    ],
    [
      'reopening clears the completion day',
      state({ status: 'DONE', progress: 100, doneOn: '2026-03-01' }),
      { status: 'IN_PROGRESS', progress: 80 },
      { status: 'IN_PROGRESS', progress: 80, doneOn: null },
    ],
    [
      'a DONE one back to ASSIGNED needs no progress',
      state({ status: 'DONE', progress: 100, doneOn: '2026-02-01' }),
      { status: 'ASSIGNED' },
      { status: 'ASSIGNED', progress: 0, doneOn: null },
    ],
    [
      'back to ASSIGNED means not started',
      state({ status: 'IN_PROGRESS', progress: 0 }),
      { status: 'ASSIGNED' },
      { status: 'ASSIGNED', progress: 0, doneOn: null },
    ],
    [
      'the status alone keeps the progress',
      state({ status: 'IN_PROGRESS', progress: 40 }),
      { status: 'IN_PROGRESS', note: ' 已召开动员会 ' },
      { status: 'IN_PROGRESS', progress: 40, doneOn: null, note: '已召开动员会' },
    ],
    [
      'a value without progress keeps the rest',
      state({ status: 'IN_PROGRESS', progress: 40, value: 3 }),
      { value: 5 },
      { status: 'IN_PROGRESS', progress: 40, doneOn: null, value: 5 },
    ],
    [
      'an empty note clears it',
      state({ note: '旧说明' }),
      { note: '' },
      { status: 'ASSIGNED', progress: 0, doneOn: null, note: null },
    ],
    [
      "the report day may be the task's first day",
      state(),
      { progress: 10, on: '2026-01-01' },
      { status: 'IN_PROGRESS', progress: 10, doneOn: null },
    ],
  ];
  test.each(cases)('%s', (_name, current, input, expected) => {
    const r = applyReport(current, input, task, TODAY);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.next).toMatchObject(expected);
  });
});

describe('applyReport: refused reports name the field', () => {
  const cases: Array<
    [string, AssignmentState, ReportInput, typeof task | typeof plainTask, 'BAD_USER_INPUT' | 'CONFLICT', string]
  > = [
    ['a withdrawn assignment', state({ status: 'WITHDRAWN' }), { progress: 10 }, task, 'CONFLICT', 'input.assignment'],
    ['a merged assignment', state({ status: 'MERGED' }), { progress: 10 }, task, 'CONFLICT', 'input.assignment'],
    ['settling by report', state(), { status: 'WITHDRAWN' }, task, 'BAD_USER_INPUT', 'input.status'],
    ['progress above 100', state(), { progress: 101 }, task, 'BAD_USER_INPUT', 'input.progress'],
    ['negative progress', state(), { progress: -1 }, task, 'BAD_USER_INPUT', 'input.progress'],
    ['fractional progress', state(), { progress: 12.5 }, task, 'BAD_USER_INPUT', 'input.progress'],
    ['DONE below 100', state(), { status: 'DONE', progress: 90 }, task, 'BAD_USER_INPUT', 'input.progress'],
    ['100 but not DONE', state(), { status: 'IN_PROGRESS', progress: 100 }, task, 'BAD_USER_INPUT', 'input.status'],
    ['ASSIGNED with progress', state(), { status: 'ASSIGNED', progress: 20 }, task, 'BAD_USER_INPUT', 'input.status'],
    [
      'a lower progress on a DONE one without reopening it',
      state({ status: 'DONE', progress: 100, doneOn: '2026-02-01' }),
      { progress: 50 },
      task,
      'BAD_USER_INPUT',
      'input.status',
    ],
    ['an empty report', state({ status: 'IN_PROGRESS', progress: 40 }), {}, task, 'BAD_USER_INPUT', 'input.status'],
    [
      'reopening without progress',
      state({ status: 'DONE', progress: 100, doneOn: '2026-02-01' }),
      { status: 'IN_PROGRESS' },
      task,
      'BAD_USER_INPUT',
      'input.progress',
    ],
    ['a value for a task without indicator', state(), { value: 3 }, plainTask, 'BAD_USER_INPUT', 'input.value'],
    ['a negative value', state(), { value: -2 }, task, 'BAD_USER_INPUT', 'input.value'],
    ['an infinite value', state(), { value: Infinity }, task, 'BAD_USER_INPUT', 'input.value'],
    ['a report day in the future', state(), { progress: 10, on: '2026-07-01' }, task, 'BAD_USER_INPUT', 'input.on'],
    [
      'a report day before the task began',
      state(),
      { progress: 10, on: '2025-12-31' },
      task,
      'BAD_USER_INPUT',
      'input.on',
    ],
    ['a malformed report day', state(), { progress: 10, on: '2026-02-30' }, task, 'BAD_USER_INPUT', 'input.on'],
    ['a note too long', state(), { note: '长'.repeat(2001) }, task, 'BAD_USER_INPUT', 'input.note'],
    ['a note with NUL', state(), { note: 'a\u0000b' }, task, 'BAD_USER_INPUT', 'input.note'],
    ['a note with ESC', state(), { progress: 10, note: '已开展\u001b[2K' }, task, 'BAD_USER_INPUT', 'input.note'],
    ['a note with BEL', state(), { progress: 10, note: '已开展\u0007' }, task, 'BAD_USER_INPUT', 'input.note'],
    [
      'a note with CR (free text keeps LF and TAB only)',
      state(),
      { progress: 10, note: '第一行\r\n第二行' },
      task,
      'BAD_USER_INPUT',
      'input.note',
    ],
  ];
  test.each(cases)('%s', (_name, current, input, t, code, path) => {
    const r = applyReport(current, input, t, TODAY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.problems.map((p) => p.path)).toContain(path);
  });
});
