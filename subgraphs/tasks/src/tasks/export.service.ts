/**
 * The interchange file's `requiredItems` and `tasks` as stored (exportTasks; docs/interchange.md "Round trip"), for
 * importTasks to restore into this hub or an empty one:
 *
 *   "requiredItems": [{ "owner"?, "code", "name", "kinds", "frequency", "description"?, "retiredOn"? }],
 *   "tasks": [{ "issuer", "key", "title", …, "requiredItem"?, "requiredItemOwner"?, "scope"?, "incompatibleWith"?,
 *               "assignments": [{ "unit" }, { "unit", "status": "WITHDRAWN" }, { "unit", "status": "MERGED", "into": { "issuer", "key" } }] }]
 *
 * Each task carries the units it reached when it was issued (`assignments`, domain/restore.ts),
 * not a scope to expand again; a task issued without a key is written as `task-<id>`. An item of
 * a body's list names its `owner` (the body's code; none: hub-wide; DOMAIN.md "Tasks (任务)"), and a task naming
 * such an item its `requiredItemOwner`, so the item is the same one after the trip. Progress
 * (IN_PROGRESS, DONE, reports) is not part of the file. Canonical order (items hub-wide first,
 * then by owner code, then code; tasks by issuer and key; assignments by unit code), so export →
 * import into an empty hub → export gives the same bytes.
 */
import { today } from '@tiaokuai/platform';
import type { TasksContext } from '../context';
import { assignmentsOfTasks, fileKey, requiredItemRows, tasksByIds } from './task.store';
import { sql } from 'drizzle-orm';

/**
 * The tasks issued by units the caller sees (by units in `scope` today, when given), and the whole
 * responsibility list.
 */
export async function exportTasks(ctx: TasksContext, scope: string | null): Promise<{ requiredItems: unknown[]; tasks: unknown[] }> {
  const rows = await requiredItemRows(ctx.db);
  const ids = (await ctx.database.rows<{ id: number }>(sql`select id from tasks.tasks`)).map((r) => String(r.id));
  const all = await tasksByIds(ctx.db, ids);
  const issuers = [...new Set(all.map((t) => t.issuerId))];
  const allowed = scope ? new Set((await ctx.org.scope(scope, today(), today())).members) : null;
  const keep = new Set(allowed ? issuers.filter((id) => allowed.has(id)) : await ctx.org.onlyVisible(issuers));
  const kept = all.filter((t) => keep.has(t.issuerId));
  const byId = new Map(all.map((t) => [t.id, t]));
  const assigned = await assignmentsOfTasks(ctx.db, kept.map((t) => t.id));
  const mergedInto = await assignmentsByIdsOf(ctx, assigned.map((a) => a.mergedInto).filter((x): x is string => !!x));
  const owners = rows.flatMap((i) => (i.ownerId ? [i.ownerId] : []));
  const named = await ctx.org.unitsById([...new Set([...all.map((t) => t.issuerId), ...assigned.map((a) => a.unitId), ...owners])]);
  const code = (id: string) => named.get(id)?.code ?? `#${id}`;
  const items = rows.map((i) => ({
    ...(i.ownerId ? { owner: code(i.ownerId) } : {}),
    code: i.code, name: i.name, kinds: i.kinds, frequency: i.frequency, ...(i.description ? { description: i.description } : {}), ...(i.retiredOn ? { retiredOn: i.retiredOn } : {}),
  })).sort((a, b) => (a.owner === undefined ? 0 : 1) - (b.owner === undefined ? 0 : 1) || (a.owner ?? '').localeCompare(b.owner ?? '') || a.code.localeCompare(b.code));
  // A task names its item by code and, for a body's list, the owner's code (importTasks' itemRef).
  const itemOf = new Map(rows.map((i) => [i.id, i.ownerId ? { requiredItem: i.code, requiredItemOwner: code(i.ownerId) } : { requiredItem: i.code }]));
  const ofTask = new Map<string, typeof assigned>();
  for (const a of assigned) ofTask.set(a.taskId, [...(ofTask.get(a.taskId) ?? []), a]);
  const ref = (taskId: string) => { const t = byId.get(taskId)!; return { issuer: code(t.issuerId), key: fileKey(t) }; };
  const tasks = kept.map((t) => ({
    issuer: code(t.issuerId), key: fileKey(t), title: t.title, ...(t.description ? { description: t.description } : {}),
    category: t.category, priority: t.priority, startsOn: t.startsOn, dueOn: t.dueOn,
    ...(t.deliverable ? { deliverable: t.deliverable } : {}), ...(t.requiredItemId ? itemOf.get(t.requiredItemId) : {}), binding: t.binding,
    ...(t.indicator ? { indicator: t.indicator } : {}), ...(t.target != null ? { target: t.target } : {}),
    ...(t.scope ? { scope: t.scope } : {}),
    ...(t.incompatibleWith.length ? { incompatibleWith: t.incompatibleWith.map((id) => (byId.get(id) ? fileKey(byId.get(id)!) : `task-${id}`)).sort() } : {}),
    assignments: (ofTask.get(t.id) ?? []).map((a) => ({
      unit: code(a.unitId),
      ...(a.status === 'WITHDRAWN' ? { status: 'WITHDRAWN' } : {}),
      ...(a.status === 'MERGED' && a.mergedInto && mergedInto.get(a.mergedInto) ? { status: 'MERGED', into: ref(mergedInto.get(a.mergedInto)!) } : {}),
    })).sort((a, b) => a.unit.localeCompare(b.unit)),
  })).sort((a, b) => a.issuer.localeCompare(b.issuer) || a.key.localeCompare(b.key));
  return { requiredItems: items, tasks };
}

/** The task of each assignment a merge went into (assignment id → task id). */
async function assignmentsByIdsOf(ctx: TasksContext, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.database.rows<{ id: number; task_id: number }>(sql`select id, task_id from tasks.assignments where id = any(${`{${ids.join(',')}}`}::int[])`);
  return new Map(rows.map((r) => [String(r.id), String(r.task_id)]));
}
