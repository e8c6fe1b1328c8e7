/**
 * Every enum of the tasks schema, registered in one place and in one order (the SDL's order
 * follows registration: schema/tasks.graphql).
 */
import 'reflect-metadata';
import { enumOf } from '@tiaokuai/leadership';
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
});
registerEnumType(TaskPriorityEnum, { name: 'TaskPriority', description: 'KEY 重点, ROUTINE 一般' });
registerEnumType(AuthorityEnum, {
  name: 'Authority',
  description:
    'BINDING: the issuer leads the unit (directly or through a body it leads); ADVISORY: it only guides it, or issued the task as advisory',
});
registerEnumType(IssuerRelationEnum, {
  name: 'IssuerRelation',
  description:
    'How the issuer relates to the unit on the day judged: LEADS, GUIDES, or NONE (no longer reaches it, e.g. after a transfer)',
});
registerEnumType(AssignmentStatusEnum, {
  name: 'AssignmentStatus',
  description: 'WITHDRAWN and MERGED are settled: kept on record, no longer reported',
});
registerEnumType(TaskConflictKindEnum, { name: 'TaskConflictKind' });
registerEnumType(FrequencyEnum, { name: 'Frequency' });
registerEnumType(UnitKindEnum, {
  name: 'UnitKind',
  description: '党组织类型：地方党委、机关工委、部门党组（党委）、机关党委、党总支、党支部、基层单位',
});
registerEnumType(ScopeRelationEnum, {
  name: 'ScopeRelation',
  description:
    "UNDER: the unit's scope (its subtree, and what it leads or guides); LED_BY: only units it leads; GUIDED_BY: only units it guides",
});
registerEnumType(SettlementKindEnum, { name: 'SettlementKind' });
registerEnumType(ReportMeasureEnum, {
  name: 'ReportMeasure',
  description:
    "COMPLETION_RATE 完成率, ON_TIME_RATE 按时完成率, AVERAGE_PROGRESS 平均进度 (peers: units of the same kind); INDICATOR: a task's indicator value (peers: the other units that received the task)",
});
registerEnumType(CalendarEntryKindEnum, { name: 'CalendarEntryKind' });
registerEnumType(ListRelationEnum, {
  name: 'ListRelation',
  description:
    'How a responsibility list reaches a unit: HUB_WIDE (no owner: every unit of the kinds), DIRECT (the owner leads the unit), CASCADE (the owner leads a body that leads the unit, and so on up)',
});
registerEnumType(LeadershipFlavourEnum, {
  name: 'LeadershipFlavour',
  description: "统一领导 UNIFIED (the work committee) or 具体领导和管理 SPECIFIC (the department's party group)",
});
/** A live change's kind (platform's live.ts). */
export const LiveChangeKindEnum = enumOf(['READY', 'CHANGED', 'RESYNC'] as const);
registerEnumType(LiveChangeKindEnum, {
  name: 'LiveChangeKind',
  description: '实时变更的种类 (kind of a live change)',
  valuesConfig: {
    READY: { description: '已就绪：订阅开始，total 为当前条数 (ready: the list as it stands, counted)' },
    CHANGED: { description: '有变化：appeared 新出现，settled 已消除 (changed: what appeared and what went)' },
    RESYNC: {
      description: '须重读：客户端跟不上，积压的变更已丢弃，请重新查询列表 (fell behind: re-read the list)',
    },
  },
});
