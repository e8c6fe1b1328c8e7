/**
 * SQL for tasks. Reads take batches (one statement per batch, whatever its size); ids travel as
 * one int[] parameter.
 */
import { rowsOf, type Db, type Identity } from '@tiaokuai/platform';
import { sql } from 'drizzle-orm';
import { tasks } from '../../db/schema';
import { fileKey, type TaskRecord } from '../../domain/records';
import type { ScopeSpec } from '../../domain/validate-task';
import { intArray, ints } from '../shared/ids';

export const toTask = (r: typeof tasks.$inferSelect): TaskRecord => ({
  id: String(r.id),
  issuerId: String(r.issuerId),
  key: r.key,
  title: r.title,
  description: r.description,
  category: r.category,
  priority: r.priority,
  startsOn: r.startsOn,
  dueOn: r.dueOn,
  deliverable: r.deliverable,
  requiredItemId: r.requiredItemId == null ? null : String(r.requiredItemId),
  binding: r.binding,
  scope: r.scope,
  indicator: r.indicator,
  target: r.target,
  incompatibleWith: (r.incompatibleWith ?? []).map(String),
  createdAt: r.createdAt,
  createdBy: r.createdBy,
});

export async function tasksByIds(db: Db, ids: readonly string[]): Promise<TaskRecord[]> {
  if (ints(ids).length === 0) return [];
  return (
    await db
      .select()
      .from(tasks)
      .where(sql`${tasks.id} = any(${intArray(ids)})`)
  ).map(toTask);
}

export async function tasksByIssuerKeys(
  db: Db,
  pairs: ReadonlyArray<{ issuerId: string; key: string }>,
): Promise<TaskRecord[]> {
  if (pairs.length === 0) return [];
  const issuers = `{${pairs.map((p) => Number(p.issuerId)).join(',')}}`;
  const keys = JSON.stringify(pairs.map((p) => p.key));
  // A task issued without a key is known in files by `task-<id>` (interchange.service.ts).
  return (
    await db.select().from(tasks).where(sql`(${tasks.issuerId}, coalesce(${tasks.key}, 'task-' || ${tasks.id})) in (
    select * from unnest(${issuers}::int[], array(select jsonb_array_elements_text(${keys}::jsonb))))`)
  ).map((r) => ({ ...toTask(r), key: fileKey(r) }));
}

/** Every task's id (an export reads them all, then keeps those the caller may see). */
export async function allTaskIds(db: Db): Promise<string[]> {
  return (await rowsOf<{ id: number }>(db, sql`select id from tasks.tasks`)).map((r) => String(r.id));
}

/** What a new task is written with (its issuer resolved, its item by id). */
export interface NewTask {
  issuerId: string;
  key: string | null;
  title: string;
  description: string | null;
  category: TaskRecord['category'];
  priority: TaskRecord['priority'];
  startsOn: string;
  dueOn: string;
  deliverable: string | null;
  /** The item's id (a number, as stored). */
  requiredItemId: number | null;
  binding: boolean;
  indicator: string | null;
  target: number | null;
  scope: ScopeSpec | null;
}

/** Inserts a task; null when its key was taken by another request at the same moment (never overwritten). */
export async function insertTask(db: Db, t: NewTask, who: Identity): Promise<TaskRecord | null> {
  const [row] = await db
    .insert(tasks)
    .values({
      issuerId: Number(t.issuerId),
      key: t.key,
      title: t.title,
      description: t.description,
      category: t.category,
      priority: t.priority,
      startsOn: t.startsOn,
      dueOn: t.dueOn,
      deliverable: t.deliverable,
      requiredItemId: t.requiredItemId,
      binding: t.binding,
      indicator: t.indicator,
      target: t.target,
      scope: t.scope ? { unit: t.scope.unit, relation: t.scope.relation, kinds: t.scope.kinds } : null,
      createdBy: who.subject,
      requestId: who.requestId ?? null,
    })
    .onConflictDoNothing()
    .returning();
  return row ? toTask(row) : null;
}

export async function setIncompatibleWith(db: Db, taskId: string, ids: number[]): Promise<void> {
  await db
    .update(tasks)
    .set({ incompatibleWith: ids })
    .where(sql`${tasks.id} = ${Number(taskId)}`);
}

export async function count(db: Db, table: 'tasks' | 'assignments'): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, sql.raw(`select count(*)::int as n from tasks.${table}`));
  return Number(row?.n ?? 0);
}
