import { DateScalar, ImportReport, JSONScalar, NotFoundError, PageArgsType, selectsOnly, today } from '@tiaokuai/platform';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { TasksContext } from '../context';
import { judgedOn } from '../domain/authority';
import type { TaskFinding } from '../domain/types';
import { checkWindow, scopeFindingsPage, unitFindings } from '../tasks/findings.service';
import { importTasks, issueTask } from '../tasks/issue.service';
import { exportTasks } from '../tasks/export.service';
import { assignmentActivity } from '../tasks/activity.service';
import { mergeAssignments, withdrawAssignment } from '../tasks/settle.service';
import { assignmentsOfUnits, settlementsOf, type AssignmentRecord, type TaskRecord } from '../tasks/task.store';
import { checkPage, findingKey, findingSummary, NS, padId, pageOf } from '../tasks/pages';
import {
  ActivityQuestionInput, Assignment, AssignmentConnection, AuthorityEnum, IssuerRelationEnum, IssueTaskInput, RequiredItem, Settlement, Task, TaskConflict, TaskConflictConnection, Unit,
} from './types';

/** An entity by id alone: a unit (org resolves the rest), or a task or assignment when nothing else is asked of it. */
export const ref = (id: string) => ({ id });
export const unitRef = ref;

/** A task that must exist (an assignment's, a finding's): NOT_FOUND otherwise. */
export async function taskOf(ctx: TasksContext, id: string): Promise<TaskRecord> {
  const t = await ctx.loaders.task.load(id);
  if (!t) throw new NotFoundError('task', `任务 ${id} 不存在`);
  return t;
}
/** What a loadMany found: unknown ids (null) and failures left out. */
const found = async <T>(batch: Promise<Array<T | null | Error>>): Promise<T[]> => (await batch).filter((x): x is T => x != null && !(x instanceof Error));

/** A task the caller may see: it sees the issuer, or one of the units the task reached. */
export async function canSeeTask(ctx: TasksContext, t: TaskRecord): Promise<boolean> {
  if (await ctx.org.canSee(t.issuerId)) return true;
  const v = await ctx.org.visible();
  return !v.all && (await ctx.loaders.assignmentsOfTask.load(t.id)).some((a) => v.ids.has(a.unitId));
}

/** The assignment's relation and authority on `asOf` (default today) kept within its task's period. */
async function judged(ctx: TasksContext, a: AssignmentRecord, asOf: string | null) {
  const t = (await ctx.loaders.task.load(a.taskId))!;
  return ctx.loaders.authority.load({ issuerId: t.issuerId, unitId: a.unitId, day: judgedOn(t, asOf ?? today()), binding: t.binding });
}

const toConflict = (f: TaskFinding): TaskConflict => ({
  kind: f.kind, message: f.message, suggestion: f.suggestion, requiredItem: f.requiredItemCode ?? null, requiredItemOwnerId: f.requiredItemOwnerId ?? null,
  itemIds: f.itemIds ?? [], from: f.from ?? null, to: f.to ?? null,
  unitId: f.unitId, taskIds: f.taskIds, assignmentIds: f.assignmentIds, issuerIds: f.issuerIds,
});

/**
 * A page of findings (order: tasks/pages.ts) with the summary of them all. Only the page is
 * turned into GraphQL objects; the findings themselves live as long as the request.
 */
const conflictPage = (findings: readonly TaskFinding[], page: PageArgsType): TaskConflictConnection => ({
  ...pageOf(NS.taskConflicts, findings, findingKey, page, toConflict),
  summary: findingSummary(findings),
});

