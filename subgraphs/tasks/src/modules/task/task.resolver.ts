import { PageArgsType } from '@tiaokuai/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { TaskRecord } from '../../domain/records';
import type { TasksContext } from '../../request';
import { AssignmentConnection, assignmentPage } from '../assignment/assignment.type';
import { checkPage, NS } from '../shared/pages';
import { found, unitRef } from '../shared/refs';
import { Unit } from '../unit/unit.type';
import { IssueTaskInput } from './task.input';
import { issueTask, visibleAssignmentsOfTask, visibleTask } from './task.service';
import { Task } from './task.type';

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => Task, { nullable: true, description: '任务：A task by id (null when unknown or out of sight)' })
  async task(@Arg('id', () => ID, { description: "任务编号 (the task's id)" }) id: string, @Ctx() ctx: TasksContext) {
    return visibleTask(ctx, id);
  }

  @Mutation(() => Task, {
    description:
      "下达任务：Issues a task to units (targets and/or a scope): all-or-nothing; idempotent by key; targets outside the issuer's reach are refused with FORBIDDEN",
  })
  issueTask(
    @Arg('input', () => IssueTaskInput, { description: '任务 (the task)' }) input: IssueTaskInput,
    @Ctx() ctx: TasksContext,
  ) {
    return issueTask(ctx, input);
  }

  @FieldResolver(() => Unit, { description: '下达方 (the issuing body)' })
  issuer(@Root() t: TaskRecord) {
    return unitRef(t.issuerId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '清单事项代码：Code of the responsibility-list item it fulfils (its owner: requiredItemOwner)',
  })
  async requiredItem(@Root() t: TaskRecord, @Ctx() ctx: TasksContext) {
    return t.requiredItemId ? ((await ctx.loaders.requiredItem.load(t.requiredItemId))?.code ?? null) : null;
  }

  @FieldResolver(() => Unit, {
    nullable: true,
    description: '清单所属方：The owner of the item it fulfils; null for a hub-wide item or none',
  })
  async requiredItemOwner(@Root() t: TaskRecord, @Ctx() ctx: TasksContext) {
    const owner = t.requiredItemId ? (await ctx.loaders.requiredItem.load(t.requiredItemId))?.ownerId : null;
    return owner ? unitRef(owner) : null;
  }

  @FieldResolver(() => [Task], { description: '互斥任务：Tasks the issuer declared incompatible with this one' })
  async incompatibleWith(@Root() t: TaskRecord, @Ctx() ctx: TasksContext) {
    return found(ctx.loaders.task.loadMany(t.incompatibleWith));
  }

  @FieldResolver(() => AssignmentConnection, {
    description:
      '任务分配：The units it reached (those the caller may see, unless the caller sees the issuer), a page at a time, by id',
  })
  async assignments(
    @Root() t: TaskRecord,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: TasksContext,
  ): Promise<AssignmentConnection> {
    checkPage(NS.assignments, page);
    return assignmentPage(await visibleAssignmentsOfTask(ctx, t), page);
  }
}
