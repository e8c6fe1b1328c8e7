import { KIND_LABEL, nameOf } from '../labels';
import type { Role } from '../types';
import { leadersByAffiliation } from './affiliation-parent';
import { outcome, type LeadershipRule } from './rule';

/**
 * 部门党组（党委）: led by the party committee that set it up (its AFFILIATION parent);
 * guided by the work committee of its level (`locality`), which guides and supervises its
 * principal responsibility (主体责任) for organ party-building
 * (DOMAIN.md "Rules by kind of unit", row DEPARTMENT_PARTY_GROUP; 2019 条例 art. 2).
 */
export const departmentPartyGroupRule: LeadershipRule = {
  kinds: ['DEPARTMENT_PARTY_GROUP'],
  evaluate(input) {
    const a = leadersByAffiliation(input);
    const localityId = input.facts?.localityId ?? null;
    const guides: Role[] = localityId ? [{ unitId: localityId, flavour: null, basis: 'LOCALITY' }] : [];
    const guideText = localityId
      ? `由本级机关工委${nameOf(input.dir, localityId)}（属地 locality）指导督促其履行机关党建主体责任`
      : '未登记本级机关工委（locality），指导方空缺';
    return outcome({
      rule: 'DEPARTMENT_PARTY_GROUP',
      leaders: a.leaders,
      guides,
      missingFacts: a.missingFacts,
      explanation: `截至${input.asOf}，${nameOf(input.dir, input.unit.id)}为${KIND_LABEL.DEPARTMENT_PARTY_GROUP}，${a.text}；${guideText}。`,
    });
  },
};
