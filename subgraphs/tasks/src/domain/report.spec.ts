import { lineAsOf, peerComparison, results, summarize, type ReportLine } from './report';

const line = (over: Partial<ReportLine>): ReportLine => ({
  assignmentId: 'a',
  unitId: 'u1',
  taskId: 't1',
  dueOn: '2026-06-30',
  status: 'ASSIGNED',
  progress: 0,
  doneOn: null,
  indicator: null,
  target: null,
  value: null,
  ...over,
});

describe('summarize (进度表)', () => {
  const asOf = '2026-07-15';
  const cases: Array<[string, ReportLine[], Record<string, number | null>]> = [
    ['nothing assigned', [], { assigned: 0, completionRate: null, onTimeRate: null, averageProgress: null }],
    [
      'done on time, done late, in progress overdue, not yet due',
      [
        line({ status: 'DONE', progress: 100, doneOn: '2026-06-30' }),
        line({ status: 'DONE', progress: 100, doneOn: '2026-07-01' }),
        line({ status: 'IN_PROGRESS', progress: 50 }),
        line({ dueOn: '2026-12-31' }),
      ],
      {
        assigned: 4,
        done: 2,
        inProgress: 1,
        notStarted: 1,
        overdue: 1,
        dueByNow: 3,
        doneOnTime: 1,
        completionRate: 0.5,
        onTimeRate: 1 / 3,
        averageProgress: 62.5,
      },
    ],
    [
      'due on the day itself is not overdue yet',
      [line({ dueOn: asOf })],
      { overdue: 0, dueByNow: 0, onTimeRate: null },
    ],
    ['due the day before is overdue', [line({ dueOn: '2026-07-14' })], { overdue: 1, dueByNow: 1, onTimeRate: 0 }],
    [
      'done early on a task not yet due counts as done, not yet on time',
      [line({ dueOn: '2026-12-31', status: 'DONE', progress: 100, doneOn: '2026-07-01' })],
      { done: 1, completionRate: 1, onTimeRate: null },
    ],
  ];
  test.each(cases)('%s', (_n, lines, expected) => {
    const s = summarize(lines, asOf) as unknown as Record<string, number | null>;
    for (const [k, v] of Object.entries(expected)) {
      if (typeof v === 'number') expect(s[k]).toBeCloseTo(v, 10);
      else expect(s[k]).toBe(v);
    }
  });
});

describe('peerComparison (the outlier rule)', () => {
  const cases: Array<[string, number, number[], boolean, number | null]> = [
    ['four peers are enough', 2, [10, 11, 12, 13], true, null],
    ['far below ten spread peers', 0, [10, 11, 12, 13, 10, 11, 12, 13, 10, 11], true, null],
    ['within two deviations', 10, [10, 12, 14, 8, 11], false, null],
    ['identical peers: the 5% floor keeps a small difference small', 0.98, [1, 1, 1, 1, 1], false, -0.4],
    ['identical peers: a large difference is flagged', 0.5, [1, 1, 1, 1, 1], true, -10],
    ['only three peers: never flagged, and no peer figures given', 0, [10, 10, 10], false, null],
    ['no peers', 5, [], false, null],
    ['above the peers', 30, [10, 11, 12, 13, 10, 11], true, null],
  ];
  test.each(cases)('%s', (_n, x, peers, outlier, z) => {
    const c = peerComparison(x, peers);
    expect(c.outlier).toBe(outlier);
    if (z !== null) expect(c.z).toBeCloseTo(z, 6);
    if (peers.length < 4) expect([c.mean, c.sd, c.z]).toEqual([null, null, null]);
  });
  test('four spread peers: z is exactly what the rule says', () => {
    const c = peerComparison(2, [10, 11, 12, 13]);
    expect(c.mean).toBeCloseTo(11.5);
    expect(c.sd).toBeCloseTo(Math.sqrt(1.25));
    expect(c.z).toBeCloseTo((2 - 11.5) / Math.sqrt(1.25));
    expect(c.outlier).toBe(true); // |z| ≈ 8.5 with four peers
  });
});

describe('results: the floors of the spread', () => {
  const kinds = (_u: string) => 'BRANCH';
  // February: four branches have finished nothing, one has finished 1 of 10.
  const feb: ReportLine[] = ['a', 'b', 'c', 'd', 'e'].flatMap((u) =>
    Array.from({ length: 10 }, (_, i) =>
      line({
        assignmentId: `${u}${i}`,
        unitId: u,
        taskId: `t${i}`,
        dueOn: '2026-12-31',
        ...(u === 'e' && i === 0 ? { status: 'DONE', progress: 100, doneOn: '2026-02-10' } : {}),
      }),
    ),
  );
  it('peers all at 0 do not make a small difference infinite', () => {
    const r = results(feb, new Set(['e']), kinds, '2026-02-28');
    const completion = r.find((x) => x.measure === 'COMPLETION_RATE')!;
    expect(completion).toMatchObject({ value: 0.1, peerMean: 0, outlier: false });
    expect(completion.zScore).toBeCloseTo(1); // 0.1 / the 0.1 floor
    expect(r.find((x) => x.measure === 'AVERAGE_PROGRESS')!).toMatchObject({ value: 10, peerMean: 0, outlier: false });
  });
  it('an indicator whose peers all report 0 is compared against a floor of 1 (or 5% of the target)', () => {
    const lines = ['a', 'b', 'c', 'd', 'e'].map((u) =>
      line({ assignmentId: u, unitId: u, taskId: 'k', indicator: '次数', target: 100, value: u === 'e' ? 4 : 0 }),
    );
    const e = results(lines, new Set(['e']), kinds, '2026-02-28').find((x) => x.measure === 'INDICATOR')!;
    expect(e.zScore).toBeCloseTo(4 / 5); // floor: 5% of the target 100
    expect(e.outlier).toBe(false);
  });
});

