import 'reflect-metadata';
import { connectionType, DateScalar } from '@tiaokuai/platform';
import { enumOf } from '@tiaokuai/leadership';
import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FREQUENCIES, TASK_CATEGORIES } from '../domain/types';
import { SCOPE_RELATIONS, UNIT_KINDS } from '../domain/validate';

export const TaskCategoryEnum = enumOf(TASK_CATEGORIES);
export const TaskPriorityEnum = enumOf(['KEY', 'ROUTINE'] as const);
export const AuthorityEnum = enumOf(['BINDING', 'ADVISORY'] as const);
export const IssuerRelationEnum = enumOf(['LEADS', 'GUIDES', 'NONE'] as const);
export const AssignmentStatusEnum = enumOf(['ASSIGNED', 'IN_PROGRESS', 'DONE', 'WITHDRAWN', 'MERGED'] as const);
export const TaskConflictKindEnum = enumOf(['DUPLICATE', 'CONFLICT', 'MISSING', 'OVERREACH', 'CHERRY_PICKING'] as const);
export const FrequencyEnum = enumOf(FREQUENCIES);
export const UnitKindEnum = enumOf(UNIT_KINDS);
export const ScopeRelationEnum = enumOf(SCOPE_RELATIONS);
export const SettlementKindEnum = enumOf(['MERGE', 'WITHDRAW'] as const);
export const ReportMeasureEnum = enumOf(['COMPLETION_RATE', 'ON_TIME_RATE', 'AVERAGE_PROGRESS', 'INDICATOR'] as const);
export const CalendarEntryKindEnum = enumOf(['TASK', 'REQUIRED_ITEM'] as const);
export const ListRelationEnum = enumOf(['HUB_WIDE', 'DIRECT', 'CASCADE'] as const);
/** The same enum as org's (same name and values: composition merges them). */
export const LeadershipFlavourEnum = enumOf(['UNIFIED', 'SPECIFIC'] as const);

registerEnumType(TaskCategoryEnum, { name: 'TaskCategory', description: '政治建设 POLITICAL, 思想建设 IDEOLOGICAL, 组织建设 ORGANIZATIONAL, 作风建设 CONDUCT, 纪律建设 DISCIPLINE, 制度建设 INSTITUTIONAL, 党风廉政 INTEGRITY, 意识形态 IDEOLOGY_WORK, OTHER' });
registerEnumType(TaskPriorityEnum, { name: 'TaskPriority', description: 'KEY 重点, ROUTINE 一般' });
registerEnumType(AuthorityEnum, { name: 'Authority', description: 'BINDING: the issuer leads the unit (directly or through a body it leads); ADVISORY: it only guides it, or issued the task as advisory' });
registerEnumType(IssuerRelationEnum, { name: 'IssuerRelation', description: 'How the issuer relates to the unit on the day judged: LEADS, GUIDES, or NONE (no longer reaches it, e.g. after a transfer)' });
registerEnumType(AssignmentStatusEnum, { name: 'AssignmentStatus', description: 'WITHDRAWN and MERGED are settled: kept on record, no longer reported' });
registerEnumType(TaskConflictKindEnum, { name: 'TaskConflictKind' });
registerEnumType(FrequencyEnum, { name: 'Frequency' });
registerEnumType(UnitKindEnum, { name: 'UnitKind', description: '党组织类型：地方党委、机关工委、部门党组（党委）、机关党委、党总支、党支部、基层单位' });
registerEnumType(ScopeRelationEnum, { name: 'ScopeRelation', description: 'UNDER: the unit\'s scope (its subtree, and what it leads or guides); LED_BY: only units it leads; GUIDED_BY: only units it guides' });
registerEnumType(SettlementKindEnum, { name: 'SettlementKind' });
registerEnumType(ReportMeasureEnum, { name: 'ReportMeasure', description: 'COMPLETION_RATE 完成率, ON_TIME_RATE 按时完成率, AVERAGE_PROGRESS 平均进度 (peers: units of the same kind); INDICATOR: a task\'s indicator value (peers: the other units that received the task)' });
registerEnumType(CalendarEntryKindEnum, { name: 'CalendarEntryKind' });
registerEnumType(ListRelationEnum, { name: 'ListRelation', description: 'How a responsibility list reaches a unit: HUB_WIDE (no owner: every unit of the kinds), DIRECT (the owner leads the unit), CASCADE (the owner leads a body that leads the unit, and so on up)' });
registerEnumType(LeadershipFlavourEnum, { name: 'LeadershipFlavour', description: '统一领导 UNIFIED (the work committee) or 具体领导和管理 SPECIFIC (the department\'s party group)' });

