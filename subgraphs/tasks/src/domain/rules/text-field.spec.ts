import { textField } from './text-field';

describe('textField', () => {
  it.each<
    [string, unknown, number, boolean, 'LINE' | 'MULTILINE', { value?: string | null; problem?: string | RegExp }]
  >([
    ['absent and required', undefined, 10, true, 'LINE', { problem: '必填' }],
    ['null and required', null, 10, true, 'LINE', { problem: '必填' }],
    ['absent and optional', undefined, 10, false, 'LINE', { value: null }],
    ['not a string', 12, 10, false, 'LINE', { problem: '应为字符串' }],
    ['blank and required', '  ', 10, true, 'LINE', { problem: '不能为空' }],
    ['blank and optional', '  ', 10, false, 'LINE', { value: null }],
    ['too long (after trimming)', ' 党党党 ', 2, true, 'LINE', { problem: '过长（3 字，最多 2 字）' }],
    ['trimmed', ' 三会一课 ', 10, true, 'LINE', { value: '三会一课' }],
    ['a line break in a line', '第一行\n第二行', 20, true, 'LINE', { problem: /./ }],
    ['a line break in free text', '第一行\n第二行', 20, true, 'MULTILINE', { value: '第一行\n第二行' }],
    ['ESC in free text', '说明\u001b', 20, false, 'MULTILINE', { problem: /U\+001B ESC/ }],
  ])('%s', (_n, v, max, required, kind, expected) => {
    const got = textField(v, max, required, kind);
    if (expected.problem instanceof RegExp) expect(got.problem).toMatch(expected.problem);
    else
      expect(got).toEqual(expected.problem === undefined ? { value: expected.value } : { problem: expected.problem });
  });
});
