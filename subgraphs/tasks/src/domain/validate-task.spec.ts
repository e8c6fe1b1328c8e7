import { validateTask } from './validate-task';

const base = {
  issuer: 'SC-SWJGGW',
  title: '开展党史学习教育',
  category: 'POLITICAL',
  priority: 'KEY',
  startsOn: '2026-03-01',
  dueOn: '2026-06-30',
  targets: ['SC-YJT-ZB1'],
};
const items = new Set(['SHYK']);

describe('validateTask: each bad field is named', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['due before start', { dueOn: '2026-02-28' }, 'input.dueOn'],
    ['an impossible date', { startsOn: '2026-02-30' }, 'input.startsOn'],
    ['an unknown category', { category: 'SPORTS' }, 'input.category'],
    ['an unknown priority', { priority: 'URGENT' }, 'input.priority'],
    ['an unknown required item', { requiredItem: 'NOPE' }, 'input.requiredItem'],
    ['no targets and no scope', { targets: [] }, 'input.targets'],
    ['a blank title', { title: '  ' }, 'input.title'],
    ['a title over 200 characters', { title: '党'.repeat(201) }, 'input.title'],
    ['a negative target value', { indicator: '主题党日开展次数', target: -1 }, 'input.target'],
    ['a target without an indicator', { target: 12 }, 'input.target'],
    ['a target that is not a number', { indicator: '次数', target: '12' }, 'input.target'],
    ['an unknown scope kind', { targets: null, scope: { unit: 'SC-SWJGGW', kinds: ['TEAM'] } }, 'input.scope.kinds'],
    [
      'an unknown scope relation',
      { targets: null, scope: { unit: 'SC-SWJGGW', relation: 'NEAR' } },
      'input.scope.relation',
    ],
    ['ESC in the title', { title: '开展\u001b[31m学习' }, 'input.title'],
    ['BEL in the title', { title: '开展学习\u0007' }, 'input.title'],
    ['a line break inside the title', { title: '开展学习\n第二行' }, 'input.title'],
    [
      'CR inside the description (free text keeps LF and TAB only)',
      { description: '第一行\r\n第二行' },
      'input.description',
    ],
    ['ESC in the description', { description: '说明\u001b]0;x' }, 'input.description'],
    ['a C1 control in the deliverable', { deliverable: '总结\u0085' }, 'input.deliverable'],
    ['DEL in the indicator', { indicator: '次数\u007f', target: 1 }, 'input.indicator'],
  ])('%s', (_n, over, path) => {
    const { spec, problems } = validateTask({ ...base, ...over }, 'input', items);
    expect(spec).toBeUndefined();
    expect(problems.map((p) => p.path)).toContain(path);
  });

  it('a description keeps its line breaks and tabs', () => {
    const { spec, problems } = validateTask({ ...base, description: '一、学习\n二、讨论\t（半天）' }, 'input', items);
    expect(problems).toEqual([]);
    expect(spec?.description).toBe('一、学习\n二、讨论\t（半天）');
  });

  it('a control character is named in the message, with where it is', () => {
    const { problems } = validateTask({ ...base, title: 'ab\u001b' }, 'tasks[3]', items);
    expect(problems).toEqual([{ path: 'tasks[3].title', message: expect.stringMatching(/第 3 个字符.*U\+001B ESC/) }]);
  });

  it('a good task with an indicator and target', () => {
    const { spec, problems } = validateTask({ ...base, indicator: ' 主题党日开展次数 ', target: 12 }, 'input', items);
    expect(problems).toEqual([]);
    expect(spec).toMatchObject({ indicator: '主题党日开展次数', target: 12, binding: true, targets: ['SC-YJT-ZB1'] });
  });
});
