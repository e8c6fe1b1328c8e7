import type { AssignmentFact, RelationPeriod, RequiredItem } from '../types';
import { detectTaskFindings, type TaskFindingsInput } from './index';

/**
 * 四川省地震局 (a GRASSROOTS_UNIT, party relations and business both VERTICAL): led by
 * 中国地震局党组 (CEA), guided by 四川省直机关工委 (SCWC). First half of 2026.
 */
const base = { unitId: 'SC-EQ', category: 'ORGANIZATIONAL', priority: 'ROUTINE' } as const;
const lead = (
  over: Partial<AssignmentFact> & Pick<AssignmentFact, 'id' | 'title' | 'startsOn' | 'dueOn'>,
): AssignmentFact => ({
  ...base,
  taskId: `T-${over.id}`,
  issuerId: 'CEA',
  authority: 'BINDING',
  binding: true,
  relation: 'LEADS',
  ...over,
});
const guide = (
  over: Partial<AssignmentFact> & Pick<AssignmentFact, 'id' | 'title' | 'startsOn' | 'dueOn'>,
): AssignmentFact => ({
  ...base,
  taskId: `T-${over.id}`,
  issuerId: 'SCWC',
  authority: 'ADVISORY',
  binding: false,
  relation: 'GUIDES',
  ...over,
});

const ASSIGNMENTS: AssignmentFact[] = [
  // 任务交叉重叠 on key work: both sides assign the same study campaign
  lead({
    id: 'L-DSXX',
    title: '开展党史学习教育',
    category: 'IDEOLOGICAL',
    priority: 'KEY',
    startsOn: '2026-03-01',
    dueOn: '2026-06-30',
  }),
  guide({
    id: 'G-DSXX',
    title: '深入开展党史学习教育活动',
    category: 'IDEOLOGICAL',
    priority: 'KEY',
    startsOn: '2026-03-10',
    dueOn: '2026-06-30',
  }),
  // the guide asks for a binding report (overreach), due two weeks before the leader's (conflict)
  guide({
    id: 'G-YSXT',
    title: '开展意识形态工作专项检查',
    category: 'IDEOLOGY_WORK',
    priority: 'KEY',
    startsOn: '2026-04-01',
    dueOn: '2026-06-15',
    binding: true,
    deliverable: '意识形态工作责任制落实情况报告',
  }),
  lead({
    id: 'L-YSXT',
    title: '报送意识形态工作责任制落实情况',
    category: 'INSTITUTIONAL',
    startsOn: '2026-04-01',
    dueOn: '2026-06-30',
    deliverable: '意识形态工作责任制 落实情况报告',
  }),
  // routine items: 三会一课 assigned for Q1 only (Q2 only advised by the guide), 民主评议党员 for the year, 组织生活会 never
  lead({
    id: 'L-SHYK',
    title: '落实三会一课制度',
    startsOn: '2026-01-01',
    dueOn: '2026-03-31',
    requiredItemId: 'SHYK',
  }),
  guide({
    id: 'G-SHYK',
    title: '严格落实三会一课',
    startsOn: '2026-04-01',
    dueOn: '2026-06-30',
    requiredItemId: 'SHYK',
  }),
  lead({
    id: 'L-MZPY',
    title: '开展民主评议党员',
    startsOn: '2026-01-10',
    dueOn: '2026-02-28',
    requiredItemId: 'MZPY',
  }),
  // outside the window, and another unit: ignored
  guide({
    id: 'G-LATE',
    title: '报送意识形态工作报告',
    category: 'IDEOLOGY_WORK',
    startsOn: '2026-07-01',
    dueOn: '2026-09-30',
    binding: true,
    deliverable: '意识形态工作责任制落实情况报告',
  }),
  guide({
    id: 'G-OTHER',
    title: '开展党史学习教育',
    unitId: 'SC-QX',
    category: 'IDEOLOGICAL',
    priority: 'KEY',
    startsOn: '2026-03-01',
    dueOn: '2026-06-30',
    binding: true,
  }),
];
const ITEMS: RequiredItem[] = [
  { id: 'SHYK', code: 'SHYK', name: '三会一课', kinds: ['GRASSROOTS_UNIT', 'BRANCH'], frequency: 'QUARTERLY' },
  { id: 'MZPY', code: 'MZPY', name: '民主评议党员', kinds: ['GRASSROOTS_UNIT', 'BRANCH'], frequency: 'YEARLY' },
  { id: 'ZZSHH', code: 'ZZSHH', name: '组织生活会', kinds: ['GRASSROOTS_UNIT', 'BRANCH'], frequency: 'YEARLY' },
  { id: 'SJSZ', code: 'SJSZ', name: '书记抓党建述职评议', kinds: ['DEPARTMENT_PARTY_GROUP'], frequency: 'YEARLY' },
];
const PERIODS: RelationPeriod[] = [{ from: '2018-03-21', to: '2026-12-31', leaders: ['CEA'], guides: ['SCWC'] }];
const INPUT: TaskFindingsInput = {
  unitId: 'SC-EQ',
  unitKind: 'GRASSROOTS_UNIT',
  from: '2026-01-01',
  to: '2026-06-30',
  items: ITEMS,
  assignments: ASSIGNMENTS,
  periods: PERIODS,
};

