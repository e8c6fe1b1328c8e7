import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { TasksContext } from '../../request';
import { Assignment } from '../assignment/assignment.type';
import { unitRef } from '../shared/refs';
import { taskOf } from '../task/task.service';
import { Task } from '../task/task.type';
import { Unit } from '../unit/unit.type';
import { CalendarEntry } from './calendar.type';

@Resolver(() => CalendarEntry)
export class CalendarEntryResolver {
  @FieldResolver(() => Assignment, { nullable: true, description: '任务分配：For TASK' })
  assignment(@Root() e: CalendarEntry, @Ctx() ctx: TasksContext) {
    return e.assignmentId ? ctx.loaders.assignment.load(e.assignmentId) : null;
  }

  @FieldResolver(() => Task, { nullable: true, description: '任务：For TASK' })
  task(@Root() e: CalendarEntry, @Ctx() ctx: TasksContext) {
    return e.taskId ? taskOf(ctx, e.taskId) : null;
  }

  @FieldResolver(() => Unit, { nullable: true, description: '下达方：For TASK' })
  issuer(@Root() e: CalendarEntry) {
    return e.issuerId ? unitRef(e.issuerId) : null;
  }
}
