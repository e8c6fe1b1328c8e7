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

/** Every mutation the audit log records (`AuditEntry.operation`, enum `AuditOperation`), with its description. */
export const AUDIT_OPERATIONS = {
  createUnit: '新建单位：创建一个单位 (createUnit: a unit created)',
  updateUnit: "修改单位：修改名称、层级、地区或成立日 (updateUnit: a unit's name, level, region or start changed)",
  endUnit: '撤销单位：单位终止 (endUnit: a unit ended)',
  changeUnitFacts: "变更事实：单位事实的新版本 (changeUnitFacts: a unit's facts changed)",
  createLink: '新建关系：声明一条关系 (createLink: a link declared)',
  updateLink: '修改关系：修改一条关系 (updateLink: a link changed)',
  endLink: '终止关系：一条关系结束 (endLink: a link ended)',
  importUnits: '导入：一次 tiaokuai/v1 文件导入 (importUnits: a tiaokuai/v1 import)',
} as const;
export type AuditOperation = keyof typeof AUDIT_OPERATIONS;

/**
 * The leadership rules' stable codes (the public `PartyBuilding.rule`, enum `LeadershipRule`), each with the
 * description the schema publishes: Chinese term, English gloss.
 */
export const RULE_CODES = {
  NOT_IN_EXISTENCE: '不在存续期：当日单位不存在，无领导方与指导方 (the unit does not exist on the date)',
  LOCAL_PARTY_COMMITTEE_ROOT: '中央层级地方党委：组织体系顶端，无上级领导 (the top of the hierarchy: nobody leads it)',
  LOCAL_PARTY_COMMITTEE_BY_AFFILIATION:
    '地方党委：由隶属的上级党委领导 (a local committee, led by its AFFILIATION parent)',
  WORK_COMMITTEE_BY_AFFILIATION:
    '机关工委：由本级地方党委领导，无指导方 (a work committee, led by its AFFILIATION parent)',
  DEPARTMENT_PARTY_GROUP:
    '部门党组（党委）：由本级地方党委领导 (a department party group, led by its AFFILIATION parent)',
  ORGAN_PARTY_COMMITTEE_DUAL_2019:
    '机关党委（2019年起）：机关工委与部门党组双重领导 (organ committee from 2019: led by the work committee and the department group)',
  ORGAN_PARTY_COMMITTEE_2010:
    '机关党委（2019年前）：机关工委领导，本部门党组指导 (organ committee before 2019: the work committee leads, the department group guides)',
  BRANCH_BY_AFFILIATION: '党总支、党支部：由上级党组织领导 (a general branch or branch, led by its AFFILIATION parent)',
  GRASSROOTS_FACTS_MISSING:
    '缺少事实：基层单位缺少条块事实，无法判定 (GRASSROOTS_FACTS_MISSING: a grassroots unit lacking the facts the rules need)',
  GRASSROOTS_TERRITORIAL_VERTICAL:
    '党组织关系属地、业务垂直：属地领导，主管部门指导 (party relations TERRITORIAL, business VERTICAL: locality leads, competent department guides)',
  GRASSROOTS_VERTICAL_VERTICAL:
    '党组织关系垂直、业务垂直：主管部门领导，属地指导 (both VERTICAL: competent department leads, locality guides)',
  GRASSROOTS_TERRITORIAL_TERRITORIAL:
    '党组织关系属地、业务属地：属地领导，无党建指导方 (both TERRITORIAL: locality leads, nobody guides)',
  GRASSROOTS_VERTICAL_TERRITORIAL_UNDEFINED:
    '党组织关系垂直、业务属地：规则未定义，沿用登记的决定 (party relations VERTICAL, business TERRITORIAL: undefined, the declared decision stands)',
} as const;
export type RuleCode = keyof typeof RULE_CODES;

/** What a leadership rule concludes for one unit on one date. */
export interface RuleOutcome {
  /** Stable code of the rule applied (part of the public contract: `PartyBuilding.rule`, enum `LeadershipRule`). */
  rule: RuleCode;
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
