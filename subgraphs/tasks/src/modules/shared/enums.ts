/**
 * Every enum of the tasks schema, registered in one place and in one order (the SDL's order
 * follows registration: schema/tasks.graphql).
 */
import 'reflect-metadata';
import { enumOf } from '@tiaokuai/leadership';
import { LEADERSHIP_FLAVOUR_ENUM, LIVE_CHANGE_KIND_ENUM, UNIT_KIND_ENUM } from '@tiaokuai/platform';
import { registerEnumType } from 'type-graphql';
import { FREQUENCIES, TASK_CATEGORIES } from '../../domain/types';
import { SCOPE_RELATIONS, UNIT_KINDS } from '../../domain/validate';

export const TaskCategoryEnum = enumOf(TASK_CATEGORIES);
export const TaskPriorityEnum = enumOf(['KEY', 'ROUTINE'] as const);
export const AuthorityEnum = enumOf(['BINDING', 'ADVISORY'] as const);
export const IssuerRelationEnum = enumOf(['LEADS', 'GUIDES', 'NONE'] as const);
export const AssignmentStatusEnum = enumOf(['ASSIGNED', 'IN_PROGRESS', 'DONE', 'WITHDRAWN', 'MERGED'] as const);
export const TaskConflictKindEnum = enumOf([
  'DUPLICATE',
  'CONFLICT',
  'MISSING',
  'OVERREACH',
  'CHERRY_PICKING',
] as const);
export const FrequencyEnum = enumOf(FREQUENCIES);
export const UnitKindEnum = enumOf(UNIT_KINDS);
export const ScopeRelationEnum = enumOf(SCOPE_RELATIONS);
export const SettlementKindEnum = enumOf(['MERGE', 'WITHDRAW'] as const);
export const ReportMeasureEnum = enumOf(['COMPLETION_RATE', 'ON_TIME_RATE', 'AVERAGE_PROGRESS', 'INDICATOR'] as const);
export const CalendarEntryKindEnum = enumOf(['TASK', 'REQUIRED_ITEM'] as const);
export const ListRelationEnum = enumOf(['HUB_WIDE', 'DIRECT', 'CASCADE'] as const);
/** The same enum as org's (same name and values: composition merges them). */
export const LeadershipFlavourEnum = enumOf(['UNIFIED', 'SPECIFIC'] as const);

