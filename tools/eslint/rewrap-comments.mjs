#!/usr/bin/env node
/**
 * Rewraps comment paragraphs wider than the line limit, which Prettier leaves alone (it never breaks comments).
 *
 *   node tools/eslint/rewrap-comments.mjs [--check] [--width 120] <file>...
 *
 * Handles own-line `//` comments (consecutive lines at one indent form a block) and `/** … *\/` or `/* … *\/` blocks
 * whose inner lines start with `*`. Within a block, only a paragraph that has a line over the limit is reflowed;
 * every other line stays byte for byte. Kept as they are: blank comment lines, fenced code (```), indented lines
 * that continue no list item (code samples), table rows (`|…`, box drawing), lines aligned with runs of spaces,
 * and words longer than the room (URLs). List items (`-`, `*`, `1.`, `(a)`) and JSDoc tags (`@param`) start their
 * own paragraph and keep a hanging indent. Chinese text breaks between characters, never before closing or after
 * opening punctuation. Widths count code points, like @stylistic/max-len.
 *
 * A comment after code on the same line, or a block of another shape, is not touched; `--check` and the write mode
 * both list the lines still over the limit. Comments are found with the TypeScript parser, so strings, templates
 * and regular expressions that look like comments are left alone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const width = (s) => Array.from(s).length;

/** CJK ideographs, kana, fullwidth forms and CJK punctuation: a line may break between two of them. */
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u3000-\u303F]/u;
/** No line starts with these … */
const CLOSING = /^[，。、；：！？）」』》〉】〕”’,.;:!?)\]}]$/u;
/** … and none ends with these. */
const OPENING = /^[（「『《〈【〔“‘]$/u;

const LIST_ITEM = /^([-*+•]|\d+[.)]|\([a-z0-9]+\))\s+/u;
const TAG = /^@\w+\s+/u;

/** Every comment of a source text, as [start, end, kind], in order: from the parser, so never one inside a string. */
function commentRanges(text, fileName) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKind(fileName));
  const seen = new Map();
  const add = (ranges) => {
    for (const r of ranges ?? []) if (!seen.has(r.pos)) seen.set(r.pos, [r.pos, r.end, r.kind]);
  };
  const visit = (node) => {
    add(ts.getLeadingCommentRanges(text, node.pos));
    add(ts.getTrailingCommentRanges(text, node.end));
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  return [...seen.values()].sort((a, b) => a[0] - b[0]);
}

function scriptKind(fileName) {
  const ext = path.extname(fileName);
  if (['.js', '.mjs', '.cjs'].includes(ext)) return ts.ScriptKind.JS;
  if (ext === '.tsx') return ts.ScriptKind.TSX;
  return ts.ScriptKind.TS;
}

/**
 * Cuts a paragraph into atoms: `{ text, space }`, where `space` says a space separated it from the previous atom.
 * A line may break before any atom; code spans in backticks stay whole, and CJK punctuation sticks to its neighbour.
 */
function atoms(paragraph) {
  const out = [];
  let space = false;
  for (const m of paragraph.matchAll(/(\s+)|(`[^`]*`)|([^\s`])/gu)) {
    if (m[1]) {
      space = true;
      continue;
    }
    const piece = m[2] ?? m[3];
    const last = out[out.length - 1];
    const lastChar = last && Array.from(last.text).pop();
    const cjk = !m[2] && CJK.test(piece);
    const joins = last && !space && (CLOSING.test(piece) || OPENING.test(lastChar) || (!cjk && !CJK.test(lastChar)));
    if (joins) last.text += piece;
    else out.push({ text: piece, space });
    space = false;
  }
  return out;
}

