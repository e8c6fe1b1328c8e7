/**
 * Reading a scheme's fields as given (validate.ts): the type and text checks every field of its
 * kind gets. Each returns the value read, or null with the problem (path relative to the scheme).
 */
import { textProblem } from '@tiaokuai/leadership';
import type { Problem } from './scheme';

export interface Read<T> {
  value: T | null;
  problems: Problem[];
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/**
 * A text field: a string of at most `max` characters once trimmed (blank reads as absent,
 * required or not), a name or a label (leadership's text.ts, LINE: no control characters).
 */
export function readText(path: string, v: unknown, max: number, required = true): Read<string> {
  const fail = (message: string): Read<string> => ({ value: null, problems: [{ path, message }] });
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === ''))
    return required ? fail('必填') : { value: null, problems: [] };
  if (typeof v !== 'string') return fail('应为字符串');
  const t = v.trim();
  if (t.length > max) return fail(`过长（最多 ${max} 字）`);
  const u = textProblem(t, 'LINE'); // every text of a scheme is a name or a label (leadership's text.ts)
  if (u) return fail(u);
  return { value: t, problems: [] };
}

/** A code (an indicator's, an evaluator group's): 1–64 letters, digits, -, _ or ., not starting with a sign. */
export function readCode(path: string, v: unknown): Read<string> {
  if (typeof v !== 'string' || !CODE.test(v))
    return { value: null, problems: [{ path, message: '代码应为 1–64 位字母、数字、-、_、.' }] };
  return { value: v, problems: [] };
}

/** A list field: absent reads as empty. */
export function readList(path: string, v: unknown): Read<unknown[]> & { value: unknown[] } {
  if (v === undefined || v === null) return { value: [], problems: [] };
  if (!Array.isArray(v)) return { value: [], problems: [{ path, message: '应为列表' }] };
  return { value: v, problems: [] };
}
