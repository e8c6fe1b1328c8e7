/**
 * A task's target value (目标值): a number not below 0, and only with an indicator (指标) naming
 * what is measured. Absent: none. Pure.
 */
export type TaskTarget = { target: number | null; problem?: undefined } | { target?: undefined; problem: string };

export function taskTarget(target: unknown, indicator: string | null): TaskTarget {
  if (target === undefined || target === null) return { target: null };
  if (typeof target !== 'number' || !Number.isFinite(target) || target < 0) {
    return { problem: `目标值应为不小于 0 的数：${String(target)}` };
  }
  if (!indicator) return { problem: '有目标值时须给出指标名称（indicator）' };
  return { target };
}