/** Greedy fill of a paragraph into lines of at most `room` columns (the first line may have less: `firstRoom`). */
function fill(paragraph, firstRoom, room) {
  const lines = [];
  let line = '';
  for (const atom of atoms(paragraph)) {
    const limit = lines.length === 0 ? firstRoom : room;
    const candidate = line === '' ? atom.text : line + (atom.space ? ' ' : '') + atom.text;
    if (line !== '' && width(candidate) > limit) {
      lines.push(line);
      line = atom.text;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Joins the lines of a paragraph: with a space, except between two CJK characters. */
function join(lines) {
  return lines.reduce((all, next) => {
    if (all === '') return next;
    const a = Array.from(all).pop();
    const b = Array.from(next)[0];
    return CJK.test(a) && CJK.test(b) ? all + next : all + ' ' + next;
  }, '');
}

/**
 * Rewraps the body lines of one comment block (the text after `// ` or ` * `), given the room a body line has.
 * Returns the new body lines, or undefined when nothing needed rewrapping.
 */
export function rewrapBody(body, room) {
  const out = [];
  let changed = false;
  let fenced = false;
  /** The paragraph being collected: its lines, the indent of its first line and of its continuation lines. */
  let para;
  const flush = () => {
    if (!para) return;
    const { lines, first, hanging } = para;
    para = undefined;
    if (!lines.some((l) => width(l) > room)) {
      out.push(...lines);
      return;
    }
    const text = join(lines.map((l, i) => (i === 0 ? l.slice(first.length) : l.trimStart())));
    const filled = fill(text, room - width(first), room - hanging);
    const wrapped = filled.map((l, i) => (i === 0 ? first + l : ' '.repeat(hanging) + l));
    if (wrapped.join('\n') !== lines.join('\n')) changed = true;
    out.push(...wrapped);
  };
  for (const line of body) {
    const indent = /^ */.exec(line)[0].length;
    const rest = line.slice(indent);
    if (/^(```|~~~)/.test(rest)) {
      flush();
      fenced = !fenced;
      out.push(line);
      continue;
    }
    const verbatim =
      fenced ||
      rest === '' ||
      /^[|+]/.test(rest) ||
      /[\u2500-\u257F]/u.test(rest) ||
      /\S {2,}\S/.test(rest) ||
      /^(\$|npm |npx |node )/.test(rest);
    if (verbatim) {
      flush();
      out.push(line);
      continue;
    }
    const marker = LIST_ITEM.exec(rest) ?? TAG.exec(rest);
    if (marker) {
      flush();
      const first = line.slice(0, indent + marker[0].length);
      para = { lines: [line], first, hanging: TAG.test(rest) ? indent + 2 : indent + marker[0].length };
      continue;
    }
    if (para && (indent === para.hanging || (indent === 0 && para.hanging === 0))) {
      para.lines.push(line);
      continue;
    }
    flush();
    if (indent === 0) para = { lines: [line], first: '', hanging: 0 };
    else out.push(line); // an indented line that continues nothing: a code sample
  }
  flush();
  return changed ? out : undefined;
}

/** The 0-based line of each offset of a text, by binary search over the line starts. */
function lineIndex(lines) {
  const starts = [];
  for (let i = 0, at = 0; i < lines.length; at += lines[i].length + 1, i++) starts.push(at);
  const lineOf = (pos) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return { starts, lineOf };
}

/** Rewraps the comments of one source text; `over` lists the lines (1-based) still wider than the limit after. */
export function rewrapComments(text, { fileName = 'file.ts', limit = 120 } = {}) {
  const lines = text.split('\n');
  const { starts: lineStarts, lineOf } = lineIndex(lines);
  /** Replacements: [first line, last line (inclusive), new lines]. */
  const edits = [];
  const ranges = commentRanges(text, fileName);
  let block; // consecutive own-line `//` comments at one indent
  const endBlock = () => {
    if (!block) return;
    const { start, end, indent } = block;
    block = undefined;
    const prefix = indent + '//';
    const body = lines.slice(start, end + 1).map((l) => l.slice(prefix.length).replace(/^ /, ''));
    const room = limit - width(prefix) - 1;
    const wrapped = rewrapBody(body, room);
    if (wrapped) edits.push([start, end, wrapped.map((b) => (b === '' ? prefix : `${prefix} ${b}`))]);
  };
  for (const [pos, end, kind] of ranges) {
    const first = lineOf(pos);
    const before = lines[first].slice(0, pos - lineStarts[first]);
    const ownLine = /^[ \t]*$/.test(before);
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia) {
      const comment = text.slice(pos, end);
      const usable = ownLine && !comment.startsWith('///') && /^\/\/( |$)/.test(comment);
      if (usable && block && block.end === first - 1 && block.indent === before) {
        block.end = first;
        continue;
      }
      endBlock();
      if (usable) block = { start: first, end: first, indent: before };
      continue;
    }
    endBlock();
    const last = lineOf(end);
    if (!ownLine) continue;
    const afterEnd = lines[last].slice(end - lineStarts[last]);
    if (!/^\s*$/.test(afterEnd)) continue;
    const inner = lines.slice(first + 1, last);
    const open = lines[first].slice(before.length);
    const close = lines[last].slice(0, end - lineStarts[last]);
    const jsdocShape = first !== last && /^\/\*\*?$/.test(open) && /^\s*\*\/$/.test(close);
    if (jsdocShape && inner.every((l) => new RegExp(`^${before}  ?\\*( |$)`).test(l))) {
      const starIndent = /^\s*/.exec(inner[0] ?? ` *`)[0];
      const prefix = starIndent + '*';
      const body = inner.map((l) => l.slice(l.indexOf('*') + 1).replace(/^ /, ''));
      const wrapped = rewrapBody(body, limit - width(prefix) - 1);
      if (wrapped) edits.push([first + 1, last - 1, wrapped.map((b) => (b === '' ? prefix : `${prefix} ${b}`))]);
    } else if (first === last && width(lines[first]) > limit && /^\/\*\*? .*\*\/$/.test(open)) {
      // A one-line doc comment too wide: open it into a block.
      const star = open.startsWith('/**') ? '/**' : '/*';
      const content = open.slice(star.length, -2).trim();
      const prefix = before + ' *';
      // Its text may fit once the delimiters have a line each.
      const wrapped = rewrapBody([content], limit - width(prefix) - 1) ?? [content];
      edits.push([first, first, [before + star, ...wrapped.map((b) => `${prefix} ${b}`), before + ' */']]);
    }
  }
  endBlock();
  for (const [start, end, replacement] of edits.sort((a, b) => b[0] - a[0])) {
    lines.splice(start, end - start + 1, ...replacement);
  }
  const result = lines.join('\n');
  const resultLines = result.split('\n');
  const index = lineIndex(resultLines);
  const over = new Set();
  for (const [pos, end] of commentRanges(result, fileName)) {
    for (let i = index.lineOf(pos); i <= index.lineOf(end); i++) if (width(resultLines[i]) > limit) over.add(i + 1);
  }
  return { text: result, changed: edits.length, over: [...over].sort((a, b) => a - b) };
}

function main(argv) {
  const check = argv.includes('--check');
  const at = argv.indexOf('--width');
  const limit = at >= 0 ? Number(argv[at + 1]) : 120;
  const files = argv.filter((a, i) => !a.startsWith('--') && !(at >= 0 && i === at + 1));
  let pending = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const { text: next, changed, over } = rewrapComments(text, { fileName: file, limit });
    if (changed) {
      pending++;
      if (check) console.log(`${file}: ${changed} comment(s) to rewrap`);
      else writeFileSync(file, next);
    }
    for (const line of over) console.log(`${file}:${line}: comment still over ${limit} columns (left as it is)`);
  }
  if (check && pending) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
