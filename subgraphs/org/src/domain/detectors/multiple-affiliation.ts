import { nameOf } from '../labels';
import { finding } from '../types';
import type { UnitDetector } from './detector';

/**
 * MULTIPLE_AFFILIATION: more than one body holds the unit's party organisation relation on
 * `asOf` (DOMAIN.md cardinality rules: exactly one AFFILIATION at any instant).
 */
export const detectMultipleAffiliation: UnitDetector = ({ ctx, asOf, exists, declared, dir }) => {
  if (!exists) return [];
  const links = declared.filter((l) => l.kind === 'AFFILIATION');
  const parents = [...new Set(links.map((l) => l.fromId))];
  if (links.length <= 1) return [];
  return [
    finding(
      'MULTIPLE_AFFILIATION',
      ctx.unit.id,
      `截至${asOf}，${nameOf(dir, ctx.unit.id)}同时有${links.length}条隶属关系（${parents.map((id) => nameOf(dir, id)).join('、')}），党组织关系只能有一处。`,
      { relatedUnitIds: parents, linkIds: links.map((l) => l.id) },
    ),
  ];
};
