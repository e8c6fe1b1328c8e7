import { enumOf } from '@tiaokuai/leadership';
import { LEADERSHIP_FLAVOUR_ENUM, LIVE_CHANGE_KIND_ENUM, ROLES, UNIT_KIND_ENUM } from '@tiaokuai/platform';
import { registerEnumType } from 'type-graphql';
import {
  ANOMALY_CODES,
  AUDIT_OPERATIONS,
  type AuditOperation,
  LEADERSHIP_FLAVOURS,
  LINK_KINDS,
  MANAGEMENT_MODES,
  RULE_CODES,
  UNIT_KINDS,
  UNIT_LEVELS,
} from '../../domain/types';

export const UnitKindEnum = enumOf(UNIT_KINDS);
export const UnitLevelEnum = enumOf(UNIT_LEVELS);
export const ManagementModeEnum = enumOf(MANAGEMENT_MODES);
export const LinkKindEnum = enumOf(LINK_KINDS);
export const LeadershipFlavourEnum = enumOf(LEADERSHIP_FLAVOURS);
export const AnomalyCodeEnum = enumOf(ANOMALY_CODES);
export const RoleKindEnum = enumOf(['LEADS', 'GUIDES'] as const);
export const RoleBasisEnum = enumOf(['LOCALITY', 'COMPETENT_DEPARTMENT', 'AFFILIATION', 'DECLARED'] as const);
export const LeadershipRuleEnum = enumOf(Object.keys(RULE_CODES) as (keyof typeof RULE_CODES)[]);
export const CallerRoleEnum = enumOf(ROLES);
export const AuditOperationEnum = enumOf(Object.keys(AUDIT_OPERATIONS) as AuditOperation[]);
export const LinkDirectionEnum = enumOf(['IN', 'OUT', 'BOTH'] as const);
export const HistoryEventKindEnum = enumOf([
  'UNIT_STARTED',
  'UNIT_ENDED',
  'FACTS_CHANGED',
  'LINK_STARTED',
  'LINK_ENDED',
  'ANOMALY_STARTED',
  'ANOMALY_ENDED',
] as const);