/** A page of assignments, by id. */
const assignmentPage = (rows: readonly AssignmentRecord[], page: PageArgsType): AssignmentConnection => pageOf(NS.assignments, rows, (a) => padId(a.id), page, (a) => a as unknown as Assignment);

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => Task, { nullable: true, description: 'A task by id (null when unknown or out of sight)' })
  async task(@Arg('id', () => ID) id: string, @Ctx() ctx: TasksContext) {
    const t = await ctx.loaders.task.load(id);
    return t && (await canSeeTask(ctx, t)) ? t : null;
  }

  @Query(() => TaskConflictConnection, { description: 'Task findings in a committee\'s scope (a unit code: its subtree and the units it leads or guides) over [from, to], a page at a time: by unit id, then kind, then what the finding is about (a finding keeps its key from one scan to the next); the pages that follow a first page\'s cursors are cut from that page\'s list, for the same caller and arguments, at most WALK_MAX_AGE_MS old (a walk); `summary` counts them all' })
  async taskConflicts(@Arg('scope') scope: string, @Arg('from', () => DateScalar) from: string, @Arg('to', () => DateScalar) to: string, @Args(() => PageArgsType) page: PageArgsType, @Ctx() ctx: TasksContext): Promise<TaskConflictConnection> {
    return scopeFindingsPage(ctx, scope, from, to, page, toConflict);
  }

  @Query(() => [Int], { description: 'For other subgraphs (the hub\'s operator only): for each question, how many assignments the issuer gave the unit whose task period overlaps [from, to], not withdrawn. In order' })
  assignmentActivity(@Arg('pairs', () => [ActivityQuestionInput]) pairs: ActivityQuestionInput[], @Ctx() ctx: TasksContext) {
    return assignmentActivity(ctx, pairs);
  }

  @Mutation(() => Task, { description: 'Issues a task to units (targets and/or a scope): all-or-nothing; idempotent by key; targets outside the issuer\'s reach are refused with FORBIDDEN' })
  issueTask(@Arg('input', () => IssueTaskInput) input: IssueTaskInput, @Ctx() ctx: TasksContext) {
    return issueTask(ctx, { ...input, scope: input.scope ? { ...input.scope } : null } as unknown as Record<string, unknown>);
  }

  @Query(() => JSONScalar, { description: 'The `requiredItems` and `tasks` sections of a tiaokuai/v1 document: every responsibility list (hub-wide and each owner\'s, `owner` its code), and the tasks issued by units you see (by units in `scope` today, when given), each with the units it reached (`assignments`) and its item (`requiredItem`, `requiredItemOwner`), for importTasks to restore' })
  exportTasks(@Arg('scope', () => String, { nullable: true }) scope: string | null, @Ctx() ctx: TasksContext) {
    return exportTasks(ctx, scope);
  }

  @Mutation(() => ImportReport, { description: 'Imports the requiredItems and tasks of a tiaokuai/v1 document: all-or-nothing, idempotent by each task\'s key' })
  importTasks(@Arg('document', () => JSONScalar) document: unknown, @Arg('dryRun', { defaultValue: false }) dryRun: boolean, @Ctx() ctx: TasksContext) {
    return importTasks(ctx, document, dryRun);
  }

  @FieldResolver(() => Unit)
  issuer(@Root() t: TaskRecord) { return unitRef(t.issuerId); }

  @FieldResolver(() => String, { nullable: true, description: 'Code of the responsibility-list item it fulfils (its owner: requiredItemOwner)' })
  async requiredItem(@Root() t: TaskRecord, @Ctx() ctx: TasksContext) {
    return t.requiredItemId ? (await ctx.loaders.requiredItem.load(t.requiredItemId))?.code ?? null : null;
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The owner of the item it fulfils; null for a hub-wide item or none' })
  async requiredItemOwner(@Root() t: TaskRecord, @Ctx() ctx: TasksContext) {
    const owner = t.requiredItemId ? (await ctx.loaders.requiredItem.load(t.requiredItemId))?.ownerId : null;
    return owner ? unitRef(owner) : null;
  }

  @FieldResolver(() => [Task], { description: 'Tasks the issuer declared incompatible with this one' })
  async incompatibleWith(@Root() t: TaskRecord, @Ctx() ctx: TasksContext) {
    return found(ctx.loaders.task.loadMany(t.incompatibleWith));
  }

  @FieldResolver(() => AssignmentConnection, { description: 'The units it reached (those the caller may see, unless the caller sees the issuer), a page at a time, by id' })
  async assignments(@Root() t: TaskRecord, @Args(() => PageArgsType) page: PageArgsType, @Ctx() ctx: TasksContext): Promise<AssignmentConnection> {
    checkPage(NS.assignments, page);
    const all = await ctx.loaders.assignmentsOfTask.load(t.id);
    if (await ctx.org.canSee(t.issuerId)) return assignmentPage(all, page);
    const v = await ctx.org.visible();
    return assignmentPage(v.all ? all : all.filter((a) => v.ids.has(a.unitId)), page);
  }
}

@Resolver(() => Assignment)
export class AssignmentResolver {
  @FieldResolver(() => Task)
  task(@Root() a: AssignmentRecord, @Ctx() ctx: TasksContext) { return taskOf(ctx, a.taskId); }

  @FieldResolver(() => Unit)
  unit(@Root() a: AssignmentRecord) { return unitRef(a.unitId); }

  @FieldResolver(() => AuthorityEnum, { description: 'From the issuer\'s relation to the unit (the org subgraph\'s answer) on asOf (default today), kept within the task\'s period' })
  async authority(@Root() a: AssignmentRecord, @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null, @Ctx() ctx: TasksContext) {
    return (await judged(ctx, a, asOf)).authority ?? 'ADVISORY';
  }

  @FieldResolver(() => IssuerRelationEnum, { description: 'How the issuer relates to the unit on asOf (default today), kept within the task\'s period' })
  async relation(@Root() a: AssignmentRecord, @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null, @Ctx() ctx: TasksContext) {
    return (await judged(ctx, a, asOf)).relation;
  }

  @FieldResolver(() => Assignment, { nullable: true, description: 'For MERGED: the assignment that satisfies this one' })
  mergedInto(@Root() a: AssignmentRecord, @Ctx() ctx: TasksContext) { return a.mergedInto ? ctx.loaders.assignment.load(a.mergedInto) : null; }

  @FieldResolver(() => [Settlement], { description: 'Merges and withdrawals of this assignment, on record' })
  async settlements(@Root() a: AssignmentRecord, @Ctx() ctx: TasksContext): Promise<Settlement[]> {
    return (await settlementsOf(ctx.db, [a.id])).map((s) => ({ kind: s.kind, note: s.note, by: s.bySubject, byBody: s.byBody, at: s.at.toISOString(), keptId: s.keptId }));
  }

