import { unknownTaskFields } from './interchange-fields';

const item = (over: Record<string, unknown> = {}) => ({
  owner: 'GW',
  code: 'I1',
  name: '事项',
  kinds: ['BRANCH'],
  frequency: 'YEARLY',
  description: '说明',
  retiredOn: '2024-01-01',
  ...over,
});
const task = (over: Record<string, unknown> = {}) => ({
  issuer: 'GW',
  key: 'k1',
  title: '任务',
  description: '说明',
  category: 'OTHER',
  priority: 'KEY',
  startsOn: '2024-01-01',
  dueOn: '2024-02-01',
  deliverable: '报告',
  requiredItem: 'I1',
  requiredItemOwner: 'GW',
  binding: true,
  indicator: '覆盖率',
  target: 90,
  scope: { unit: 'GW', relation: 'UNDER', kinds: ['BRANCH'] },
  incompatibleWith: ['k0'],
  assignments: [
    { unit: 'U1' },
    { unit: 'U2', status: 'WITHDRAWN' },
    { unit: 'U3', status: 'MERGED', into: { issuer: 'GW', key: 'k0' } },
  ],
  ...over,
});
const doc = (over: Record<string, unknown> = {}) => ({
  format: 'tiaokuai/v1',
  requiredItems: [item()],
  tasks: [task()],
  ...over,
});

describe('unknownTaskFields: every field the format does not know, at each level, with its path', () => {
  it.each<[string, unknown, Array<[string, string]>]>([
    [
      'every field exportTasks writes (and targets, for new tasks)',
      doc({ tasks: [task(), task({ assignments: undefined, targets: ['U1'] })] }),
      [],
    ],
    ['the other sections at the top level', doc({ units: [], links: [], assessments: {} }), []],
    ['the top level', doc({ extra: 1 }), [['$.extra', '未知字段：extra']]],
    [
      'an item (a misspelt owner)',
      doc({ requiredItems: [item(), item({ ownr: 'GW' })] }),
      [['requiredItems[1].ownr', '未知字段：ownr']],
    ],
    ['a task', doc({ tasks: [task({ assignee: 'U1' })] }), [['tasks[0].assignee', '未知字段：assignee']]],
    [
      "a task's scope",
      doc({ tasks: [task({ scope: { unit: 'GW', depth: 2 } })] }),
      [['tasks[0].scope.depth', '未知字段：depth']],
    ],
    [
      'an assignment',
      doc({ tasks: [task({ assignments: [{ unit: 'U1', progress: 'DONE' }] })] }),
      [['tasks[0].assignments[0].progress', '未知字段：progress']],
    ],
    [
      "a merged assignment's into",
      doc({
        tasks: [task({ assignments: [{ unit: 'U1', status: 'MERGED', into: { issuer: 'GW', key: 'k0', id: 3 } }] })],
      }),
      [['tasks[0].assignments[0].into.id', '未知字段：id']],
    ],
    [
      'several levels at once, in the order of the file',
      doc({ extra: 1, requiredItems: [item({ x: 1 })], tasks: [task({ y: 2, scope: { unit: 'GW', z: 3 } })] }),
      [
        ['$.extra', '未知字段：extra'],
        ['requiredItems[0].x', '未知字段：x'],
        ['tasks[0].y', '未知字段：y'],
        ['tasks[0].scope.z', '未知字段：z'],
      ],
    ],
    [
      'what is no object is left to the other checks',
      doc({ requiredItems: ['x'], tasks: [task({ scope: 'GW', assignments: [3] })] }),
      [],
    ],
    ['not an object at all', [], []],
  ])('%s', (_, raw, expected) => {
    expect(unknownTaskFields(raw).map((p) => [p.path, p.message])).toEqual(expected);
  });
});