describe('detectTaskFindings: 四川省地震局, first half of 2026', () => {
  const findings = detectTaskFindings(INPUT);

  it('finds each kind once (two gaps), in kind order', () => {
    expect(findings.map((f) => f.kind)).toEqual([
      'DUPLICATE',
      'CONFLICT',
      'OVERREACH',
      'MISSING',
      'MISSING',
      'CHERRY_PICKING',
    ]);
    expect(findings.every((f) => f.unitId === 'SC-EQ')).toBe(true);
  });

  it.each([
    ['DUPLICATE', 0, ['L-DSXX', 'G-DSXX'], ['CEA', 'SCWC']],
    ['CONFLICT', 1, ['L-YSXT', 'G-YSXT'], ['CEA', 'SCWC']],
    ['OVERREACH', 2, ['G-YSXT'], ['SCWC']],
    ['MISSING', 3, [], ['CEA']],
    ['MISSING', 4, [], ['CEA']],
    ['CHERRY_PICKING', 5, ['L-DSXX', 'G-DSXX'], ['CEA', 'SCWC']],
  ] as const)('%s #%i concerns %j', (kind, i, ids, issuers) => {
    expect(findings[i]).toMatchObject({ kind, assignmentIds: ids, issuerIds: issuers });
  });

  it('the conflict keeps the leader’s deadline for the report', () => {
    expect(findings[1].message).toMatch(
      /要求同一成果「意识形态工作责任制 落实情况报告」，截止日期却分别为2026-06-15和2026-06-30/,
    );
    expect(findings[1].suggestion).toMatch(
      /^以领导方下达的「报送意识形态工作责任制落实情况」为准（截止日期2026-06-30）/,
    );
  });

  it('gaps: 三会一课 in Q2 (the guide’s advice does not count) and 组织生活会 for the year, each with its whole period', () => {
    expect(findings.slice(3, 5).map((f) => [f.requiredItemId, f.from, f.to])).toEqual([
      ['SHYK', '2026-04-01', '2026-06-30'],
      ['ZZSHH', '2026-01-01', '2026-12-31'],
    ]);
    expect(findings[3].message).toMatch(/^2026年第二季度.*「三会一课」/);
    expect(findings[3].suggestion).toMatch(/「严格落实三会一课」为指导性任务，不计入/);
    expect(findings[4].message).toMatch(/^2026年度.*「组织生活会」/);
  });

  it('cherry-picking: one duplicated key task, two routine items missing', () => {
    expect(findings[5].message).toBe(
      '1项重点工作被多个单位重复下达（涉及2项任务），而责任清单事项「SHYK」、「ZZSHH」无人下达（都想管重点不想管一般）',
    );
  });

  it('ignores assignments outside the window and of other units', () => {
    const ids = findings.flatMap((f) => f.assignmentIds);
    expect(ids).not.toContain('G-LATE');
    expect(ids).not.toContain('G-OTHER');
  });

  it('does not depend on the input order', () => {
    expect(detectTaskFindings({ ...INPUT, assignments: [...ASSIGNMENTS].reverse() })).toEqual(findings);
  });

  it.each([
    [
      'the window is the second half: only the late overreach and 三会一课 Q3, Q4 and 组织生活会 (民主评议党员 was assigned in January)',
      { from: '2026-07-01', to: '2026-12-31' },
      ['OVERREACH', 'MISSING', 'MISSING', 'MISSING'],
    ],
    [
      'the leader assigns 三会一课 for Q2 (duplicating the guide’s advice) and 组织生活会: no gaps, no cherry-picking',
      {
        assignments: [
          ...ASSIGNMENTS,
          lead({
            id: 'L-SHYK2',
            title: '落实三会一课制度',
            startsOn: '2026-04-01',
            dueOn: '2026-06-30',
            requiredItemId: 'SHYK',
          }),
          lead({
            id: 'L-ZZSHH',
            title: '召开专题组织生活会',
            startsOn: '2026-06-30',
            dueOn: '2026-12-31',
            requiredItemId: 'ZZSHH',
          }),
        ],
      },
      ['DUPLICATE', 'DUPLICATE', 'CONFLICT', 'OVERREACH'],
    ],
    ['the unit did not exist yet: nothing missing', { periods: [] }, ['DUPLICATE', 'CONFLICT', 'OVERREACH']],
  ] as [string, Partial<TaskFindingsInput>, string[]][])('%s', (_name, over, kinds) => {
    expect(detectTaskFindings({ ...INPUT, ...over }).map((f) => f.kind)).toEqual(kinds);
  });
});
