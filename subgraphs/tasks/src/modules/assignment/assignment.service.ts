/**
 * Assignments: what a unit was given, seen from the unit's side or the issuer's.
 *
 * Settling findings: a committee merges a duplicate pair (one assignment satisfies both) or
 * withdraws its own assignment. The assignment row stays, with its new status, and a
 * settlement records who did it and when; settled assignments are no longer reported.
 * Both refuse a stale version (optimistic concurrency) with CONFLICT.
 *
 * Progress reports (ARCHITECTURE.md "Tasks: progress, reports, calendar"): a unit (or a body that leads it:
 * reportsFor) reports status, progress, the indicator's value and a note on one of its assignments.
 * Optimistic concurrency: the report names the version it was based on; if the assignment changed since, it
 * is refused with CONFLICT naming the current version, never applied over the other change. Each accepted
 * report is kept in progress_reports (who, when, for which day).
 */
import {
  BadInputError,
  callerKey,
  checkWindow,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  requireRole,
  scopedTransaction,
  today,
  topics,
  type LiveChange,
} from '@tiaokuai/platform';
import { judgedOn } from '../../domain/authority';
import { applyReport, type ReportInput } from '../../domain/progress';
import { ACTIVE, type AssignmentRecord, type TaskRecord } from '../../domain/records';
import type { TasksContext } from '../../request';
import {
  assignmentsOfUnits,
  settleAssignment,
  settlementsOf,
  writeProgress,
  type SettlementEntry,
} from './assignment.store';

/** An assignment and its task, seen from the unit's side or the issuer's; NOT_FOUND on `field` otherwise. */
export async function visibleAssignment(
  ctx: TasksContext,
  id: string,
  field: string,
): Promise<{ a: AssignmentRecord; t: TaskRecord; issuerId: string }> {
  const a = await ctx.loaders.assignment.load(id);
  const t = a && (await ctx.loaders.task.load(a.taskId));
  if (!a || !t || !((await ctx.org.canSee(a.unitId)) || (await ctx.org.canSee(t.issuerId))))
    throw new NotFoundError(field, `未知任务分派：${id}`);
  return { a, t, issuerId: t.issuerId };
}

/**
 * An assignment by reference (federation): as for settling, the unit's side or the issuer's side sees it; else null.
 */
export async function assignmentReference(ctx: TasksContext, id: string): Promise<AssignmentRecord | null> {
  const a = await ctx.loaders.assignment.load(id);
  const t = a && (await ctx.loaders.task.load(a.taskId));
  return a && t && ((await ctx.org.canSee(a.unitId)) || (await ctx.org.canSee(t.issuerId))) ? a : null;
}

/** The assignment's relation and authority on `asOf` (default today) kept within its task's period. */
export async function judgedAssignment(ctx: TasksContext, a: AssignmentRecord, asOf: string | null) {
  const t = (await ctx.loaders.task.load(a.taskId))!;
  return ctx.loaders.authority.load({
    issuerId: t.issuerId,
    unitId: a.unitId,
    day: judgedOn(t, asOf ?? today()),
    binding: t.binding,
  });
}

/** Merges and withdrawals of an assignment, on record. */
export function settlementsOfAssignment(ctx: TasksContext, id: string) {
  return settlementsOf(ctx.db, [id]);
}

/** The window of `Unit.assignments`: [from, to] as given, by default this year; checked. */
export function assignmentWindow(from: string | null, to: string | null): { from: string; to: string } {
  const year = today().slice(0, 4);
  const f = from ?? `${year}-01-01`;
  const t = to ?? `${year}-12-31`;
  checkWindow(f, t);
  return { from: f, to: t };
}

/**
 * A unit's assignments (settled ones included) whose task period touches [from, to], by id; none
 * when the caller may not see the unit. Their tasks are primed into the request's loaders.
 */
export async function unitAssignments(
  ctx: TasksContext,
  unitId: string,
  from: string,
  to: string,
): Promise<AssignmentRecord[]> {
  if (!(await ctx.org.canSee(unitId))) return [];
  const rows = await assignmentsOfUnits(ctx.db, [unitId], from, to, false);
  for (const { a, t: task } of rows) {
    ctx.loaders.task.prime(task.id, task);
    ctx.loaders.assignment.prime(a.id, a);
  }
  return rows.map((r) => r.a);
}

