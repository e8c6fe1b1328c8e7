import { round, WEIGHT_TOLERANCE, type Problem } from '../scheme';

/**
 * The weights of a complete, non-empty list (indicators, evaluator groups: 知者权重) sum to 100%,
 * within WEIGHT_TOLERANCE (rounding of decimal fractions): each is a share of the whole score.
 */
export function weightsSumTo100(list: ReadonlyArray<{ weight: number }>, field: string, label: string): Problem[] {
  const total = list.reduce((a, x) => a + x.weight, 0);
  if (list.length > 0 && Math.abs(total - 100) > WEIGHT_TOLERANCE) {
    return [{ path: field, message: `${label}权重之和应为 100%，实为 ${round(total)}%` }];
  }
  return [];
}
