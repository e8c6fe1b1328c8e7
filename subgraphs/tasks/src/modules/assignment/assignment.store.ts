/**
 * SQL for assignments, their progress reports and their settlements (merges, withdrawals).
 * Reads take batches (one statement per batch, whatever its size); ids travel as one int[]
 * parameter.
 */
import { rowsOf, type Db, type Identity } from '@tiaokuai/platform';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { assignments, progressReports, settlements, tasks } from '../../db/schema';
import type { ReportedState } from '../../domain/progress';
import { ACTIVE, type AssignmentRecord, type TaskRecord } from '../../domain/records';
import { intArray, ints } from '../shared/ids';
import { toTask } from '../task/task.store';

export const toAssignment = (r: typeof assignments.$inferSelect): AssignmentRecord => ({
  id: String(r.id),
  taskId: String(r.taskId),
  unitId: String(r.unitId),
  status: r.status,
  progress: r.progress,
  note: r.note,
  version: r.version,
  mergedInto: r.mergedInto == null ? null : String(r.mergedInto),
  value: r.value,
  doneOn: r.doneOn,
  reportedOn: r.reportedOn,
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy,
});

export async function assignmentsByIds(db: Db, ids: readonly string[]): Promise<AssignmentRecord[]> {
  if (ints(ids).length === 0) return [];
  return (
    await db
      .select()
      .from(assignments)
      .where(sql`${assignments.id} = any(${intArray(ids)})`)
  ).map(toAssignment);
}

export async function assignmentsOfTasks(db: Db, taskIds: readonly string[]): Promise<AssignmentRecord[]> {
  if (ints(taskIds).length === 0) return [];
  return (
    await db
      .select()
      .from(assignments)
      .where(sql`${assignments.taskId} = any(${intArray(taskIds)})`)
      .orderBy(asc(assignments.id))
  ).map(toAssignment);
}

/** One unit's (or many units') assignments whose task period touches [from, to], with their tasks. */
export async function assignmentsOfUnits(
  db: Db,
  unitIds: readonly string[],
  from: string,
  to: string,
  activeOnly: boolean,
): Promise<Array<{ a: AssignmentRecord; t: TaskRecord }>> {
  if (ints(unitIds).length === 0) return [];
  const rows = await db
    .select()
    .from(assignments)
    .innerJoin(tasks, eq(assignments.taskId, tasks.id))
    .where(
      and(
        sql`${assignments.unitId} = any(${intArray(unitIds)})`,
        sql`${tasks.startsOn} <= ${to} and ${tasks.dueOn} >= ${from}`,
        activeOnly ? inArray(assignments.status, ACTIVE) : undefined,
      ),
    )
    .orderBy(asc(tasks.startsOn), asc(assignments.id));
  return rows.map((r) => ({ a: toAssignment(r.assignments), t: toTask(r.tasks) }));
}

/** The task of each assignment named (assignment id → task id). */
export async function taskIdsOfAssignments(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await rowsOf<{ id: number; task_id: number }>(
    db,
    sql`select id, task_id from tasks.assignments where id = any(${`{${ids.join(',')}}`}::int[])`,
  );
  return new Map(rows.map((r) => [String(r.id), String(r.task_id)]));
}

/** The assignments of these tasks by `taskId|unitId` (numeric ids, as stored). */
export async function assignmentIdsOfTasks(db: Db, taskIds: string[]): Promise<Map<string, number>> {
  const rows = await db
    .select()
    .from(assignments)
    .where(sql`${assignments.taskId} = any(${`{${taskIds.join(',')}}`}::int[])`);
  return new Map(rows.map((r) => [`${r.taskId}|${r.unitId}`, r.id]));
}

/** A new task's assignments, 10,000 a statement. */
export async function insertAssignments(
  db: Db,
  taskId: string,
  unitIds: readonly string[],
  who: Identity,
): Promise<void> {
  for (let i = 0; i < unitIds.length; i += 10_000) {
    const rows = unitIds
      .slice(i, i + 10_000)
      .map((u) => ({ taskId: Number(taskId), unitId: Number(u), updatedBy: who.subject }));
    await db.insert(assignments).values(rows);
  }
}

export type ProgressReportRecord = Awaited<ReturnType<typeof progressReportsOf>>[number];

