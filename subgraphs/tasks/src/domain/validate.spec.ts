import { validateRequiredItem, validateTask } from './validate';

const base = { issuer: 'SC-SWJGGW', title: '开展党史学习教育', category: 'POLITICAL', priority: 'KEY', startsOn: '2026-03-01', dueOn: '2026-06-30', targets: ['SC-YJT-ZB1'] };
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
    ['an unknown scope relation', { targets: null, scope: { unit: 'SC-SWJGGW', relation: 'NEAR' } }, 'input.scope.relation'],
  ])('%s', (_n, over, path) => {
    const { spec, problems } = validateTask({ ...base, ...over }, 'input', items);
    expect(spec).toBeUndefined();
    expect(problems.map((p) => p.path)).toContain(path);
  });

  it('a good task with an indicator and target', () => {
    const { spec, problems } = validateTask({ ...base, indicator: ' 主题党日开展次数 ', target: 12 }, 'input', items);
    expect(problems).toEqual([]);
    expect(spec).toMatchObject({ indicator: '主题党日开展次数', target: 12, binding: true, targets: ['SC-YJT-ZB1'] });
  });
});

describe('validateRequiredItem', () => {
  const good = { code: 'SHYK', name: '三会一课', kinds: ['BRANCH'], frequency: 'QUARTERLY' };
  it.each<[string, Record<string, unknown>, string]>([
    ['a code with spaces', { code: 'a b' }, 'item.code'],
    ['an empty name', { name: '' }, 'item.name'],
    ['no kinds', { kinds: [] }, 'item.kinds'],
    ['an unknown kind', { kinds: ['TEAM'] }, 'item.kinds'],
    ['an unknown frequency', { frequency: 'WEEKLY' }, 'item.frequency'],
  ])('%s', (_n, over, path) => {
    const { spec, problems } = validateRequiredItem({ ...good, ...over }, 'item');
    expect(spec).toBeUndefined();
    expect(problems.map((p) => p.path)).toContain(path);
  });
  it('a good item, kinds sorted and deduplicated', () => {
    expect(validateRequiredItem({ ...good, kinds: ['GRASSROOTS_UNIT', 'BRANCH', 'BRANCH'] }, 'item').spec).toMatchObject({ kinds: ['BRANCH', 'GRASSROOTS_UNIT'] });
  });
});