registerEnumType(UnitKindEnum, UNIT_KIND_ENUM);
registerEnumType(UnitLevelEnum, {
  name: 'UnitLevel',
  description: 'CENTRAL 中央, PROVINCIAL 省级, MUNICIPAL 市级, COUNTY 县级',
  valuesConfig: {
    CENTRAL: { description: '中央：中央和国家机关 (CENTRAL: the central organs)' },
    COUNTY: { description: '县级：县（区）级 (COUNTY: county level)' },
    MUNICIPAL: { description: '市级：地级市 (MUNICIPAL: city level)' },
    PROVINCIAL: { description: '省级：省（自治区、直辖市）级 (PROVINCIAL: provincial level)' },
  },
});
registerEnumType(ManagementModeEnum, {
  name: 'ManagementMode',
  description: 'VERTICAL 垂直管理 or TERRITORIAL 属地管理',
  valuesConfig: {
    TERRITORIAL: {
      description: '属地管理：由所在地党委管理 (TERRITORIAL: managed by the local party committee where the unit sits)',
    },
    VERTICAL: { description: '垂直管理：由上级主管部门管理 (VERTICAL: managed by the upper competent department)' },
  },
});
registerEnumType(LinkKindEnum, {
  name: 'LinkKind',
  description: 'LEADERSHIP 领导, GUIDANCE 指导, AFFILIATION 隶属（党组织关系）, BUSINESS 业务主管',
  valuesConfig: {
    AFFILIATION: {
      description: "隶属：党组织关系所在 (AFFILIATION: which body holds the unit's party organisation relation)",
    },
    BUSINESS: {
      description: "业务主管：业务工作的主管部门 (BUSINESS: the competent department for the unit's business work)",
    },
    GUIDANCE: {
      description: '指导：指导督促，不下达约束性任务 (GUIDANCE: guidance and supervision, no binding tasks)',
    },
    LEADERSHIP: { description: "领导：领导其党建工作 (LEADERSHIP: leads the unit's party-building)" },
  },
});
registerEnumType(LeadershipFlavourEnum, LEADERSHIP_FLAVOUR_ENUM);
registerEnumType(AnomalyCodeEnum, {
  description: "异常代码：领导关系异常的种类 (anomaly code: what is wrong with a unit's leadership)",
  name: 'AnomalyCode',
  valuesConfig: {
    CYCLE: { description: '循环：领导或隶属关系绕回自身 (CYCLE: the declared links lead back to the unit itself)' },
    DUPLICATE_LEADER: {
      description: '都管：两个单位都作为领导方 (DUPLICATE_LEADER: two bodies both lead where the rules allow one)',
    },
    MISSING_AFFILIATION: {
      description:
        "缺隶属：某日没有党组织关系所在单位 (MISSING_AFFILIATION: no body holds the unit's party organisation relation on some day)",
    },
    MISSING_LEADER: {
      description: "都不管：没有单位领导其党建工作 (MISSING_LEADER: nobody leads the unit's party-building)",
    },
    MULTIPLE_AFFILIATION: {
      description:
        "多隶属：同时有多个党组织关系所在单位 (MULTIPLE_AFFILIATION: more than one body holds the unit's party organisation relation)",
    },
    OUTDATED_LINK: {
      description:
        '过时关系：依旧条例声明、已不再成立的关系 (OUTDATED_LINK: a link the current regulation no longer allows, e.g. GUIDANCE after 2019-11-29)',
    },
    RULE_MISMATCH: {
      description:
        "规则不符：声明的关系与规则的结论不同 (RULE_MISMATCH: a declared link contradicts the rules' answer)",
    },
    UNDEFINED_RULE: {
      description:
        '规则未定义：规则对该情形没有结论 (UNDEFINED_RULE: the rules give no answer, e.g. VERTICAL party relations with TERRITORIAL business)',
    },
  },
});
registerEnumType(RoleKindEnum, {
  description: '角色：领导或指导 (role kind: leads or guides)',
  name: 'RoleKind',
  valuesConfig: {
    GUIDES: { description: "指导：指导其党建工作 (GUIDES: guides the unit's party-building)" },
    LEADS: { description: "领导：领导其党建工作 (LEADS: leads the unit's party-building)" },
  },
});
registerEnumType(RoleBasisEnum, {
  name: 'RoleBasis',
  description:
    '角色依据：Where a role comes from: a fact (locality, competent department), the AFFILIATION parent, or a declared link',
  valuesConfig: {
    AFFILIATION: { description: '隶属：来自党组织关系所在单位 (AFFILIATION: from the AFFILIATION parent)' },
    COMPETENT_DEPARTMENT: {
      description: '主管部门：来自事实中的主管部门 (COMPETENT_DEPARTMENT: from the fact competentDepartment)',
    },
    DECLARED: { description: '声明：来自声明的关系 (DECLARED: from a declared link)' },
    LOCALITY: { description: '属地：来自事实中的所在地 (LOCALITY: from the fact locality)' },
  },
});
registerEnumType(LinkDirectionEnum, {
  description: '关系方向：进入或离开该单位 (link direction: into or out of the unit)',
  name: 'LinkDirection',
  valuesConfig: {
    BOTH: { description: '双向：进入和离开的关系 (BOTH: links in either direction)' },
    IN: { description: '进入：上级指向该单位的关系 (IN: links from a superior to the unit)' },
    OUT: { description: '离开：该单位指向下级的关系 (OUT: links from the unit to a subordinate)' },
  },
});
registerEnumType(HistoryEventKindEnum, {
  description: "历史事件类型：单位时间线上的变化 (history event kind: a change on a unit's timeline)",
  name: 'HistoryEventKind',
  valuesConfig: {
    ANOMALY_ENDED: { description: '异常消除：一项异常不再存在 (ANOMALY_ENDED: an anomaly stopped)' },
    ANOMALY_STARTED: { description: '异常出现：一项异常开始存在 (ANOMALY_STARTED: an anomaly began)' },
    FACTS_CHANGED: {
      description: "事实变更：单位事实的新版本生效 (FACTS_CHANGED: a new version of the unit's facts took effect)",
    },
    LINK_ENDED: { description: '关系终止：一条声明的关系结束 (LINK_ENDED: a declared link ended)' },
    LINK_STARTED: { description: '关系建立：一条声明的关系开始 (LINK_STARTED: a declared link began)' },
    UNIT_ENDED: { description: '撤销：单位撤销 (UNIT_ENDED: the unit ceased to exist)' },
    UNIT_STARTED: { description: '成立：单位设立 (UNIT_STARTED: the unit came into being)' },
  },
});
registerEnumType(LeadershipRuleEnum, {
  name: 'LeadershipRule',
  description: '规则代码：判定领导方与指导方所依据的规则 (the stable code of the leadership rule applied)',
  valuesConfig: Object.fromEntries(Object.entries(RULE_CODES).map(([k, description]) => [k, { description }])),
});
registerEnumType(CallerRoleEnum, {
  name: 'CallerRole',
  description: '调用者角色 (the role a token grants): VIEWER 查看, EDITOR 编辑, ADMIN 管理',
  valuesConfig: {
    VIEWER: { description: '查看：只读 (VIEWER: reads only)' },
    EDITOR: { description: '编辑：可在辖区内写入 (EDITOR: also writes, in its jurisdiction)' },
    ADMIN: {
      description:
        '管理：还可管理关系与导入，并查看留痕 (ADMIN: also manages links and imports, and reads the audit log)',
    },
  },
});
registerEnumType(AuditOperationEnum, {
  name: 'AuditOperation',
  description: '留痕的操作 (the mutation an audit entry records)',
  valuesConfig: Object.fromEntries(Object.entries(AUDIT_OPERATIONS).map(([k, description]) => [k, { description }])),
});

/** A live change's kind (platform's live.ts); the same enum as tasks' (composed as one). */
export const LiveChangeKindEnum = enumOf(['READY', 'CHANGED', 'RESYNC'] as const);
registerEnumType(LiveChangeKindEnum, LIVE_CHANGE_KIND_ENUM);
