import type { Day } from '@tiaokuai/leadership';
import type { Directory, FactVersion, LinkRecord, RuleOutcome, UnitKind, UnitRecord } from '../types';

/** What a leadership rule sees of one unit on one date. */
export interface RuleInput {
  unit: UnitRecord;
  asOf: Day;
  /** The fact version in force on `asOf`, if any. */
  facts: FactVersion | null;
  /** AFFILIATION links into the unit in force on `asOf` (normally exactly one). */
  affiliations: LinkRecord[];
  /** LEADERSHIP links into the unit in force on `asOf`; consulted only where the rules are silent. */
  declaredLeadership: LinkRecord[];
  dir: Directory;
}

/** A leadership rule: for the kinds it covers, who leads and who guides, and why. */
export interface LeadershipRule {
  kinds: readonly UnitKind[];
  evaluate(input: RuleInput): RuleOutcome;
}

export function outcome(partial: Partial<RuleOutcome> & Pick<RuleOutcome, 'rule' | 'explanation'>): RuleOutcome {
  return {
    leaders: [],
    guides: [],
    allowedLeaders: 1,
    missingFacts: [],
    undefinedRule: false,
    root: false,
    ...partial,
  };
}
