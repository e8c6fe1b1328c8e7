/**
 * The interchange file's `requiredItems` and `tasks` as stored (exportTasks; docs/interchange.md "Round trip"), for
 * importTasks to restore into this hub or an empty one:
 *
 *   "requiredItems": [{ "owner"?, "code", "name", "kinds", "frequency", "description"?, "retiredOn"? }],
 *   "tasks": [{ "issuer", "key", "title", …, "requiredItem"?, "requiredItemOwner"?, "scope"?, "incompatibleWith"?,
 *               "assignments": [{ "unit" }, { "unit", "status": "WITHDRAWN" },
 *                               { "unit", "status": "MERGED", "into": { "issuer", "key" } }] }]
 *
 * Each task carries the units it reached when it was issued (`assignments`, domain/restore.ts),
 * not a scope to expand again; a task issued without a key is written as `task-<id>`. An item of
 * a body's list names its `owner` (the body's code; none: hub-wide; DOMAIN.md "Tasks (任务)"), and a task naming
 * such an item its `requiredItemOwner`, so the item is the same one after the trip. Progress
 * (IN_PROGRESS, DONE, reports) is not part of the file. Canonical order (items hub-wide first,
 * then by owner code, then code; tasks by issuer and key; assignments by unit code), so export →
 * import into an empty hub → export gives the same bytes.
 *
 * importTasks reads such a file back (the items, then the tasks through task.service.ts's plan
 * and write), all or nothing.
 */
import { emptyReport, requireRole, scopedTransaction, today, type Db, type ImportReport } from '@tiaokuai/platform';
import { isDay } from '@tiaokuai/leadership';
import { unknownTaskFields } from '../../domain/interchange-fields';
import { fileKey, type TaskRecord } from '../../domain/records';
import { recordedAssignments, recordedStatus } from '../../domain/restore';
import { itemRef } from '../../domain/validate';
import { validateRequiredItem, type RequiredItemSpec } from '../../domain/validate-required-item';
import { validateTask } from '../../domain/validate-task';
import type { TasksContext } from '../../request';
import {
  assignmentIdsOfTasks,
  assignmentsOfTasks,
  insertSettlement,
  setRecordedStatus,
  taskIdsOfAssignments,
} from '../assignment/assignment.store';
import { raiseOwnerProblems, resolveOwners } from '../responsibility-list/responsibility-list.service';
import { requiredItemRows, setRetiredOn, upsertRequiredItem } from '../responsibility-list/responsibility-list.store';
import { plan, raise, storedItemRefs, write, type Entry, type Plan } from '../task/task.service';
import { allTaskIds, tasksByIds, tasksByIssuerKeys } from '../task/task.store';

/**
 * The tasks issued by units the caller sees (by units in `scope` today, when given), and the whole
 * responsibility list.
 */
