/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** 异常代码：领导关系异常的种类 (anomaly code: what is wrong with a unit's leadership) */
export type AnomalyCode =
  /** 循环：领导或隶属关系绕回自身 (CYCLE: the declared links lead back to the unit itself) */
  | 'CYCLE'
  /** 都管：两个单位都作为领导方 (DUPLICATE_LEADER: two bodies both lead where the rules allow one) */
  | 'DUPLICATE_LEADER'
  /** 缺隶属：某日没有党组织关系所在单位 (MISSING_AFFILIATION: no body holds the unit's party organisation relation on some day) */
  | 'MISSING_AFFILIATION'
  /** 都不管：没有单位领导其党建工作 (MISSING_LEADER: nobody leads the unit's party-building) */
  | 'MISSING_LEADER'
  /** 多隶属：同时有多个党组织关系所在单位 (MULTIPLE_AFFILIATION: more than one body holds the unit's party organisation relation) */
  | 'MULTIPLE_AFFILIATION'
  /** 过时关系：依旧条例声明、已不再成立的关系 (OUTDATED_LINK: a link the current regulation no longer allows, e.g. GUIDANCE after 2019-11-29) */
  | 'OUTDATED_LINK'
  /** 规则不符：声明的关系与规则的结论不同 (RULE_MISMATCH: a declared link contradicts the rules' answer) */
  | 'RULE_MISMATCH'
  /** 规则未定义：规则对该情形没有结论 (UNDEFINED_RULE: the rules give no answer, e.g. VERTICAL party relations with TERRITORIAL business) */
  | 'UNDEFINED_RULE';

/** MULTIPLE_INSPECTIONS 多头检查, EVALUATION_ONLY 平时不管“评”时管, GRADED_BY_NON_LEADER 非领导单位评定 */
export type AssessmentFindingKind =
  /** 平时不管“评”时管：考核方平时未布置任务或指导 (EVALUATION_ONLY: an assessor that gave the unit no tasks or guidance during the period) */
  | 'EVALUATION_ONLY'
  /** 非领导方定等：不领导该单位的机构给出了定等 (GRADED_BY_NON_LEADER: a grading by a body that did not lead the unit) */
  | 'GRADED_BY_NON_LEADER'
  /** 多头检查：同一时期多次检查同一单位 (MULTIPLE_INSPECTIONS: several inspections of one unit in one period) */
  | 'MULTIPLE_INSPECTIONS';

/** 任务分配状态：WITHDRAWN and MERGED are settled: kept on record, no longer reported */
export type AssignmentStatus =
  /** 已下达：尚未开始 (ASSIGNED: given, not started) */
  | 'ASSIGNED'
  /** 已完成：任务完成 (DONE: completed) */
  | 'DONE'
  /** 进行中：已开始未完成 (IN_PROGRESS: started, not done) */
  | 'IN_PROGRESS'
  /** 已合并：与重复的任务合并，留档不再统计 (MERGED: settled as a duplicate of another, kept on record, no longer reported) */
  | 'MERGED'
  /** 已撤回：下达方撤回，留档不再统计 (WITHDRAWN: withdrawn by the issuer, kept on record, no longer reported) */
  | 'WITHDRAWN';

/** 效力：BINDING: the issuer leads the unit (directly or through a body it leads); ADVISORY: it only guides it, or issued the task as advisory */
export type Authority =
  /** 指导性：指导方下达，仅供参考 (ADVISORY: the issuer only guides the unit, or issued it as advisory) */
  | 'ADVISORY'
  /** 约束性：领导方下达，必须执行 (BINDING: the issuer leads the unit, directly or through a body it leads) */
  | 'BINDING';

/** A new version of a unit's facts from validFrom on (a transfer, 转隶; a reform) */
export type ChangeFactsInput = {
  /** 业务管理方式 (how its business is managed: VERTICAL or TERRITORIAL) */
  businessMode?: ManagementMode | null | undefined;
  /** 主管部门：其党组（党委）的单位代码 (the competent department's party group, a unit code) */
  competentDepartment?: string | null | undefined;
  /** 所在地：行使属地领导的机构的单位代码 (the body leading locally where it sits, a unit code) */
  locality?: string | null | undefined;
  /** 党组织关系管理方式 (how its party organisation relations are managed: VERTICAL or TERRITORIAL) */
  partyRelationMode?: ManagementMode | null | undefined;
  /** 单位：单位代码 (the unit's code) */
  unit: string;
  /** 生效日：新版本的首日 (the first day of the new version) */
  validFrom: string;
};

/** 新建关系：两个单位之间的声明关系 (a new declared link between two units) */
export type CreateLinkInput = {
  /** 依据：文件或决定 (the document or decision it rests on) */
  basis?: string | null | undefined;
  /** 领导方式：仅领导关系 (the leadership flavour; LEADERSHIP only) */
  flavour?: LeadershipFlavour | null | undefined;
  /** 上级：Code of the superior */
  from: string;
  /** 关系类型 (the kind of link) */
  kind: LinkKind;
  /** 下级：Code of the subordinate */
  to: string;
  /** 生效日 (first day) */
  validFrom: string;
  /** 失效日：最后一天，空为至今 (last day; null while it holds) */
  validTo?: string | null | undefined;
};

/** 历史事件类型：单位时间线上的变化 (history event kind: a change on a unit's timeline) */
export type HistoryEventKind =
  /** 异常消除：一项异常不再存在 (ANOMALY_ENDED: an anomaly stopped) */
  | 'ANOMALY_ENDED'
  /** 异常出现：一项异常开始存在 (ANOMALY_STARTED: an anomaly began) */
  | 'ANOMALY_STARTED'
  /** 事实变更：单位事实的新版本生效 (FACTS_CHANGED: a new version of the unit's facts took effect) */
  | 'FACTS_CHANGED'
  /** 关系终止：一条声明的关系结束 (LINK_ENDED: a declared link ended) */
  | 'LINK_ENDED'
  /** 关系建立：一条声明的关系开始 (LINK_STARTED: a declared link began) */
  | 'LINK_STARTED'
  /** 撤销：单位撤销 (UNIT_ENDED: the unit ceased to exist) */
  | 'UNIT_ENDED'
  /** 成立：单位设立 (UNIT_STARTED: the unit came into being) */
  | 'UNIT_STARTED';

/** 下达方关系：How the issuer relates to the unit on the day judged: LEADS, GUIDES, or NONE (no longer reaches it, e.g. after a transfer) */
export type IssuerRelation =
  /** 指导：下达方指导该单位 (GUIDES: the issuer guides the unit) */
  | 'GUIDES'
  /** 领导：下达方领导该单位 (LEADS: the issuer leads the unit) */
  | 'LEADS'
  /** 无关：下达方已不领导也不指导该单位 (NONE: the issuer no longer reaches the unit, e.g. after a transfer) */
  | 'NONE';

/** UNIFIED 统一领导 (work committee), SPECIFIC 具体领导和管理 (department party group) */
export type LeadershipFlavour =
  /** 具体领导：部门党组的具体领导和管理 (SPECIFIC: specific leadership and management, by the department party group) */
  | 'SPECIFIC'
  /** 统一领导：机关工委的统一领导 (UNIFIED: unified leadership, by the work committee) */
  | 'UNIFIED';

/** 规则代码：判定领导方与指导方所依据的规则 (the stable code of the leadership rule applied) */
export type LeadershipRule =
  /** 党总支、党支部：由上级党组织领导 (a general branch or branch, led by its AFFILIATION parent) */
  | 'BRANCH_BY_AFFILIATION'
  /** 部门党组（党委）：由本级地方党委领导 (a department party group, led by its AFFILIATION parent) */
  | 'DEPARTMENT_PARTY_GROUP'
  /** 缺少事实：基层单位缺少条块事实，无法判定 (GRASSROOTS_FACTS_MISSING: a grassroots unit lacking the facts the rules need) */
  | 'GRASSROOTS_FACTS_MISSING'
  /** 党组织关系属地、业务属地：属地领导，无党建指导方 (both TERRITORIAL: locality leads, nobody guides) */
  | 'GRASSROOTS_TERRITORIAL_TERRITORIAL'
  /** 党组织关系属地、业务垂直：属地领导，主管部门指导 (party relations TERRITORIAL, business VERTICAL: locality leads, competent department guides) */
  | 'GRASSROOTS_TERRITORIAL_VERTICAL'
  /** 党组织关系垂直、业务属地：规则未定义，沿用登记的决定 (party relations VERTICAL, business TERRITORIAL: undefined, the declared decision stands) */
  | 'GRASSROOTS_VERTICAL_TERRITORIAL_UNDEFINED'
  /** 党组织关系垂直、业务垂直：主管部门领导，属地指导 (both VERTICAL: competent department leads, locality guides) */
  | 'GRASSROOTS_VERTICAL_VERTICAL'
  /** 地方党委：由隶属的上级党委领导 (a local committee, led by its AFFILIATION parent) */
  | 'LOCAL_PARTY_COMMITTEE_BY_AFFILIATION'
  /** 中央层级地方党委：组织体系顶端，无上级领导 (the top of the hierarchy: nobody leads it) */
  | 'LOCAL_PARTY_COMMITTEE_ROOT'
  /** 不在存续期：当日单位不存在，无领导方与指导方 (the unit does not exist on the date) */
  | 'NOT_IN_EXISTENCE'
  /** 机关党委（2019年前）：机关工委领导，本部门党组指导 (organ committee before 2019: the work committee leads, the department group guides) */
  | 'ORGAN_PARTY_COMMITTEE_2010'
  /** 机关党委（2019年起）：机关工委与部门党组双重领导 (organ committee from 2019: led by the work committee and the department group) */
  | 'ORGAN_PARTY_COMMITTEE_DUAL_2019'
  /** 机关工委：由本级地方党委领导，无指导方 (a work committee, led by its AFFILIATION parent) */
  | 'WORK_COMMITTEE_BY_AFFILIATION';

/** LEADERSHIP 领导, GUIDANCE 指导, AFFILIATION 隶属（党组织关系）, BUSINESS 业务主管 */
export type LinkKind =
  /** 隶属：党组织关系所在 (AFFILIATION: which body holds the unit's party organisation relation) */
  | 'AFFILIATION'
  /** 业务主管：业务工作的主管部门 (BUSINESS: the competent department for the unit's business work) */
  | 'BUSINESS'
  /** 指导：指导督促，不下达约束性任务 (GUIDANCE: guidance and supervision, no binding tasks) */
  | 'GUIDANCE'
  /** 领导：领导其党建工作 (LEADERSHIP: leads the unit's party-building) */
  | 'LEADERSHIP';

/** VERTICAL 垂直管理 or TERRITORIAL 属地管理 */
export type ManagementMode =
  /** 属地管理：由所在地党委管理 (TERRITORIAL: managed by the local party committee where the unit sits) */
  | 'TERRITORIAL'
  /** 垂直管理：由上级主管部门管理 (VERTICAL: managed by the upper competent department) */
  | 'VERTICAL';

/** 角色依据：Where a role comes from: a fact (locality, competent department), the AFFILIATION parent, or a declared link */
export type RoleBasis =
  /** 隶属：来自党组织关系所在单位 (AFFILIATION: from the AFFILIATION parent) */
  | 'AFFILIATION'
  /** 主管部门：来自事实中的主管部门 (COMPETENT_DEPARTMENT: from the fact competentDepartment) */
  | 'COMPETENT_DEPARTMENT'
  /** 声明：来自声明的关系 (DECLARED: from a declared link) */
  | 'DECLARED'
  /** 属地：来自事实中的所在地 (LOCALITY: from the fact locality) */
  | 'LOCALITY';

/** 角色：领导或指导 (role kind: leads or guides) */
export type RoleKind =
  /** 指导：指导其党建工作 (GUIDES: guides the unit's party-building) */
  | 'GUIDES'
  /** 领导：领导其党建工作 (LEADS: leads the unit's party-building) */
  | 'LEADS';

/** 任务问题类型：任务下达中发现的问题 (task finding kind: what is wrong with a unit's assignments) */
export type TaskConflictKind =
  /** 都想管重点不想管一般：重点任务重复而常规事项缺失 (CHERRY_PICKING: key tasks duplicated while required routine items are missing) */
  | 'CHERRY_PICKING'
  /** 内容冲突：要求互不相容 (CONFLICT: incompatible requirements, e.g. one deliverable with different deadlines) */
  | 'CONFLICT'
  /** 交叉重叠：同一工作被两个下达方重复布置 (DUPLICATE: the same work assigned twice by two issuers) */
  | 'DUPLICATE'
  /** 缺项：领导方未布置责任清单规定的事项 (MISSING: the leader did not assign a required routine item) */
  | 'MISSING'
  /** 越权：指导方下达约束性任务 (OVERREACH: a guide assigned binding work) */
  | 'OVERREACH';

/** KEY 重点, ROUTINE 一般 */
export type TaskPriority =
  /** 重点：重点任务 (KEY: a key task) */
  | 'KEY'
  /** 一般：一般任务 (ROUTINE: a routine task) */
  | 'ROUTINE';

/** 单位筛选 (a filter on units) */
export type UnitFilterInput = {
  /** 存续日：Only units existing on this day (default: any) */
  existingOn?: string | null | undefined;
  /** 党组织类型：空为全部 (only these kinds; default all) */
  kinds?: Array<UnitKind> | null | undefined;
  /** 层级：空为全部 (only these levels; default all) */
  levels?: Array<UnitLevel> | null | undefined;
  /** GB/T 2260 code; matches the region and everything inside it (510000 = 四川 and its cities) */
  region?: string | null | undefined;
  /** 搜索：Substring of the name or code */
  search?: string | null | undefined;
  /** 范围：Code of a unit: only units in its scope (subtree, led and guided units) on asOf */
  under?: string | null | undefined;
};

/** 党组织类型：地方党委、机关工委、部门党组（党委）、机关党委、党总支、党支部、基层单位 (unit kind: the kind of party organisation) */
export type UnitKind =
  /** 党支部：基本的党组织 (BRANCH: a party branch) */
  | 'BRANCH'
  /** 部门党组（党委）：部门的党组或党委 (DEPARTMENT_PARTY_GROUP: a department's party group or committee) */
  | 'DEPARTMENT_PARTY_GROUP'
  /** 党总支：党的总支部委员会 (GENERAL_BRANCH: a general party branch) */
  | 'GENERAL_BRANCH'
  /** 基层单位：部门机关以外设有党组织的单位 (GRASSROOTS_UNIT: a unit outside the department's own organ, with its own party organisation) */
  | 'GRASSROOTS_UNIT'
  /** 地方党委：省委、市委等 (LOCAL_PARTY_COMMITTEE: a local party committee) */
  | 'LOCAL_PARTY_COMMITTEE'
  /** 机关党委：部门机关的党委 (ORGAN_PARTY_COMMITTEE: a department's organ party committee) */
  | 'ORGAN_PARTY_COMMITTEE'
  /** 机关工委：机关工作委员会 (WORK_COMMITTEE: an organs work committee) */
  | 'WORK_COMMITTEE';

/** CENTRAL 中央, PROVINCIAL 省级, MUNICIPAL 市级, COUNTY 县级 */
export type UnitLevel =
  /** 中央：中央和国家机关 (CENTRAL: the central organs) */
  | 'CENTRAL'
  /** 县级：县（区）级 (COUNTY: county level) */
  | 'COUNTY'
  /** 市级：地级市 (MUNICIPAL: city level) */
  | 'MUNICIPAL'
  /** 省级：省（自治区、直辖市）级 (PROVINCIAL: provincial level) */
  | 'PROVINCIAL';

export type AnomaliesQueryVariables = Exact<{
  scope?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  asOf?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;

export type AnomaliesQuery = {
  leadershipAnomalies: {
    totalCount: number;
    summary: { total: number; byCode: Array<{ code: AnomalyCode; count: number }> };
    nodes: Array<{
      id: string;
      code: AnomalyCode;
      message: string;
      from: string | null;
      to: string | null;
      unit: { id: string; code: string; name: string };
      related: Array<{ id: string; code: string; name: string }>;
      links: Array<{ id: string; kind: LinkKind; validFrom: string }>;
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type UnitHistoryQueryVariables = Exact<{
  code: string;
  first?: number | null | undefined;
}>;

export type UnitHistoryQuery = {
  unit: {
    id: string;
    code: string;
    history: {
      nodes: Array<{
        date: string;
        kind: HistoryEventKind;
        description: string;
        anomaly: { id: string; code: AnomalyCode; from: string | null; to: string | null } | null;
      }>;
    };
  } | null;
};

export type AssessmentFindingsQueryVariables = Exact<{
  scope: string;
  year: number;
}>;

export type AssessmentFindingsQuery = {
  assessmentFindings: {
    summary: { total: number; byKind: Array<{ kind: AssessmentFindingKind; count: number }> };
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      id: string;
      kind: AssessmentFindingKind;
      from: string;
      to: string;
      explanation: string;
      suggestion: string;
      unit: { id: string; code: string; name: string };
      bodies: Array<{ id: string; code: string; name: string }>;
    }>;
  };
};

export type WhoLeadsQueryVariables = Exact<{
  code: string;
  asOf?: string | null | undefined;
}>;

export type WhoLeadsQuery = {
  unit: {
    id: string;
    code: string;
    name: string;
    partyBuilding: {
      rule: LeadershipRule;
      explanation: string;
      leaders: Array<{ id: string; code: string; name: string }>;
      guides: Array<{ id: string; code: string; name: string }>;
      roles: Array<{
        role: RoleKind;
        flavour: LeadershipFlavour | null;
        basis: RoleBasis;
        unit: { id: string; code: string; name: string };
      }>;
      declared: Array<{
        id: string;
        kind: LinkKind;
        validFrom: string;
        validTo: string | null;
        from: { id: string; code: string; name: string };
      }>;
      anomalies: Array<{ id: string; code: AnomalyCode; message: string }>;
    };
  } | null;
};

export type BeforeAndAfterQueryVariables = Exact<{
  code: string;
  before: string;
  after: string;
}>;

export type BeforeAndAfterQuery = {
  before: {
    id: string;
    code: string;
    partyBuilding: {
      rule: LeadershipRule;
      leaders: Array<{ id: string; code: string; name: string }>;
      guides: Array<{ id: string; code: string; name: string }>;
    };
  } | null;
  after: {
    id: string;
    code: string;
    partyBuilding: {
      rule: LeadershipRule;
      leaders: Array<{ id: string; code: string; name: string }>;
      guides: Array<{ id: string; code: string; name: string }>;
    };
  } | null;
  history: {
    id: string;
    code: string;
    history: { totalCount: number; nodes: Array<{ date: string; kind: HistoryEventKind; description: string }> };
  } | null;
};

export type OrganPartyCommitteeQueryVariables = Exact<{
  code: string;
  asOf: string;
}>;

export type OrganPartyCommitteeQuery = {
  unit: {
    id: string;
    code: string;
    now: {
      rule: LeadershipRule;
      roles: Array<{
        role: RoleKind;
        flavour: LeadershipFlavour | null;
        unit: { id: string; code: string; name: string };
      }>;
    };
    then: {
      rule: LeadershipRule;
      leaders: Array<{ id: string; code: string; name: string }>;
      guides: Array<{ id: string; code: string; name: string }>;
    };
  } | null;
};

export type IncomingLinksQueryVariables = Exact<{
  code: string;
  kinds?: Array<LinkKind> | LinkKind | null | undefined;
}>;

export type IncomingLinksQuery = {
  unit: {
    id: string;
    code: string;
    links: { nodes: Array<{ id: string; kind: LinkKind; validFrom: string; validTo: string | null }> };
  } | null;
};

export type ReplaceLinkMutationVariables = Exact<{
  id: string | number;
  on: string;
  input: CreateLinkInput;
}>;

export type ReplaceLinkMutation = {
  endLink: { id: string; validTo: string | null };
  createLink: { id: string; kind: LinkKind; validFrom: string };
};

export type ChangeUnitFactsMutationVariables = Exact<{
  input: ChangeFactsInput;
}>;

export type ChangeUnitFactsMutation = { changeUnitFacts: { id: string; code: string } };

export type CreateLinkMutationVariables = Exact<{
  input: CreateLinkInput;
}>;

export type CreateLinkMutation = { createLink: { id: string; kind: LinkKind; validFrom: string } };

export type TaskConflictsQueryVariables = Exact<{
  scope: string;
  from: string;
  to: string;
  first?: number | null | undefined;
}>;

export type TaskConflictsQuery = {
  taskConflicts: {
    totalCount: number;
    summary: { total: number; byKind: Array<{ kind: TaskConflictKind; count: number }> };
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      id: string;
      kind: TaskConflictKind;
      message: string;
      suggestion: string;
      unit: { id: string; code: string; name: string };
      tasks: Array<{ id: string; title: string; issuer: { id: string; code: string; name: string } }>;
      assignments: Array<{ id: string; authority: Authority; relation: IssuerRelation }>;
    }>;
  };
};

export type UnitAssignmentsQueryVariables = Exact<{
  code: string;
  from: string;
  to: string;
}>;

export type UnitAssignmentsQuery = {
  unit: {
    id: string;
    code: string;
    name: string;
    assignments: {
      totalCount: number;
      nodes: Array<{
        id: string;
        version: number;
        status: AssignmentStatus;
        authority: Authority;
        relation: IssuerRelation;
        task: {
          id: string;
          title: string;
          priority: TaskPriority;
          dueOn: string;
          issuer: { id: string; code: string; name: string };
        };
      }>;
    };
  } | null;
};

export type SharedUnitsQueryVariables = Exact<{
  a: string;
  b: string;
}>;

export type SharedUnitsQuery = {
  sharedUnits: { totalCount: number; nodes: Array<{ id: string; code: string; name: string }> };
};

export type UnitsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: UnitFilterInput | null | undefined;
}>;

export type UnitsQuery = {
  units: {
    totalCount: number;
    nodes: Array<{
      id: string;
      code: string;
      name: string;
      facts: {
        partyRelationMode: ManagementMode | null;
        businessMode: ManagementMode | null;
        competentDepartment: { id: string; code: string; name: string } | null;
        locality: { id: string; code: string; name: string } | null;
      } | null;
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export const AnomaliesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Anomalies' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'scope' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'asOf' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'leadershipAnomalies' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'scope' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'scope' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'asOf' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'asOf' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'to' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'summary' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'total' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'byCode' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'unit' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'related' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'links' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'validFrom' } },
                          ],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AnomaliesQuery, AnomaliesQueryVariables>;
export const UnitHistoryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'UnitHistory' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'unit' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'by' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'code' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
                    },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'history' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'first' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'nodes' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'date' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'anomaly' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UnitHistoryQuery, UnitHistoryQueryVariables>;
export const AssessmentFindingsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AssessmentFindings' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'scope' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'assessmentFindings' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'scope' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'scope' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'year' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'summary' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'total' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'byKind' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'unit' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'bodies' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'explanation' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'suggestion' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AssessmentFindingsQuery, AssessmentFindingsQueryVariables>;
export const WhoLeadsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'WhoLeads' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'asOf' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'unit' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'by' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'code' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
                    },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'partyBuilding' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'asOf' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'asOf' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rule' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'leaders' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'guides' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'explanation' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'roles' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'flavour' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'basis' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'unit' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'declared' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'from' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                ],
                              },
                            },
                            { kind: 'Field', name: { kind: 'Name', value: 'validFrom' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'validTo' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'anomalies' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WhoLeadsQuery, WhoLeadsQueryVariables>;
export const BeforeAndAfterDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'BeforeAndAfter' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'before' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'before' },
            name: { kind: 'Name', value: 'unit' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'by' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'code' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
                    },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'partyBuilding' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'asOf' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'before' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rule' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'leaders' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'guides' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'after' },
            name: { kind: 'Name', value: 'unit' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'by' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'code' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
                    },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'partyBuilding' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'asOf' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rule' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'leaders' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'guides' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'history' },
            name: { kind: 'Name', value: 'unit' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'by' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'code' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
                    },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'history' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'nodes' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'date' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BeforeAndAfterQuery, BeforeAndAfterQueryVariables>;
export const OrganPartyCommitteeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OrganPartyCommittee' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'asOf' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'unit' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'by' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'code' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
                    },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'now' },
                  name: { kind: 'Name', value: 'partyBuilding' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rule' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'roles' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'flavour' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'unit' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'then' },
                  name: { kind: 'Name', value: 'partyBuilding' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'asOf' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'asOf' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rule' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'leaders' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'guides' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OrganPartyCommitteeQuery, OrganPartyCommitteeQueryVariables>;
export const IncomingLinksDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'IncomingLinks' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'kinds' } },
          type: {
            kind: 'ListType',
            type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'LinkKind' } } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'unit' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'by' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'code' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
                    },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'links' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'direction' },
                      value: { kind: 'EnumValue', value: 'IN' },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'kinds' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'kinds' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'nodes' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'validFrom' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'validTo' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<IncomingLinksQuery, IncomingLinksQueryVariables>;
