import { DateScalar, PageArgsType } from '@tiaokuai/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
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
  withdrawAssignment,
} from './assignment.service';
import {
  Assignment,
  ProgressReport,
  ProgressReportConnection,
  progressReportPage,
  Settlement,
} from './assignment.type';
import { checkPage, NS } from '../shared/pages';

@Resolver(() => Assignment)
export class AssignmentResolver {
  @FieldResolver(() => Task)
  task(@Root() a: AssignmentRecord, @Ctx() ctx: TasksContext) {
    return taskOf(ctx, a.taskId);
  }

  @FieldResolver(() => Unit)
  unit(@Root() a: AssignmentRecord) {
    return unitRef(a.unitId);
  }

  @FieldResolver(() => AuthorityEnum, {
    description:
      "From the issuer's relation to the unit (the org subgraph's answer) on asOf (default today), kept within the task's period",
  })
  async authority(
    @Root() a: AssignmentRecord,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() ctx: TasksContext,
  ) {
    return (await judgedAssignment(ctx, a, asOf)).authority ?? 'ADVISORY';
  }

  @FieldResolver(() => IssuerRelationEnum, {
    description: "How the issuer relates to the unit on asOf (default today), kept within the task's period",
  })
  async relation(
    @Root() a: AssignmentRecord,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() ctx: TasksContext,
  ) {
    return (await judgedAssignment(ctx, a, asOf)).relation;
  }

  @FieldResolver(() => Assignment, {
    nullable: true,
    description: 'For MERGED: the assignment that satisfies this one',
  })
  mergedInto(@Root() a: AssignmentRecord, @Ctx() ctx: TasksContext) {
    return a.mergedInto ? ctx.loaders.assignment.load(a.mergedInto) : null;
  }

  @FieldResolver(() => [Settlement], { description: 'Merges and withdrawals of this assignment, on record' })
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
      "Withdraws one of the caller's own assignments (kept on record as WITHDRAWN); a stale version is refused with CONFLICT",
  })
  withdrawAssignment(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: TasksContext,
  ) {
    return withdrawAssignment(ctx, id, version, note);
  }

  @Mutation(() => Assignment, {
    description: 'Settles a duplicate pair: `keep` satisfies both, `merge` is kept on record as MERGED into it',
  })
  mergeAssignments(
    @Arg('keep', () => ID) keep: string,
    @Arg('merge', () => ID) merge: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: TasksContext,
  ) {
    return mergeAssignments(ctx, keep, merge, note);
  }
}

@Resolver(() => Settlement)
export class SettlementResolver {
  @FieldResolver(() => Assignment, { nullable: true, description: 'For MERGE: the assignment kept' })
  kept(@Root() s: Settlement, @Ctx() ctx: TasksContext) {
    return s.keptId ? ctx.loaders.assignment.load(s.keptId) : null;
  }
}

@Resolver(() => Assignment)
export class ProgressResolver {
  @Mutation(() => Assignment, {
    description:
      'A unit reports status, progress and its indicator value on an assignment; a stale version is refused with CONFLICT (nothing written)',
  })
  reportProgress(@Arg('input', () => ReportProgressInput) input: ReportProgressInput, @Ctx() ctx: TasksContext) {
    return reportProgress(ctx, { ...input });
  }

  @FieldResolver(() => ProgressReportConnection, {
    description:
      '进度报告 (its progress reports), oldest first, a page at a time: every reportProgress adds one, so the list grows with time',
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
