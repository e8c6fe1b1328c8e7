import { DateScalar, PageArgsType, selectsOnly } from '@tiaokuai/platform';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { TasksContext } from '../../request';
import { Assignment } from '../assignment/assignment.type';
import { RequiredItem } from '../responsibility-list/responsibility-list.type';
import { found, ref, unitRef } from '../shared/refs';
import { Task } from '../task/task.type';
import { Unit } from '../unit/unit.type';
import type { LiveChange } from '@tiaokuai/platform';
import type { TaskFinding } from '../../domain/types';
import { scopeFindingsPage, watchScopeFindings } from './finding.service';
import { TaskConflict, TaskConflictConnection, TaskFindingsChange, toConflict } from './finding.type';

@Resolver(() => TaskConflict)
export class TaskConflictResolver {
  @Query(() => TaskConflictConnection, {
    description:
      "任务问题：Task findings in a committee's scope (a unit code: its subtree and the units it leads or guides) over [from, to], a page at a time: by unit id, then kind, then what the finding is about (a finding keeps its key from one scan to the next); the pages that follow a first page's cursors are cut from that page's list, for the same caller and arguments, at most WALK_MAX_AGE_MS old (a walk); `summary` counts them all",
  })
  async taskConflicts(
    @Arg('scope', { description: "范围：机构的单位代码 (the committee's scope, a unit code)" }) scope: string,
    @Arg('from', () => DateScalar, { description: '开始日 (first day of the period)' }) from: string,
    @Arg('to', () => DateScalar, { description: '结束日 (last day of the period)' }) to: string,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: TasksContext,
  ): Promise<TaskConflictConnection> {
    return scopeFindingsPage(ctx, scope, from, to, page, (f) => toConflict(f, { from, to }));
  }

  @Subscription(() => TaskFindingsChange, {
    description:
      '订阅范围内任务问题的出现与消除 (task findings appearing in or settled from a scope): READY first, then a CHANGED after each write that changes what the caller may see in the scope (same visibility as taskConflicts); over SSE through the gateway (docs/live-updates.md)',
    subscribe: ({ args, context }) =>
      watchScopeFindings(context as TasksContext, String(args.scope), String(args.from), String(args.to)),
  })
  taskFindingsChanged(
    @Root() change: LiveChange<TaskFinding>,
    @Arg('scope', { description: "范围：委员会的单位代码 (scope: a committee's unit code)" }) scope: string,
    @Arg('from', () => DateScalar, { description: '期间起 (window start)' }) from: string,
    @Arg('to', () => DateScalar, { description: '期间止 (window end)' }) to: string,
  ): TaskFindingsChange {
    return {
      kind: change.kind,
      scope,
      appeared: change.appeared.map((f) => toConflict(f, { from, to })),
      settled: change.settled.map((f) => toConflict(f, { from, to })),
      total: change.total,
    };
  }

  @FieldResolver(() => Unit, { description: '单位 (the unit concerned)' })
  unit(@Root() f: TaskConflict) {
    return unitRef(f.unitId);
  }

  // A finding names tasks and assignments just read. When only their ids are asked (a
  // province scan names some 20,000), they are answered as references, at once: no statement,
  // no promise per finding.
  @FieldResolver(() => [Task], { description: '涉及的任务：The tasks concerned (empty for MISSING)' })
  tasks(@Root() f: TaskConflict, @Ctx() ctx: TasksContext, @Info() info: GraphQLResolveInfo) {
    return selectsOnly(info, ['id']) ? f.taskIds.map(ref) : found(ctx.loaders.task.loadMany(f.taskIds));
  }

  @FieldResolver(() => [Assignment], {
    description: '涉及的任务分配：The assignments concerned, the one to keep first',
  })
  assignments(@Root() f: TaskConflict, @Ctx() ctx: TasksContext, @Info() info: GraphQLResolveInfo) {
    return selectsOnly(info, ['id'])
      ? f.assignmentIds.map(ref)
      : found(ctx.loaders.assignment.loadMany(f.assignmentIds));
  }

  @FieldResolver(() => [Unit], {
    description:
      "涉及的下达方：The issuers concerned (for MISSING: the unit's leaders, who should assign the item; for a list-level DUPLICATE: the two lists' owners, the one to keep first)",
  })
  issuers(@Root() f: TaskConflict) {
    return f.issuerIds.map(unitRef);
  }

  @FieldResolver(() => RequiredItem, {
    nullable: true,
    description:
      '责任清单条目：MISSING 所指的条目，含代码与所属方；其他类型为空 (the responsibility-list item a MISSING finding is about; null for every other kind)',
  })
  requiredItem(@Root() f: TaskConflict, @Ctx() ctx: TasksContext) {
    return f.requiredItemId ? ctx.loaders.requiredItem.load(f.requiredItemId) : null;
  }

  @FieldResolver(() => Unit, {
    nullable: true,
    description: '清单所属方：For MISSING: the owner of the item (null: hub-wide)',
  })
  requiredItemOwner(@Root() f: TaskConflict) {
    return f.requiredItemOwnerId ? unitRef(f.requiredItemOwnerId) : null;
  }

  @FieldResolver(() => [RequiredItem], {
    description:
      '涉及的清单事项：For a list-level DUPLICATE (two lists asking the same work of the unit): the two items, the one to keep first; empty otherwise',
  })
  items(@Root() f: TaskConflict, @Ctx() ctx: TasksContext) {
    return found(ctx.loaders.requiredItem.loadMany(f.itemIds));
  }
}
