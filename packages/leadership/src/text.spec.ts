import { textProblem, type TextKind } from './text';

const ok = (kind: TextKind, s: string) => expect(textProblem(s, kind)).toBeNull();
const refused = (kind: TextKind, s: string, mentions: string) => {
  const p = textProblem(s, kind);
  expect(p).not.toBeNull();
  expect(p).toContain(mentions);
};

describe('textProblem: names and titles are one line of printable text', () => {
  it.each([
    ['Chinese', '四川省地震局党组'],
    ['Latin with punctuation and spaces', 'Party group (Sichuan) — No. 2'],
    ['full-width and ideographic space', '应急管理厅　机关党委（２）'],
    ['an emoji (a surrogate pair)', '党支部🚩'],
    ['NBSP and soft hyphen (printable format characters, not controls)', 'a\u00A0b\u00ADc'],
  ])('accepts %s', (_n, s) => ok('LINE', s));

  it.each([
    ['ESC (a terminal escape)', 'x\u001b[31mred', 'U+001B ESC'],
    ['BEL', 'ding\u0007', 'U+0007 BEL'],
    ['CR', 'a\rb', 'U+000D CR'],
    ['LF', 'a\nb', 'U+000A LF'],
    ['CRLF', 'a\r\nb', 'U+000D'],
    ['TAB', 'a\tb', 'U+0009 TAB'],
    ['NUL', 'a\u0000b', 'U+0000 NUL'],
    ['DEL', 'a\u007fb', 'U+007F DEL'],
    ['a C1 control (NEL)', 'a\u0085b', 'U+0085 NEL'],
    ['a C1 control (CSI)', 'a\u009bb', 'U+009B'],
    ['the Unicode line separator', 'a\u2028b', 'U+2028'],
    ['the Unicode paragraph separator', 'a\u2029b', 'U+2029'],
  ])('refuses %s, naming the character', (_n, s, mentions) => refused('LINE', s, mentions));

  it('says where the character is, counting characters (not UTF-16 units)', () => {
    expect(textProblem('🚩🚩\u001b', 'LINE')).toContain('第 3 个字符');
    expect(textProblem('\u0007', 'LINE')).toContain('第 1 个字符');
  });

  it('still refuses what cannot be stored (a lone surrogate, a leading BOM)', () => {
    expect(textProblem('a\uD800b', 'LINE')).toContain('代理项');
    expect(textProblem('\uFEFFname', 'LINE')).toContain('U+FEFF');
  });
});

describe('textProblem: free text keeps LF and TAB only', () => {
  it.each([
    ['lines', '第一行\n第二行\n'],
    ['tabs', '指标\t得分'],
    ['plain text', '按期完成'],
  ])('accepts %s', (_n, s) => ok('MULTILINE', s));

  it.each([
    ['CR (send LF)', 'a\r\nb', 'U+000D CR'],
    ['ESC', '\u001b]0;title\u0007', 'U+001B ESC'],
    ['BEL', 'a\u0007', 'U+0007 BEL'],
    ['VT and FF', 'a\u000bb', 'U+000B VT'],
    ['DEL', 'a\u007f', 'U+007F DEL'],
    ['a C1 control', 'a\u0090', 'U+0090'],
    ['the Unicode line separator', 'a\u2028b', 'U+2028'],
    ['NUL', 'a\u0000', 'U+0000 NUL'],
  ])('refuses %s', (_n, s, mentions) => refused('MULTILINE', s, mentions));

  it('every C0 control but LF and TAB, DEL and every C1 control is refused; everything from U+0020 to U+007E is accepted', () => {
    for (let c = 0; c <= 0xa0; c++) {
      const s = `x${String.fromCharCode(c)}y`;
      const control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
      expect([c, textProblem(s, 'LINE') === null]).toEqual([c, !control]);
      expect([c, textProblem(s, 'MULTILINE') === null]).toEqual([c, !control || c === 0x0a || c === 0x09]);
    }
  });
});
