import { isNum } from '../read';
import type { Problem } from '../scheme';

/**
 * Guiding bodies' opinions weigh at most 50% of the party-building score (0 when absent): the
 * grading is the leading body's (DOMAIN.md "Assessments (考核评价)"), an opinion only informs it.
 */
export function opinionWeight(w: unknown): Problem[] {
  if (w === undefined || w === null) return [];
  if (isNum(w) && w >= 0 && w <= 50) return [];
  return [{ path: 'opinionWeight', message: `指导单位意见的权重应为 0–50：${String(w)}（评定由领导单位作出）` }];
}
