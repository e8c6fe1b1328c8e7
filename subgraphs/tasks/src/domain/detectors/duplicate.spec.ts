import type { AssignmentFact } from '../types';
import { detectDuplicates } from './duplicate';

let n = 0;
const a = (over: Partial<AssignmentFact>): AssignmentFact => ({
  id: `a${++n}`,
  taskId: `t${n}`,
  unitId: 'U',
  issuerId: 'LEADER',
  title: '开展党史学习教育',
  category: 'IDEOLOGICAL',
  priority: 'KEY',
  startsOn: '2026-03-01',
  dueOn: '2026-06-30',
  authority: 'BINDING',
  binding: true,
  relation: 'LEADS',
  ...over,
});

describe('DUPLICATE', () => {
  it.each([
    [
      'two issuers, similar titles, same category, overlapping',
      [a({}), a({ issuerId: 'GUIDE', relation: 'GUIDES', title: '深入开展党史学习教育活动', authority: 'ADVISORY' })],
      1,
    ],
    ['the same issuer twice is not a duplicate across issuers', [a({}), a({ title: '深入开展党史学习教育活动' })], 0],
    ['different categories', [a({}), a({ issuerId: 'GUIDE', relation: 'GUIDES', category: 'ORGANIZATIONAL' })], 0],
    ['different units', [a({}), a({ issuerId: 'GUIDE', relation: 'GUIDES', unitId: 'V' })], 0],
    ['different work', [a({}), a({ issuerId: 'GUIDE', relation: 'GUIDES', title: '开展党费收缴工作' })], 0],
    [
      'periods touching on one day overlap (inclusive ends)',
      [a({}), a({ issuerId: 'GUIDE', relation: 'GUIDES', startsOn: '2026-06-30', dueOn: '2026-09-30' })],
      1,
    ],
    [
      'the day after the other ends: no overlap',
      [a({}), a({ issuerId: 'GUIDE', relation: 'GUIDES', startsOn: '2026-07-01', dueOn: '2026-09-30' })],
      0,
    ],
    ['three issuers: every pair', [a({}), a({ issuerId: 'G1' }), a({ issuerId: 'G2' })], 3],
  ] as const)('%s → %i', (_name, list, count) => {
    expect(detectDuplicates(list as unknown as AssignmentFact[])).toHaveLength(count);
  });

  it("keeps the leader's binding assignment and turns the guide's into a reference", () => {
    const guide = a({
      issuerId: 'GUIDE',
      relation: 'GUIDES',
      title: '深入开展党史学习教育活动',
      authority: 'ADVISORY',
      startsOn: '2026-02-01',
    });
    const leader = a({});
    const [f] = detectDuplicates([guide, leader]);
    expect(f).toMatchObject({
      kind: 'DUPLICATE',
      unitId: 'U',
      assignmentIds: [leader.id, guide.id],
      issuerIds: ['LEADER', 'GUIDE'],
    });
    expect(f.suggestion).toMatch(
      /^保留领导方下达的「开展党史学习教育」，将指导方的「深入开展党史学习教育活动」转为参考/,
    );
    expect(f.message).toMatch(/任务交叉重叠/);
  });

  it('two binding issuers (都管): merge, and check the leadership', () => {
    const [f] = detectDuplicates([a({}), a({ issuerId: 'OTHER-LEADER' })]);
    expect(f.suggestion).toMatch(/都管.*核查本单位的领导关系/);
  });
});
