import type { AssignmentFact, TaskFinding } from '../types';
import { detectCherryPicking, type CherryPickingInput } from './cherry-picking';

const fact = (
  id: string,
  issuerId: string,
  priority: 'KEY' | 'ROUTINE' = 'KEY',
  taskId = `t-${id}`,
): AssignmentFact => ({
  id,
  taskId,
  unitId: 'U',
  issuerId,
  title: '开展党史学习教育',
  category: 'IDEOLOGICAL',
  priority,
  startsOn: '2026-03-01',
  dueOn: '2026-06-30',
  authority: issuerId === 'LEADER' ? 'BINDING' : 'ADVISORY',
  binding: issuerId === 'LEADER',
  relation: issuerId === 'LEADER' ? 'LEADS' : 'GUIDES',
});
const ASSIGNMENTS = [
  fact('L1', 'LEADER'),
  fact('G1', 'GUIDE'),
  fact('G2', 'GUIDE-2'),
  fact('L2', 'LEADER', 'ROUTINE'),
  fact('G3', 'GUIDE', 'ROUTINE'),
  fact('L3', 'LEADER'),
  fact('G4', 'GUIDE'),
];
const dup = (x: string, y: string, unitId = 'U'): TaskFinding => ({
  kind: 'DUPLICATE',
  unitId,
  assignmentIds: [x, y],
  taskIds: [`t-${x}`, `t-${y}`],
  issuerIds: [],
  message: '',
  suggestion: '',
});
const miss = (code: string, from = '2026-04-01', unitId = 'U'): TaskFinding => ({
  kind: 'MISSING',
  unitId,
  assignmentIds: [],
  taskIds: [],
  issuerIds: ['LEADER'],
  requiredItemId: code,
  from,
  to: from,
  message: '',
  suggestion: '',
});
const run = (over: Partial<CherryPickingInput>) =>
  detectCherryPicking({ unitId: 'U', duplicates: [], missing: [], assignments: ASSIGNMENTS, ...over });

describe('CHERRY_PICKING', () => {
  it.each<[string, Partial<CherryPickingInput>, number]>([
    ['key duplicated and an item missing', { duplicates: [dup('L1', 'G1')], missing: [miss('SHYK')] }, 1],
    ['key duplicated, nothing missing', { duplicates: [dup('L1', 'G1')] }, 0],
    ['something missing, nothing duplicated', { missing: [miss('SHYK')] }, 0],
    ['a routine task duplicated does not count', { duplicates: [dup('L2', 'G3')], missing: [miss('SHYK')] }, 0],
    ['key on one side only does not count', { duplicates: [dup('L1', 'G3')], missing: [miss('SHYK')] }, 0],
    ['an unknown assignment is not key', { duplicates: [dup('L1', 'NOPE')], missing: [miss('SHYK')] }, 0],
    ["another unit's duplicate does not count", { duplicates: [dup('L1', 'G1', 'V')], missing: [miss('SHYK')] }, 0],
    [
      "another unit's gap does not count",
      { duplicates: [dup('L1', 'G1')], missing: [miss('SHYK', '2026-04-01', 'V')] },
      0,
    ],
    [
      'many duplicates and gaps: still one finding',
      { duplicates: [dup('L1', 'G1'), dup('L1', 'G2'), dup('L3', 'G4')], missing: [miss('SHYK'), miss('MZPY')] },
      1,
    ],
  ])('%s → %i', (_name, over, count) => {
    expect(run(over)).toHaveLength(count);
  });

  it.each<[string, TaskFinding[], string]>([
    ['one pair', [dup('L1', 'G1')], '1项重点工作被多个单位重复下达（涉及2项任务）'],
    [
      'three issuers on the same work (three pairs): one piece of work',
      [dup('L1', 'G1'), dup('L1', 'G2'), dup('G1', 'G2')],
      '1项重点工作被多个单位重复下达（涉及3项任务）',
    ],
    ['two separate pieces of work', [dup('L1', 'G1'), dup('L3', 'G4')], '2项重点工作被多个单位重复下达（涉及4项任务）'],
    [
      'two pairs joined through a shared assignment',
      [dup('L1', 'G1'), dup('L3', 'G4'), dup('G1', 'G4')],
      '1项重点工作被多个单位重复下达（涉及4项任务）',
    ],
  ])('counts the work: %s', (_name, duplicates, start) => {
    const [f] = run({ duplicates, missing: [miss('SHYK')] });
    expect(f.message.startsWith(start)).toBe(true);
  });

  it('lists the duplicated key work once each, counts it and names the missing items', () => {
    const [f] = run({
      duplicates: [dup('L1', 'G1'), dup('L2', 'G3'), dup('L1', 'G2'), dup('G1', 'G2')],
      missing: [miss('SHYK', '2026-04-01'), miss('SHYK', '2026-07-01'), miss('MZPY')],
    });
    expect(f).toMatchObject({
      kind: 'CHERRY_PICKING',
      unitId: 'U',
      assignmentIds: ['L1', 'G1', 'G2'],
      taskIds: ['t-L1', 't-G1', 't-G2'],
      issuerIds: ['LEADER', 'GUIDE', 'GUIDE-2'],
    });
    expect(f.message).toBe(
      '1项重点工作被多个单位重复下达（涉及3项任务），而责任清单事项「SHYK」、「MZPY」无人下达（都想管重点不想管一般）',
    );
    expect(f.suggestion).toBe(
      '请各下达单位将重复下达的重点任务交由领导方统一下达，并把无人下达的一般性事项（「SHYK」、「MZPY」）分担落实',
    );
  });
});
