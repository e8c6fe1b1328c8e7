import type { UnitDetector } from './detector';
import { detectDuplicateLeader } from './duplicate-leader';
import { detectMissingAffiliation } from './missing-affiliation';
import { detectMissingLeader } from './missing-leader';
import { detectMultipleAffiliation } from './multiple-affiliation';
import { detectOutdatedLink } from './outdated-link';
import { detectRuleMismatch } from './rule-mismatch';
import { detectUndefinedRule } from './undefined-rule';

export type { DetectorInput, UnitDetector } from './detector';
export { detectCycles, findCycles, type Edge } from './cycle';

/** Every per-unit detector; CYCLE needs the graph and runs separately (see cycle.ts). */
export const UNIT_DETECTORS: readonly UnitDetector[] = [
  detectDuplicateLeader,
  detectMissingLeader,
  detectRuleMismatch,
  detectOutdatedLink,
  detectUndefinedRule,
  detectMissingAffiliation,
  detectMultipleAffiliation,
];
