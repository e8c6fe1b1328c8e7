import { KIND_LABEL, nameOf } from '../labels';
import type { Role } from '../types';
import { outcome, type LeadershipRule } from './rule';

/**
 * The day the 2019 regulation (《中国共产党党和国家机关基层组织工作条例》) took effect: from
 * it, the department party group *leads* its organ party committee (arts. 2, 33–37); under
 * the 2010 regulation it only *guided* it.
 */
export const DUAL_LEADERSHIP_FROM = '2019-11-29';

/**
 * 机关党委: from 2019-11-29 under the dual leadership of the work committee (`locality`,
 * 统一领导 UNIFIED) and its department's party group (`competentDepartment`, 具体领导和管理
 * SPECIFIC); before that day led by the work committee only and guided by the party group
 * (DOMAIN.md "Rules by kind of unit", row ORGAN_PARTY_COMMITTEE).
 */
export const organPartyCommitteeRule: LeadershipRule = {
  kinds: ['ORGAN_PARTY_COMMITTEE'],
  evaluate(input) {
    const { asOf, dir } = input;
    const localityId = input.facts?.localityId ?? null;
    const departmentId = input.facts?.competentDepartmentId ?? null;
    const missingFacts: string[] = [];
    if (!localityId) missingFacts.push('locality');
    const who = `截至${asOf}，${nameOf(dir, input.unit.id)}为${KIND_LABEL.ORGAN_PARTY_COMMITTEE}`;
    const facts = `（事实：机关工委 locality=${nameOf(dir, localityId)}，本部门党组 competentDepartment=${nameOf(dir, departmentId)}）`;
    const work: Role[] = localityId ? [{ unitId: localityId, flavour: 'UNIFIED', basis: 'LOCALITY' }] : [];
    if (asOf >= DUAL_LEADERSHIP_FROM) {
      if (!departmentId) missingFacts.push('competentDepartment');
      const dept: Role[] = departmentId
        ? [{ unitId: departmentId, flavour: 'SPECIFIC', basis: 'COMPETENT_DEPARTMENT' }]
        : [];
      return outcome({
        rule: 'ORGAN_PARTY_COMMITTEE_DUAL_2019',
        leaders: [...work, ...dept],
        allowedLeaders: 2,
        missingFacts,
        explanation: `${who}${facts}。依据2019年《中国共产党党和国家机关基层组织工作条例》（自${DUAL_LEADERSHIP_FROM}起），机关党委实行双重领导：由机关工委统一领导、由本部门党组具体领导和管理；无指导方。`,
      });
    }
    const guides: Role[] = departmentId ? [{ unitId: departmentId, flavour: null, basis: 'COMPETENT_DEPARTMENT' }] : [];
    return outcome({
      rule: 'ORGAN_PARTY_COMMITTEE_2010',
      leaders: work,
      guides,
      missingFacts,
      explanation: `${who}${facts}。依据2010年条例（${DUAL_LEADERSHIP_FROM}前有效），机关党委由机关工委领导，本部门党组予以指导。`,
    });
  },
};
