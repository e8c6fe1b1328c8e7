import { KIND_LABEL, nameOf } from '../labels';
import { leadersByAffiliation } from './affiliation-parent';
import { outcome, type LeadershipRule } from './rule';

/**
 * 机关工委: led by the local party committee that set it up, its AFFILIATION parent
 * (DOMAIN.md "Rules by kind of unit", row WORK_COMMITTEE). Nobody guides it.
 */
export const workCommitteeRule: LeadershipRule = {
  kinds: ['WORK_COMMITTEE'],
  evaluate(input) {
    const a = leadersByAffiliation(input);
    return outcome({
      rule: 'WORK_COMMITTEE_BY_AFFILIATION',
      leaders: a.leaders,
      missingFacts: a.missingFacts,
      explanation: `截至${input.asOf}，${nameOf(input.dir, input.unit.id)}为${KIND_LABEL.WORK_COMMITTEE}，依据“机关工委由本级地方党委领导”，${a.text}；无指导方。`,
    });
  },
};