/** The org subgraph's unit, extended with its tasks. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A unit (owned by the org subgraph); here its assignments and task findings' })
export class Unit {
  @Field(() => ID) id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A task issued by a committee or party group' })
export class Task {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'The issuer\'s own reference' }) key!: string | null;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => TaskCategoryEnum) category!: string;
  @Field(() => TaskPriorityEnum) priority!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) dueOn!: string;
  @Field(() => String, { nullable: true }) deliverable!: string | null;
  /** The item it fulfils (RequiredItem id): exposed as `requiredItem` (code) and `requiredItemOwner` (TaskResolver). */
  requiredItemId!: string | null;
  @Field({ description: 'As issued: false = advisory whoever issued it' }) binding!: boolean;
  @Field(() => String, { nullable: true, description: 'What is measured (指标), e.g. 主题党日开展次数' }) indicator!: string | null;
  @Field(() => Float, { nullable: true, description: 'The value each unit should reach (目标值)' }) target!: number | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A task as it reached one unit' })
export class Assignment {
  @Field(() => ID) id!: string;
  @Field(() => AssignmentStatusEnum) status!: string;
  @Field(() => Int, { description: '0–100' }) progress!: number;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Int, { description: 'Optimistic concurrency: pass it back when changing the assignment' }) version!: number;
  @Field(() => Float, { nullable: true, description: 'The indicator\'s value as last reported' }) value!: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day it was reported DONE' }) doneOn!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day the last progress report speaks for' }) reportedOn!: string | null;
}

@ObjectType({ description: 'A progress report as made (kept; the assignment holds the latest)' })
export class ProgressReport {
  @Field(() => Int, { description: 'The assignment version this report produced' }) version!: number;
  @Field(() => AssignmentStatusEnum) status!: string;
  @Field(() => Int) progress!: number;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => DateScalar, { description: 'The day the report speaks for' }) on!: string;
  @Field({ description: 'Who (the token\'s subject)' }) by!: string;
  @Field(() => String, { nullable: true, description: 'For which body' }) byBody!: string | null;
  @Field({ description: 'When it was made (ISO timestamp)' }) at!: string;
}

@InputType({ description: 'A progress report on one assignment; omitted fields keep their value' })
export class ReportProgressInput {
  @Field(() => ID) assignment!: string;
  @Field(() => Int, { description: 'The version the report is based on; a stale one is refused with CONFLICT' }) version!: number;
  @Field(() => AssignmentStatusEnum, { nullable: true, description: 'ASSIGNED, IN_PROGRESS or DONE' }) status?: string | null;
  @Field(() => Int, { nullable: true, description: '0–100; 100 is DONE' }) progress?: number | null;
  @Field(() => Float, { nullable: true, description: 'The indicator\'s value, for a task that names one' }) value?: number | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day the report speaks for (default today; not in the future): the completion day when DONE' }) on?: string | null;
}

@ObjectType({ description: '进度表 totals: active assignments of the year as of a day' })
export class ProgressSummary {
  @Field(() => Int) assigned!: number;
  @Field(() => Int) done!: number;
  @Field(() => Int) inProgress!: number;
  @Field(() => Int) notStarted!: number;
  @Field(() => Int, { description: 'Not DONE and due before the day' }) overdue!: number;
  @Field(() => Int, { description: 'Due before the day' }) dueByNow!: number;
  @Field(() => Int, { description: 'Due before the day and DONE on or before its due date' }) doneOnTime!: number;
  @Field(() => Float, { nullable: true, description: 'done / assigned' }) completionRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'doneOnTime / dueByNow' }) onTimeRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean progress, DONE counting 100' }) averageProgress!: number | null;
}

