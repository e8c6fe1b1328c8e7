import type { AssignmentFact } from '../types';
import { detectOverreach } from './overreach';

let n = 0;
const a = (over: Partial<AssignmentFact>): AssignmentFact => ({
  id: `a${++n}`,
  taskId: `t${n}`,
  unitId: 'U',
  issuerId: 'GUIDE',
  title: '开展意识形态工作专项检查',
  category: 'IDEOLOGY_WORK',
  priority: 'KEY',
  startsOn: '2026-03-01',
  dueOn: '2026-06-30',
  authority: 'ADVISORY',
  binding: true,
  relation: 'GUIDES',
  ...over,
});

describe('OVERREACH', () => {
  it.each([
    ['a guide asking for binding work', [a({})], 1],
    ['a guide sending advisory work', [a({ binding: false })], 0],
    ['the leader sending binding work', [a({ issuerId: 'LEADER', relation: 'LEADS', authority: 'BINDING' })], 0],
    [
      'the leader sending advisory work',
      [a({ issuerId: 'LEADER', relation: 'LEADS', authority: 'BINDING', binding: false })],
      0,
    ],
    ['an unrelated issuer is refused upstream, not overreach', [a({ issuerId: 'STRANGER', relation: 'NONE' })], 0],
    ['one finding per assignment', [a({}), a({ unitId: 'V' }), a({ binding: false }), a({ issuerId: 'G2' })], 3],
  ] as const)('%s → %i', (_name, list, count) => {
    expect(detectOverreach(list as unknown as AssignmentFact[])).toHaveLength(count);
  });

  it('names the assignment and says the task stays advisory', () => {
    const x = a({ id: 'x', taskId: 'tx' });
    const [f] = detectOverreach([a({ binding: false }), x]);
    expect(f).toMatchObject({
      kind: 'OVERREACH',
      unitId: 'U',
      assignmentIds: ['x'],
      taskIds: ['tx'],
      issuerIds: ['GUIDE'],
    });
    expect(f.message).toMatch(/^「开展意识形态工作专项检查」.*只有指导关系.*（越权下达）/);
    expect(f.suggestion).toMatch(/仅作为指导意见.*请指导方改以指导意见下发，或提请领导方以领导关系下达$/);
  });

  it('keeps the input order', () => {
    const found = detectOverreach([
      a({ id: 'z', startsOn: '2026-01-01' }),
      a({ id: 'b' }),
      a({ id: 'm', unitId: 'V' }),
    ]);
    expect(found.map((f) => f.assignmentIds[0])).toEqual(['z', 'b', 'm']);
  });
});
