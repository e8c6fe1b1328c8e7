import { DateScalar, PageArgsType } from '@tiaokuai/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import type { AssignmentRecord } from '../../domain/records';
import type { TasksContext } from '../../request';
import { AuthorityEnum, IssuerRelationEnum } from '../shared/enums';
import { unitRef } from '../shared/refs';
import { taskOf } from '../task/task.service';
import { Task } from '../task/task.type';
import { Unit } from '../unit/unit.type';
import { ReportProgressInput } from './assignment.input';
import {
  judgedAssignment,
  mergeAssignments,
  reportProgress,
  settlementsOfAssignment,
  watchUnitAssignments,
  withdrawAssignment,
  type UnitAssignmentsChange,
} from './assignment.service';
import {
  Assignment,
  AssignmentsIssued,
  ProgressReport,
  ProgressReportConnection,
  progressReportPage,
  Settlement,
} from './assignment.type';
import { checkPage, NS } from '../shared/pages';

@Resolver(() => Assignment)
export class AssignmentResolver {
  @Subscription(() => AssignmentsIssued, {
    description:
      '订阅单位收到的任务分配 (assignments issued to a unit): READY first, then a CHANGED after each tasks write that issued the unit assignments in the window (same list and visibility as Unit.assignments); over SSE through the gateway (docs/live-updates.md)',
    subscribe: ({ args, context }) =>
      watchUnitAssignments(
        context as TasksContext,
        String(args.unit),
        (args.from as string | null | undefined) ?? null,
        (args.to as string | null | undefined) ?? null,
      ),
  })
  assignmentIssued(
    @Root() change: UnitAssignmentsChange,
    @Arg('unit', { description: '承办单位：单位代码或编号 (the unit: its code or its id)' }) _unit: string,
    @Arg('from', () => DateScalar, {
      nullable: true,
      description: '开始日：默认今年年初 (first day; default 1 January this year)',
    })
    _from: string | null,
    @Arg('to', () => DateScalar, {
      nullable: true,
      description: '结束日：默认今年年末 (last day; default 31 December this year)',
    })
    _to: string | null,
  ): AssignmentsIssued {
    return {
      kind: change.kind,
      unit: unitRef(change.unitId) as unknown as Unit,
      issued: change.appeared as unknown as Assignment[],
      total: change.total,
    };
  }

  @FieldResolver(() => Task, { description: '任务 (the task)' })
  task(@Root() a: AssignmentRecord, @Ctx() ctx: TasksContext) {
    return taskOf(ctx, a.taskId);
  }

  @FieldResolver(() => Unit, { description: '承办单位 (the unit the task was assigned to)' })
  unit(@Root() a: AssignmentRecord) {
    return unitRef(a.unitId);
  }

  @FieldResolver(() => AuthorityEnum, {
    description:
      "效力：From the issuer's relation to the unit (the org subgraph's answer) on asOf (default today), kept within the task's period",
  })
  async authority(
    @Root() a: AssignmentRecord,
    @Arg('asOf', () => DateScalar, { description: '判断日：默认今天 (the day judged; default today)', nullable: true })
    asOf: string | null,
    @Ctx() ctx: TasksContext,
  ) {
    return (await judgedAssignment(ctx, a, asOf)).authority ?? 'ADVISORY';
  }

  @FieldResolver(() => IssuerRelationEnum, {
    description:
      "下达方关系：How the issuer relates to the unit on asOf (default today), kept within the task's period",
  })
  async relation(
    @Root() a: AssignmentRecord,
    @Arg('asOf', () => DateScalar, { description: '判断日：默认今天 (the day judged; default today)', nullable: true })
    asOf: string | null,
    @Ctx() ctx: TasksContext,
  ) {
    return (await judgedAssignment(ctx, a, asOf)).relation;
  }

  @FieldResolver(() => Assignment, {
    nullable: true,
    description: '合并到：For MERGED: the assignment that satisfies this one',
  })
  mergedInto(@Root() a: AssignmentRecord, @Ctx() ctx: TasksContext) {
    return a.mergedInto ? ctx.loaders.assignment.load(a.mergedInto) : null;
  }

  @FieldResolver(() => [Settlement], { description: '处理记录：Merges and withdrawals of this assignment, on record' })
  async settlements(@Root() a: AssignmentRecord, @Ctx() ctx: TasksContext): Promise<Settlement[]> {
    return (await settlementsOfAssignment(ctx, a.id)).map((s) => ({
      kind: s.kind,
      note: s.note,
      by: s.bySubject,
      byBody: s.byBody,
      at: s.at.toISOString(),
      keptId: s.keptId,
    }));
  }

  @Mutation(() => Assignment, {
    description:
      "撤回任务分配：Withdraws one of the caller's own assignments (kept on record as WITHDRAWN); a stale version is refused with CONFLICT",
  })
  withdrawAssignment(
    @Arg('id', () => ID, { description: "任务分配编号 (the assignment's id)" }) id: string,
    @Arg('version', () => Int, {
      description: '版本：读到的版本，过时则冲突 (the version read; a stale one is a CONFLICT)',
      nullable: true,
    })
    version: number | null,
    @Arg('note', () => String, { description: '备注：撤回原因 (why)', nullable: true }) note: string | null,
    @Ctx() ctx: TasksContext,
  ) {
    return withdrawAssignment(ctx, id, version, note);
  }

  @Mutation(() => Assignment, {
    description:
      '合并任务分配：Settles a duplicate pair: `keep` satisfies both, `merge` is kept on record as MERGED into it',
  })
  mergeAssignments(
    @Arg('keep', () => ID, { description: '保留项：保留的任务分配编号 (the assignment kept)' }) keep: string,
    @Arg('merge', () => ID, { description: '合并项：并入的任务分配编号 (the assignment merged into it)' })
    merge: string,
    @Arg('note', () => String, { description: '备注 (a note)', nullable: true }) note: string | null,
    @Ctx() ctx: TasksContext,
  ) {
    return mergeAssignments(ctx, keep, merge, note);
  }
}

@Resolver(() => Settlement)
export class SettlementResolver {
  @FieldResolver(() => Assignment, { nullable: true, description: '保留项：For MERGE: the assignment kept' })
  kept(@Root() s: Settlement, @Ctx() ctx: TasksContext) {
    return s.keptId ? ctx.loaders.assignment.load(s.keptId) : null;
  }
}

@Resolver(() => Assignment)
export class ProgressResolver {
  @Mutation(() => Assignment, {
    description:
      '报告进度：A unit reports status, progress and its indicator value on an assignment; a stale version is refused with CONFLICT (nothing written)',
  })
  reportProgress(
    @Arg('input', () => ReportProgressInput, { description: '进度报告 (the report)' }) input: ReportProgressInput,
    @Ctx() ctx: TasksContext,
  ) {
    return reportProgress(ctx, { ...input });
  }

  @FieldResolver(() => ProgressReportConnection, {
    description:
      '进度报告：最早的在前，分页；每次报告进度增加一条 (its progress reports, oldest first, a page at a time)',
  })
  async progressReports(
    @Root() a: AssignmentRecord,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: TasksContext,
  ): Promise<ProgressReportConnection> {
    checkPage(NS.progressReports, page);
    const reports = (await ctx.loaders.progressReports.load(a.id)).map((r): ProgressReport => ({
      version: r.version,
      status: r.status,
      progress: r.progress,
      value: r.value,
      note: r.note,
      on: r.on,
      by: r.bySubject,
      byBody: r.byBody,
      at: r.at.toISOString(),
    }));
    return progressReportPage(reports, page);
  }
}
