import { nameOf } from '../labels';
import { finding } from '../types';
import type { UnitDetector } from './detector';

/**
 * DUPLICATE_LEADER (都管): more bodies lead the unit than the rules allow, one everywhere
 * except the organ party committee's dual leadership (two). A body leads if the rule says so
 * (e.g. each of two AFFILIATION parents) or if a LEADERSHIP link declares it: the locality
 * leading by rule while the competent department declares itself leader is exactly 都管
 * (DOMAIN.md, "What goes wrong today", row 都管).
 */
export const detectDuplicateLeader: UnitDetector = ({ ctx, asOf, exists, outcome, declared, dir }) => {
  if (!exists) return [];
  const declaredLinks = declared.filter((l) => l.kind === 'LEADERSHIP');
  const leaders = [...new Set([...outcome.leaders.map((r) => r.unitId), ...declaredLinks.map((l) => l.fromId)])];
  if (leaders.length <= outcome.allowedLeaders) return [];
  return [
    finding(
      'DUPLICATE_LEADER',
      ctx.unit.id,
      `截至${asOf}，${nameOf(dir, ctx.unit.id)}有${leaders.length}个领导方（${leaders.map((id) => nameOf(dir, id)).join('、')}，含规则认定和登记声称的），` +
        `规则只允许${outcome.allowedLeaders}个：都管，需明确由谁领导。`,
      { relatedUnitIds: leaders, linkIds: declaredLinks.map((l) => l.id) },
    ),
  ];
};
