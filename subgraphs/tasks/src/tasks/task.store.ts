/**
 * SQL for tasks, assignments, settlements and the responsibility list. Reads take batches
 * (one statement per batch, whatever its size); ids travel as one int[] parameter.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Db, type Identity } from '@tiaokuai/platform';
import { assignments, progressReports, requiredItemChanges, requiredItems, settlements, tasks } from '../db/schema';
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
  requiredItemId: string | null;
  binding: boolean;
  scope: unknown;
  indicator: string | null;
  target: number | null;
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
  value: number | null;
  doneOn: string | null;
  reportedOn: string | null;
  updatedAt: Date;
  updatedBy: string | null;
}

export const toTask = (r: typeof tasks.$inferSelect): TaskRecord => ({
  id: String(r.id), issuerId: String(r.issuerId), key: r.key, title: r.title, description: r.description, category: r.category,
  priority: r.priority, startsOn: r.startsOn, dueOn: r.dueOn, deliverable: r.deliverable, requiredItemId: r.requiredItemId == null ? null : String(r.requiredItemId),
  binding: r.binding, scope: r.scope, indicator: r.indicator, target: r.target, incompatibleWith: (r.incompatibleWith ?? []).map(String), createdAt: r.createdAt, createdBy: r.createdBy,
});

export const toAssignment = (r: typeof assignments.$inferSelect): AssignmentRecord => ({
  id: String(r.id), taskId: String(r.taskId), unitId: String(r.unitId), status: r.status, progress: r.progress, note: r.note,
  version: r.version, mergedInto: r.mergedInto == null ? null : String(r.mergedInto), value: r.value, doneOn: r.doneOn, reportedOn: r.reportedOn, updatedAt: r.updatedAt, updatedBy: r.updatedBy,
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
  // A task issued without a key is known in files by `task-<id>` (export.service.ts).
  return (await db.select().from(tasks).where(sql`(${tasks.issuerId}, coalesce(${tasks.key}, 'task-' || ${tasks.id})) in (
    select * from unnest(${issuers}::int[], array(select jsonb_array_elements_text(${keys}::jsonb))))`)).map((r) => ({ ...toTask(r), key: fileKey(r) }));
}

/** The key a file knows a task by: its own, or `task-<id>` for one issued without. */
export const fileKey = (t: { key: string | null; id: number | string }): string => t.key ?? `task-${t.id}`;

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

/** What the detectors need of a task (findings.service.ts), read once and shared by its assignments. */
export type TaskFacts = Pick<TaskRecord, 'id' | 'issuerId' | 'title' | 'category' | 'priority' | 'startsOn' | 'dueOn' | 'deliverable' | 'requiredItemId' | 'binding' | 'incompatibleWith'>;

/**
 * Assignments as columns (index i: one assignment, in no order): ids, task and unit ids as
 * numbers (so a scan looks 400,000 of them up and orders them without a string each), whether
 * each is active (settled ones, withdrawn or merged, are not), and their tasks by (numeric) id.
 */
export interface AssignmentRows {
  tasks: Map<number, TaskFacts>;
  ids: number[];
  taskIds: number[];
  unitIds: number[];
  active: boolean[];
}

/** Where a reader of tasks and assignments stands (migrations 0003, 0004): the revision, and the epoch TRUNCATE bumps. */
export interface RowRevision {
  epoch: string;
  n: number;
}

export async function rowRevision(db: Db): Promise<RowRevision> {
  const [row] = await rowsOf<{ epoch: string | number; n: string | number }>(db, sql`select epoch, n from tasks.revision where id = 1`);
  return { epoch: String(row?.epoch ?? 'none'), n: Number(row?.n ?? 0) };
}

/**
 * Every unit's assignments whose task period touches [from, to], with those tasks: without
 * `since`, the active assignments and every task of the period (a scan's whole read); with it,
 * only the assignments and tasks written after revision `since` (migration 0004), settled ones
 * included, so a reader holding the rest brings it up to date.
 *
 * Two statements (concurrent on PostgreSQL's pool), each answering ONE text value built by
 * the server, a line per row (free text as JSON literals): the technique of org's
 * unit.store.ts `bulk`. A province's scan reads 400,000 assignments; as joined rows decoded and
 * mapped one by one through drizzle (every task column repeated on every assignment, two Dates
 * a row) they cost seconds, most of it in garbage collection. No ORDER BY: sorting 400,000
 * rows cost the server more than the caller's sorting each unit's few dozen.
 */
