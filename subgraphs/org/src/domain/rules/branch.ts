import { KIND_LABEL, nameOf } from '../labels';
import { leadersByAffiliation } from './affiliation-parent';
import { outcome, type LeadershipRule } from './rule';

/**
 * 党总支 and 党支部: led by their parent party organisation, the AFFILIATION parent
 * (DOMAIN.md "Rules by kind of unit", row GENERAL_BRANCH, BRANCH). Nobody guides them.
 */
export const branchRule: LeadershipRule = {
  kinds: ['GENERAL_BRANCH', 'BRANCH'],
  evaluate(input) {
    const a = leadersByAffiliation(input);
    return outcome({
      rule: 'BRANCH_BY_AFFILIATION',
      leaders: a.leaders,
      missingFacts: a.missingFacts,
      explanation: `截至${input.asOf}，${nameOf(input.dir, input.unit.id)}为${KIND_LABEL[input.unit.kind]}，依据“党的基层组织由其上级党组织领导”，${a.text}。`,
    });
  },
};
