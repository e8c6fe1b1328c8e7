/**
 * SQL for tasks, assignments, settlements and the responsibility list. Reads take batches
 * (one statement per batch, whatever its size); ids travel as one int[] parameter.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@tiaokuai/common';
import { assignments, requiredItems, settlements, tasks } from '../db/schema';
import type { RequiredItem, TaskCategory, TaskPriority } from '../domain/types';
import type { RequiredItemSpec } from '../domain/validate';

export interface TaskRecord {
  id: string;
  issuerId: string;
  key: string | null;
  title: string;
  description: string | null;
  category: TaskCategory;
  priority: TaskPriority;
  startsOn: string;
  dueOn: string;
  deliverable: string | null;
  requiredItem: string | null;
  binding: boolean;
  scope: unknown;
  incompatibleWith: string[];
  createdAt: Date;
  createdBy: string;
}

export type AssignmentStatus = 'ASSIGNED' | 'IN_PROGRESS' | 'DONE' | 'WITHDRAWN' | 'MERGED';
/** Withdrawn and merged assignments are settled: kept, never reported again. */
export const ACTIVE: AssignmentStatus[] = ['ASSIGNED', 'IN_PROGRESS', 'DONE'];

export interface AssignmentRecord {
  id: string;
  taskId: string;
  unitId: string;
  status: AssignmentStatus;
  progress: number;
  note: string | null;
  version: number;
  mergedInto: string | null;
  updatedAt: Date;
  updatedBy: string | null;
}

export const toTask = (r: typeof tasks.$inferSelect): TaskRecord => ({
  id: String(r.id), issuerId: String(r.issuerId), key: r.key, title: r.title, description: r.description, category: r.category,
  priority: r.priority, startsOn: r.startsOn, dueOn: r.dueOn, deliverable: r.deliverable, requiredItem: r.requiredItem,
  binding: r.binding, scope: r.scope, incompatibleWith: (r.incompatibleWith ?? []).map(String), createdAt: r.createdAt, createdBy: r.createdBy,
});

export const toAssignment = (r: typeof assignments.$inferSelect): AssignmentRecord => ({
  id: String(r.id), taskId: String(r.taskId), unitId: String(r.unitId), status: r.status, progress: r.progress, note: r.note,
  version: r.version, mergedInto: r.mergedInto == null ? null : String(r.mergedInto), updatedAt: r.updatedAt, updatedBy: r.updatedBy,
});

/** Ids that can name a row (PostgreSQL integers); anything else names nothing. */
export const ints = (ids: readonly string[]) => [...new Set(ids)].map(Number).filter((n) => Number.isSafeInteger(n) && n > 0 && n < 2 ** 31);
const intArray = (ids: readonly string[]) => sql.raw(`'{${ints(ids).join(',')}}'::int[]`);

export async function tasksByIds(db: Db, ids: readonly string[]): Promise<TaskRecord[]> {
  if (ints(ids).length === 0) return [];
  return (await db.select().from(tasks).where(sql`${tasks.id} = any(${intArray(ids)})`)).map(toTask);
}

export async function tasksByIssuerKeys(db: Db, pairs: ReadonlyArray<{ issuerId: string; key: string }>): Promise<TaskRecord[]> {
  if (pairs.length === 0) return [];
  const issuers = `{${pairs.map((p) => Number(p.issuerId)).join(',')}}`;
  const keys = JSON.stringify(pairs.map((p) => p.key));
  return (await db.select().from(tasks).where(sql`(${tasks.issuerId}, ${tasks.key}) in (
    select * from unnest(${issuers}::int[], array(select jsonb_array_elements_text(${keys}::jsonb))))`)).map(toTask);
}

export async function assignmentsByIds(db: Db, ids: readonly string[]): Promise<AssignmentRecord[]> {
  if (ints(ids).length === 0) return [];
  return (await db.select().from(assignments).where(sql`${assignments.id} = any(${intArray(ids)})`)).map(toAssignment);
}

export async function assignmentsOfTasks(db: Db, taskIds: readonly string[]): Promise<AssignmentRecord[]> {
  if (ints(taskIds).length === 0) return [];
  return (await db.select().from(assignments).where(sql`${assignments.taskId} = any(${intArray(taskIds)})`).orderBy(asc(assignments.id))).map(toAssignment);
}

/** One unit's (or many units') assignments whose task period touches [from, to], with their tasks. */
export async function assignmentsOfUnits(db: Db, unitIds: readonly string[], from: string, to: string, activeOnly: boolean): Promise<Array<{ a: AssignmentRecord; t: TaskRecord }>> {
  if (ints(unitIds).length === 0) return [];
  const rows = await db.select().from(assignments).innerJoin(tasks, eq(assignments.taskId, tasks.id))
    .where(and(
      sql`${assignments.unitId} = any(${intArray(unitIds)})`,
      sql`${tasks.startsOn} <= ${to} and ${tasks.dueOn} >= ${from}`,
      activeOnly ? inArray(assignments.status, ACTIVE) : undefined,
    ))
    .orderBy(asc(tasks.startsOn), asc(assignments.id));
  return rows.map((r) => ({ a: toAssignment(r.assignments), t: toTask(r.tasks) }));
}

export async function allRequiredItems(db: Db): Promise<RequiredItem[]> {
  return (await db.select().from(requiredItems).orderBy(asc(requiredItems.code))).map((r) => ({ code: r.code, name: r.name, kinds: r.kinds, frequency: r.frequency }));
}

export async function requiredItemRows(db: Db): Promise<Array<RequiredItemSpec>> {
  return (await db.select().from(requiredItems).orderBy(asc(requiredItems.code))).map((r) => ({ code: r.code, name: r.name, kinds: r.kinds, frequency: r.frequency, description: r.description }));
}

export async function upsertRequiredItem(db: Db, item: RequiredItemSpec): Promise<void> {
  await db.insert(requiredItems).values({ ...item }).onConflictDoUpdate({
    target: requiredItems.code,
    set: { name: item.name, kinds: item.kinds, frequency: item.frequency, description: item.description, updatedAt: sql`now()` },
  });
}

export async function settlementsOf(db: Db, assignmentIds: readonly string[]) {
  if (ints(assignmentIds).length === 0) return [];
  return (await db.select().from(settlements).where(sql`${settlements.assignmentId} = any(${intArray(assignmentIds)})`).orderBy(asc(settlements.id)))
    .map((r) => ({ ...r, id: String(r.id), assignmentId: String(r.assignmentId), keptId: r.keptId == null ? null : String(r.keptId) }));
}

export async function count(db: Db, table: 'tasks' | 'assignments'): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, sql.raw(`select count(*)::int as n from tasks.${table}`));
  return Number(row?.n ?? 0);
}
