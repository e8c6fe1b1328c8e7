/**
 * Issuing tasks (`issueTask`, and `importTasks` through interchange.service.ts): validate,
 * resolve codes with org, expand scopes, check every target is within the issuer's reach
 * (authority.ts, on the task's first day), then write the task and its assignments in one
 * transaction. All-or-nothing; idempotent by the issuer's key (the same task again changes
 * nothing; a different task under a used key is a CONFLICT, never an overwrite).
 *
 * Round trip (docs/interchange.md "Round trip"): a stored task given again unchanged is neither
 * expanded nor judged again; a task with recorded `assignments` (exportTasks writes them) keeps
 * exactly those units and their settled status, and units today's org puts out of the issuer's
 * reach are restored by a caller who may restore (platform's mayRestore), FORBIDDEN for others.
 */
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  mayRestore,
  NotFoundError,
  outOfReach,
  requireRole,
  RESTORE_NEEDS_ADMIN,
  type Db,
  scopedTransaction,
} from '@tiaokuai/platform';
import { canonicalJson } from '@tiaokuai/leadership';
import { AuthorityIndex } from '../../domain/authority';
import type { RequiredItemRow, TaskRecord } from '../../domain/records';
import type { RecordedAssignment } from '../../domain/restore';
import { itemRef, type Problem } from '../../domain/validate';
import { validateTask, type TaskSpec } from '../../domain/validate-task';
import type { TasksContext } from '../../request';
import { assignmentsOfTasks, insertAssignments } from '../assignment/assignment.store';
import { requiredItemRows } from '../responsibility-list/responsibility-list.store';
import { insertTask, setIncompatibleWith, tasksByIssuerKeys } from './task.store';

export type ProblemCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT';
export interface CodedProblem extends Problem {
  code: ProblemCode;
  /** For FORBIDDEN: the unit codes out of the issuer's reach. */
  units?: string[];
}

export interface Plan {
  spec: TaskSpec;
  base: string;
  issuerId: string;
  targetIds: string[];
  /** Target codes that name no unit (callers other than the operator): refused with those out of reach. */
  unknownTargets: string[];
  existing: TaskRecord | null;
  /** The assignments a hub's export recorded (domain/restore.ts): a task accepted at the time. */
  recorded?: RecordedAssignment[];
  /** The stored item the task names (itemRef → id), 'new' for an item the same file defines, null for none. */
  requiredItemId: string | null;
}

export interface Entry {
  spec: TaskSpec;
  base: string;
  recorded?: RecordedAssignment[];
}

/**
 * A unit the task names as its issuer or scope that the caller may not see, or that does not
 * exist: the operator learns which (NOT_FOUND), anyone else gets platform's `outOfReach`'s one
 * FORBIDDEN for both (ARCHITECTURE.md, "What callers may learn").
 */
function unreachable(ctx: TasksContext, path: string, code: string): CodedProblem {
  if (ctx.identity.hubAdmin) return { path, message: `未知单位代码：${code}`, code: 'NOT_FOUND' };
  return { path, message: outOfReach(ctx.identity, path, code).message, code: 'FORBIDDEN' };
}

/**
 * Resolves, expands and checks specs against org; problems instead of exceptions, so a file
 * lists them all. `taskIds`: the stored tasks named by the specs' keys and incompatibleWith
 * (`issuerId|key` → id), for the write.
 */