export async function exportTasks(
  ctx: TasksContext,
  scope: string | null,
): Promise<{ requiredItems: unknown[]; tasks: unknown[] }> {
  const rows = await requiredItemRows(ctx.db);
  const ids = await allTaskIds(ctx.db);
  const all = await tasksByIds(ctx.db, ids);
  const issuers = [...new Set(all.map((t) => t.issuerId))];
  const allowed = scope ? new Set((await ctx.org.scope(scope, today(), today())).members) : null;
  const keep = new Set(allowed ? issuers.filter((id) => allowed.has(id)) : await ctx.org.onlyVisible(issuers));
  const kept = all.filter((t) => keep.has(t.issuerId));
  const byId = new Map(all.map((t) => [t.id, t]));
  const assigned = await assignmentsOfTasks(
    ctx.db,
    kept.map((t) => t.id),
  );
  const mergedIds = assigned.map((a) => a.mergedInto).filter((x): x is string => !!x);
  const mergedInto = await taskIdsOfAssignments(ctx.db, mergedIds);
  const owners = rows.flatMap((i) => (i.ownerId ? [i.ownerId] : []));
  const named = await ctx.org.unitsById([
    ...new Set([...all.map((t) => t.issuerId), ...assigned.map((a) => a.unitId), ...owners]),
  ]);
  const code = (id: string) => named.get(id)?.code ?? `#${id}`;
  const items = rows
    .map((i) => ({
      ...(i.ownerId ? { owner: code(i.ownerId) } : {}),
      code: i.code,
      name: i.name,
      kinds: i.kinds,
      frequency: i.frequency,
      ...(i.description ? { description: i.description } : {}),
      ...(i.retiredOn ? { retiredOn: i.retiredOn } : {}),
    }))
    .sort(
      (a, b) =>
        (a.owner === undefined ? 0 : 1) - (b.owner === undefined ? 0 : 1) ||
        (a.owner ?? '').localeCompare(b.owner ?? '') ||
        a.code.localeCompare(b.code),
    );
  // A task names its item by code and, for a body's list, the owner's code (importTasks' itemRef).
  const itemOf = new Map(
    rows.map((i) => [
      i.id,
      i.ownerId ? { requiredItem: i.code, requiredItemOwner: code(i.ownerId) } : { requiredItem: i.code },
    ]),
  );
  const ofTask = new Map<string, typeof assigned>();
  for (const a of assigned) ofTask.set(a.taskId, [...(ofTask.get(a.taskId) ?? []), a]);
  const ref = (taskId: string) => {
    const t = byId.get(taskId)!;
    return { issuer: code(t.issuerId), key: fileKey(t) };
  };
  const tasks = kept
    .map((t) => ({
      issuer: code(t.issuerId),
      key: fileKey(t),
      title: t.title,
      ...(t.description ? { description: t.description } : {}),
      category: t.category,
      priority: t.priority,
      startsOn: t.startsOn,
      dueOn: t.dueOn,
      ...(t.deliverable ? { deliverable: t.deliverable } : {}),
      ...(t.requiredItemId ? itemOf.get(t.requiredItemId) : {}),
      binding: t.binding,
      ...(t.indicator ? { indicator: t.indicator } : {}),
      ...(t.target != null ? { target: t.target } : {}),
      ...(t.scope ? { scope: t.scope } : {}),
      ...(t.incompatibleWith.length
        ? {
            incompatibleWith: t.incompatibleWith
              .map((id) => (byId.get(id) ? fileKey(byId.get(id)!) : `task-${id}`))
              .sort(),
          }
        : {}),
      assignments: (ofTask.get(t.id) ?? [])
        .map((a) => ({
          unit: code(a.unitId),
          ...(a.status === 'WITHDRAWN' ? { status: 'WITHDRAWN' } : {}),
          ...(a.status === 'MERGED' && a.mergedInto && mergedInto.get(a.mergedInto)
            ? { status: 'MERGED', into: ref(mergedInto.get(a.mergedInto)!) }
            : {}),
        }))
        .sort((a, b) => a.unit.localeCompare(b.unit)),
    }))
    .sort((a, b) => a.issuer.localeCompare(b.issuer) || a.key.localeCompare(b.key));
  return { requiredItems: items, tasks };
}

/** What an import job (modules/import-job) follows of importTasks: none for a plain importTasks. */
export interface ImportHooks {
  /** How many of the file's tasks are written so far, as the commit goes. */
  progress?(done: number): void;
  /** Called once the file is checked and found good, before the commit's transaction opens. */
  beforeCommit?(report: ImportReport): Promise<void>;
  /** Called last inside the commit's transaction (a throw rolls the whole import back). */
  inCommit?(tx: Db, report: ImportReport): Promise<void>;
}