/**
 * The unit a subscription names by code or by id (a code first), when the caller may see it;
 * else NOT_FOUND on `field` (out of sight reads as absent, as everywhere).
 */
export async function visibleUnitId(ctx: TasksContext, codeOrId: string, field: string): Promise<string> {
  const byCode = (await ctx.org.unitsByCode([codeOrId])).get(codeOrId);
  const id = byCode?.id ?? codeOrId;
  if (!(await ctx.org.canSee(id))) throw new NotFoundError(field, `未知单位：${codeOrId}`);
  return id;
}

/**
 * `assignmentIssued`: a live watch (platform's live.ts) of a unit's assignments over a window,
 * the list `Unit.assignments` answers, for the caller. READY first (a unit out of sight is
 * refused before, NOT_FOUND on `unit`); woken by tasks' writes (this process's own without
 * NATS, every replica's with it), it reads the list again with a fresh request context and
 * yields the assignments that appeared (by id). Subscribers with the same caller, unit and
 * window share one read per write.
 */
export async function watchUnitAssignments(
  ctx: TasksContext,
  unit: string,
  from: string | null,
  to: string | null,
): Promise<AsyncIterableIterator<UnitAssignmentsChange>> {
  const window = assignmentWindow(from, to);
  const unitId = await visibleUnitId(ctx, unit, 'unit');
  const it = await ctx.caches.live.watch<AssignmentRecord>({
    key: JSON.stringify(['assignmentIssued', callerKey(ctx.identity), unitId, window.from, window.to]),
    topics: [topics.written('tasks')],
    compute: () => unitAssignments(ctx.renew(), unitId, window.from, window.to),
    keyOf: (a) => a.id,
  });
  // Each change names the unit by id (the argument may be a code). A plain wrapper, not an async
  // generator: a disconnect's return() reaches the watch at once, not after the next change.
  const tagged: AsyncIterableIterator<UnitAssignmentsChange> = {
    next: async () => {
      const r = await it.next();
      return r.done ? { value: undefined, done: true } : { value: { ...r.value, unitId }, done: false };
    },
    return: async () => {
      await it.return?.();
      return { value: undefined, done: true };
    },
    throw: async (e?: unknown) => {
      await it.throw?.(e).catch(() => undefined);
      throw e;
    },
    [Symbol.asyncIterator]: () => tagged,
  };
  return tagged;
}

/** A live change of a unit's assignments, with the unit's id. */
export type UnitAssignmentsChange = LiveChange<AssignmentRecord> & { unitId: string };

async function settle(
  ctx: TasksContext,
  a: AssignmentRecord,
  version: number | null,
  field: string,
  change: { status: 'WITHDRAWN' | 'MERGED'; mergedInto?: string },
  record: SettlementEntry,
) {
  return scopedTransaction(ctx.db, ctx.org, ctx.identity, async (tx) => {
    const row = await settleAssignment(tx, a.id, version, change, record, ctx.identity);
    if (!row)
      throw new ConflictError(
        field,
        `任务分派 ${a.id} 已被他人修改或已处理（当前版本 ${a.version}，状态 ${a.status}）：请刷新后重试`,
      );
    return row;
  });
}

/** Withdraws an assignment: only the issuer's own committee (its jurisdiction holds the issuer). */
export async function withdrawAssignment(
  ctx: TasksContext,
  id: string,
  version: number | null,
  note: string | null,
): Promise<AssignmentRecord> {
  requireRole(ctx.identity, 'EDITOR', '撤回任务');
  const { a, issuerId } = await visibleAssignment(ctx, id, 'id');
  if (!(await ctx.org.canSee(issuerId)))
    throw new ForbiddenError('只有下达单位（或其上级）可以撤回自己的任务分派', { field: 'id' });
  if (!ACTIVE.includes(a.status)) throw new ConflictError('id', `任务分派 ${id} 已是 ${a.status}`);
  return settle(ctx, a, version, 'version', { status: 'WITHDRAWN' }, { kind: 'WITHDRAW', keptId: null, note });
}

