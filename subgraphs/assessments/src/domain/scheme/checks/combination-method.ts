import type { Problem } from '../scheme';

/**
 * A scheme says how the 双百分 scores combine: WEIGHTED_SUM or GRADE_MATRIX (DOMAIN.md
 * "Assessments (考核评价)"); without it no final grade could be given.
 */
export function combinationMethod(c: unknown): Problem[] {
  if (typeof c !== 'object' || c === null)
    return [{ path: 'combination', message: '须给出双百分的合成方式（WEIGHTED_SUM 或 GRADE_MATRIX）' }];
  const method = (c as Record<string, unknown>).method;
  if (method === 'WEIGHTED_SUM' || method === 'GRADE_MATRIX') return [];
  return [{ path: 'combination.method', message: `未知的合成方式：${String(method)}（WEIGHTED_SUM 或 GRADE_MATRIX）` }];
}