export async function progressReportsOf(db: Db, assignmentIds: readonly string[]) {
  if (ints(assignmentIds).length === 0) return [];
  return (
    await db
      .select()
      .from(progressReports)
      .where(sql`${progressReports.assignmentId} = any(${intArray(assignmentIds)})`)
      .orderBy(asc(progressReports.id))
  ).map((r) => ({ ...r, id: String(r.id), assignmentId: String(r.assignmentId) }));
}

export async function settlementsOf(db: Db, assignmentIds: readonly string[]) {
  if (ints(assignmentIds).length === 0) return [];
  return (
    await db
      .select()
      .from(settlements)
      .where(sql`${settlements.assignmentId} = any(${intArray(assignmentIds)})`)
      .orderBy(asc(settlements.id))
  ).map((r) => ({
    ...r,
    id: String(r.id),
    assignmentId: String(r.assignmentId),
    keptId: r.keptId == null ? null : String(r.keptId),
  }));
}

/**
 * Applies a progress report to an active assignment still at `version`, and keeps the report.
 * Null when the assignment changed since (another report, a merge, a withdrawal): nothing written.
 */
export async function writeProgress(
  db: Db,
  assignmentId: string,
  version: number,
  next: ReportedState,
  who: Identity,
): Promise<AssignmentRecord | null> {
  const [row] = await db
    .update(assignments)
    .set({
      status: next.status,
      progress: next.progress,
      value: next.value,
      note: next.note,
      doneOn: next.doneOn,
      reportedOn: next.on,
      version: sql`${assignments.version} + 1`,
      updatedAt: sql`now()`,
      updatedBy: who.subject,
    })
    .where(
      sql`${assignments.id} = ${Number(assignmentId)} and ${assignments.version} = ${version}
      and ${assignments.status} in (${sql.join(
        ACTIVE.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    )
    .returning();
  if (!row) return null;
  await db.insert(progressReports).values({
    assignmentId: row.id,
    version: row.version,
    status: next.status,
    progress: next.progress,
    value: next.value,
    note: next.note,
    on: next.on,
    bySubject: who.subject,
    byBody: who.body,
    requestId: who.requestId ?? null,
  });
  return toAssignment(row);
}

/** A settlement as kept: merge or withdrawal, the kept assignment of a merge, a note. */
export interface SettlementEntry {
  kind: 'MERGE' | 'WITHDRAW';
  keptId: string | number | null;
  note: string | null;
}

export async function insertSettlement(db: Db, assignmentId: number, s: SettlementEntry, who: Identity): Promise<void> {
  await db.insert(settlements).values({
    kind: s.kind,
    assignmentId,
    keptId: s.keptId == null ? null : Number(s.keptId),
    note: s.note,
    bySubject: who.subject,
    byBody: who.body,
    requestId: who.requestId ?? null,
  });
}

/**
 * Settles an active assignment (optionally only at `version`): its new status, a new version,
 * and the settlement kept. Null when it was changed or settled meanwhile: nothing written.
 */
export async function settleAssignment(
  db: Db,
  id: string,
  version: number | null,
  change: { status: 'WITHDRAWN' | 'MERGED'; mergedInto?: string },
  record: SettlementEntry,
  who: Identity,
): Promise<AssignmentRecord | null> {
  const [row] = await db
    .update(assignments)
    .set({
      status: change.status,
      mergedInto: change.mergedInto ? Number(change.mergedInto) : null,
      version: sql`${assignments.version} + 1`,
      updatedAt: sql`now()`,
      updatedBy: who.subject,
    })
    .where(
      sql`${assignments.id} = ${Number(id)} and ${assignments.status} in ('ASSIGNED', 'IN_PROGRESS', 'DONE')${version == null ? sql`` : sql` and ${assignments.version} = ${version}`}`,
    )
    .returning();
  if (!row) return null;
  await insertSettlement(db, Number(id), record, who);
  return toAssignment(row);
}

/** Gives a just-written assignment the status a file recorded (no version bump: as importTasks always did). */
export async function setRecordedStatus(
  db: Db,
  id: number,
  status: 'WITHDRAWN' | 'MERGED',
  mergedInto: number | null,
  who: Identity,
): Promise<void> {
  await db
    .update(assignments)
    .set({ status, mergedInto, updatedBy: who.subject })
    .where(sql`${assignments.id} = ${id}`);
}
