import type { Day } from '@tiaokuai/leadership';

/** Kinds of party organisation (DOMAIN.md, "Units and the kinds of link between them"). */
export const UNIT_KINDS = [
  'LOCAL_PARTY_COMMITTEE', // 地方党委
  'WORK_COMMITTEE', // 机关工委
  'DEPARTMENT_PARTY_GROUP', // 部门党组（党委）
  'ORGAN_PARTY_COMMITTEE', // 机关党委
  'GENERAL_BRANCH', // 党总支
  'BRANCH', // 党支部
  'GRASSROOTS_UNIT', // 基层单位
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_LEVELS = ['CENTRAL', 'PROVINCIAL', 'MUNICIPAL', 'COUNTY'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** 垂直管理 (by the upper competent department) or 属地管理 (by the local party committee). */
export const MANAGEMENT_MODES = ['VERTICAL', 'TERRITORIAL'] as const;
export type ManagementMode = (typeof MANAGEMENT_MODES)[number];

/** Directed link kinds, `from` is the superior. */
export const LINK_KINDS = ['LEADERSHIP', 'GUIDANCE', 'AFFILIATION', 'BUSINESS'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** 统一领导 (by the work committee) and 具体领导和管理 (by the department party group). */
export const LEADERSHIP_FLAVOURS = ['UNIFIED', 'SPECIFIC'] as const;
export type LeadershipFlavour = (typeof LEADERSHIP_FLAVOURS)[number];

export const ANOMALY_CODES = [
  'DUPLICATE_LEADER',
  'MISSING_LEADER',
  'RULE_MISMATCH',
  'OUTDATED_LINK',
  'UNDEFINED_RULE',
  'CYCLE',
  'MISSING_AFFILIATION',
  'MULTIPLE_AFFILIATION',
] as const;
export type AnomalyCode = (typeof ANOMALY_CODES)[number];

export interface UnitRecord {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  level: UnitLevel;
  region: string;
  validFrom: Day;
  validTo: Day | null;
}

/** One version of a unit's facts, valid over an inclusive interval. */
export interface FactVersion {
  validFrom: Day;
  validTo: Day | null;
  partyRelationMode: ManagementMode | null;
  businessMode: ManagementMode | null;
  competentDepartmentId: string | null;
  localityId: string | null;
}

export interface LinkRecord {
  id: string;
  fromId: string;
  toId: string;
  kind: LinkKind;
  flavour: LeadershipFlavour | null;
  validFrom: Day;
  validTo: Day | null;
  basis: string | null;
}

/** Everything the rules need about one unit: its record, every fact version, every incoming link. */
export interface UnitContext {
  unit: UnitRecord;
  facts: FactVersion[];
  incoming: LinkRecord[];
}

/** Looks up other units by id (for names in explanations and existence checks). */
export interface Directory {
  get(id: string): UnitRecord | undefined;
}

/** Where a role came from: a rule applied to a fact, or a link somebody declared. */
export type RoleBasis = 'LOCALITY' | 'COMPETENT_DEPARTMENT' | 'AFFILIATION' | 'DECLARED';

export interface Role {
  unitId: string;
  flavour: LeadershipFlavour | null;
  basis: RoleBasis;
}

/** What a leadership rule concludes for one unit on one date. */
export interface RuleOutcome {
  /** Stable code of the rule applied (part of the public contract: `PartyBuilding.rule`). */
  rule: string;
  leaders: Role[];
  guides: Role[];
  /** Chinese sentence naming the facts used. */
  explanation: string;
  /** How many distinct leaders the rule allows (2 only for the organ party committee's dual leadership). */
  allowedLeaders: number;
  /** Facts the rule needed but the unit lacks (each leaves a role empty: MISSING_LEADER). */
  missingFacts: string[];
  /** The rules do not define this combination (VERTICAL party relations, TERRITORIAL business). */
  undefinedRule: boolean;
  /** The top of the hierarchy (中共中央): nobody leads it, and that is no anomaly. */
  root: boolean;
}

export interface Finding {
  code: AnomalyCode;
  unitId: string;
  message: string;
  /** Other units involved (the two claimed leaders, the members of a cycle...). */
  relatedUnitIds: string[];
  /** Declared links involved. */
  linkIds: string[];
  /** For anomalies about a period (a gap after a transfer): its inclusive bounds. */
  from: Day | null;
  to: Day | null;
}

export function finding(
  code: AnomalyCode,
  unitId: string,
  message: string,
  extra: Partial<Omit<Finding, 'code' | 'unitId' | 'message'>> = {},
): Finding {
  return { code, unitId, message, relatedUnitIds: [], linkIds: [], from: null, to: null, ...extra };
}
