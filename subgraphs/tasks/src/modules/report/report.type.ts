import 'reflect-metadata';
import { connectionType, DateScalar } from '@tiaokuai/platform';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import {
  isOverdue,
  type IndicatorResult as IndicatorRecord,
  type ReportLine as ReportLineRecord,
} from '../../domain/report';
import { AssignmentStatusEnum, ReportMeasureEnum } from '../shared/enums';

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
  @Field(() => Float, { nullable: true, description: 'Mean progress, DONE counting 100' }) averageProgress!:
    number | null;
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
  @Field({ description: "Not DONE and due before the report's day" }) overdue!: boolean;
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

@ObjectType({ description: "One unit's year: 目标书 (targets), 进度表 (progress), 成绩单 (results)" })
export class WorkReport {
  @Field(() => Int) year!: number;
  @Field(() => DateScalar, {
    description: 'The day it speaks for (default today, or the day after the year for a past year)',
  })
  asOf!: string;
  @Field(() => [ReportLine], { description: '目标书/进度表: each active assignment of the year' })
  targets!: ReportLine[];
  @Field(() => ProgressSummary, { description: '进度表 totals' }) progress!: ProgressSummary;
  @Field(() => [IndicatorResult], { description: '成绩单: its measures and indicator values beside its peers' })
  results!: IndicatorResult[];
  @Field({ description: 'The outlier rule, in Chinese' }) outlierRule!: string;
  unitId!: string;
}

@ObjectType()
export class UnitProgress {
  @Field(() => ProgressSummary) progress!: ProgressSummary;
  unitId!: string;
}

@ObjectType({
  description: "A committee's scope for a year: totals, each unit's progress, and the values far from their peers",
})
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

export const UnitProgressConnection = connectionType('UnitProgress', UnitProgress, {
  description: "A page of units' progress, ordered by unit id",
});
export type UnitProgressConnection = InstanceType<typeof UnitProgressConnection>;
export const IndicatorResultConnection = connectionType('IndicatorResult', IndicatorResult, {
  description: 'A page of measures, ordered by unit id, then measure, then task id',
});
export type IndicatorResultConnection = InstanceType<typeof IndicatorResultConnection>;

/** A report line as served: overdue as of the report's day. */
export const toLine = (r: ReportLineRecord, asOf: string): ReportLine => ({
  dueOn: r.dueOn,
  status: r.status,
  progress: r.progress,
  indicator: r.indicator,
  target: r.target,
  value: r.value,
  doneOn: r.doneOn,
  overdue: isOverdue(r, asOf),
  assignmentId: r.assignmentId,
  taskId: r.taskId,
});
export const toResult = (r: IndicatorRecord): IndicatorResult => ({ ...r });
