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
import { BadInputError, groupBy, isDay, log, RevisionCache, revisionOf, type Db } from '@tiaokuai/common';
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

/**
 * One assignment as the detectors see it, its authority judged as of `from` (clamped into the
 * task). The task's fields are read through from its one record, not copied: a province's scan
 * builds 300,000 of these, and copies were most of that work's time and memory.
 */
class Fact implements AssignmentFact {
  readonly authority: AssignmentFact['authority'];
  readonly relation: AssignmentFact['relation'];

  constructor(index: AuthorityIndex, readonly id: string, readonly unitId: string, private readonly t: TaskFacts, from: string) {
    const judged = index.authority(t.issuerId, unitId, judgedOn(t, from), t.binding);
    this.authority = judged.authority ?? 'ADVISORY';
    this.relation = judged.relation;
  }

  get taskId() { return this.t.id; }
  get issuerId() { return this.t.issuerId; }
  get title() { return this.t.title; }
  get category() { return this.t.category; }
  get priority() { return this.t.priority; }
  get startsOn() { return this.t.startsOn; }
  get dueOn() { return this.t.dueOn; }
  get binding() { return this.t.binding; }
  get deliverable() { return this.t.deliverable; }
  get requiredItem() { return this.t.requiredItem; }
  get incompatibleTaskIds() { return this.t.incompatibleWith; }
}

const factOf = (index: AuthorityIndex, id: string, unitId: string, t: TaskFacts, from: string): AssignmentFact => new Fact(index, id, unitId, t, from);

/** Each unit's active assignments as the detectors see them. */
export function assignmentFacts(answer: TimelineAnswer, rows: ReadonlyArray<{ a: AssignmentRecord; t: TaskRecord }>, from: string): Map<string, AssignmentFact[]> {
  const index = new AuthorityIndex(answer.timelines);
  return groupBy(rows.map(({ a, t }) => factOf(index, a.id, a.unitId, t, from)), (f) => f.unitId);
}

/** Each unit's facts, for the detectors. */
export interface FactSource {
  get(unitId: string): readonly AssignmentFact[] | undefined;
}

/**
 * A columnar read of task.store.ts `activeAssignments` grouped by unit: each unit's positions
 * in the read, and each position's task start as a number (yyyymmdd). It depends on the read
 * alone, so a scan's cache keeps it with the read (`ScanCache`); nothing here is changed after
 * it is built except that a unit's positions are put in order (the same order every time).
 */
export interface GroupedAssignments {
  read: ActiveAssignments;
  byUnit: Map<number, number[]>;
  start: Float64Array;
}

export function groupAssignments(read: ActiveAssignments): GroupedAssignments {
  const startOf = new Map<number, number>();
  for (const [id, t] of read.tasks) startOf.set(id, Number(t.startsOn.slice(0, 4) + t.startsOn.slice(5, 7) + t.startsOn.slice(8, 10)));
  const n = read.ids.length;
  const start = new Float64Array(n);
  const byUnit = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const s = startOf.get(read.taskIds[i]);
    // Read by a second statement: a task issued between the two is left out whole, as if read before.
    if (s === undefined) continue;
    start[i] = s;
    const list = byUnit.get(read.unitIds[i]);
    if (list) list.push(i);
    else byUnit.set(read.unitIds[i], [i]);
  }
  return { read, byUnit, start };
}

/**
 * The same facts from the columnar read of task.store.ts `activeAssignments`, each unit's in
 * assignmentsOfUnits' order (task start, then id). Only the grouping is done beforehand: a
 * unit's facts are built when the detectors ask for them, once, and not kept, so a province's
 * 300,000 die young instead of all living through the scan (garbage collection was the
 * largest single cost of a scan). Each unit's assignments are put in order as numbers (start
 * day, id) before its facts are made.
 */
export function activeFacts(answer: TimelineAnswer, grouped: ActiveAssignments | GroupedAssignments, from: string): FactSource {
  const { read, byUnit, start } = 'byUnit' in grouped ? grouped : groupAssignments(grouped);
  const index = new AuthorityIndex(answer.timelines);
  const ids = read.ids;
  const order = (x: number, y: number) => start[x] - start[y] || ids[x] - ids[y];
  return {
    get: (unitId) => {
      const positions = byUnit.get(Number(unitId));
      if (!positions) return undefined;
      positions.sort(order);
      return positions.map((i) => factOf(index, String(ids[i]), unitId, read.tasks.get(read.taskIds[i])!, from));
    },
  };
}

/**
 * A scope scan's read of assignments, kept per process while tasks.revision stands (migration
 * 0003; common's revision-cache.ts): a committee scanning its province again, or over another
 * window of the same years, reads nothing but the revision; any write to tasks or assignments
 * (issuing, progress, settling) drops it. Keyed by the years and the exact units asked (the
 * scope's members come from org each time, so a change of the organisation asks another key).
 * Org's answer is not kept here: org keeps its own under its revision. A province's read is
 * about 30 MB; a few are held.
 */
export class ScanCache {
  private readonly cache = new RevisionCache<GroupedAssignments>(revisionOf('tasks.revision'), 4);

  /** How many reads this cache has started (for tests). */
  get loads(): number {
    return this.cache.loads;
  }

  assignments(db: Db, unitIds: readonly string[], from: string, to: string): Promise<GroupedAssignments> {
    return this.cache.get(db, `${from}|${to}|${unitIds.join(',')}`, async () => groupAssignments(await activeAssignments(db, unitIds, from, to)));
  }
}

export function findingsFor(
  answer: TimelineAnswer,
  unitIds: readonly string[],
  rows: Array<{ a: AssignmentRecord; t: TaskRecord }>,
  items: Awaited<ReturnType<typeof allRequiredItems>>,
  from: string,
  to: string,
  facts: FactSource = assignmentFacts(answer, rows, from),
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
  const grouped = await ctx.caches.scans.assignments(ctx.db, members, yearStart(from), yearEnd(to));
  const readAt = performance.now();
  const facts = activeFacts(answer, grouped, from);
  const groupedAt = performance.now();
  const findings = findingsFor(answer, members, [], items, from, to, facts);
  // Where a scan's time goes (LOG_LEVEL=debug), for operators and benchmarks.
  log.debug('scope findings', {
    scope, units: members.length, assignments: grouped.read.ids.length, findings: findings.length,
    orgMs: Math.round(asked - started), readMs: Math.round(readAt - asked), groupMs: Math.round(groupedAt - readAt), detectMs: Math.round(performance.now() - groupedAt),
  });
  return findings;
}
