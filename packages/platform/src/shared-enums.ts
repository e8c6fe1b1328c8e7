/**
 * The descriptions of enums that more than one subgraph declares (UnitKind, LeadershipFlavour,
 * LiveChangeKind) and of the values one subgraph reuses (assessments' GradedUnitKind, a part of
 * UnitKind). Composition keeps one description for a type several subgraphs declare, so the
 * subgraphs must say the same thing: they register their enum objects with these configs
 * (`registerEnumType(UnitKindEnum, UNIT_KIND_ENUM)`) instead of each keeping a copy.
 */

/** A value's description, as type-graphql's `valuesConfig` takes it. */
type Values<K extends string> = Record<K, { description: string }>;

export const UNIT_KIND_VALUES: Values<
  | 'LOCAL_PARTY_COMMITTEE'
  | 'WORK_COMMITTEE'
  | 'DEPARTMENT_PARTY_GROUP'
  | 'ORGAN_PARTY_COMMITTEE'
  | 'GENERAL_BRANCH'
  | 'BRANCH'
  | 'GRASSROOTS_UNIT'
> = {
  BRANCH: { description: '党支部：基本的党组织 (BRANCH: a party branch)' },
  DEPARTMENT_PARTY_GROUP: {
    description: "部门党组（党委）：部门的党组或党委 (DEPARTMENT_PARTY_GROUP: a department's party group or committee)",
  },
  GENERAL_BRANCH: { description: '党总支：党的总支部委员会 (GENERAL_BRANCH: a general party branch)' },
  GRASSROOTS_UNIT: {
    description:
      "基层单位：部门机关以外设有党组织的单位 (GRASSROOTS_UNIT: a unit outside the department's own organ, with its own party organisation)",
  },
  LOCAL_PARTY_COMMITTEE: { description: '地方党委：省委、市委等 (LOCAL_PARTY_COMMITTEE: a local party committee)' },
  ORGAN_PARTY_COMMITTEE: {
    description: "机关党委：部门机关的党委 (ORGAN_PARTY_COMMITTEE: a department's organ party committee)",
  },
  WORK_COMMITTEE: { description: '机关工委：机关工作委员会 (WORK_COMMITTEE: an organs work committee)' },
};

export const UNIT_KIND_ENUM = {
  name: 'UnitKind',
  description:
    '党组织类型：地方党委、机关工委、部门党组（党委）、机关党委、党总支、党支部、基层单位 (unit kind: the kind of party organisation)',
  valuesConfig: UNIT_KIND_VALUES,
};

export const LEADERSHIP_FLAVOUR_ENUM = {
  name: 'LeadershipFlavour',
  description: 'UNIFIED 统一领导 (work committee), SPECIFIC 具体领导和管理 (department party group)',
  valuesConfig: {
    SPECIFIC: {
      description:
        '具体领导：部门党组的具体领导和管理 (SPECIFIC: specific leadership and management, by the department party group)',
    },
    UNIFIED: { description: '统一领导：机关工委的统一领导 (UNIFIED: unified leadership, by the work committee)' },
  } satisfies Values<'UNIFIED' | 'SPECIFIC'>,
};

/** A live change's kind (live.ts `LiveChange.kind`). */
export const LIVE_CHANGE_KIND_ENUM = {
  name: 'LiveChangeKind',
  description: '实时变更的种类 (kind of a live change)',
  valuesConfig: {
    READY: { description: '已就绪：订阅开始，total 为当前条数 (ready: the list as it stands, counted)' },
    CHANGED: { description: '有变化：appeared 新出现，settled 已消除 (changed: what appeared and what went)' },
    RESYNC: {
      description: '须重读：客户端跟不上，积压的变更已丢弃，请重新查询列表 (fell behind: re-read the list)',
    },
  } satisfies Values<'READY' | 'CHANGED' | 'RESYNC'>,
};
