import { nameOf } from '../labels';
import { finding } from '../types';
import type { UnitDetector } from './detector';

/**
 * DUPLICATE_LEADER (都管): more bodies lead the unit than the rules allow, one everywhere
 * except the organ party committee's dual leadership (two). Counted both on the answer
 * (e.g. two AFFILIATION parents) and on the declared LEADERSHIP links (DOMAIN.md, "What goes
 * wrong today", row 都管).
 */
export const detectDuplicateLeader: UnitDetector = ({ ctx, asOf, exists, outcome, declared, dir }) => {
  if (!exists) return [];
  const answered = [...new Set(outcome.leaders.map((r) => r.unitId))];
  const declaredLinks = declared.filter((l) => l.kind === 'LEADERSHIP');
  const declaredLeaders = [...new Set(declaredLinks.map((l) => l.fromId))];
  const worst = declaredLeaders.length > answered.length ? declaredLeaders : answered;
  if (worst.length <= outcome.allowedLeaders) return [];
  const fromDeclared = worst === declaredLeaders;
  return [
    finding(
      'DUPLICATE_LEADER',
      ctx.unit.id,
      `截至${asOf}，${nameOf(dir, ctx.unit.id)}有${worst.length}个领导方（${worst.map((id) => nameOf(dir, id)).join('、')}），` +
        `规则只允许${outcome.allowedLeaders}个${fromDeclared ? '（依据已登记的领导关系）' : ''}：都管，需明确由谁领导。`,
      { relatedUnitIds: worst, linkIds: fromDeclared ? declaredLinks.map((l) => l.id) : [] },
    ),
  ];
};
