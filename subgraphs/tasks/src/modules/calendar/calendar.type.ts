import 'reflect-metadata';
import { DateScalar } from '@tiaokuai/platform';
import { Field, ObjectType } from 'type-graphql';
import type { CalendarEntry as CalendarEntryRecord } from '../../domain/calendar';
import { AssignmentStatusEnum, AuthorityEnum, CalendarEntryKindEnum, FrequencyEnum } from '../shared/enums';

@ObjectType({ description: '行事历 entry: a task (by due date) or a responsibility-list item in one of its periods' })
export class CalendarEntry {
  @Field({ description: '标识：Stable id (the iCalendar UID)' }) uid!: string;
  @Field(() => CalendarEntryKindEnum, { description: '条目类型 (task or required item)' }) kind!: string;
  @Field({ description: '标题 (title)' }) title!: string;
  @Field(() => DateScalar, { description: '开始日 (first day)' }) startsOn!: string;
  @Field(() => DateScalar, { description: '截止日 (due date)' }) dueOn!: string;
  @Field(() => String, {
    nullable: true,
    description: "清单事项代码：The responsibility-list item's code (its owner: requiredItemOwner)",
  })
  requiredItem!: string | null;
  @Field(() => FrequencyEnum, {
    description: '频次：清单事项的周期 (how often, for a responsibility-list item)',
    nullable: true,
  })
  frequency!: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: '已覆盖：For REQUIRED_ITEM: a binding assignment covers the period (false: MISSING)',
  })
  covered!: boolean | null;
  @Field(() => AuthorityEnum, { nullable: true, description: '效力：For TASK' }) authority!: string | null;
  @Field(() => AssignmentStatusEnum, { nullable: true, description: '状态：For TASK' }) status!: string | null;
  assignmentId!: string | null;
  taskId!: string | null;
  issuerId!: string | null;
}

export const toEntry = (e: CalendarEntryRecord): CalendarEntry => ({
  uid: e.uid,
  kind: e.kind,
  title: e.title,
  startsOn: e.startsOn,
  dueOn: e.dueOn,
  requiredItem: e.requiredItemCode,
  frequency: e.frequency,
  covered: e.covered,
  authority: e.task?.authority ?? null,
  status: e.task?.status ?? null,
  assignmentId: e.task?.assignmentId ?? null,
  taskId: e.task?.taskId ?? null,
  issuerId: e.task?.issuerId ?? null,
});
