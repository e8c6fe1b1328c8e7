import type { AssignmentFact } from '../types';
import { detectConflicts, normaliseDeliverable } from './conflict';

let n = 0;
const a = (over: Partial<AssignmentFact>): AssignmentFact => ({
  id: `a${++n}`,
  taskId: `t${n}`,
  unitId: 'U',
  issuerId: 'LEADER',
  title: '报送上半年党建工作总结',
  category: 'ORGANIZATIONAL',
  priority: 'ROUTINE',
  startsOn: '2026-03-01',
  dueOn: '2026-06-30',
  authority: 'BINDING',
  binding: true,
  relation: 'LEADS',
  deliverable: '上半年党建工作总结',
  ...over,
});
const guide = (over: Partial<AssignmentFact>): AssignmentFact =>
  a({
    issuerId: 'GUIDE',
    relation: 'GUIDES',
    authority: 'ADVISORY',
    binding: false,
    title: '报送党建工作半年总结',
    ...over,
  });

describe('normaliseDeliverable', () => {
  it.each([
    ['上半年党建工作总结', '上半年党建工作总结'],
    ['  上半年 党建工作　总结 ', '上半年党建工作总结'],
    ['ＡＢＣ报告（２０２６）', 'ABC报告(2026)'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    ['   ', ''],
  ])('%p → %p', (input, expected) => expect(normaliseDeliverable(input)).toBe(expected));
});

describe('CONFLICT', () => {
  it.each([
    ['same deliverable, different due dates, two issuers', [a({}), guide({ dueOn: '2026-06-15' })], 1],
    [
      'same deliverable, different due dates, the same issuer',
      [a({}), a({ title: '报送党建总结', dueOn: '2026-06-20' })],
      1,
    ],
    ['same deliverable, same due date: no conflict', [a({}), guide({})], 0],
    ['different deliverables', [a({}), guide({ deliverable: '全年党建工作总结', dueOn: '2026-06-15' })], 0],
    [
      'full-width vs half-width and spaces still match',
      [a({ deliverable: 'ＸＸ局 2026年 党建总结' }), guide({ deliverable: 'XX局2026年党建总结', dueOn: '2026-06-15' })],
      1,
    ],
    ['empty deliverables never match', [a({ deliverable: '' }), guide({ deliverable: '', dueOn: '2026-06-15' })], 0],
    [
      'whitespace-only deliverables never match',
      [a({ deliverable: ' ' }), guide({ deliverable: '　', dueOn: '2026-06-15' })],
      0,
    ],
    ['null deliverables never match', [a({ deliverable: null }), guide({ deliverable: null, dueOn: '2026-06-15' })], 0],
    ['different units', [a({}), guide({ unitId: 'V', dueOn: '2026-06-15' })], 0],
    [
      'touching on the last day overlaps (inclusive ends)',
      [a({}), guide({ startsOn: '2026-06-30', dueOn: '2026-07-31' })],
      1,
    ],
    ['the day after the other ends: no overlap', [a({}), guide({ startsOn: '2026-07-01', dueOn: '2026-07-31' })], 0],
    [
      'declared incompatible by the first',
      [a({ deliverable: null, incompatibleTaskIds: ['tX'] }), guide({ taskId: 'tX', deliverable: null })],
      1,
    ],
    [
      'declared incompatible by the second',
      [a({ taskId: 'tY', deliverable: null }), guide({ deliverable: null, incompatibleTaskIds: ['tY'] })],
      1,
    ],
    [
      'declared incompatible, but the periods do not overlap',
      [a({ incompatibleTaskIds: ['tX'] }), guide({ taskId: 'tX', startsOn: '2026-07-01', dueOn: '2026-09-30' })],
      0,
    ],
    [
      'incompatible with a task the unit does not hold',
      [a({ incompatibleTaskIds: ['tZ'] }), guide({ deliverable: null })],
      0,
    ],
    [
      'a task is never incompatible with itself',
      [a({ taskId: 'tS', deliverable: null, incompatibleTaskIds: ['tS'] }), a({ taskId: 'tS', deliverable: null })],
      0,
    ],
    [
      'both cases on one pair: one finding',
      [a({ incompatibleTaskIds: ['tX'] }), guide({ taskId: 'tX', dueOn: '2026-06-15' })],
      1,
    ],
    [
      'three deadlines for one deliverable: every pair',
      [a({}), guide({ dueOn: '2026-06-15' }), a({ issuerId: 'OTHER', dueOn: '2026-06-10' })],
      3,
    ],
  ] as const)('%s → %i', (_name, list, count) => {
    expect(detectConflicts(list as unknown as AssignmentFact[])).toHaveLength(count);
  });

  it("keeps the leader's deadline and asks the guide to align; message names the deliverable and both dates", () => {
    const g = guide({ dueOn: '2026-06-15', startsOn: '2026-02-01' });
    const l = a({});
    const [f] = detectConflicts([g, l]);
    expect(f).toMatchObject({
      kind: 'CONFLICT',
      unitId: 'U',
      assignmentIds: [l.id, g.id],
      taskIds: [l.taskId, g.taskId],
      issuerIds: ['LEADER', 'GUIDE'],
    });
    expect(f.message).toBe(
      '「报送党建工作半年总结」与「报送上半年党建工作总结」要求同一成果「上半年党建工作总结」，截止日期却分别为2026-06-15和2026-06-30（内容冲突）',
    );
    expect(f.suggestion).toMatch(
      /^以领导方下达的「报送上半年党建工作总结」为准（截止日期2026-06-30），请另一下达单位将「报送党建工作半年总结」的截止日期与之对齐，或撤回/,
    );
    expect(f.message).not.toMatch(/LEADER|GUIDE/);
  });

  it('declared incompatible: keep the binding task, the other issuer withdraws or adapts', () => {
    const g = guide({
      taskId: 'tG',
      title: '集中开展专题调研',
      deliverable: null,
      startsOn: '2026-01-01',
      incompatibleTaskIds: ['tL'],
    });
    const l = a({ taskId: 'tL', title: '集中开展专题培训', deliverable: null });
    const [f] = detectConflicts([l, g]);
    expect(f.assignmentIds).toEqual([l.id, g.id]);
    expect(f.message).toMatch(
      /^「集中开展专题调研」与「集中开展专题培训」已被声明互不相容.*2026-06-30和2026-06-30.*（内容冲突）$/,
    );
    expect(f.suggestion).toMatch(/以领导方下达的「集中开展专题培训」为准，请另一下达单位撤回「集中开展专题调研」/);
  });

  it('both binding (都管): the two issuers coordinate, and the leadership is checked', () => {
    const [f] = detectConflicts([a({}), a({ issuerId: 'OTHER-LEADER', dueOn: '2026-05-31' })]);
    expect(f.issuerIds).toEqual(['LEADER', 'OTHER-LEADER']);
    expect(f.suggestion).toBe(
      '两项均以领导关系下达（都管）：请两个下达单位协商确定「上半年党建工作总结」的截止日期，并核查本单位的领导关系',
    );
  });

  it('both advisory: the two issuers coordinate', () => {
    const [f] = detectConflicts([guide({}), guide({ issuerId: 'GUIDE-2', dueOn: '2026-05-31' })]);
    expect(f.suggestion).toMatch(/^两项均为指导性任务：请两个下达单位协商确定「上半年党建工作总结」的截止日期$/);
  });

  it('one issuer, two deadlines: it says which one stands; the issuer is listed once', () => {
    const first = a({ title: '报送总结（一）' });
    const second = a({ title: '报送总结（二）', dueOn: '2026-06-20' });
    const [f] = detectConflicts([first, second]);
    expect(f.issuerIds).toEqual(['LEADER']);
    expect(f.suggestion).toMatch(/同一下达单位.*「报送总结（一）」还是「报送总结（二）」为准/);
  });

  it('stable order: by start date, then id, whatever the input order', () => {
    const x = a({ id: 'x', startsOn: '2026-01-01' });
    const y = guide({ id: 'y', dueOn: '2026-06-15' });
    const z = a({ id: 'z', issuerId: 'OTHER', startsOn: '2026-03-01', dueOn: '2026-06-01' });
    const ids = (list: AssignmentFact[]) => detectConflicts(list).map((f) => f.assignmentIds.join('+'));
    expect(ids([z, y, x])).toEqual(['x+y', 'x+z', 'z+y']);
    expect(ids([x, y, z])).toEqual(ids([z, x, y]));
  });
});