/** The file's `requiredItems` (each with its `owner`, or none: hub-wide) and `tasks` (CONTRACT.md), all or nothing. */
export async function importTasks(
  ctx: TasksContext,
  document: unknown,
  dryRun: boolean,
  hooks: ImportHooks = {},
): Promise<ImportReport> {
  requireRole(ctx.identity, 'EDITOR', '导入任务');
  const report: ImportReport = emptyReport(dryRun);
  const doc = document as Record<string, unknown> | null;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    return { ...report, problems: [{ path: '$', message: '应为 JSON 对象' }] };
  // Unknown fields (docs/interchange.md "Unknown fields are refused"): reported with every other problem.
  const unknown = unknownTaskFields(doc);
  if (doc.format !== 'tiaokuai/v1')
    report.problems.push({ path: 'format', message: `应为 "tiaokuai/v1"，实为 ${JSON.stringify(doc.format)}` });
  for (const section of ['requiredItems', 'tasks'] as const) {
    if (doc[section] !== undefined && !Array.isArray(doc[section]))
      report.problems.push({ path: section, message: '应为列表' });
  }
  report.problems.push(...unknown);
  if (report.problems.length > unknown.length) return report;

  const rows = await requiredItemRows(ctx.db);
  const itemIds = await storedItemRefs(ctx, rows);
  // Compared without retiredOn: a file without it leaves retirement alone (retireRequiredItem's);
  // one with it (a hub's export) must agree with the stored item, or creates the item retired.
  const retiredOf = new Map(rows.map((i) => [i.id, i.retiredOn]));
  const stored = new Map(rows.map(({ retiredOn: _retired, id, ownerId: _owner, ...i }) => [id, i]));
  /** New items the file gives retired (itemRef → retiredOn). */
  const retire = new Map<string, string>();
  const items: Array<{ spec: RequiredItemSpec; base: string }> = [];
  const itemPaths = new Map<string, string>();
  ((doc.requiredItems as unknown[] | undefined) ?? []).forEach((raw, i) => {
    const { retiredOn, ...rest } = (
      typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : { raw }
    ) as Record<string, unknown>;
    const { spec, problems } = validateRequiredItem(
      typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? rest : raw,
      `requiredItems[${i}]`,
    );
    report.problems.push(...problems);
    if (!spec) return;
    const ref = itemRef(spec.owner, spec.code);
    if (retiredOn !== undefined && retiredOn !== null) {
      const id = itemIds.get(ref);
      if (!isDay(retiredOn))
        report.problems.push({ path: `requiredItems[${i}].retiredOn`, message: `日期无效：${String(retiredOn)}` });
      else if (id && retiredOf.get(id) !== retiredOn)
        report.problems.push({
          path: `requiredItems[${i}].retiredOn`,
          message: `与已存的事项不同（${retiredOf.get(id) ? `已于 ${retiredOf.get(id)} 停用` : '未停用'}）：导入不改变停用（请用 retireRequiredItem / defineRequiredItem）`,
        });
      else if (!id) retire.set(ref, retiredOn);
    }
    if (itemPaths.has(ref)) {
      report.problems.push({
        path: `requiredItems[${i}].code`,
        message: `与 ${itemPaths.get(ref)} 重复：${spec.owner ? `${spec.owner} 的清单` : '全平台清单'}中的代码 ${spec.code} 出现两次`,
      });
    }
    itemPaths.set(ref, `requiredItems[${i}]`);
    items.push({ spec, base: `requiredItems[${i}]` });
  });
  if (items.some((i) => i.spec.owner)) requireRole(ctx.identity, 'EDITOR', '维护本单位的责任清单');
  const owners = await resolveOwners(
    ctx,
    items.map((i) => ({ owner: i.spec.owner, path: `${i.base}.owner` })),
  );
  if (owners.problems.some((p) => p.code === 'FORBIDDEN')) raiseOwnerProblems(owners.problems);
  report.problems.push(...owners.problems.map(({ path, message }) => ({ path, message })));
  const known = new Set([...itemIds.keys(), ...itemPaths.keys()]);
  const entries: Entry[] = [];
  ((doc.tasks as unknown[] | undefined) ?? []).forEach((raw, i) => {
    const split = recordedAssignments(raw, `tasks[${i}]`);
    report.problems.push(...split.problems);
    const { spec, problems } = validateTask(split.rest, `tasks[${i}]`, known);
    report.problems.push(...problems);
    if (spec && !spec.key)
      report.problems.push({
        path: `tasks[${i}].key`,
        message: '文件中的任务需要 key（再次导入时据此识别，不重复下达）',
      });
    else if (spec) entries.push({ spec, base: `tasks[${i}]`, recorded: split.assignments ?? undefined });
  });
  if (report.problems.length > 0) return report;

  const planned =
    entries.length > 0
      ? await plan(ctx, entries, itemIds)
      : { plans: [], problems: [], taskIds: new Map<string, string>() };
  if (planned.problems.some((p) => p.code === 'FORBIDDEN')) raise(planned.problems);
  if (planned.problems.length > 0)
    return { ...report, problems: planned.problems.map(({ path, message }) => ({ path, message })) };
  const settled = await recordedSettlements(ctx, planned.plans);
  if (settled.problems.length > 0) return { ...report, problems: settled.problems };

  const changed: Array<{ ownerId: string | null; spec: RequiredItemSpec }> = [];
  for (const { spec } of items) {
    const id = itemIds.get(itemRef(spec.owner, spec.code));
    const { owner: _owner, ...fields } = spec;
    if (!id) report.requiredItems.created++;
    else if (JSON.stringify(stored.get(id)) === JSON.stringify(fields)) {
      report.requiredItems.unchanged++;
      continue;
    } else report.requiredItems.updated++;
    changed.push({ ownerId: spec.owner ? owners.ids.get(spec.owner)! : null, spec });
  }
  for (const p of planned.plans) report.tasks[p.existing ? 'unchanged' : 'created']++;
  report.created = report.requiredItems.created + report.tasks.created;
  report.updated = report.requiredItems.updated;
  report.unchanged = report.requiredItems.unchanged + report.tasks.unchanged;
  report.ok = true;
  if (dryRun) return report;
  await hooks.beforeCommit?.(report);
  await scopedTransaction(ctx.db, ctx.org, ctx.identity, async (tx) => {
    const all = new Map(itemIds);
    for (const { ownerId, spec } of changed) {
      const ref = itemRef(spec.owner, spec.code);
      const row = await upsertRequiredItem(tx, ownerId, spec, ctx.identity, 'IMPORT', false);
      const on = retire.get(ref); // a new item the file gives retired (only new ones: checked above)
      if (on) await setRetiredOn(tx, row.id, on, ctx.identity); // kept as retireRequiredItem keeps it
      all.set(ref, row.id);
    }
    const written = await write(ctx, tx, planned.plans, planned.taskIds, all, hooks.progress);
    await settleRecorded(ctx, tx, planned.plans, written, settled.into);
    await hooks.inCommit?.(tx, report);
  });
  return report;
}