export const ReplaceLinkDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ReplaceLink' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'on' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateLinkInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'endLink' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'on' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'on' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'validTo' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createLink' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'validFrom' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReplaceLinkMutation, ReplaceLinkMutationVariables>;
export const ChangeUnitFactsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ChangeUnitFacts' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ChangeFactsInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'changeUnitFacts' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ChangeUnitFactsMutation, ChangeUnitFactsMutationVariables>;
export const CreateLinkDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateLink' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateLinkInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createLink' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'validFrom' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateLinkMutation, CreateLinkMutationVariables>;
export const TaskConflictsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TaskConflicts' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'scope' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'taskConflicts' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'scope' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'scope' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'to' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'summary' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'total' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'byKind' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'unit' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'tasks' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'issuer' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'assignments' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'authority' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'relation' } },
                          ],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'suggestion' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TaskConflictsQuery, TaskConflictsQueryVariables>;
export const UnitAssignmentsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'UnitAssignments' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'unit' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'by' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'code' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
                    },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'assignments' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'from' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'to' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'nodes' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'authority' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'relation' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'task' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'priority' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'dueOn' } },
                                  {
                                    kind: 'Field',
                                    name: { kind: 'Name', value: 'issuer' },
                                    selectionSet: {
                                      kind: 'SelectionSet',
                                      selections: [
                                        { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                      ],
                                    },
                                  },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UnitAssignmentsQuery, UnitAssignmentsQueryVariables>;
export const SharedUnitsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'SharedUnits' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'a' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'b' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'sharedUnits' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'a' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'a' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'b' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'b' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SharedUnitsQuery, SharedUnitsQueryVariables>;
export const UnitsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Units' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'UnitFilterInput' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'units' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'facts' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'partyRelationMode' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'businessMode' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'competentDepartment' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'locality' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UnitsQuery, UnitsQueryVariables>;