  @Mutation(() => Assignment, { description: 'Withdraws one of the caller\'s own assignments (kept on record as WITHDRAWN); a stale version is refused with CONFLICT' })
  withdrawAssignment(@Arg('id', () => ID) id: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Arg('note', () => String, { nullable: true }) note: string | null, @Ctx() ctx: TasksContext) {
    return withdrawAssignment(ctx, id, version, note);
  }

  @Mutation(() => Assignment, { description: 'Settles a duplicate pair: `keep` satisfies both, `merge` is kept on record as MERGED into it' })
  mergeAssignments(@Arg('keep', () => ID) keep: string, @Arg('merge', () => ID) merge: string, @Arg('note', () => String, { nullable: true }) note: string | null, @Ctx() ctx: TasksContext) {
    return mergeAssignments(ctx, keep, merge, note);
  }
}

@Resolver(() => Settlement)
export class SettlementResolver {
  @FieldResolver(() => Assignment, { nullable: true, description: 'For MERGE: the assignment kept' })
  kept(@Root() s: Settlement, @Ctx() ctx: TasksContext) { return s.keptId ? ctx.loaders.assignment.load(s.keptId) : null; }
}

@Resolver(() => TaskConflict)
export class TaskConflictResolver {
  @FieldResolver(() => Unit)
  unit(@Root() f: TaskConflict) { return unitRef(f.unitId); }

  // A finding names tasks and assignments just read. When only their ids are asked (a
  // province scan names some 20,000), they are answered as references, at once: no statement,
  // no promise per finding.
  @FieldResolver(() => [Task], { description: 'The tasks concerned (empty for MISSING)' })
  tasks(@Root() f: TaskConflict, @Ctx() ctx: TasksContext, @Info() info: GraphQLResolveInfo) {
    return selectsOnly(info, ['id']) ? f.taskIds.map(ref) : found(ctx.loaders.task.loadMany(f.taskIds));
  }

  @FieldResolver(() => [Assignment], { description: 'The assignments concerned, the one to keep first' })
  assignments(@Root() f: TaskConflict, @Ctx() ctx: TasksContext, @Info() info: GraphQLResolveInfo) {
    return selectsOnly(info, ['id']) ? f.assignmentIds.map(ref) : found(ctx.loaders.assignment.loadMany(f.assignmentIds));
  }

  @FieldResolver(() => [Unit], { description: 'The issuers concerned (for MISSING: the unit\'s leaders, who should assign the item; for a list-level DUPLICATE: the two lists\' owners, the one to keep first)' })
  issuers(@Root() f: TaskConflict) { return f.issuerIds.map(unitRef); }

  @FieldResolver(() => Unit, { nullable: true, description: 'For MISSING: the owner of the item (null: hub-wide)' })
  requiredItemOwner(@Root() f: TaskConflict) { return f.requiredItemOwnerId ? unitRef(f.requiredItemOwnerId) : null; }

  @FieldResolver(() => [RequiredItem], { description: 'For a list-level DUPLICATE (two lists asking the same work of the unit): the two items, the one to keep first; empty otherwise' })
  items(@Root() f: TaskConflict, @Ctx() ctx: TasksContext) { return found(ctx.loaders.requiredItem.loadMany(f.itemIds)); }
}

@Resolver(() => Unit)
export class UnitResolver {
  @FieldResolver(() => AssignmentConnection, { description: 'Its assignments whose task period touches [from, to] (default: this year), a page at a time, by id; empty when out of sight' })
  async assignments(
    @Root() u: Unit, @Arg('from', () => DateScalar, { nullable: true }) from: string | null, @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
    @Args(() => PageArgsType) page: PageArgsType, @Ctx() ctx: TasksContext,
  ): Promise<AssignmentConnection> {
    const year = today().slice(0, 4);
    const f = from ?? `${year}-01-01`;
    const t = to ?? `${year}-12-31`;
    checkWindow(f, t);
    checkPage(NS.assignments, page);
    if (!(await ctx.org.canSee(u.id))) return assignmentPage([], page);
    const rows = await assignmentsOfUnits(ctx.db, [u.id], f, t, false);
    for (const { a, t: task } of rows) { ctx.loaders.task.prime(task.id, task); ctx.loaders.assignment.prime(a.id, a); }
    return assignmentPage(rows.map((r) => r.a), page);
  }

  @FieldResolver(() => TaskConflictConnection, { description: 'Its task findings over [from, to], a page at a time (the order of Query.taskConflicts); empty when out of sight' })
  async taskConflicts(@Root() u: Unit, @Arg('from', () => DateScalar) from: string, @Arg('to', () => DateScalar) to: string, @Args(() => PageArgsType) page: PageArgsType, @Ctx() ctx: TasksContext): Promise<TaskConflictConnection> {
    checkPage(NS.taskConflicts, page);
    return conflictPage((await unitFindings(ctx, u.id, from, to)) ?? [], page);
  }
}


