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
      "Task findings in a committee's scope (a unit code: its subtree and the units it leads or guides) over [from, to], a page at a time: by unit id, then kind, then what the finding is about (a finding keeps its key from one scan to the next); the pages that follow a first page's cursors are cut from that page's list, for the same caller and arguments, at most WALK_MAX_AGE_MS old (a walk); `summary` counts them all",
  })
  async taskConflicts(
    @Arg('scope') scope: string,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: TasksContext,
  ): Promise<TaskConflictConnection> {
    return scopeFindingsPage(ctx, scope, from, to, page, toConflict);
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
    @Arg('from', () => DateScalar, { description: '期间起 (window start)' }) _from: string,
    @Arg('to', () => DateScalar, { description: '期间止 (window end)' }) _to: string,
  ): TaskFindingsChange {
    return {
      kind: change.kind,
      scope,
      appeared: change.appeared.map(toConflict),
      settled: change.settled.map(toConflict),
      total: change.total,
    };
  }

  @FieldResolver(() => Unit)
  unit(@Root() f: TaskConflict) {
    return unitRef(f.unitId);
  }

  // A finding names tasks and assignments just read. When only their ids are asked (a
  // province scan names some 20,000), they are answered as references, at once: no statement,
  // no promise per finding.
  @FieldResolver(() => [Task], { description: 'The tasks concerned (empty for MISSING)' })
  tasks(@Root() f: TaskConflict, @Ctx() ctx: TasksContext, @Info() info: GraphQLResolveInfo) {
    return selectsOnly(info, ['id']) ? f.taskIds.map(ref) : found(ctx.loaders.task.loadMany(f.taskIds));
  }

  @FieldResolver(() => [Assignment], { description: 'The assignments concerned, the one to keep first' })
  assignments(@Root() f: TaskConflict, @Ctx() ctx: TasksContext, @Info() info: GraphQLResolveInfo) {
    return selectsOnly(info, ['id'])
      ? f.assignmentIds.map(ref)
      : found(ctx.loaders.assignment.loadMany(f.assignmentIds));
  }

  @FieldResolver(() => [Unit], {
    description:
      "The issuers concerned (for MISSING: the unit's leaders, who should assign the item; for a list-level DUPLICATE: the two lists' owners, the one to keep first)",
  })
  issuers(@Root() f: TaskConflict) {
    return f.issuerIds.map(unitRef);
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'For MISSING: the owner of the item (null: hub-wide)' })
  requiredItemOwner(@Root() f: TaskConflict) {
    return f.requiredItemOwnerId ? unitRef(f.requiredItemOwnerId) : null;
  }

  @FieldResolver(() => [RequiredItem], {
    description:
      'For a list-level DUPLICATE (two lists asking the same work of the unit): the two items, the one to keep first; empty otherwise',
  })
  items(@Root() f: TaskConflict, @Ctx() ctx: TasksContext) {
    return found(ctx.loaders.requiredItem.loadMany(f.itemIds));
  }
}
