/**
 * A NUL character or a lone UTF-16 surrogate: neither can be stored as UTF-8 text (PostgreSQL refuses NUL, and a
 * surrogate would silently become U+FFFD).
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why `s` could not be stored and read back as written, in Chinese, or null when it can. Every
 * subgraph checks free text with this before writing it.
 */
export function unstorableText(s: string): string | null {
  if (UNSTORABLE.test(s)) return '含有无法存储的字符（NUL 或不成对的 UTF-16 代理项）';
  // The embedded database's driver drops a leading BOM when it reads text back, so such a value would never read back
  // as written.
  if (s.startsWith('\uFEFF')) return '不能以 U+FEFF（字节顺序标记）开头';
  return null;
}

/**
 * What a stored text may hold (ARCHITECTURE.md, "Input hygiene"):
 * - `LINE`: names, titles, codes-like labels (a unit's name, a task's title, a scheme's and its
 *   indicators' names, a link's basis). One line of printable text: no C0 control (U+0000–U+001F,
 *   TAB, CR and LF included), no DEL (U+007F), no C1 control (U+0080–U+009F), and no Unicode line
 *   or paragraph separator (U+2028, U+2029), which would break the line in exports, logs and
 *   spreadsheets as LF does.
 * - `MULTILINE`: free text (a task's description, a progress report's or a grading's note). The
 *   same, except that LF and TAB are kept. CR is refused, not converted: a client sending CRLF
 *   should send LF (what is stored is what was sent).
 * ESC and BEL are what a terminal acts on when a log or an export is printed; CR rewrites the
 * line a reader sees. None of them is ever part of a name.
 */
export type TextKind = 'LINE' | 'MULTILINE';

const CONTROL: Record<TextKind, RegExp> = {
  LINE: /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/,
  MULTILINE: /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/,
};

/** The names people know some controls by, for the message. */
const KNOWN: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'BEL',
  0x08: 'BS',
  0x09: 'TAB',
  0x0a: 'LF（换行）',
  0x0b: 'VT',
  0x0c: 'FF',
  0x0d: 'CR（回车）',
  0x1b: 'ESC',
  0x7f: 'DEL',
  0x85: 'NEL',
  0x2028: '行分隔符',
  0x2029: '段分隔符',
};

const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why `s` may not be stored as text of `kind`, in Chinese (naming the first offending character
 * and where it is), or null when it may. Includes `unstorableText`'s checks, so one call does
 * for every text a subgraph writes.
 */
export function textProblem(s: string, kind: TextKind): string | null {
  const m = CONTROL[kind].exec(s);
  if (m) {
    const c = m[0].charCodeAt(0);
    const what = KNOWN[c] ? `${hex(c)} ${KNOWN[c]}` : hex(c);
    const rule =
      kind === 'LINE'
        ? '名称、标题须为单行文本，不能含控制字符或换行'
        : '说明文字只可含换行（LF）和制表符（TAB），不能含其他控制字符';
    return `第 ${[...s.slice(0, m.index)].length + 1} 个字符是控制字符 ${what}：${rule}`;
  }
  return unstorableText(s);
}
