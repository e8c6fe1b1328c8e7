/**
 * Progress reports (ARCHITECTURE.md "Tasks: progress, reports, calendar"): a unit (or a body that leads it:
 * reportsFor) reports status, progress, the indicator's value and a note on one of its assignments.
 * Optimistic concurrency: the report names the version it was based on; if the assignment changed since, it
 * is refused with CONFLICT naming the current version, never applied over the other change. Each accepted
 * report is kept in progress_reports (who, when, for which day).
 */
import { BadInputError, ConflictError, ForbiddenError, requireRole, today, scopedTransaction } from '@tiaokuai/platform';
import { sql } from 'drizzle-orm';
import type { TasksContext } from '../context';
import { assignments, progressReports } from '../db/schema';
import { applyReport, type ReportInput } from '../domain/progress';
import { visibleAssignment } from './settle.service';
import { ACTIVE, toAssignment, type AssignmentRecord } from './task.store';

export interface ReportProgressInput extends ReportInput {
  assignment: string;
  version: number;
}

export async function reportProgress(ctx: TasksContext, input: ReportProgressInput): Promise<AssignmentRecord> {
  requireRole(ctx.identity, 'EDITOR', '报告进度');
  const { a, t } = await visibleAssignment(ctx, input.assignment, 'input.assignment');
  if (!(await reportsFor(ctx, a.unitId))) throw new ForbiddenError('进度由承担单位或领导它的党组织报告；下达单位、指导单位不能代报', { field: 'input.assignment' });
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
    const [row] = await tx.update(assignments)
      .set({
        status: next.status, progress: next.progress, value: next.value, note: next.note, doneOn: next.doneOn, reportedOn: next.on,
        version: sql`${assignments.version} + 1`, updatedAt: sql`now()`, updatedBy: ctx.identity.subject,
      })
      .where(sql`${assignments.id} = ${Number(a.id)} and ${assignments.version} = ${input.version} and ${assignments.status} in (${sql.join(ACTIVE.map((s) => sql`${s}`), sql`, `)})`)
      .returning();
    // Changed between our read and this write (another report, a merge, a withdrawal).
    if (!row) throw new ConflictError('input.version', `任务分派 ${a.id} 刚被他人修改或已处理：请刷新后重试，未做任何更改`);
    await tx.insert(progressReports).values({
      assignmentId: row.id, version: row.version, status: next.status, progress: next.progress, value: next.value, note: next.note, on: next.on,
      bySubject: ctx.identity.subject, byBody: ctx.identity.body, requestId: ctx.identity.requestId ?? null,
    });
    const updated = toAssignment(row);
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
  new ConflictError('input.version', `任务分派 ${a.id} 已被修改（你依据的版本 ${version}，当前版本 ${a.version}）：请刷新后重试，未做任何更改`, { currentVersion: a.version });
