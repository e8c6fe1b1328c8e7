/**
 * The checker every entry check reports to: it collects every problem with its JSON path
 * (`units[3].kind`), not just the first, and checks one field's value at a time (codes, text,
 * enumerations, days, intervals).
 */
import { isDay, textProblem, unknownFields, type Day, type TextKind } from '@tiaokuai/leadership';
import { CODE_RE, type Problem } from './format';

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An offending value for a problem message: short, and safe for any JSON (a value nested
 * thousands of levels deep overflows JSON.stringify's stack; a megabyte string would be echoed whole).
 */
export function show(v: unknown): string {
  let s: string;
  if (Array.isArray(v)) s = `数组（${v.length} 项）`;
  else if (isObject(v)) s = '对象';
  else s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 80)}…（共 ${s.length} 字符）` : s;
}

/** The path of a field (`units[3].kind`, `units[3]["a.b"]`): leadership's, one for the three subgraphs. */
export { fieldPath } from '@tiaokuai/leadership';

export class Checker {
  problems: Problem[] = [];
  add(path: string, message: string) {
    this.problems.push({ path, message });
  }
  /** Each field of `obj` the format does not know (docs/interchange.md "Unknown fields are refused"). */
  unknownFields(obj: Record<string, unknown>, known: ReadonlySet<string>, path: string) {
    this.problems.push(...unknownFields(obj, known, path));
  }
  code(v: unknown, path: string, required = true): string | null {
    if (v === undefined || v === null) {
      if (required) this.add(path, '必填');
      return null;
    }
    if (typeof v !== 'string' || !CODE_RE.test(v)) {
      this.add(path, `代码无效：${show(v)}（字母、数字开头，可含字母、数字、- _ .，最长64位）`);
      return null;
    }
    return v;
  }
  /** A text field; `kind` says whether it is one line (names) or free text (leadership's text.ts). */
  text(v: unknown, path: string, max: number, required: boolean, kind: TextKind = 'LINE'): string | null {
    if (v === undefined || v === null) {
      if (required) this.add(path, '必填');
      return null;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      this.add(path, '必须是非空字符串');
      return null;
    }
    if (v.length > max) {
      this.add(path, `过长（${v.length} 字符，最多 ${max}）`);
      return null;
    }
    const unstorable = textProblem(v, kind);
    if (unstorable) {
      this.add(path, unstorable);
      return null;
    }
    return v;
  }
  oneOf<T extends string>(v: unknown, values: readonly T[], path: string, required: boolean): T | null {
    if (v === undefined || v === null) {
      if (required) this.add(path, `必填，取值：${values.join(', ')}`);
      return null;
    }
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
      this.add(path, `未知取值 ${show(v)}，应为：${values.join(', ')}`);
      return null;
    }
    return v as T;
  }
  day(v: unknown, path: string, required: boolean): Day | null {
    if (v === undefined || v === null) {
      if (required) this.add(path, '必填（YYYY-MM-DD）');
      return null;
    }
    if (!isDay(v)) {
      this.add(path, `日期无效：${show(v)}（应为 YYYY-MM-DD 的真实日期）`);
      return null;
    }
    return v;
  }
  interval(from: Day | null, to: Day | null, path: string) {
    if (from && to && to < from) this.add(`${path}.validTo`, `validTo（${to}）早于 validFrom（${from}）`);
  }
}

export function newChecker(): Checker {
  return new Checker();
}
