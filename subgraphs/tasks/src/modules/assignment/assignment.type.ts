import 'reflect-metadata';
import { connectionType, DateScalar, type PageArgsType } from '@tiaokuai/platform';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { AssignmentRecord } from '../../domain/records';
import { AssignmentStatusEnum, LiveChangeKindEnum, SettlementKindEnum } from '../shared/enums';
import { NS, padId, pageOf } from '../shared/pages';
import { Unit } from '../unit/unit.type';

@Directive('@key(fields: "id")')
@ObjectType({ description: '任务分配：A task as it reached one unit' })
export class Assignment {
  @Field(() => ID, { description: '编号 (id)' }) id!: string;
  @Field(() => AssignmentStatusEnum, { description: '状态 (status)' }) status!: string;
  @Field(() => Int, { description: '进度：百分比 0–100 (progress, percent)' }) progress!: number;
  @Field(() => String, { description: '备注 (a note)', nullable: true }) note!: string | null;
  @Field(() => Int, { description: '版本：Optimistic concurrency: pass it back when changing the assignment' })
  version!: number;
  @Field(() => Float, { nullable: true, description: "指标值：The indicator's value as last reported" }) value!:
    number | null;
  @Field(() => DateScalar, { nullable: true, description: '完成日：The day it was reported DONE' }) doneOn!:
    string | null;
  @Field(() => DateScalar, { nullable: true, description: '报告日：The day the last progress report speaks for' })
  reportedOn!: string | null;
}

@ObjectType({ description: '进度报告：A progress report as made (kept; the assignment holds the latest)' })
export class ProgressReport {
  @Field(() => Int, { description: '版本：The assignment version this report produced' }) version!: number;
  @Field(() => AssignmentStatusEnum, { description: '状态 (status)' }) status!: string;
  @Field(() => Int, { description: '进度：百分比 0–100 (progress, percent 0–100)' }) progress!: number;
  @Field(() => Float, { description: '指标值 (the indicator value)', nullable: true }) value!: number | null;
  @Field(() => String, { description: '备注 (a note)', nullable: true }) note!: string | null;
  @Field(() => DateScalar, { description: '报告日：The day the report speaks for' }) on!: string;
  @Field({ description: "报告人：Who (the token's subject)" }) by!: string;
  @Field(() => String, { nullable: true, description: '代表机构：For which body' }) byBody!: string | null;
  @Field({ description: '时刻：When it was made (ISO timestamp)' }) at!: string;
}

@ObjectType({ description: '处理记录：A merge or withdrawal, on record' })
export class Settlement {
  @Field(() => SettlementKindEnum, { description: '处理方式 (how it was settled)' }) kind!: string;
  @Field(() => String, { description: '备注 (a note)', nullable: true }) note!: string | null;
  @Field({ description: "处理人：Who (the token's subject)" }) by!: string;
  @Field(() => String, { nullable: true, description: '代表机构：For which body' }) byBody!: string | null;
  @Field({ description: '时刻：When (ISO timestamp)' }) at!: string;
  keptId!: string | null;
}

export const AssignmentConnection = connectionType('Assignment', Assignment, {
  description: '任务分配分页：A page of assignments, ordered by id',
});
export type AssignmentConnection = InstanceType<typeof AssignmentConnection>;

/** A page of assignments, by id. */
export const assignmentPage = (rows: readonly AssignmentRecord[], page: PageArgsType): AssignmentConnection =>
  pageOf(
    NS.assignments,
    rows,
    (a) => padId(a.id),
    page,
    (a) => a as unknown as Assignment,
  );

export const ProgressReportConnection = connectionType('ProgressReport', ProgressReport, {
  description: "A page of an assignment's progress reports (进度报告), oldest first (by the version each produced)",
});
export type ProgressReportConnection = InstanceType<typeof ProgressReportConnection>;

/** A page of an assignment's reports, keyed by the version each produced (a report is never rewritten). */
export const progressReportPage = (reports: readonly ProgressReport[], page: PageArgsType): ProgressReportConnection =>
  pageOf(
    NS.progressReports,
    reports,
    (r) => padId(String(r.version)),
    page,
    (r) => r,
  );

@ObjectType({
  description: '单位收到的任务分配 (assignments issued to a unit): a live change, sent after a write issued some',
})
export class AssignmentsIssued {
  @Field(() => LiveChangeKindEnum, { description: '变更种类 (kind of change)' }) kind!: string;
  @Field(() => Unit, { description: '承办单位：所订阅的单位 (the unit subscribed to)' }) unit!: Unit;
  @Field(() => [Assignment], { description: '新下达的任务分配 (assignments that appeared since the last event)' })
  issued!: Assignment[];
  @Field(() => Int, { description: '变更后期间内的任务分配总数 (assignments in the window after this change)' })
  total!: number;
}
