import type { Problem } from '../scheme';

/**
 * Indicator codes, evaluator group codes and grades are each named once in a scheme: scores,
 * ratings and the grade matrix refer to them by name. `what` names the kind in the message.
 */
export function unique(
  value: string | null,
  taken: readonly string[],
  path: string,
  what: '指标代码' | '评价主体代码' | '格次',
): Problem[] {
  return value && taken.includes(value) ? [{ path, message: `重复的${what}：${value}` }] : [];
}
