import { KIND_LABEL, MODE_LABEL, nameOf } from '../labels';
import type { Role } from '../types';
import { outcome, type LeadershipRule } from './rule';

/**
 * 基层单位 under dual management (条块双重管理), by the two facts partyRelationMode and
 * businessMode (DOMAIN.md, "The resolution rules: who leads, who guides"):
 *
 * | party relations | business    | led by              | guided by           |
 * | TERRITORIAL     | VERTICAL    | locality            | competentDepartment |
 * | VERTICAL        | VERTICAL    | competentDepartment | locality            |
 * | TERRITORIAL     | TERRITORIAL | locality            | —                   |
 * | VERTICAL        | TERRITORIAL | undefined: UNDEFINED_RULE, the declared links stand |
 *
 * A fact the row needs but the unit lacks leaves the role empty (MISSING_LEADER), never a guess.
 */
export const grassrootsRule: LeadershipRule = {
  kinds: ['GRASSROOTS_UNIT'],
  evaluate(input) {
    const { asOf, dir, facts } = input;
    const who = `截至${asOf}，${nameOf(dir, input.unit.id)}为${KIND_LABEL.GRASSROOTS_UNIT}`;
    const party = facts?.partyRelationMode ?? null;
    const business = facts?.businessMode ?? null;
    if (!facts || !party || !business) {
      const missing = [!party ? 'partyRelationMode' : null, !business ? 'businessMode' : null].filter(
        (x): x is string => !!x,
      );
      return outcome({
        rule: 'GRASSROOTS_FACTS_MISSING',
        missingFacts: missing,
        explanation: `${who}，但当日缺少${missing.join('、')}事实，无法依条块规则判定领导方与指导方。`,
      });
    }
    const localityId = facts.localityId;
    const deptId = facts.competentDepartmentId;
    const factText = `党组织关系${MODE_LABEL[party]}、业务${MODE_LABEL[business]}（事实版本${facts.validFrom}起；属地 locality=${nameOf(dir, localityId)}，主管部门 competentDepartment=${nameOf(dir, deptId)}）`;
    const locality = (): Role[] => (localityId ? [{ unitId: localityId, flavour: null, basis: 'LOCALITY' }] : []);
    const dept = (): Role[] => (deptId ? [{ unitId: deptId, flavour: null, basis: 'COMPETENT_DEPARTMENT' }] : []);

    if (party === 'TERRITORIAL' && business === 'VERTICAL') {
      return outcome({
        rule: 'GRASSROOTS_TERRITORIAL_VERTICAL',
        leaders: locality(),
        guides: dept(),
        missingFacts: localityId ? [] : ['locality'],
        explanation: `${who}，${factText}。依据条块规则“党组织关系属地、业务垂直”：党建工作由属地领导，主管部门党组（党委）指导。`,
      });
    }
    if (party === 'VERTICAL' && business === 'VERTICAL') {
      return outcome({
        rule: 'GRASSROOTS_VERTICAL_VERTICAL',
        leaders: dept(),
        guides: locality(),
        missingFacts: deptId ? [] : ['competentDepartment'],
        explanation: `${who}，${factText}。依据条块规则“党组织关系垂直、业务垂直”：党建工作由主管部门党委领导，属地指导。`,
      });
    }
    if (party === 'TERRITORIAL' && business === 'TERRITORIAL') {
      return outcome({
        rule: 'GRASSROOTS_TERRITORIAL_TERRITORIAL',
        leaders: locality(),
        missingFacts: localityId ? [] : ['locality'],
        explanation: `${who}，${factText}。依据条块规则“党组织关系属地、业务属地”：党建工作由属地领导；上级业务部门只作业务指导，党建无指导方。`,
      });
    }
    // VERTICAL party relations with TERRITORIAL business: the rules say nothing. The hub
    // does not guess; whatever leadership committees declared is returned as their decision.
    const declared = [...new Set(input.declaredLeadership.map((l) => l.fromId))];
    return outcome({
      rule: 'GRASSROOTS_VERTICAL_TERRITORIAL_UNDEFINED',
      leaders: declared.map((id) => ({ unitId: id, flavour: null, basis: 'DECLARED' as const })),
      undefinedRule: true,
      explanation: `${who}，${factText}。条块规则未定义“党组织关系垂直、业务属地”的组合，需要明确并记录决定；${
        declared.length
          ? `现按已登记的领导关系（${declared.map((id) => nameOf(dir, id)).join('、')}）作答`
          : '目前也没有登记任何领导关系'
      }。`,
    });
  },
};
