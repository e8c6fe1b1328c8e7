/**
 * Checks of a responsibility-list item as given (defineRequiredItem's input, an entry of the
 * interchange file's `requiredItems`). Pure: every problem with the path of its field.
 */
import { textProblem } from '@tiaokuai/leadership';
import { FREQUENCIES, type Frequency } from './types';
import { MAX_DESCRIPTION, MAX_SHORT, MAX_TITLE, UNIT_KINDS, type Problem } from './validate';

export interface RequiredItemSpec {
  /** The owner's unit code (a work committee, party group or organ party committee); null: hub-wide. */
  owner: string | null;
  code: string;
  name: string;
  kinds: string[];
  frequency: Frequency;
  description: string | null;
}
/** An entry of the file's `requiredItems` (or defineRequiredItem's input). */
export function validateRequiredItem(raw: unknown, base: string): { spec?: RequiredItemSpec; problems: Problem[] } {
  const problems: Problem[] = [];
  const bad = (field: string, message: string) => problems.push({ path: `${base}.${field}`, message });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { problems: [{ path: base, message: '应为对象' }] };
  const r = raw as Record<string, unknown>;
  if (
    r.owner !== undefined &&
    r.owner !== null &&
    (typeof r.owner !== 'string' || r.owner.trim() === '' || r.owner.length > MAX_SHORT)
  )
    bad('owner', '应为清单所属单位的代码（不给出：全平台事项）');
  if (typeof r.code !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(r.code))
    bad('code', '代码应为 1–64 位字母、数字、-、_、.');
  if (typeof r.name !== 'string' || r.name.trim() === '' || r.name.length > MAX_TITLE)
    bad('name', `名称必填，最多 ${MAX_TITLE} 字`);
  else {
    const p = textProblem(r.name.trim(), 'LINE');
    if (p) bad('name', p);
  }
  if (!Array.isArray(r.kinds) || r.kinds.length === 0 || r.kinds.some((k) => !UNIT_KINDS.includes(k as never)))
    bad('kinds', `应为单位类型的非空列表（${UNIT_KINDS.join('、')}）`);
  if (!FREQUENCIES.includes(r.frequency as Frequency))
    bad('frequency', `未知的频次：${String(r.frequency)}（${FREQUENCIES.join('、')}）`);
  if (r.description !== undefined && r.description !== null) {
    if (typeof r.description !== 'string' || r.description.length > MAX_DESCRIPTION)
      bad('description', `应为字符串，最多 ${MAX_DESCRIPTION} 字`);
    else {
      const p = textProblem(r.description.trim(), 'MULTILINE');
      if (p) bad('description', p);
    }
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    spec: {
      owner: typeof r.owner === 'string' ? r.owner.trim() : null,
      code: r.code as string,
      name: (r.name as string).trim(),
      kinds: [...new Set(r.kinds as string[])].sort(),
      frequency: r.frequency as Frequency,
      description: (r.description as string | undefined)?.trim() || null,
    },
  };
}
