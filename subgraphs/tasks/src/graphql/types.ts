import 'reflect-metadata';
import { DateScalar, enumOf } from '@tiaokuai/common';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
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
  @Field(() => String, { nullable: true, description: 'Code of the responsibility-list item it fulfils' }) requiredItem!: string | null;
  @Field({ description: 'As issued: false = advisory whoever issued it' }) binding!: boolean;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A task as it reached one unit' })
export class Assignment {
  @Field(() => ID) id!: string;
  @Field(() => AssignmentStatusEnum) status!: string;
  @Field(() => Int, { description: '0–100' }) progress!: number;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Int, { description: 'Optimistic concurrency: pass it back when changing the assignment' }) version!: number;
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
  @Field(() => String, { nullable: true, description: 'For MISSING: the responsibility-list item' }) requiredItem!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'For MISSING: the period it was due in' }) from!: string | null;
  @Field(() => DateScalar, { nullable: true }) to!: string | null;
  unitId!: string;
  taskIds!: string[];
  assignmentIds!: string[];
  issuerIds!: string[];
}

@ObjectType({ description: 'An item of the responsibility list (责任清单)' })
export class RequiredItem {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => [UnitKindEnum]) kinds!: string[];
  @Field(() => FrequencyEnum) frequency!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
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
  @Field({ defaultValue: true, description: 'false: advisory whoever issues it; true from a body that only guides: advisory, and reported as OVERREACH' }) binding!: boolean;
  @Field(() => [String], { nullable: true, description: 'Unit codes' }) targets?: string[] | null;
  @Field(() => ScopeInput, { nullable: true }) scope?: ScopeInput | null;
  @Field(() => [String], { nullable: true, description: 'Keys of the same issuer\'s tasks that cannot be carried out together with this one (CONFLICT where a unit holds both)' }) incompatibleWith?: string[] | null;
}
