/**
 * SQL of scans: every unit's assignments over some years as columns (finding/scan-cache.ts keeps
 * them), and the revision readers bring them up to date by.
 */
import { rowsOf, type Db } from '@tiaokuai/platform';
import { sql } from 'drizzle-orm';
import { ACTIVE, type AssignmentRows, type RowRevision } from '../../domain/records';
import type { TaskCategory, TaskPriority } from '../../domain/types';

export async function rowRevision(db: Db): Promise<RowRevision> {
  const [row] = await rowsOf<{ epoch: string | number; n: string | number }>(
    db,
    sql`select epoch, n from tasks.revision where id = 1`,
  );
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
    rowsOf<{ a: string | null }>(
      db,
      sql`select string_agg(concat_ws(',', a.id, a.task_id, a.unit_id, (${active})::int), E'\n') as a
      from tasks.assignments a join tasks.tasks t on t.id = a.task_id
      where ${since === undefined ? active : changed('a')} and t.starts_on <= ${to} and t.due_on >= ${from}`,
    ),
    rowsOf<{ t: string | null }>(
      db,
      sql`select string_agg(concat_ws(E'\t', t.id, t.issuer_id, to_json(t.title)::text, t.category, t.priority,
        t.starts_on, t.due_on, coalesce(to_json(t.deliverable)::text, ''), coalesce(t.required_item_id::text, ''), t.binding,
        array_to_string(t.incompatible_with, ',')), E'\n') as t
      from tasks.tasks t where ${changed('t')} and t.starts_on <= ${to} and t.due_on >= ${from}`,
    ),
  ]);
  for (const line of t?.t ? t.t.split('\n') : []) {
    const [
      id,
      issuerId,
      title,
      category,
      priority,
      startsOn,
      dueOn,
      deliverable,
      requiredItemId,
      binding,
      incompatible,
    ] = line.split('\t');
    out.tasks.set(Number(id), {
      id,
      issuerId,
      title: JSON.parse(title) as string,
      category: category as TaskCategory,
      priority: priority as TaskPriority,
      startsOn,
      dueOn,
      deliverable: deliverable ? (JSON.parse(deliverable) as string) : null,
      requiredItemId: requiredItemId || null,
      binding: binding === 't' || binding === 'true',
      incompatibleWith: incompatible ? incompatible.split(',') : [],
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
