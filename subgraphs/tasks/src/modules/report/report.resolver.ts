/**
 * The year's targets, progress and results of a committee's scope (ARCHITECTURE.md "Tasks:
 * progress, reports, calendar").
 */
import { DateScalar, PageArgsType } from '@tiaokuai/platform';
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { OUTLIER_RULE } from '../../domain/report';
import type { TasksContext } from '../../request';
import { Assignment } from '../assignment/assignment.type';
import { NS, padId, pageOf } from '../shared/pages';
import { unitRef } from '../shared/refs';
import { taskOf } from '../task/task.service';
import { Task } from '../task/task.type';
import { Unit } from '../unit/unit.type';
import { scopeWorkReport } from './report.service';
import {
  IndicatorResult,
  IndicatorResultConnection,
  ReportLine,
  ScopeWorkReport,
  toResult,
  UnitProgress,
  UnitProgressConnection,
  WorkReport,
} from './report.type';

@Resolver(() => ScopeWorkReport)
export class ScopeReportResolver {
  @Query(() => ScopeWorkReport, {
    description:
      "党建报表：A committee's scope (a unit code) for a year: totals, each unit's progress, values far from their peers",
  })
  async workReport(
    @Arg('scope', { description: "范围：机构的单位代码 (the committee's scope, a unit code)" }) scope: string,
    @Arg('year', () => Int, { description: '年度 (the year)' }) year: number,
    @Arg('asOf', () => DateScalar, { description: '判断日：默认今天 (the day judged; default today)', nullable: true })
    asOf: string | null,
    @Ctx() ctx: TasksContext,
  ): Promise<ScopeWorkReport> {
    const r = await scopeWorkReport(ctx, scope, year, asOf);
    return {
      scopeId: r.scopeId,
      year: r.year,
      asOf: r.asOf,
      progress: r.progress,
      allUnits: r.units,
      allOutliers: r.outliers.map(toResult),
      outlierRule: OUTLIER_RULE,
    };
  }

  @FieldResolver(() => UnitProgressConnection, {
    description: "各单位进度：Each unit's progress, a page at a time, by unit id",
  })
  units(@Root() r: ScopeWorkReport, @Args(() => PageArgsType) page: PageArgsType): UnitProgressConnection {
    return pageOf(
      NS.unitProgress,
      r.allUnits,
      (u) => padId(u.unitId),
      page,
      (u) => u,
    );
  }

  @FieldResolver(() => IndicatorResultConnection, {
    description: '异常值：Only the flagged measures, a page at a time: by unit id, then measure, then task id',
  })
  outliers(@Root() r: ScopeWorkReport, @Args(() => PageArgsType) page: PageArgsType): IndicatorResultConnection {
    return pageOf(
      NS.outliers,
      r.allOutliers,
      (o) => `${padId(o.unitId)}|${o.measure}|${o.taskId === null ? '' : padId(o.taskId)}`,
      page,
      (o) => o,
    );
  }

  @FieldResolver(() => Unit, { description: '范围：机构 (the committee)' })
  scope(@Root() r: ScopeWorkReport) {
    return unitRef(r.scopeId);
  }
}

@Resolver(() => WorkReport)
export class WorkReportResolver {
  @FieldResolver(() => Unit, { description: '单位 (the unit)' })
  unit(@Root() r: WorkReport) {
    return unitRef(r.unitId);
  }
}

@Resolver(() => UnitProgress)
export class UnitProgressResolver {
  @FieldResolver(() => Unit, { description: '单位 (the unit)' })
  unit(@Root() r: UnitProgress) {
    return unitRef(r.unitId);
  }
}

@Resolver(() => ReportLine)
export class ReportLineResolver {
  @FieldResolver(() => Assignment, { description: '任务分配 (the assignment)' })
  async assignment(@Root() l: ReportLine, @Ctx() ctx: TasksContext) {
    return ctx.loaders.assignment.load(l.assignmentId);
  }

  @FieldResolver(() => Task, { description: '任务 (the task)' })
  task(@Root() l: ReportLine, @Ctx() ctx: TasksContext) {
    return taskOf(ctx, l.taskId);
  }
}

@Resolver(() => IndicatorResult)
export class IndicatorResultResolver {
  @FieldResolver(() => Unit, { description: '单位 (the unit)' })
  unit(@Root() r: IndicatorResult) {
    return unitRef(r.unitId);
  }

  @FieldResolver(() => Task, { nullable: true, description: '任务：For INDICATOR' })
  task(@Root() r: IndicatorResult, @Ctx() ctx: TasksContext) {
    return r.taskId ? taskOf(ctx, r.taskId) : null;
  }
}
