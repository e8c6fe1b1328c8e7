import type { Indicator, Problem } from '../scheme';

/**
 * A scheme with a SATISFACTION indicator (满意度评价) names its evaluator groups and their weights:
 * such an indicator is scored from the groups' ratings, nothing else.
 */
export function satisfactionNeedsEvaluators(indicators: readonly Indicator[], groupCount: number): Problem[] {
  if (indicators.some((k) => k.part === 'SATISFACTION') && groupCount === 0) {
    return [{ path: 'evaluatorGroups', message: '有满意度评价指标时须设评价主体及其权重' }];
  }
  return [];
}
