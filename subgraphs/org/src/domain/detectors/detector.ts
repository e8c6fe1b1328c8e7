import type { Day } from '@tiaokuai/leadership';
import type { Directory, Finding, LinkRecord, RuleOutcome, UnitContext } from '../types';

/** What a per-unit anomaly detector sees: the unit, the rule's answer, the links in force. */
export interface DetectorInput {
  ctx: UnitContext;
  asOf: Day;
  /** Does the unit exist on `asOf` (inside its own validity interval)? */
  exists: boolean;
  outcome: RuleOutcome;
  /** Incoming links in force on `asOf`, every kind. */
  declared: LinkRecord[];
  dir: Directory;
}

export type UnitDetector = (input: DetectorInput) => Finding[];
