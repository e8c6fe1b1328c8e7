import { nameOf } from '../labels';
import { finding } from '../types';
import type { UnitDetector } from './detector';

/**
 * MISSING_AFFILIATION: no body holds the unit's party organisation relation on `asOf`.
 * Exactly one AFFILIATION at any instant (DOMAIN.md cardinality rules); the root is exempt.
 */
export const detectMissingAffiliation: UnitDetector = ({ ctx, asOf, exists, outcome, declared, dir }) => {
  if (!exists || outcome.root) return [];
  if (declared.some((l) => l.kind === 'AFFILIATION')) return [];
  return [
    finding(
      'MISSING_AFFILIATION',
      ctx.unit.id,
      `截至${asOf}，${nameOf(dir, ctx.unit.id)}没有隶属（党组织关系）上级，党组织关系无处安放。`,
    ),
  ];
};