describe('results (成绩单)', () => {
  const kinds: Record<string, string> = {
    u1: 'BRANCH',
    u2: 'BRANCH',
    u3: 'BRANCH',
    u4: 'BRANCH',
    u5: 'BRANCH',
    u6: 'BRANCH',
    x: 'ORGAN_PARTY_COMMITTEE',
  };
  const asOf = '2026-12-31';
  // Six branches, each with one task done except u6; u1..u5 report 主题党日 values, u5 far below.
  const lines: ReportLine[] = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6']
    .flatMap((u, i) => [
      line({
        assignmentId: `r${u}`,
        unitId: u,
        taskId: 'routine',
        status: u === 'u6' ? 'IN_PROGRESS' : 'DONE',
        progress: u === 'u6' ? 10 : 100,
        doneOn: '2026-06-01',
      }),
      line({
        assignmentId: `i${u}`,
        unitId: u,
        taskId: 'days',
        indicator: '主题党日开展次数',
        target: 12,
        value: u === 'u5' ? 2 : u === 'u6' ? null : 12 + (i % 2),
        status: 'IN_PROGRESS',
        progress: 50,
      }),
    ])
    .concat([line({ assignmentId: 'rx', unitId: 'x', taskId: 'routine', status: 'ASSIGNED' })]);

  test('the unit measures compare a unit with units of its kind only', () => {
    const r = results(lines, new Set(['u6', 'x']), (u) => kinds[u], asOf);
    const u6 = r.find((x) => x.unitId === 'u6' && x.measure === 'COMPLETION_RATE')!;
    expect(u6.value).toBe(0);
    expect(u6.peerCount).toBe(5);
    expect(u6.peerMean).toBeCloseTo(0.5);
    const x = r.find((y) => y.unitId === 'x' && y.measure === 'COMPLETION_RATE')!;
    expect(x.peerCount).toBe(0); // the only organ party committee
    expect(x.outlier).toBe(false);
    expect(r.every((y) => y.unitId === 'u6' || y.unitId === 'x')).toBe(true);
  });

  test("an indicator value far below the same task's other units is flagged, with a Chinese message", () => {
    const r = results(lines, new Set(['u1', 'u5']), (u) => kinds[u], asOf);
    const u5 = r.find((x) => x.unitId === 'u5' && x.measure === 'INDICATOR')!;
    expect(u5).toMatchObject({
      taskId: 'days',
      indicator: '主题党日开展次数',
      target: 12,
      value: 2,
      peerCount: 4,
      outlier: true,
    });
    expect(u5.message).toContain('明显低于');
    expect(u5.message).toContain('未达目标值 12');
    const u1 = r.find((x) => x.unitId === 'u1' && x.measure === 'INDICATOR')!;
    expect(u1.outlier).toBe(false);
    expect(u1.message).toContain('达到目标值 12');
  });

  test('a unit that reported no value has no indicator result', () => {
    const r = results(lines, new Set(['u6']), (u) => kinds[u], asOf);
    expect(r.filter((x) => x.measure === 'INDICATOR')).toEqual([]);
  });
});

describe('lineAsOf: the state on a past day, from the reports made for days up to it', () => {
  const done = line({ status: 'DONE', progress: 100, doneOn: '2026-09-01', value: 12, dueOn: '2026-05-31' });
  const reports = [
    { on: '2026-03-01', version: 2, status: 'IN_PROGRESS', progress: 30, value: 3 },
    { on: '2026-06-15', version: 3, status: 'IN_PROGRESS', progress: 80, value: 8 },
    { on: '2026-09-01', version: 4, status: 'DONE', progress: 100, value: 12 },
  ];
  it.each<[string, string, Partial<ReportLine>]>([
    ['before any report: not started', '2026-02-01', { status: 'ASSIGNED', progress: 0, value: null, doneOn: null }],
    [
      'mid-year: in progress, and overdue',
      '2026-06-30',
      { status: 'IN_PROGRESS', progress: 80, value: 8, doneOn: null },
    ],
    [
      'after completion: done on its day',
      '2026-12-31',
      { status: 'DONE', progress: 100, value: 12, doneOn: '2026-09-01' },
    ],
  ])('%s', (_n, asOf, expected) => {
    const l = lineAsOf(done, reports, asOf);
    expect(l).toMatchObject(expected);
  });
  it('the mid-year 进度表 does not count a task done later', () => {
    expect(summarize([lineAsOf(done, reports, '2026-06-30')], '2026-06-30')).toMatchObject({
      done: 0,
      overdue: 1,
      completionRate: 0,
    });
  });
});
