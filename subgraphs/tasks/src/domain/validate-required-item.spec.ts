import { validateRequiredItem } from './validate-required-item';

describe('validateRequiredItem', () => {
  const good = { code: 'SHYK', name: '三会一课', kinds: ['BRANCH'], frequency: 'QUARTERLY' };
  it.each<[string, Record<string, unknown>, string]>([
    ['a code with spaces', { code: 'a b' }, 'item.code'],
    ['an empty name', { name: '' }, 'item.name'],
    ['no kinds', { kinds: [] }, 'item.kinds'],
    ['an unknown kind', { kinds: ['TEAM'] }, 'item.kinds'],
    ['an unknown frequency', { frequency: 'WEEKLY' }, 'item.frequency'],
    ['ESC in the name', { name: '三会\u001b一课' }, 'item.name'],
    ['a line break in the name', { name: '三会\n一课' }, 'item.name'],
    ['CR in the description', { description: '说明\r' + '第二行' }, 'item.description'],
  ])('%s', (_n, over, path) => {
    const { spec, problems } = validateRequiredItem({ ...good, ...over }, 'item');
    expect(spec).toBeUndefined();
    expect(problems.map((p) => p.path)).toContain(path);
  });
  it('a good item, kinds sorted and deduplicated', () => {
    expect(
      validateRequiredItem({ ...good, kinds: ['GRASSROOTS_UNIT', 'BRANCH', 'BRANCH'] }, 'item').spec,
    ).toMatchObject({ kinds: ['BRANCH', 'GRASSROOTS_UNIT'] });
  });
});