export async function plan(
  ctx: TasksContext,
  entries: Entry[],
  itemIds: ReadonlyMap<string, string>,
): Promise<{ plans: Plan[]; problems: CodedProblem[]; taskIds: Map<string, string> }> {
  const problems: CodedProblem[] = [];
  const codes = new Set<string>();
  for (const { spec, recorded } of entries) {
    codes.add(spec.issuer);
    for (const a of recorded ?? []) if (a.into) codes.add(a.into.issuer);
    for (const t of spec.targets) codes.add(t);
    if (spec.scope) codes.add(spec.scope.unit);
  }
  const units = await ctx.org.unitsByCode([...codes]);
  const visible = await ctx.org.visible();
  const sees = (id: string) => visible.all || visible.ids.has(id);
  const plans: Plan[] = [];
  // A task stored under its key and given again unchanged was judged when it was issued: it is
  // neither expanded nor judged again, so a file re-imports whatever org learnt since (a
  // transfer entered late, a link ended earlier: docs/interchange.md "Round trip").
  const storedUnchanged = await unchangedStoredTasks(ctx, entries, units, itemIds);
  // Tasks of one file often share a scope and a first day: org is asked once for each.
  const scopes = new Map<string, ReturnType<typeof ctx.org.timelines>>();
  for (const { spec, base, recorded } of entries) {
    const issuer = units.get(spec.issuer);
    // Unknown and out of sight answer alike: the caller learns nothing about other bodies.
    if (!issuer || !sees(issuer.id)) {
      problems.push(unreachable(ctx, `${base}.issuer`, spec.issuer));
      continue;
    }
    const same = storedUnchanged.get(base);
    if (same) {
      plans.push({
        spec,
        base,
        issuerId: issuer.id,
        targetIds: same.targetIds,
        unknownTargets: [],
        existing: same.task,
        recorded,
        requiredItemId: itemIdOf(spec, itemIds),
      });
      continue;
    }
    const targetIds: string[] = [];
    const unknownTargets: string[] = [];
    spec.targets.forEach((code, i) => {
      const u = units.get(code);
      if (u) targetIds.push(u.id);
      // For anyone but the operator, a code that names no unit joins the targets out of the
      // issuer's reach below: one FORBIDDEN for both, so it does not tell which exist.
      else if (!ctx.identity.hubAdmin) unknownTargets.push(code);
      else problems.push({ path: `${base}.targets[${i}]`, message: `未知单位代码：${code}`, code: 'NOT_FOUND' });
    });
    // A recorded task's scope was expanded when it was issued: its assignments are the answer.
    if (spec.scope && !recorded) {
      const root = units.get(spec.scope.unit);
      if (!root || !sees(root.id)) problems.push(unreachable(ctx, `${base}.scope.unit`, spec.scope.unit));
      else {
        const scopeKey = `${root.code}|${spec.startsOn}`;
        if (!scopes.has(scopeKey))
          scopes.set(scopeKey, ctx.org.timelines({ scope: root.code, from: spec.startsOn, to: spec.startsOn }));
        const answer = await scopes.get(scopeKey)!;
        const index = new AuthorityIndex(answer.timelines);
        const kinds = spec.scope.kinds ? new Set(spec.scope.kinds) : null;
        for (const id of answer.requested) {
          if (id === root.id || (kinds && !kinds.has(answer.units.get(id)!.kind))) continue;
          if ((answer.timelines.get(id) ?? []).length === 0) continue; // did not exist that day
          const rel = spec.scope.relation === 'UNDER' ? null : index.relation(root.id, id, spec.startsOn);
          if (rel === null || (spec.scope.relation === 'LED_BY' ? rel === 'LEADS' : rel === 'GUIDES'))
            targetIds.push(id);
        }
        if (targetIds.length === 0)
          problems.push({
            path: `${base}.scope`,
            message: `范围内（${spec.scope.unit}，${spec.startsOn}）没有符合条件的单位：目标单位为空`,
            code: 'BAD_USER_INPUT',
          });
      }
    }
    plans.push({
      spec,
      base,
      issuerId: issuer.id,
      targetIds: [...new Set(targetIds)],
      unknownTargets,
      existing: null,
      recorded,
      requiredItemId: itemIdOf(spec, itemIds),
    });
  }
  if (problems.length > 0) return { plans, problems, taskIds: new Map() };

  // Reach: one question to org for every target, over the span of the tasks' first days.
  const days = plans.map((p) => p.spec.startsOn).sort();
  const answer = await ctx.org.timelines({
    units: [...new Set(plans.flatMap((p) => p.targetIds))],
    from: days[0],
    to: days[days.length - 1],
  });
  const index = new AuthorityIndex(answer.timelines);
  const codeOf = new Map([...units.values()].filter((u) => u).map((u) => [u!.id, u!.code]));
  for (const [id, u] of answer.units) codeOf.set(id, u.code);
  for (const p of plans) {
    if (p.existing) continue; // stored unchanged: judged when it was issued
    const outside = [
      ...p.targetIds
        .filter((id) => index.relation(p.issuerId, id, p.spec.startsOn) === 'NONE')
        .map((id) => codeOf.get(id) ?? id),
      ...p.unknownTargets,
    ];
    // A recorded task (a hub's export) is restored as issued by a caller who may restore (platform's restore.ts).
    if (
      outside.length > 0 &&
      p.recorded &&
      p.unknownTargets.length === 0 &&
      mayRestore(ctx.identity, sees(p.issuerId) && p.targetIds.every(sees))
    )
      continue;
    if (outside.length > 0) {
      const nobody = ctx.identity.hubAdmin ? '' : '，或单位不存在'; // the operator got NOT_FOUND for unknown codes above
      problems.push({
        path: `${p.base}.${p.spec.targets.length ? 'targets' : 'scope'}`,
        code: 'FORBIDDEN',
        units: outside.sort(),
        message: `${p.spec.issuer} 于 ${p.spec.startsOn} 既不领导也不指导（直接或经其领导的单位）${nobody}：${outside.sort().join('、')}${p.recorded ? `。${RESTORE_NEEDS_ADMIN}` : ''}`,
      });
    }
  }

  // Idempotency by the issuer's key.
  const keyed = plans.filter((p) => p.spec.key);
  const existing = await tasksByIssuerKeys(
    ctx.db,
    keyed.map((p) => ({ issuerId: p.issuerId, key: p.spec.key! })),
  );
  const byKey = new Map(existing.map((t) => [`${t.issuerId}|${t.key}`, t]));
  const targetsOf = new Map<string, string[]>();
  for (const a of await assignmentsOfTasks(
    ctx.db,
    existing.map((t) => t.id),
  )) {
    const list = targetsOf.get(a.taskId) ?? [];
    list.push(a.unitId);
    targetsOf.set(a.taskId, list);
  }
  const seenKeys = new Map<string, string>();
  for (const p of keyed) {
    const k = `${p.issuerId}|${p.spec.key}`;
    if (seenKeys.has(k))
      problems.push({
        path: `${p.base}.key`,
        message: `与 ${seenKeys.get(k)} 重复的 key：${p.spec.key}`,
        code: 'BAD_USER_INPUT',
      });
    seenKeys.set(k, p.base);
    const t = byKey.get(k);
    if (!t) continue;
    if (!sameTask(t, targetsOf.get(t.id) ?? [], p)) {
      problems.push({
        path: `${p.base}.key`,
        message: `key「${p.spec.key}」已用于 ${p.spec.issuer} 的另一项任务（#${t.id}「${t.title}」）：不覆盖，请换用新的 key`,
        code: 'CONFLICT',
      });
    } else p.existing = t;
  }
  // Incompatible tasks are named by key, among the issuer's tasks (stored or in the same file).
  const known = new Set([
    ...existing.map((t) => `${t.issuerId}|${t.key}`),
    ...keyed.map((p) => `${p.issuerId}|${p.spec.key}`),
  ]);
  const missingKeys = plans.flatMap((p) =>
    p.spec.incompatibleWith.filter((k) => !known.has(`${p.issuerId}|${k}`)).map((k) => ({ p, k })),
  );
  const stored = await tasksByIssuerKeys(
    ctx.db,
    missingKeys.map(({ p, k }) => ({ issuerId: p.issuerId, key: k })),
  );
  for (const t of stored) known.add(`${t.issuerId}|${t.key}`);
  for (const { p, k } of missingKeys) {
    if (!known.has(`${p.issuerId}|${k}`))
      problems.push({
        path: `${p.base}.incompatibleWith`,
        message: `${p.spec.issuer} 没有 key 为「${k}」的任务`,
        code: 'BAD_USER_INPUT',
      });
  }
  const taskIds = new Map([...existing, ...stored].map((t) => [`${t.issuerId}|${t.key}`, t.id]));
  return { plans, problems, taskIds };
}

