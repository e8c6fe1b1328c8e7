import { nameOf } from '../labels';
import { finding, type Finding } from '../types';
import type { UnitDetector } from './detector';

/**
 * MISSING_LEADER (都不管): nobody leads the unit on `asOf`: the rule needed a fact the unit
 * lacks (DOMAIN.md: "that is MISSING_LEADER, not a guess"), or one side of a dual leadership
 * is missing. Only that day: a gap that closed earlier (转隶空档) is a period question
 * (domain/anomaly-periods.ts), never one of the day's faults.
 */
export const detectMissingLeader: UnitDetector = ({ ctx, asOf, exists, outcome, dir }) => {
  const out: Finding[] = [];
  const who = nameOf(dir, ctx.unit.id);
  if (exists && !outcome.root && !outcome.undefinedRule && outcome.leaders.length === 0) {
    out.push(
      finding(
        'MISSING_LEADER',
        ctx.unit.id,
        `截至${asOf}，${who}无领导方：缺少${outcome.missingFacts.join('、') || '必要事实'}（规则${outcome.rule}）。`,
      ),
    );
  } else if (exists && outcome.missingFacts.length > 0 && outcome.allowedLeaders > outcome.leaders.length) {
    // Dual leadership with one side missing (organ party committee without its party group).
    out.push(
      finding(
        'MISSING_LEADER',
        ctx.unit.id,
        `截至${asOf}，${who}应由${outcome.allowedLeaders}方领导，但缺少${outcome.missingFacts.join('、')}，有领导方空缺（规则${outcome.rule}）。`,
      ),
    );
  }
  return out;
};
