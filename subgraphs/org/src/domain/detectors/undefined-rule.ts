import { nameOf } from '../labels';
import { finding } from '../types';
import type { UnitDetector } from './detector';

/**
 * UNDEFINED_RULE: VERTICAL party relations with TERRITORIAL business, the one combination the
 * rules leave undefined (DOMAIN.md, resolution table, last row). It needs an explicit,
 * documented decision; until then the declared links are returned as they are.
 */
export const detectUndefinedRule: UnitDetector = ({ ctx, asOf, exists, outcome, declared, dir }) => {
  if (!exists || !outcome.undefinedRule) return [];
  const decided = declared.filter((l) => l.kind === 'LEADERSHIP');
  const basis = decided.map((l) => l.basis).filter((b): b is string => !!b);
  return [
    finding(
      'UNDEFINED_RULE',
      ctx.unit.id,
      `截至${asOf}，${nameOf(dir, ctx.unit.id)}党组织关系垂直管理而业务属地管理，条块规则未定义此组合，需要明确并记录决定` +
        (decided.length
          ? `；现有登记的领导关系${basis.length ? `（依据：${basis.join('；')}）` : '（未注明依据）'}。`
          : '；目前没有任何登记的领导关系。'),
      { linkIds: decided.map((l) => l.id), relatedUnitIds: decided.map((l) => l.fromId) },
    ),
  ];
};