/**
 * The entries that repeat a stored task (same issuer and key) unchanged, by entry path, with the
 * task and its assignments' units. Unchanged: every field the same, the same scope, and the
 * explicit targets among the stored assignments (all of them without a scope; with one, the
 * rest came from its expansion on the task's first day, which is not redone).
 */
async function unchangedStoredTasks(
  ctx: TasksContext,
  entries: Entry[],
  units: Map<string, { id: string } | null | undefined>,
  itemIds: ReadonlyMap<string, string>,
): Promise<Map<string, { task: TaskRecord; targetIds: string[] }>> {
  const keyed = entries.filter((e) => e.spec.key && units.get(e.spec.issuer));
  const out = new Map<string, { task: TaskRecord; targetIds: string[] }>();
  if (keyed.length === 0) return out;
  const stored = await tasksByIssuerKeys(
    ctx.db,
    keyed.map((e) => ({ issuerId: units.get(e.spec.issuer)!.id, key: e.spec.key! })),
  );
  if (stored.length === 0) return out;
  const byKey = new Map(stored.map((t) => [`${t.issuerId}|${t.key}`, t]));
  const targetsOf = new Map<string, string[]>();
  for (const a of await assignmentsOfTasks(
    ctx.db,
    stored.map((t) => t.id),
  ))
    targetsOf.set(a.taskId, [...(targetsOf.get(a.taskId) ?? []), a.unitId]);
  for (const { spec, base, recorded } of keyed) {
    const t = byKey.get(`${units.get(spec.issuer)!.id}|${spec.key}`);
    if (!t) continue;
    const storedTargets = targetsOf.get(t.id) ?? [];
    const explicit = spec.targets.map((c) => units.get(c)?.id);
    if (explicit.some((id) => !id || !storedTargets.includes(id))) continue;
    if ((!spec.scope || recorded) && explicit.length !== new Set(storedTargets).size) continue;
    if (canonicalJson(spec.scope ?? null) !== canonicalJson(t.scope ?? null)) continue;
    if (
      !sameTask(t, storedTargets, { spec, targetIds: storedTargets, requiredItemId: itemIdOf(spec, itemIds) } as Plan)
    )
      continue;
    out.set(base, { task: t, targetIds: storedTargets });
  }
  return out;
}

