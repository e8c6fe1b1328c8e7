import { nameOf } from '../labels';
import type { Role } from '../types';
import type { RuleInput } from './rule';

/**
 * The body holding the unit's party organisation relation (its AFFILIATION parent) leads it.
 * Shared by the rules of work committees, party groups, branches and local committees
 * (DOMAIN.md, "Rules by kind of unit"). With no parent the role stays empty (MISSING_LEADER);
 * with several, each is returned and DUPLICATE_LEADER / MULTIPLE_AFFILIATION report it.
 */
export function leadersByAffiliation(input: RuleInput): { leaders: Role[]; text: string; missingFacts: string[] } {
  const parents = [...new Set(input.affiliations.map((l) => l.fromId))];
  if (parents.length === 0) {
    return { leaders: [], text: '但当日无隶属（党组织关系）上级，领导方空缺', missingFacts: ['AFFILIATION'] };
  }
  return {
    leaders: parents.map((id) => ({ unitId: id, flavour: null, basis: 'AFFILIATION' as const })),
    text: `由其隶属（党组织关系）上级${parents.map((id) => nameOf(input.dir, id)).join('、')}领导`,
    missingFacts: [],
  };
}
