/**
 * Task findings (DUPLICATE, CONFLICT, OVERREACH, MISSING, CHERRY_PICKING) for one unit or a
 * whole scope over [from, to]. Set-based: one question to org for the units' leadership (with
 * everything above them), one statement for their assignments, the responsibility list, then
 * the pure detectors (domain/detectors) unit by unit. Settled assignments (withdrawn, merged)
 * are left out, so what was settled is not reported again.
 *
 * Assignments are read over the whole years the window touches: MISSING judges whole years,
 * quarters and months (a yearly item assigned in January covers a window starting in June).
 */
import { BadInputError, groupBy, isDay, log } from '@tiaokuai/common';
import type { TasksContext } from '../context';
import { AuthorityIndex, judgedOn } from '../domain/authority';
import { detectTaskFindings } from '../domain/detectors';
import type { AssignmentFact, TaskFinding } from '../domain/types';
import type { TimelineAnswer } from '@tiaokuai/common';
import { activeAssignments, allRequiredItems, assignmentsOfUnits, type ActiveAssignments, type AssignmentRecord, type TaskFacts, type TaskRecord } from './task.store';

/** Longest window one question may cover (a scan of a province over ten years is no question). */
const MAX_WINDOW_DAYS = 3 * 366;

export function checkWindow(from: string, to: string): void {
  if (!isDay(from)) throw new BadInputError('from', `不是有效日期：${from}`);
  if (!isDay(to)) throw new BadInputError('to', `不是有效日期：${to}`);
  if (to < from) throw new BadInputError('to', `to（${to}）早于 from（${from}）`);
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_WINDOW_DAYS) throw new BadInputError('to', `时间窗口最长 ${MAX_WINDOW_DAYS} 天`);
}

export const yearStart = (d: string) => `${d.slice(0, 4)}-01-01`;
export const yearEnd = (d: string) => `${d.slice(0, 4)}-12-31`;

/** One assignment as the detectors see it, its authority judged as of `from` (clamped into the task). */
function factOf(index: AuthorityIndex, id: string, unitId: string, t: TaskFacts, from: string): AssignmentFact {
  const { relation, authority } = index.authority(t.issuerId, unitId, judgedOn(t, from), t.binding);
  return {
    id, taskId: t.id, unitId, issuerId: t.issuerId, title: t.title, category: t.category, priority: t.priority,
    startsOn: t.startsOn, dueOn: t.dueOn, authority: authority ?? 'ADVISORY', binding: t.binding, relation,
    deliverable: t.deliverable, requiredItem: t.requiredItem, incompatibleTaskIds: t.incompatibleWith,
  };
}

/** Each unit's active assignments as the detectors see them. */
export function assignmentFacts(answer: TimelineAnswer, rows: ReadonlyArray<{ a: AssignmentRecord; t: TaskRecord }>, from: string): Map<string, AssignmentFact[]> {
  const index = new AuthorityIndex(answer.timelines);
  return groupBy(rows.map(({ a, t }) => factOf(index, a.id, a.unitId, t, from)), (f) => f.unitId);
}

/**
 * The same facts from the columnar read of task.store.ts `activeAssignments`, each unit's in
 * assignmentsOfUnits' order (task start, then id).
 */