/**
 * The id of the item a task names (by itemRef: owner code and code), 'new' for one the same file defines,
 * null for none.
 */
const itemIdOf = (spec: TaskSpec, itemIds: ReadonlyMap<string, string>): string | null =>
  spec.requiredItem ? (itemIds.get(itemRef(spec.requiredItemOwner, spec.requiredItem)) ?? 'new') : null;

function sameTask(t: TaskRecord, targets: string[], p: Plan): boolean {
  const s = p.spec;
  const a = [...targets].sort().join(',');
  const b = [...p.targetIds].sort().join(',');
  return (
    t.title === s.title &&
    (t.description ?? null) === s.description &&
    t.category === s.category &&
    t.priority === s.priority &&
    t.startsOn === s.startsOn &&
    t.dueOn === s.dueOn &&
    (t.deliverable ?? null) === s.deliverable &&
    (t.requiredItemId ?? null) === p.requiredItemId &&
    t.binding === s.binding &&
    (t.indicator ?? null) === s.indicator &&
    (t.target ?? null) === s.target &&
    a === b
  );
}

/** Inserts the new tasks and their assignments; `itemIds`: every item by itemRef, the file's new ones included. */
export async function write(
  ctx: TasksContext,
  tx: Db,
  plans: Plan[],
  storedIds: ReadonlyMap<string, string>,
  itemIds: ReadonlyMap<string, string>,
  /** Told how many of `plans` are done so far (an import job's progress: modules/import-job). */
  onWritten?: (done: number) => void,
): Promise<TaskRecord[]> {
  const out: TaskRecord[] = [];
  const idByKey = new Map(storedIds);
  for (const p of plans) {
    onWritten?.(out.length);
    if (p.existing) {
      out.push(p.existing);
      continue;
    }
    const s = p.spec;
    const task = await insertTask(
      tx,
      {
        issuerId: p.issuerId,
        key: s.key,
        title: s.title,
        description: s.description,
        category: s.category,
        priority: s.priority,
        startsOn: s.startsOn,
        dueOn: s.dueOn,
        deliverable: s.deliverable,
        requiredItemId: s.requiredItem ? Number(itemIds.get(itemRef(s.requiredItemOwner, s.requiredItem))) : null,
        binding: s.binding,
        indicator: s.indicator,
        target: s.target,
        scope: s.scope,
      },
      ctx.identity,
    );
    // Issued by someone else at the same moment under the same key: not overwritten.
    if (!task) throw new ConflictError(`${p.base}.key`, `key「${s.key}」刚被另一请求使用：请重试`);
    await insertAssignments(tx, task.id, p.targetIds, ctx.identity);
    out.push(task);
    if (s.key) idByKey.set(`${p.issuerId}|${s.key}`, task.id);
  }
  for (let i = 0; i < plans.length; i++) {
    const p = plans[i];
    if (p.existing || p.spec.incompatibleWith.length === 0) continue;
    const ids: number[] = [];
    for (const k of p.spec.incompatibleWith) {
      const id = idByKey.get(`${p.issuerId}|${k}`);
      if (id) ids.push(Number(id));
    }
    await setIncompatibleWith(tx, out[i].id, ids);
    out[i] = { ...out[i], incompatibleWith: ids.map(String) };
  }
  onWritten?.(out.length);
  return out;
}

