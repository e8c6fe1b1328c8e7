import { isNum } from '../read';
import { round, WEIGHT_TOLERANCE, type Problem } from '../scheme';

/**
 * WEIGHTED_SUM: the party-building and business weights are numbers of at least 0 summing to
 * 100% (within WEIGHT_TOLERANCE): the final score is their weighted sum, on the 0–100 scale.
 */
export function weightedSum(c: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  if (!isNum(c.partyWeight) || c.partyWeight < 0)
    problems.push({ path: 'combination.partyWeight', message: '党建权重应为不小于 0 的数' });
  if (!isNum(c.businessWeight) || c.businessWeight < 0)
    problems.push({ path: 'combination.businessWeight', message: '业务权重应为不小于 0 的数' });
  if (
    isNum(c.partyWeight) &&
    isNum(c.businessWeight) &&
    Math.abs(c.partyWeight + c.businessWeight - 100) > WEIGHT_TOLERANCE
  ) {
    problems.push({
      path: 'combination',
      message: `党建与业务权重之和应为 100%，实为 ${round(c.partyWeight + c.businessWeight)}%`,
    });
  }
  return problems;
}
