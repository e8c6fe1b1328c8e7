import { isNum } from '../read';
import type { Problem } from '../scheme';

/**
 * An indicator's or an evaluator group's weight is a percent above 0 and at most 100: a weight
 * of 0 would count for nothing, and weights are shares of 100 (weights-sum-to-100.ts).
 */
export function weightInRange(weight: unknown, at: string): Problem[] {
  if (isNum(weight) && weight > 0 && weight <= 100) return [];
  return [{ path: `${at}.weight`, message: `权重应为大于 0、不超过 100 的数：${String(weight)}` }];
}