export function raise(problems: CodedProblem[]): never {
  const first =
    problems.find((p) => p.code === 'FORBIDDEN') ??
    problems.find((p) => p.code === 'NOT_FOUND') ??
    problems.find((p) => p.code === 'CONFLICT') ??
    problems[0];
  const extra = {
    problems: problems.map(({ path, message }) => ({ path, message })),
    ...(first.units ? { units: first.units } : {}),
  };
  if (first.code === 'FORBIDDEN') throw new ForbiddenError(first.message, { field: first.path, ...extra });
  if (first.code === 'NOT_FOUND') throw new NotFoundError(first.path, first.message, extra);
  if (first.code === 'CONFLICT') throw new ConflictError(first.path, first.message, extra);
  throw new BadInputError(first.path, first.message, extra);
}

/**
 * Every stored item by itemRef (owner code and code), with its id. Owners are named through org's
 * `unitsById` (under leadership-facts): a task may fulfil the list of a body the caller does not
 * see (a 成都 unit's task fulfilling 四川省直机关工委's item).
 */
export async function storedItemRefs(
  ctx: TasksContext,
  rows: readonly RequiredItemRow[],
): Promise<Map<string, string>> {
  const owners = await ctx.org.unitsById(rows.flatMap((r) => (r.ownerId ? [r.ownerId] : [])));
  const out = new Map<string, string>();
  for (const r of rows) {
    if (r.ownerId && !owners.has(r.ownerId)) continue; // an owner org no longer knows: its items cannot be named
    out.set(itemRef(r.ownerId ? owners.get(r.ownerId)!.code : null, r.code), r.id);
  }
  return out;
}

/** A task as given to issueTask (checked by domain/validate.ts). */
export interface IssueTaskRequest {
  issuer: string;
  key?: string | null;
  title: string;
  description?: string | null;
  category: string;
  priority: string;
  startsOn: string;
  dueOn: string;
  deliverable?: string | null;
  requiredItem?: string | null;
  requiredItemOwner?: string | null;
  binding: boolean;
  targets?: string[] | null;
  scope?: { unit: string; relation: string; kinds?: string[] | null } | null;
  indicator?: string | null;
  target?: number | null;
  incompatibleWith?: string[] | null;
}

export async function issueTask(ctx: TasksContext, input: IssueTaskRequest): Promise<TaskRecord> {
  requireRole(ctx.identity, 'EDITOR', '下达任务');
  const itemIds = await storedItemRefs(ctx, await requiredItemRows(ctx.db));
  const raw = { ...input, scope: input.scope ? { ...input.scope } : null };
  const { spec, problems } = validateTask(raw, 'input', new Set(itemIds.keys()));
  if (!spec) raise(problems.map((p) => ({ ...p, code: 'BAD_USER_INPUT' as const })));
  const planned = await plan(ctx, [{ spec, base: 'input' }], itemIds);
  if (planned.problems.length > 0) raise(planned.problems);
  const [task] = await scopedTransaction(ctx.db, ctx.org, ctx.identity, (tx) =>
    write(ctx, tx, planned.plans, planned.taskIds, itemIds),
  );
  return task;
}

/** A task the caller may see: it sees the issuer, or one of the units the task reached. */
export async function canSeeTask(ctx: TasksContext, t: TaskRecord): Promise<boolean> {
  if (await ctx.org.canSee(t.issuerId)) return true;
  const v = await ctx.org.visible();
  return !v.all && (await ctx.loaders.assignmentsOfTask.load(t.id)).some((a) => v.ids.has(a.unitId));
}

/** A task by id when the caller may see it; null when unknown or out of sight (`task`, references). */
export async function visibleTask(ctx: TasksContext, id: string): Promise<TaskRecord | null> {
  const t = await ctx.loaders.task.load(id);
  return t && (await canSeeTask(ctx, t)) ? t : null;
}

/** A task that must exist (an assignment's, a finding's): NOT_FOUND otherwise. */
export async function taskOf(ctx: TasksContext, id: string): Promise<TaskRecord> {
  const t = await ctx.loaders.task.load(id);
  if (!t) throw new NotFoundError('task', `任务 ${id} 不存在`);
  return t;
}

/**
 * The units a task reached that the caller may see (all of them when it sees the issuer), by id.
 */
export async function visibleAssignmentsOfTask(ctx: TasksContext, t: TaskRecord) {
  const all = await ctx.loaders.assignmentsOfTask.load(t.id);
  if (await ctx.org.canSee(t.issuerId)) return all;
  const v = await ctx.org.visible();
  return v.all ? all : all.filter((a) => v.ids.has(a.unitId));
}
