/**
 * A free-text field as given: absent (null; a problem when required), not a string, blank when
 * required, too long, or holding characters a field of its kind cannot store (platform's text
 * rules: leadership's textProblem). Trimmed; an empty optional field is null. Pure.
 */
import { textProblem, type TextKind } from '@tiaokuai/leadership';

export type TextField = { value: string | null; problem?: undefined } | { value?: undefined; problem: string };

export function textField(v: unknown, max: number, required: boolean, kind: TextKind = 'LINE'): TextField {
  if (v === undefined || v === null) return required ? { problem: '必填' } : { value: null };
  if (typeof v !== 'string') return { problem: '应为字符串' };
  const t = v.trim();
  if (required && t === '') return { problem: '不能为空' };
  if (t.length > max) return { problem: `过长（${t.length} 字，最多 ${max} 字）` };
  const unstorable = textProblem(t, kind);
  if (unstorable) return { problem: unstorable };
  return { value: t === '' ? null : t };
}