@ObjectType({ description: '目标书 and 进度表 line: one assignment of the year' })
export class ReportLine {
  @Field(() => DateScalar) dueOn!: string;
  @Field(() => AssignmentStatusEnum) status!: string;
  @Field(() => Int) progress!: number;
  @Field(() => String, { nullable: true }) indicator!: string | null;
  @Field(() => Float, { nullable: true, description: '目标值' }) target!: number | null;
  @Field(() => Float, { nullable: true, description: 'Reported value' }) value!: number | null;
  @Field(() => DateScalar, { nullable: true }) doneOn!: string | null;
  @Field({ description: 'Not DONE and due before the report\'s day' }) overdue!: boolean;
  assignmentId!: string;
  taskId!: string;
}

@ObjectType({ description: '成绩单 entry: a measure of one unit beside its peers (the rule: outlierRule)' })
export class IndicatorResult {
  @Field(() => ReportMeasureEnum) measure!: string;
  @Field(() => String, { nullable: true, description: 'For INDICATOR' }) indicator!: string | null;
  @Field(() => Float, { nullable: true }) target!: number | null;
  @Field(() => Float) value!: number;
  @Field(() => Int) peerCount!: number;
  @Field(() => Float, { nullable: true }) peerMean!: number | null;
  @Field(() => Float, { nullable: true }) peerStdDev!: number | null;
  @Field(() => Float, { nullable: true }) zScore!: number | null;
  @Field({ description: 'Far from the peers (|z| ≥ 2 with at least 4 peers)' }) outlier!: boolean;
  @Field({ description: 'Chinese' }) message!: string;
  unitId!: string;
  taskId!: string | null;
}

@ObjectType({ description: 'One unit\'s year: 目标书 (targets), 进度表 (progress), 成绩单 (results)' })
export class WorkReport {
  @Field(() => Int) year!: number;
  @Field(() => DateScalar, { description: 'The day it speaks for (default today, or the day after the year for a past year)' }) asOf!: string;
  @Field(() => [ReportLine], { description: '目标书/进度表: each active assignment of the year' }) targets!: ReportLine[];
  @Field(() => ProgressSummary, { description: '进度表 totals' }) progress!: ProgressSummary;
  @Field(() => [IndicatorResult], { description: '成绩单: its measures and indicator values beside its peers' }) results!: IndicatorResult[];
  @Field({ description: 'The outlier rule, in Chinese' }) outlierRule!: string;
  unitId!: string;
}

@ObjectType()
export class UnitProgress {
  @Field(() => ProgressSummary) progress!: ProgressSummary;
  unitId!: string;
}

@ObjectType({ description: 'A committee\'s scope for a year: totals, each unit\'s progress, and the values far from their peers' })
export class ScopeWorkReport {
  @Field(() => Int) year!: number;
  @Field(() => DateScalar) asOf!: string;
  @Field(() => ProgressSummary) progress!: ProgressSummary;
  /** Every unit's progress (served a page at a time: ScopeReportResolver.units). */
  allUnits!: UnitProgress[];
  /** Every flagged measure (served a page at a time: ScopeReportResolver.outliers). */
  allOutliers!: IndicatorResult[];
  @Field() outlierRule!: string;
  scopeId!: string;
}

@ObjectType({ description: '行事历 entry: a task (by due date) or a responsibility-list item in one of its periods' })
export class CalendarEntry {
  @Field({ description: 'Stable id (the iCalendar UID)' }) uid!: string;
  @Field(() => CalendarEntryKindEnum) kind!: string;
  @Field() title!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) dueOn!: string;
  @Field(() => String, { nullable: true, description: 'The responsibility-list item\'s code (its owner: requiredItemOwner)' }) requiredItem!: string | null;
  @Field(() => FrequencyEnum, { nullable: true }) frequency!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'For REQUIRED_ITEM: a binding assignment covers the period (false: MISSING)' }) covered!: boolean | null;
  @Field(() => AuthorityEnum, { nullable: true, description: 'For TASK' }) authority!: string | null;
  @Field(() => AssignmentStatusEnum, { nullable: true, description: 'For TASK' }) status!: string | null;
  assignmentId!: string | null;
  taskId!: string | null;
  issuerId!: string | null;
}

