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
  @Field(() => Int, { description: '下达数 (assignments given)' }) assigned!: number;
  @Field(() => Int, { description: '完成数 (assignments done)' }) done!: number;
  @Field(() => Int, { description: '进行中数 (assignments in progress)' }) inProgress!: number;
  @Field(() => Int, { description: '未开始数 (assignments not started)' }) notStarted!: number;
  @Field(() => Int, { description: '逾期数：Not DONE and due before the day' }) overdue!: number;
  @Field(() => Int, { description: '已到期数：Due before the day' }) dueByNow!: number;
  @Field(() => Int, { description: '按时完成数：Due before the day and DONE on or before its due date' })
  doneOnTime!: number;
  @Field(() => Float, { nullable: true, description: '完成率：done / assigned' }) completionRate!: number | null;
  @Field(() => Float, { nullable: true, description: '按时完成率：doneOnTime / dueByNow' }) onTimeRate!: number | null;
  @Field(() => Float, { nullable: true, description: '平均进度：Mean progress, DONE counting 100' }) averageProgress!:
    number | null;
}

@ObjectType({ description: '目标书 and 进度表 line: one assignment of the year' })
export class ReportLine {
  @Field(() => DateScalar, { description: '截止日 (due date)' }) dueOn!: string;
  @Field(() => AssignmentStatusEnum, { description: '状态 (status)' }) status!: string;
  @Field(() => Int, { description: '进度：百分比 (progress, percent)' }) progress!: number;
  @Field(() => String, { description: "指标 (the task's indicator)", nullable: true }) indicator!: string | null;
  @Field(() => Float, { nullable: true, description: '目标值 (the target)' }) target!: number | null;
  @Field(() => Float, { nullable: true, description: '报送值：Reported value' }) value!: number | null;
  @Field(() => DateScalar, { description: '完成日 (the day it was done)', nullable: true }) doneOn!: string | null;
  @Field({ description: "逾期：Not DONE and due before the report's day" }) overdue!: boolean;
  assignmentId!: string;
  taskId!: string;
}

@ObjectType({ description: '成绩单 entry: a measure of one unit beside its peers (the rule: outlierRule)' })
export class IndicatorResult {
  @Field(() => ReportMeasureEnum, { description: '度量 (what is measured)' }) measure!: string;
  @Field(() => String, { nullable: true, description: '指标：For INDICATOR' }) indicator!: string | null;
  @Field(() => Float, { description: '目标值 (the target)', nullable: true }) target!: number | null;
  @Field(() => Float, { description: '数值 (the value)' }) value!: number;
  @Field(() => Int, { description: '同类数：参与比较的单位数 (how many peers it is compared with)' })
  peerCount!: number;
  @Field(() => Float, { description: "同类均值 (the peers' mean)", nullable: true }) peerMean!: number | null;
  @Field(() => Float, { description: "同类标准差 (the peers' standard deviation)", nullable: true }) peerStdDev!:
    number | null;
  @Field(() => Float, {
    description: "标准分：偏离同类均值的标准差数 (z-score: standard deviations from the peers' mean)",
    nullable: true,
  })
  zScore!: number | null;
  @Field({ description: '异常值：Far from the peers (|z| ≥ 2 with at least 4 peers)' }) outlier!: boolean;
  @Field({ description: '说明：Chinese' }) message!: string;
  unitId!: string;
  taskId!: string | null;
}

@ObjectType({ description: "One unit's year: 目标书 (targets), 进度表 (progress), 成绩单 (results)" })
export class WorkReport {
  @Field(() => Int, { description: '年度 (the year)' }) year!: number;
  @Field(() => DateScalar, {
    description: '判断日：The day it speaks for (default today, or the day after the year for a past year)',
  })
  asOf!: string;
  @Field(() => [ReportLine], { description: '目标书/进度表: each active assignment of the year' })
  targets!: ReportLine[];
  @Field(() => ProgressSummary, { description: '进度表 totals' }) progress!: ProgressSummary;
  @Field(() => [IndicatorResult], { description: '成绩单: its measures and indicator values beside its peers' })
  results!: IndicatorResult[];
  @Field({ description: '异常值规则：The outlier rule, in Chinese' }) outlierRule!: string;
  unitId!: string;
}

@ObjectType({ description: "单位进度：一个单位的任务进度 (one unit's progress)" })
export class UnitProgress {
  @Field(() => ProgressSummary, { description: '进度汇总 (its totals)' }) progress!: ProgressSummary;
  unitId!: string;
}

@ObjectType({
  description:
    "范围党建报表：A committee's scope for a year: totals, each unit's progress, and the values far from their peers",
})
export class ScopeWorkReport {
  @Field(() => Int, { description: '年度 (the year)' }) year!: number;
  @Field(() => DateScalar, { description: '判断日 (the day judged)' }) asOf!: string;
  @Field(() => ProgressSummary, { description: '进度汇总 (the totals)' }) progress!: ProgressSummary;
  /** Every unit's progress (served a page at a time: ScopeReportResolver.units). */
  allUnits!: UnitProgress[];
  /** Every flagged measure (served a page at a time: ScopeReportResolver.outliers). */
  allOutliers!: IndicatorResult[];
  @Field({ description: '异常值规则：如何判定偏离 (how outliers are judged)' }) outlierRule!: string;
  scopeId!: string;
}

export const UnitProgressConnection = connectionType('UnitProgress', UnitProgress, {
  description: "单位进度分页：A page of units' progress, ordered by unit id",
});
export type UnitProgressConnection = InstanceType<typeof UnitProgressConnection>;
export const IndicatorResultConnection = connectionType('IndicatorResult', IndicatorResult, {
  description: '指标结果分页：A page of measures, ordered by unit id, then measure, then task id',
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