/** Merges `merge` into `keep`: the kept assignment satisfies both; `merge` is kept as MERGED. */
export async function mergeAssignments(
  ctx: TasksContext,
  keep: string,
  merge: string,
  note: string | null,
): Promise<AssignmentRecord> {
  requireRole(ctx.identity, 'EDITOR', '合并任务');
  if (keep === merge) throw new BadInputError('merge', '不能与自身合并');
  const [k, m] = await Promise.all([visibleAssignment(ctx, keep, 'keep'), visibleAssignment(ctx, merge, 'merge')]);
  if (k.a.unitId !== m.a.unitId) throw new BadInputError('merge', '只能合并同一单位的两项任务分派');
  if (!ACTIVE.includes(k.a.status)) throw new ConflictError('keep', `任务分派 ${keep} 已是 ${k.a.status}`);
  if (!ACTIVE.includes(m.a.status)) throw new ConflictError('merge', `任务分派 ${merge} 已是 ${m.a.status}`);
  if (!(await ctx.org.canSee(m.a.unitId)) && !(await ctx.org.canSee(m.issuerId)))
    throw new ForbiddenError('无权合并该单位的任务', { field: 'merge' });
  return settle(ctx, m.a, null, 'merge', { status: 'MERGED', mergedInto: keep }, { kind: 'MERGE', keptId: keep, note });
}

/** A progress report as given: the assignment, the version it is based on, and what it reports. */
export interface ReportProgressRequest extends ReportInput {
  assignment: string;
  version: number;
}

export async function reportProgress(ctx: TasksContext, input: ReportProgressRequest): Promise<AssignmentRecord> {
  requireRole(ctx.identity, 'EDITOR', '报告进度');
  const { a, t } = await visibleAssignment(ctx, input.assignment, 'input.assignment');
  if (!(await reportsFor(ctx, a.unitId)))
    throw new ForbiddenError('进度由承担单位或领导它的党组织报告；下达单位、指导单位不能代报', {
      field: 'input.assignment',
    });
  const outcome = applyReport(a, input, t, today());
  if (!outcome.ok) {
    const [first] = outcome.problems;
    const extra = { problems: outcome.problems };
    if (outcome.code === 'CONFLICT') throw new ConflictError(first.path, first.message, extra);
    throw new BadInputError(first.path, first.message, extra);
  }
  if (a.version !== input.version) throw stale(a, input.version);
  const next = outcome.next;
  return scopedTransaction(ctx.db, ctx.org, ctx.identity, async (tx) => {
    const updated = await writeProgress(tx, a.id, input.version, next, ctx.identity);
    // Changed between our read and this write (another report, a merge, a withdrawal).
    if (!updated)
      throw new ConflictError('input.version', `任务分派 ${a.id} 刚被他人修改或已处理：请刷新后重试，未做任何更改`);
    ctx.loaders.assignment.clear(updated.id).prime(updated.id, updated);
    return updated;
  });
}

/**
 * Who reports for a unit: the unit itself, or a body that leads it today (directly or up the
 * chain: its organ party committee, the work committee), or the operator. A body that only
 * guides it, or only issued the task, does not: it would be reporting on someone else's work.
 */
async function reportsFor(ctx: TasksContext, unitId: string): Promise<boolean> {
  if (ctx.identity.hubAdmin) return true;
  if (!ctx.identity.body || !(await ctx.org.canSee(unitId))) return false;
  const body = (await ctx.org.unitsByCode([ctx.identity.body])).get(ctx.identity.body);
  if (!body) return false;
  if (body.id === unitId) return true;
  const { relation } = await ctx.loaders.authority.load({ issuerId: body.id, unitId, day: today(), binding: true });
  return relation === 'LEADS';
}

const stale = (a: AssignmentRecord, version: number) =>
  new ConflictError(
    'input.version',
    `任务分派 ${a.id} 已被修改（你依据的版本 ${version}，当前版本 ${a.version}）：请刷新后重试，未做任何更改`,
    { currentVersion: a.version },
  );
