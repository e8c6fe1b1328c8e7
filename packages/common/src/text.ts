/** A NUL character or a lone UTF-16 surrogate: neither can be stored as UTF-8 text (PostgreSQL refuses NUL, and a surrogate would silently become U+FFFD). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why `s` could not be stored and read back as written, in Chinese, or null when it can. Every
 * subgraph checks free text with this before writing it.
 */
export function unstorableText(s: string): string | null {
  if (UNSTORABLE.test(s)) return '含有无法存储的字符（NUL 或不成对的 UTF-16 代理项）';
  // The embedded database's driver drops a leading BOM when it reads text back, so such a value would never read back as written.
  if (s.startsWith('\uFEFF')) return '不能以 U+FEFF（字节顺序标记）开头';
  return null;
}