/**
 * Checks a file's recorded statuses against the stored assignments of the tasks it repeats (a
 * different status is refused naming it: a file never settles or reopens a stored assignment),
 * and finds the task each recorded merge went into (`issuer|key` → task id, stored or in the file).
 */
async function recordedSettlements(
  ctx: TasksContext,
  plans: Plan[],
): Promise<{ problems: Array<{ path: string; message: string }>; into: Map<string, string | null> }> {
  const problems: Array<{ path: string; message: string }> = [];
  const repeated = plans.filter((p) => p.recorded && p.existing);
  const stored = new Map<string, string>();
  for (const a of await assignmentsOfTasks(
    ctx.db,
    repeated.map((p) => p.existing!.id),
  ))
    stored.set(`${a.taskId}|${a.unitId}`, a.status);
  const merges = plans.flatMap((p) => (p.recorded ?? []).filter((a) => a.into).map((a) => a.into!));
  const codes = plans.some((p) => p.recorded)
    ? await ctx.org.unitsByCode([
        ...new Set([...merges.map((m) => m.issuer), ...plans.flatMap((p) => (p.recorded ?? []).map((a) => a.unit))]),
      ])
    : new Map();
  const into = new Map<string, string | null>();
  const inFile = new Set(plans.map((p) => `${p.issuerId}|${p.spec.key}`));
  const found = await tasksByIssuerKeys(
    ctx.db,
    merges.flatMap((m) => {
      const u = codes.get(m.issuer);
      return u ? [{ issuerId: u.id, key: m.key }] : [];
    }),
  );
  for (const t of found) into.set(`${t.issuerId}|${t.key}`, t.id);
  for (const p of plans) {
    (p.recorded ?? []).forEach((a, j) => {
      const path = `${p.base}.assignments[${j}]`;
      if (p.existing) {
        const unitId = codes.get(a.unit)?.id;
        const now = stored.get(`${p.existing.id}|${unitId}`);
        if (now && recordedStatus(now) !== a.status)
          problems.push({
            path: `${path}.status`,
            message: `与已存的分派不同（现为 ${now}）：导入不改变已存分派的状态`,
          });
      }
      if (a.into) {
        const u = codes.get(a.into.issuer);
        const k = u ? `${u.id}|${a.into.key}` : '';
        if (!into.has(k) && !inFile.has(k))
          problems.push({ path: `${path}.into`, message: `没有 ${a.into.issuer} 的 key 为「${a.into.key}」的任务` });
        else if (!into.has(k)) into.set(k, null); // written with this file
      }
    });
  }
  return { problems, into };
}

/**
 * Gives the assignments of the recorded tasks written now their recorded status, each with its
 * settlement kept as withdrawAssignment and mergeAssignments keep theirs.
 */
async function settleRecorded(
  ctx: TasksContext,
  tx: Db,
  plans: Plan[],
  written: TaskRecord[],
  into: Map<string, string | null>,
): Promise<void> {
  const fresh = plans
    .map((p, i) => ({ p, t: written[i] }))
    .filter(({ p }) => p.recorded && !p.existing && p.recorded.some((a) => a.status !== 'ACTIVE'));
  if (fresh.length === 0) return;
  for (const { p, t } of plans.map((p, i) => ({ p, t: written[i] })))
    if (p.spec.key) into.set(`${p.issuerId}|${p.spec.key}`, t.id);
  const codes = await ctx.org.unitsByCode([
    ...new Set(fresh.flatMap(({ p }) => p.recorded!.flatMap((a) => [a.unit, ...(a.into ? [a.into.issuer] : [])]))),
  ]);
  const taskIds = [...new Set([...fresh.map(({ t }) => t.id), ...[...into.values()].filter((x): x is string => !!x)])];
  const idOf = await assignmentIdsOfTasks(tx, taskIds);
  for (const { p, t } of fresh) {
    for (const a of p.recorded!) {
      if (a.status === 'ACTIVE') continue;
      const unitId = codes.get(a.unit)!.id;
      const id = idOf.get(`${t.id}|${unitId}`)!;
      const kept = a.into
        ? (idOf.get(`${into.get(`${codes.get(a.into.issuer)!.id}|${a.into.key}`)}|${unitId}`) ?? null)
        : null;
      await setRecordedStatus(tx, id, a.status, kept, ctx.identity);
      const kind = a.status === 'MERGED' ? 'MERGE' : 'WITHDRAW';
      await insertSettlement(tx, id, { kind, keptId: kept, note: '自导出文件恢复' }, ctx.identity);
    }
  }
}
