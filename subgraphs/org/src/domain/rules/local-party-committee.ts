import { KIND_LABEL, nameOf } from '../labels';
import { leadersByAffiliation } from './affiliation-parent';
import { outcome, type LeadershipRule } from './rule';

/**
 * 地方党委: led by the party committee above it (its AFFILIATION parent). The central
 * committee (a CENTRAL-level LOCAL_PARTY_COMMITTEE, 中共中央) is the root of the hierarchy.
 * DOMAIN.md does not list this kind; the hub's decision is recorded in ARCHITECTURE.md.
 */
export const localPartyCommitteeRule: LeadershipRule = {
  kinds: ['LOCAL_PARTY_COMMITTEE'],
  evaluate(input) {
    const who = nameOf(input.dir, input.unit.id);
    if (input.unit.level === 'CENTRAL') {
      return outcome({
        rule: 'LOCAL_PARTY_COMMITTEE_ROOT',
        root: true,
        explanation: `截至${input.asOf}，${who}为中央层级的${KIND_LABEL.LOCAL_PARTY_COMMITTEE}，是组织体系的顶端，无上级领导。`,
      });
    }
    const a = leadersByAffiliation(input);
    return outcome({
      rule: 'LOCAL_PARTY_COMMITTEE_BY_AFFILIATION',
      leaders: a.leaders,
      missingFacts: a.missingFacts,
      explanation: `截至${input.asOf}，${who}为${KIND_LABEL.LOCAL_PARTY_COMMITTEE}，${a.text}。`,
    });
  },
};
