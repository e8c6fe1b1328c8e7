/**
 * Settling findings: a committee merges a duplicate pair (one assignment satisfies both) or
 * withdraws its own assignment. The assignment row stays, with its new status, and a
 * settlement records who did it and when; settled assignments are no longer reported.
 * Both refuse a stale version (optimistic concurrency) with CONFLICT.
 */
import { BadInputError, ConflictError, ForbiddenError, NotFoundError, requireRole, scopedTransaction } from '@tiaokuai/platform';
import { sql } from 'drizzle-orm';
import type { TasksContext } from '../context';
import { assignments, settlements } from '../db/schema';
import { ACTIVE, toAssignment, type AssignmentRecord, type TaskRecord } from './task.store';

/** An assignment and its task, seen from the unit's side or the issuer's; NOT_FOUND on `field` otherwise. */
export async function visibleAssignment(ctx: TasksContext, id: string, field: string): Promise<{ a: AssignmentRecord; t: TaskRecord; issuerId: string }> {
  const a = await ctx.loaders.assignment.load(id);
  const t = a && (await ctx.loaders.task.load(a.taskId));
  if (!a || !t || !((await ctx.org.canSee(a.unitId)) || (await ctx.org.canSee(t.issuerId)))) throw new NotFoundError(field, `未知任务分派：${id}`);
  return { a, t, issuerId: t.issuerId };
}

async function settle(ctx: TasksContext, a: AssignmentRecord, version: number | null, field: string, change: { status: 'WITHDRAWN' | 'MERGED'; mergedInto?: string }, record: { kind: 'MERGE' | 'WITHDRAW'; keptId?: string; note: string | null }) {
  return scopedTransaction(ctx.db, ctx.org, ctx.identity, async (tx) => {
    const [row] = await tx.update(assignments)
      .set({ status: change.status, mergedInto: change.mergedInto ? Number(change.mergedInto) : null, version: sql`${assignments.version} + 1`, updatedAt: sql`now()`, updatedBy: ctx.identity.subject })
      .where(sql`${assignments.id} = ${Number(a.id)} and ${assignments.status} in ('ASSIGNED', 'IN_PROGRESS', 'DONE')${version == null ? sql`` : sql` and ${assignments.version} = ${version}`}`)
      .returning();
    if (!row) throw new ConflictError(field, `任务分派 ${a.id} 已被他人修改或已处理（当前版本 ${a.version}，状态 ${a.status}）：请刷新后重试`);
    await tx.insert(settlements).values({
      kind: record.kind, assignmentId: Number(a.id), keptId: record.keptId ? Number(record.keptId) : null, note: record.note,
      bySubject: ctx.identity.subject, byBody: ctx.identity.body, requestId: ctx.identity.requestId ?? null,
    });
    return toAssignment(row);
  });
}

/** Withdraws an assignment: only the issuer's own committee (its jurisdiction holds the issuer). */
export async function withdrawAssignment(ctx: TasksContext, id: string, version: number | null, note: string | null): Promise<AssignmentRecord> {
  requireRole(ctx.identity, 'EDITOR', '撤回任务');
  const { a, issuerId } = await visibleAssignment(ctx, id, 'id');
  if (!(await ctx.org.canSee(issuerId))) throw new ForbiddenError('只有下达单位（或其上级）可以撤回自己的任务分派', { field: 'id' });
  if (!ACTIVE.includes(a.status)) throw new ConflictError('id', `任务分派 ${id} 已是 ${a.status}`);
  return settle(ctx, a, version, 'version', { status: 'WITHDRAWN' }, { kind: 'WITHDRAW', note });
}

/** Merges `merge` into `keep`: the kept assignment satisfies both; `merge` is kept as MERGED. */
export async function mergeAssignments(ctx: TasksContext, keep: string, merge: string, note: string | null): Promise<AssignmentRecord> {
  requireRole(ctx.identity, 'EDITOR', '合并任务');
  if (keep === merge) throw new BadInputError('merge', '不能与自身合并');
  const [k, m] = await Promise.all([visibleAssignment(ctx, keep, 'keep'), visibleAssignment(ctx, merge, 'merge')]);
  if (k.a.unitId !== m.a.unitId) throw new BadInputError('merge', '只能合并同一单位的两项任务分派');
  if (!ACTIVE.includes(k.a.status)) throw new ConflictError('keep', `任务分派 ${keep} 已是 ${k.a.status}`);
  if (!ACTIVE.includes(m.a.status)) throw new ConflictError('merge', `任务分派 ${merge} 已是 ${m.a.status}`);
  if (!(await ctx.org.canSee(m.a.unitId)) && !(await ctx.org.canSee(m.issuerId))) throw new ForbiddenError('无权合并该单位的任务', { field: 'merge' });
  return settle(ctx, m.a, null, 'merge', { status: 'MERGED', mergedInto: keep }, { kind: 'MERGE', keptId: keep, note });
}