export function activeFacts(answer: TimelineAnswer, read: ActiveAssignments, from: string): Map<string, AssignmentFact[]> {
  const index = new AuthorityIndex(answer.timelines);
  const byUnit = new Map<number, AssignmentFact[]>();
  for (let i = 0; i < read.ids.length; i++) {
    const t = read.tasks.get(read.taskIds[i]);
    // Read by a second statement: a task issued between the two is left out whole, as if read before.
    if (!t) continue;
    let list = byUnit.get(read.unitIds[i]);
    if (!list) byUnit.set(read.unitIds[i], (list = []));
    const unitId = list.length > 0 ? list[0].unitId : String(read.unitIds[i]);
    list.push(factOf(index, read.ids[i], unitId, t, from));
  }
  // Task start, then id in numeric order (decimal ids without leading zeros: by length, then as strings).
  const order = (x: AssignmentFact, y: AssignmentFact) =>
    (x.startsOn < y.startsOn ? -1 : x.startsOn > y.startsOn ? 1 : x.id.length - y.id.length || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const out = new Map<string, AssignmentFact[]>();
  for (const list of byUnit.values()) out.set(list[0].unitId, list.sort(order));
  return out;
}

export function findingsFor(
  answer: TimelineAnswer,
  unitIds: readonly string[],
  rows: Array<{ a: AssignmentRecord; t: TaskRecord }>,
  items: Awaited<ReturnType<typeof allRequiredItems>>,
  from: string,
  to: string,
  facts: Map<string, AssignmentFact[]> = assignmentFacts(answer, rows, from),
): TaskFinding[] {
  const out: TaskFinding[] = [];
  for (const unitId of unitIds) {
    const unit = answer.units.get(unitId);
    if (!unit) continue;
    out.push(...detectTaskFindings({
      unitId, unitKind: unit.kind, from, to, items, assignments: facts.get(unitId) ?? [], periods: answer.timelines.get(unitId) ?? [],
    }));
  }
  return out;
}

/**
 * Several units' findings over one window, in one question to org and one statement (the
 * request's `findings` loader gathers the units a query asks about).
 */
export async function unitFindingsBatch(ctx: TasksContext, unitIds: readonly string[], from: string, to: string): Promise<Map<string, TaskFinding[]>> {
  const { answer, rows, items } = await unitsOverYears(ctx, unitIds, from, to);
  const out = new Map<string, TaskFinding[]>(unitIds.map((id) => [id, []]));
  for (const f of findingsFor(answer, unitIds, rows, items, from, to)) out.get(f.unitId)?.push(f);
  return out;
}

/**
 * What the detectors need about some units over the whole years [from, to] touches: org's
 * timelines, their active assignments, the responsibility list (one org call, two statements).
 * The assignments and their tasks are primed into the request's loaders: findings and calendar
 * entries name them, answered from here, not by another statement.
 */
export async function unitsOverYears(ctx: TasksContext, unitIds: readonly string[], from: string, to: string) {
  const [answer, rows, items] = await Promise.all([
    ctx.org.timelines({ units: unitIds, from: yearStart(from), to: yearEnd(to) }),
    assignmentsOfUnits(ctx.db, unitIds, yearStart(from), yearEnd(to), true),
    allRequiredItems(ctx.db),
  ]);
  for (const { a, t } of rows) { ctx.loaders.task.prime(t.id, t); ctx.loaders.assignment.prime(a.id, a); }
  return { answer, rows, items };
}

/** One unit's findings; null when the caller may not see the unit. */
export async function unitFindings(ctx: TasksContext, unitId: string, from: string, to: string): Promise<TaskFinding[] | null> {
  checkWindow(from, to);
  if (!(await ctx.org.canSee(unitId))) return null;
  return ctx.loaders.findings.load({ unitId, from, to });
}

/** Every finding in a committee's scope (a unit code), restricted to what the caller may see. */
export async function scopeFindings(ctx: TasksContext, scope: string, from: string, to: string): Promise<TaskFinding[]> {
  checkWindow(from, to);
  const started = performance.now();
  const [{ answer, members }, items] = await Promise.all([ctx.org.scope(scope, yearStart(from), yearEnd(to)), allRequiredItems(ctx.db)]);
  const asked = performance.now();
  const read = await activeAssignments(ctx.db, members, yearStart(from), yearEnd(to));
  const readAt = performance.now();
  const facts = activeFacts(answer, read, from);
  const factsAt = performance.now();
  const findings = findingsFor(answer, members, [], items, from, to, facts);
  // Where a scan's time goes (LOG_LEVEL=debug), for operators and benchmarks.
  log.debug('scope findings', {
    scope, units: members.length, assignments: read.ids.length, findings: findings.length,
    orgMs: Math.round(asked - started), readMs: Math.round(readAt - asked), factsMs: Math.round(factsAt - readAt), detectMs: Math.round(performance.now() - factsAt),
  });
  return findings;
}