export async function assignmentRows(db: Db, from: string, to: string, since?: number): Promise<AssignmentRows> {
  const out: AssignmentRows = { tasks: new Map(), ids: [], taskIds: [], unitIds: [], active: [] };
  const active = sql.raw(`a.status in (${ACTIVE.map((s) => `'${s}'`).join(', ')})`);
  const changed = (alias: 'a' | 't') => (since === undefined ? sql`true` : sql`${sql.raw(alias)}.revision > ${since}`);
  const [[a], [t]] = await Promise.all([
    rowsOf<{ a: string | null }>(db, sql`select string_agg(concat_ws(',', a.id, a.task_id, a.unit_id, (${active})::int), E'\n') as a
      from tasks.assignments a join tasks.tasks t on t.id = a.task_id
      where ${since === undefined ? active : changed('a')} and t.starts_on <= ${to} and t.due_on >= ${from}`),
    rowsOf<{ t: string | null }>(db, sql`select string_agg(concat_ws(E'\t', t.id, t.issuer_id, to_json(t.title)::text, t.category, t.priority,
        t.starts_on, t.due_on, coalesce(to_json(t.deliverable)::text, ''), coalesce(t.required_item_id::text, ''), t.binding,
        array_to_string(t.incompatible_with, ',')), E'\n') as t
      from tasks.tasks t where ${changed('t')} and t.starts_on <= ${to} and t.due_on >= ${from}`),
  ]);
  for (const line of t?.t ? t.t.split('\n') : []) {
    const [id, issuerId, title, category, priority, startsOn, dueOn, deliverable, requiredItemId, binding, incompatible] = line.split('\t');
    out.tasks.set(Number(id), {
      id, issuerId, title: JSON.parse(title) as string, category: category as TaskCategory, priority: priority as TaskPriority, startsOn, dueOn,
      deliverable: deliverable ? (JSON.parse(deliverable) as string) : null, requiredItemId: requiredItemId || null,
      binding: binding === 't' || binding === 'true', incompatibleWith: incompatible ? incompatible.split(',') : [],
    });
  }
  // By hand rather than split(): 400,000 lines would make as many arrays and strings.
  const text = a?.a ?? '';
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let id = 0;
    for (; text.charCodeAt(i) !== 44; i++) id = id * 10 + text.charCodeAt(i) - 48;
    let task = 0;
    for (i++; text.charCodeAt(i) !== 44; i++) task = task * 10 + text.charCodeAt(i) - 48;
    let unit = 0;
    for (i++; text.charCodeAt(i) !== 44; i++) unit = unit * 10 + text.charCodeAt(i) - 48;
    out.active.push(text.charCodeAt(++i) === 49); // '1'
    for (i++; i < n && text.charCodeAt(i) !== 10; i++);
    out.ids.push(id);
    out.taskIds.push(task);
    out.unitIds.push(unit);
  }
  return out;
}

export async function allRequiredItems(db: Db): Promise<RequiredItem[]> {
  return (await requiredItemRows(db)).map((r) => ({ id: r.id, ownerId: r.ownerId, code: r.code, name: r.name, kinds: r.kinds, frequency: r.frequency, retiredOn: r.retiredOn }));
}

/** An item as stored: its id, owner (an org unit id; null: hub-wide), what defines it, and its retirement. */
export type RequiredItemRow = Omit<RequiredItemSpec, 'owner'> & { id: string; ownerId: string | null; retiredOn: string | null };

export const toRequiredItemRow = (r: typeof requiredItems.$inferSelect): RequiredItemRow => ({
  id: String(r.id), ownerId: r.ownerId == null ? null : String(r.ownerId), code: r.code, name: r.name, kinds: r.kinds, frequency: r.frequency,
  description: r.description, retiredOn: r.retiredOn,
});

/** The lists as stored, retired items included (`retiredOn` set): hub-wide first, then by owner, then code. */
export async function requiredItemRows(db: Db): Promise<RequiredItemRow[]> {
  return (await db.select().from(requiredItems).orderBy(sql`${requiredItems.ownerId} nulls first`, asc(requiredItems.code))).map(toRequiredItemRow);
}

/**
 * Creates the item (owner, code) or changes it (and, with `reinstate`, clears its retirement), and
 * keeps the change. Written as a look-up then an insert or update: the unique key is on
 * coalesce(owner_id, 0) (migration 0005), which ON CONFLICT cannot name.
 */
export async function upsertRequiredItem(
  db: Db, ownerId: string | null, item: Omit<RequiredItemSpec, 'owner'>, who: Identity, operation: 'DEFINE' | 'IMPORT', reinstate: boolean,
): Promise<RequiredItemRow> {
  const owner = ownerId == null ? null : Number(ownerId);
  const fields = { name: item.name, kinds: item.kinds, frequency: item.frequency, description: item.description, ...(reinstate ? { retiredOn: null } : {}) };
  const [current] = await db.select({ id: requiredItems.id }).from(requiredItems)
    .where(and(owner == null ? sql`${requiredItems.ownerId} is null` : eq(requiredItems.ownerId, owner), eq(requiredItems.code, item.code)));
  const [row] = current
    ? await db.update(requiredItems).set({ ...fields, updatedAt: sql`now()` }).where(eq(requiredItems.id, current.id)).returning()
    : await db.insert(requiredItems).values({ ...fields, ownerId: owner, code: item.code }).returning();
  await recordItemChange(db, row, operation, who);
  return toRequiredItemRow(row);
}

/** Keeps a change of a responsibility list: the item as it now stands, who, when. */
export async function recordItemChange(db: Db, row: typeof requiredItems.$inferSelect, operation: 'DEFINE' | 'RETIRE' | 'IMPORT', who: Identity): Promise<void> {
  await db.insert(requiredItemChanges).values({
    itemId: row.id, code: row.code, operation, bySubject: who.subject, byBody: who.body, requestId: who.requestId ?? null,
    item: toRequiredItemRow(row),
  });
}

export async function progressReportsOf(db: Db, assignmentIds: readonly string[]) {
  if (ints(assignmentIds).length === 0) return [];
  return (await db.select().from(progressReports).where(sql`${progressReports.assignmentId} = any(${intArray(assignmentIds)})`).orderBy(asc(progressReports.id)))
    .map((r) => ({ ...r, id: String(r.id), assignmentId: String(r.assignmentId) }));
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