registerEnumType(TaskCategoryEnum, {
  name: 'TaskCategory',
  description:
    '政治建设 POLITICAL, 思想建设 IDEOLOGICAL, 组织建设 ORGANIZATIONAL, 作风建设 CONDUCT, 纪律建设 DISCIPLINE, 制度建设 INSTITUTIONAL, 党风廉政 INTEGRITY, 意识形态 IDEOLOGY_WORK, OTHER',
  valuesConfig: {
    CONDUCT: { description: '作风建设：工作作风 (CONDUCT: conduct and work style)' },
    DISCIPLINE: { description: '纪律建设：党的纪律 (DISCIPLINE: party discipline)' },
    IDEOLOGICAL: { description: '思想建设：理论武装与学习 (IDEOLOGICAL: ideological building, study)' },
    IDEOLOGY_WORK: { description: '意识形态：意识形态工作 (IDEOLOGY_WORK: ideology work)' },
    INSTITUTIONAL: { description: '制度建设：制度与规范 (INSTITUTIONAL: rules and institutions)' },
    INTEGRITY: { description: '党风廉政：党风廉政建设 (INTEGRITY: party conduct and clean government)' },
    ORGANIZATIONAL: { description: '组织建设：党组织与党员队伍 (ORGANIZATIONAL: party organisations and members)' },
    OTHER: { description: '其他：其他党建工作 (OTHER: other party-building work)' },
    POLITICAL: { description: '政治建设：党的政治建设 (POLITICAL: political building)' },
  },
});
registerEnumType(TaskPriorityEnum, {
  name: 'TaskPriority',
  description: 'KEY 重点, ROUTINE 一般',
  valuesConfig: {
    KEY: { description: '重点：重点任务 (KEY: a key task)' },
    ROUTINE: { description: '一般：一般任务 (ROUTINE: a routine task)' },
  },
});
registerEnumType(AuthorityEnum, {
  name: 'Authority',
  description:
    '效力：BINDING: the issuer leads the unit (directly or through a body it leads); ADVISORY: it only guides it, or issued the task as advisory',
  valuesConfig: {
    ADVISORY: {
      description: '指导性：指导方下达，仅供参考 (ADVISORY: the issuer only guides the unit, or issued it as advisory)',
    },
    BINDING: {
      description:
        '约束性：领导方下达，必须执行 (BINDING: the issuer leads the unit, directly or through a body it leads)',
    },
  },
});
registerEnumType(IssuerRelationEnum, {
  name: 'IssuerRelation',
  description:
    '下达方关系：How the issuer relates to the unit on the day judged: LEADS, GUIDES, or NONE (no longer reaches it, e.g. after a transfer)',
  valuesConfig: {
    GUIDES: { description: '指导：下达方指导该单位 (GUIDES: the issuer guides the unit)' },
    LEADS: { description: '领导：下达方领导该单位 (LEADS: the issuer leads the unit)' },
    NONE: {
      description:
        '无关：下达方已不领导也不指导该单位 (NONE: the issuer no longer reaches the unit, e.g. after a transfer)',
    },
  },
});
registerEnumType(AssignmentStatusEnum, {
  name: 'AssignmentStatus',
  description: '任务分配状态：WITHDRAWN and MERGED are settled: kept on record, no longer reported',
  valuesConfig: {
    ASSIGNED: { description: '已下达：尚未开始 (ASSIGNED: given, not started)' },
    DONE: { description: '已完成：任务完成 (DONE: completed)' },
    IN_PROGRESS: { description: '进行中：已开始未完成 (IN_PROGRESS: started, not done)' },
    MERGED: {
      description:
        '已合并：与重复的任务合并，留档不再统计 (MERGED: settled as a duplicate of another, kept on record, no longer reported)',
    },
    WITHDRAWN: {
      description:
        '已撤回：下达方撤回，留档不再统计 (WITHDRAWN: withdrawn by the issuer, kept on record, no longer reported)',
    },
  },
});
registerEnumType(TaskConflictKindEnum, {
  description: "任务问题类型：任务下达中发现的问题 (task finding kind: what is wrong with a unit's assignments)",
  name: 'TaskConflictKind',
  valuesConfig: {
    CHERRY_PICKING: {
      description:
        '都想管重点不想管一般：重点任务重复而常规事项缺失 (CHERRY_PICKING: key tasks duplicated while required routine items are missing)',
    },
    CONFLICT: {
      description:
        '内容冲突：要求互不相容 (CONFLICT: incompatible requirements, e.g. one deliverable with different deadlines)',
    },
    DUPLICATE: {
      description: '交叉重叠：同一工作被两个下达方重复布置 (DUPLICATE: the same work assigned twice by two issuers)',
    },
    MISSING: {
      description: '缺项：领导方未布置责任清单规定的事项 (MISSING: the leader did not assign a required routine item)',
    },
    OVERREACH: { description: '越权：指导方下达约束性任务 (OVERREACH: a guide assigned binding work)' },
  },
});
registerEnumType(FrequencyEnum, {
  description: '频次：常规事项的周期 (frequency: how often a routine item recurs)',
  name: 'Frequency',
  valuesConfig: {
    MONTHLY: { description: '每月：按月开展 (MONTHLY: every month)' },
    QUARTERLY: { description: '每季度：按季度开展 (QUARTERLY: every quarter)' },
    YEARLY: { description: '每年：按年度开展 (YEARLY: every year)' },
  },
});
registerEnumType(UnitKindEnum, UNIT_KIND_ENUM);
registerEnumType(ScopeRelationEnum, {
  name: 'ScopeRelation',
  description:
    "范围关系：UNDER: the unit's scope (its subtree, and what it leads or guides); LED_BY: only units it leads; GUIDED_BY: only units it guides",
  valuesConfig: {
    GUIDED_BY: { description: '所指导：仅该单位指导的单位 (GUIDED_BY: only units it guides)' },
    LED_BY: { description: '所领导：仅该单位领导的单位 (LED_BY: only units it leads)' },
    UNDER: {
      description:
        "范围内：下属及其领导或指导的单位 (UNDER: the unit's scope, its subtree and what it leads or guides)",
    },
  },
});
registerEnumType(SettlementKindEnum, {
  description: '处理方式：合并或撤回 (settlement kind: merged or withdrawn)',
  name: 'SettlementKind',
  valuesConfig: {
    MERGE: { description: '合并：重复任务合并为一项 (MERGE: merged into a duplicate that is kept)' },
    WITHDRAW: { description: '撤回：下达方撤回任务 (WITHDRAW: withdrawn by the issuer)' },
  },
});
registerEnumType(ReportMeasureEnum, {
  name: 'ReportMeasure',
  description:
    "COMPLETION_RATE 完成率, ON_TIME_RATE 按时完成率, AVERAGE_PROGRESS 平均进度 (peers: units of the same kind); INDICATOR: a task's indicator value (peers: the other units that received the task)",
  valuesConfig: {
    AVERAGE_PROGRESS: {
      description:
        '平均进度：各项任务进度的平均值 (AVERAGE_PROGRESS: the mean progress of its assignments; peers: units of the same kind)',
    },
    COMPLETION_RATE: {
      description:
        '完成率：已完成任务的比例 (COMPLETION_RATE: the share of assignments done; peers: units of the same kind)',
    },
    INDICATOR: {
      description:
        "任务指标：任务指标的报送值 (INDICATOR: a task's indicator value; peers: the other units that received the task)",
    },
    ON_TIME_RATE: {
      description:
        '按时完成率：按期完成任务的比例 (ON_TIME_RATE: the share of assignments done by their due date; peers: units of the same kind)',
    },
  },
});
registerEnumType(CalendarEntryKindEnum, {
  description: '行事历条目类型：任务或责任清单事项 (calendar entry kind: a task or a responsibility-list item)',
  name: 'CalendarEntryKind',
  valuesConfig: {
    REQUIRED_ITEM: {
      description: '清单事项：责任清单规定的常规工作 (REQUIRED_ITEM: a routine item of a responsibility list)',
    },
    TASK: { description: '任务：下达的任务 (TASK: an assigned task)' },
  },
});
registerEnumType(ListRelationEnum, {
  name: 'ListRelation',
  description:
    '清单到达方式：How a responsibility list reaches a unit: HUB_WIDE (no owner: every unit of the kinds), DIRECT (the owner leads the unit), CASCADE (the owner leads a body that leads the unit, and so on up)',
  valuesConfig: {
    CASCADE: {
      description:
        '逐级：清单所属方领导的机构再领导该单位 (CASCADE: the owner leads a body that leads the unit, and so on up)',
    },
    DIRECT: { description: '直接：清单所属方直接领导该单位 (DIRECT: the owner leads the unit)' },
    HUB_WIDE: { description: '全平台：无所属方，适用于该类型的所有单位 (HUB_WIDE: no owner, every unit of the kinds)' },
  },
});
registerEnumType(LeadershipFlavourEnum, LEADERSHIP_FLAVOUR_ENUM);
/** A live change's kind (platform's live.ts). */
export const LiveChangeKindEnum = enumOf(['READY', 'CHANGED', 'RESYNC'] as const);
registerEnumType(LiveChangeKindEnum, LIVE_CHANGE_KIND_ENUM);
