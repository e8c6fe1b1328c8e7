import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rewrapComments } from './rewrap-comments.mjs';

/** Rewraps at a small limit so the samples stay readable; `lines` joins its arguments into a text. */
const rewrap = (text, limit = 40) => rewrapComments(text, { limit });
const lines = (...l) => l.join('\n');
const widest = (text) => Math.max(...text.split('\n').map((l) => Array.from(l).length));

describe('rewrap-comments', () => {
  it('leaves a text whose comments fit as it is, byte for byte', () => {
    const text = lines('// short', 'const a = 1; // also short', '/**', ' * Fits.', ' */', 'export {};', '');
    assert.deepEqual(rewrap(text), { text, changed: 0, over: [] });
  });

  it('rewraps a long // paragraph at its indentation', () => {
    const text = lines('function f() {', '  // one two three four five six seven eight nine ten', '  return 1;', '}');
    const { text: out } = rewrap(text);
    assert.equal(
      out,
      lines('function f() {', '  // one two three four five six seven', '  // eight nine ten', '  return 1;', '}'),
    );
    assert.ok(widest(out) <= 40);
  });

  it('reflows only the paragraph with a long line, and keeps blank comment lines between paragraphs', () => {
    const text = lines(
      '// A short',
      '// paragraph.',
      '//',
      '// A long paragraph that goes on and on past forty columns.',
      '// Its last line.',
    );
    assert.equal(
      rewrap(text).text,
      lines(
        '// A short',
        '// paragraph.',
        '//',
        '// A long paragraph that goes on and on',
        '// past forty columns. Its last line.',
      ),
    );
  });

  it('keeps list items apart, with a hanging indent', () => {
    const text = lines(
      '/**',
      ' * Rules:',
      ' * - the first item, which is long enough to wrap',
      ' * - second',
      ' * 12. numbered and long enough to wrap too',
      ' */',
    );
    assert.equal(
      rewrap(text).text,
      lines(
        '/**',
        ' * Rules:',
        ' * - the first item, which is long',
        ' *   enough to wrap',
        ' * - second',
        ' * 12. numbered and long enough to wrap',
        ' *     too',
        ' */',
      ),
    );
  });

  it('keeps fenced code, indented code samples, tables and aligned columns', () => {
    const text = lines(
      '/**',
      ' * ```',
      ' * const aVeryLongName = someFunction(argumentOne, argumentTwo);',
      ' * ```',
      ' *     npm run bench -- --units 100 --samples 5 --only pglite',
      ' * | column one | column two | column three |',
      ' * key-one        the value of the first key here',
      ' */',
    );
    const { text: out, over } = rewrap(text);
    assert.equal(out, text);
    assert.deepEqual(over, [3, 5, 6, 7]);
  });

  it('never splits a URL or a code span, and lets a word wider than the room stand alone', () => {
    const url = 'https://example.com/a/very/long/path/to/somewhere';
    const { text: out } = rewrap(`// see ${url} for the details`);
    assert.equal(out, lines('// see', `// ${url}`, '// for the details'));
    const { text: code } = rewrap('// call `make it so now` when the rest is done');
    assert.equal(code, lines('// call `make it so now` when the rest', '// is done'));
  });

  it('opens a one-line doc comment that is too wide into a block', () => {
    const text = lines('  /** The number of widgets the frobnicator holds. */', '  count: number;');
    assert.equal(
      rewrap(text).text,
      lines('  /**', '   * The number of widgets the', '   * frobnicator holds.', '   */', '  count: number;'),
    );
  });

  it('breaks Chinese text between characters, never before closing punctuation', () => {
    const text = '// 条块：属地管理，指导关系，党组织隶属关系，都想管重点不想管一般，重复发文。';
    const { text: out } = rewrap(text, 24);
    const outLines = out.split('\n');
    assert.ok(outLines.length > 1);
    assert.ok(widest(out) <= 24);
    for (const l of outLines.slice(1)) assert.doesNotMatch(l, /^\/\/ [，。：]/u);
    assert.equal(outLines.map((l) => l.slice(3)).join(''), text.slice(3));
  });

  it('joins wrapped Chinese lines without a space, Latin ones with one', () => {
    const text = lines('// 条块 one two', '// three 属地管理指导关系', '// 党组织隶属关系都想管重点不想管一般');
    assert.equal(
      rewrap(text, 18).text,
      lines('// 条块 one two', '// three 属地管理指导关系党', '// 组织隶属关系都想管重点不想管一', '// 般'),
    );
  });

  it('leaves comments after code, comment-like strings and other block shapes, and lists what is still too wide', () => {
    const text = lines(
      "const s = '// not a comment, though it is a long string, longer than forty';",
      'const t = 1; // a trailing comment that is longer than the forty columns',
      '/* a block without stars that is longer than the forty columns',
      '   second line */',
      '/// <reference types="a-very-long-reference-to-some-types-package" />',
    );
    const { text: out, over } = rewrap(text);
    assert.equal(out, text);
    assert.deepEqual(over, [2, 3, 5]);
  });

  it('is idempotent', () => {
    const text = lines(
      '/**',
      ' * A long paragraph that goes on and on past forty columns, with more words.',
      ' * - an item long enough to need wrapping at forty columns',
      ' */',
      '// 条块：属地管理，指导关系，党组织隶属关系，都想管重点不想管一般。',
    );
    const once = rewrap(text).text;
    assert.notEqual(once, text);
    assert.equal(rewrap(once).text, once);
  });
});
