import { fieldPath, unknownFields } from './fields';

describe('unknownFields: each field the format does not know, with its path', () => {
  const known = new Set(['code', 'owner']);
  it.each<[string, Record<string, unknown>, string, Array<[string, string]>]>([
    ['only known fields', { code: 'A', owner: 'B' }, 'requiredItems[3]', []],
    ['a misspelt field', { code: 'A', ownr: 'B' }, 'requiredItems[3]', [['requiredItems[3].ownr', '未知字段：ownr']]],
    [
      'two unknown fields, in the order given',
      { x: 1, code: 'A', y: 2 },
      'tasks[0]',
      [
        ['tasks[0].x', '未知字段：x'],
        ['tasks[0].y', '未知字段：y'],
      ],
    ],
    ['a key that is no plain name', { 'a.b': 1 }, '$', [['$["a.b"]', '未知字段：a.b']]],
    ['at the top level', { extra: 1 }, '$', [['$.extra', '未知字段：extra']]],
  ])('%s', (_, obj, path, expected) => {
    expect(unknownFields(obj, known, path).map((p) => [p.path, p.message])).toEqual(expected);
  });

  it('shortens a long key in the message', () => {
    const [p] = unknownFields({ ['k'.repeat(200)]: 1 }, known, '$');
    expect(p.message).toBe(`未知字段：${'k'.repeat(80)}…（共 200 字符）`);
  });
});

describe('fieldPath', () => {
  it.each([
    ['units[3]', 'kind', 'units[3].kind'],
    ['units[3]', 'a.b', 'units[3]["a.b"]'],
    ['$', '', '$[""]'],
  ])('%s + %j', (path, key, expected) => {
    expect(fieldPath(path, key)).toBe(expected);
  });
});