@ObjectType({ description: 'A merge or withdrawal, on record' })
export class Settlement {
  @Field(() => SettlementKindEnum) kind!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field({ description: 'Who (the token\'s subject)' }) by!: string;
  @Field(() => String, { nullable: true, description: 'For which body' }) byBody!: string | null;
  @Field({ description: 'When (ISO timestamp)' }) at!: string;
  keptId!: string | null;
}

@ObjectType({ description: 'A duplicated, conflicting, missing, overreaching or cherry-picked task at one unit' })
export class TaskConflict {
  @Field(() => TaskConflictKindEnum) kind!: string;
  @Field({ description: 'Chinese: what was found' }) message!: string;
  @Field({ description: 'Chinese: what to do (which assignment to keep, which to turn into a reference)' }) suggestion!: string;
  @Field(() => String, { nullable: true, description: 'For MISSING: the responsibility-list item\'s code (its owner: requiredItemOwner)' }) requiredItem!: string | null;
  requiredItemOwnerId!: string | null;
  /** For a list-level DUPLICATE: the two items (RequiredItem ids), the one to keep first (TaskConflictResolver.items). */
  itemIds!: string[];
  @Field(() => DateScalar, { nullable: true, description: 'For MISSING: the period it was due in' }) from!: string | null;
  @Field(() => DateScalar, { nullable: true }) to!: string | null;
  unitId!: string;
  taskIds!: string[];
  assignmentIds!: string[];
  issuerIds!: string[];
}

@ObjectType({ description: 'An item of a responsibility list (责任清单): of a body (its owner), or hub-wide (no owner: the regulation\'s own duties). Known by owner and code' })
export class RequiredItem {
  id!: string;
  ownerId!: string | null;
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => [UnitKindEnum]) kinds!: string[];
  @Field(() => FrequencyEnum) frequency!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Retired: not required in periods beginning on or after this day' }) retiredOn!: string | null;
}

@InputType({ description: 'An item of a responsibility list (责任清单)' })
export class RequiredItemInput {
  @Field(() => String, { nullable: true, description: 'Unit code of the owner (a work committee, party group or organ party committee): its EDITOR or ADMIN keeps the list. Absent: hub-wide, the operator\'s' }) owner?: string | null;
  @Field({ description: 'Stable code, 1–64 letters, digits, - _ .; unique within its owner\'s list' }) code!: string;
  @Field() name!: string;
  @Field(() => [UnitKindEnum], { description: 'Unit kinds that must carry it' }) kinds!: string[];
  @Field(() => FrequencyEnum) frequency!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType({ description: 'Every unit of these kinds under (or led or guided by) this unit, as of the task\'s first day' })
export class ScopeInput {
  @Field({ description: 'Unit code' }) unit!: string;
  @Field(() => ScopeRelationEnum, { defaultValue: 'UNDER' }) relation!: string;
  @Field(() => [UnitKindEnum], { nullable: true }) kinds?: string[] | null;
}

@InputType()
export class IssueTaskInput {
  @Field({ description: 'Unit code of the issuing body' }) issuer!: string;
  @Field(() => String, { nullable: true, description: 'The issuer\'s own reference; issuing twice with the same key changes nothing' }) key?: string | null;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => TaskCategoryEnum) category!: string;
  @Field(() => TaskPriorityEnum) priority!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) dueOn!: string;
  @Field(() => String, { nullable: true, description: 'A named deliverable; the same deliverable due on different dates is a conflict' }) deliverable?: string | null;
  @Field(() => String, { nullable: true, description: 'Code of the responsibility-list item this task fulfils' }) requiredItem?: string | null;
  @Field(() => String, { nullable: true, description: 'Unit code of that item\'s owner; absent: the hub-wide item of that code' }) requiredItemOwner?: string | null;
  @Field({ defaultValue: true, description: 'false: advisory whoever issues it; true from a body that only guides: advisory, and reported as OVERREACH' }) binding!: boolean;
  @Field(() => [String], { nullable: true, description: 'Unit codes' }) targets?: string[] | null;
  @Field(() => ScopeInput, { nullable: true }) scope?: ScopeInput | null;
  @Field(() => String, { nullable: true, description: 'What is measured (指标), e.g. 主题党日开展次数' }) indicator?: string | null;
  @Field(() => Float, { nullable: true, description: 'The value each unit should reach (目标值); needs an indicator' }) target?: number | null;
  @Field(() => [String], { nullable: true, description: 'Keys of the same issuer\'s tasks that cannot be carried out together with this one (CONFLICT where a unit holds both)' }) incompatibleWith?: string[] | null;
}

