import 'reflect-metadata';
import { connectionType, DateScalar, type PageArgsType } from '@tiaokuai/platform';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { AssignmentRecord } from '../../domain/records';
import { AssignmentStatusEnum, SettlementKindEnum } from '../shared/enums';
import { NS, padId, pageOf } from '../shared/pages';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A task as it reached one unit' })
export class Assignment {
  @Field(() => ID) id!: string;
  @Field(() => AssignmentStatusEnum) status!: string;
  @Field(() => Int, { description: '0–100' }) progress!: number;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Int, { description: 'Optimistic concurrency: pass it back when changing the assignment' })
  version!: number;
  @Field(() => Float, { nullable: true, description: "The indicator's value as last reported" }) value!: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day it was reported DONE' }) doneOn!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day the last progress report speaks for' }) reportedOn!:
    string | null;
}

@ObjectType({ description: 'A progress report as made (kept; the assignment holds the latest)' })
export class ProgressReport {
  @Field(() => Int, { description: 'The assignment version this report produced' }) version!: number;
  @Field(() => AssignmentStatusEnum) status!: string;
  @Field(() => Int) progress!: number;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => DateScalar, { description: 'The day the report speaks for' }) on!: string;
  @Field({ description: "Who (the token's subject)" }) by!: string;
  @Field(() => String, { nullable: true, description: 'For which body' }) byBody!: string | null;
  @Field({ description: 'When it was made (ISO timestamp)' }) at!: string;
}

@ObjectType({ description: 'A merge or withdrawal, on record' })
export class Settlement {
  @Field(() => SettlementKindEnum) kind!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field({ description: "Who (the token's subject)" }) by!: string;
  @Field(() => String, { nullable: true, description: 'For which body' }) byBody!: string | null;
  @Field({ description: 'When (ISO timestamp)' }) at!: string;
  keptId!: string | null;
}

export const AssignmentConnection = connectionType('Assignment', Assignment, {
  description: 'A page of assignments, ordered by id',
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