@InputType({ description: 'How many assignments did `issuer` give `unit` over [from, to]' })
export class ActivityQuestionInput {
  @Field(() => ID) issuer!: string;
  @Field(() => ID) unit!: string;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
}

@ObjectType({ description: 'A stretch of days (inclusive)' })
export class DayPeriod {
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
}

@ObjectType({ description: 'An item of a unit\'s responsibility list for a year: who asks it, how it reaches the unit, what fulfils it, what is still missing' })
export class ResponsibilityListEntry {
  @Field(() => RequiredItem) item!: RequiredItem;
  @Field(() => ListRelationEnum) relation!: string;
  @Field(() => LeadershipFlavourEnum, { nullable: true, description: 'How the owner leads the unit (DIRECT) or the body its list arrives through (CASCADE), where org names a flavour' }) flavour!: string | null;
  @Field(() => Int, { description: 'Steps from the owner down to the unit: 1 for its direct leader (0: hub-wide)' }) depth!: number;
  @Field(() => DateScalar, { description: 'First day of the year it applied' }) from!: string;
  @Field(() => DateScalar, { description: 'Last day of the year it applied' }) to!: string;
  @Field(() => [DayPeriod], { description: 'Frequency periods (within the year) no binding assignment covers: MISSING' }) missing!: DayPeriod[];
  ownerId!: string | null;
  throughId!: string | null;
  assignmentIds!: string[];
}

// Connections (Relay cursor connections: packages/platform/src/paging.ts). Each list that grows
// with a scope or with time is served a page at a time; its order is documented with its field.

@ObjectType({ description: 'How many findings of one kind the whole list holds' })
export class TaskConflictKindCount {
  @Field(() => TaskConflictKindEnum) kind!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Figures about every finding of the list, not only the page: for dashboards' })
export class TaskConflictSummary {
  @Field(() => Int, { description: 'Findings in the whole list' }) total!: number;
  @Field(() => [TaskConflictKindCount], { description: 'Every kind, in TaskConflictKind order, with its count (0 included)' }) byKind!: TaskConflictKindCount[];
}

export const TaskConflictConnection = connectionType('TaskConflict', TaskConflict, {
  summary: TaskConflictSummary,
  description: 'A page of task findings, ordered by unit id, then kind, then a digest of the assignments, tasks and period concerned (a finding keeps its key from one scan to the next)',
});
export type TaskConflictConnection = InstanceType<typeof TaskConflictConnection>;
export const AssignmentConnection = connectionType('Assignment', Assignment, { description: 'A page of assignments, ordered by id' });
export type AssignmentConnection = InstanceType<typeof AssignmentConnection>;
export const RequiredItemConnection = connectionType('RequiredItem', RequiredItem, { description: 'A page of responsibility-list items, ordered hub-wide first, then by owner id, then code' });
export type RequiredItemConnection = InstanceType<typeof RequiredItemConnection>;
export const ResponsibilityListEntryConnection = connectionType('ResponsibilityListEntry', ResponsibilityListEntry, {
  description: 'A page of a unit\'s responsibility list, ordered hub-wide items first, then by owner id, then code',
});
export type ResponsibilityListEntryConnection = InstanceType<typeof ResponsibilityListEntryConnection>;
export const UnitProgressConnection = connectionType('UnitProgress', UnitProgress, { description: 'A page of units\' progress, ordered by unit id' });
export type UnitProgressConnection = InstanceType<typeof UnitProgressConnection>;
export const IndicatorResultConnection = connectionType('IndicatorResult', IndicatorResult, { description: 'A page of measures, ordered by unit id, then measure, then task id' });
export type IndicatorResultConnection = InstanceType<typeof IndicatorResultConnection>;
