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
import DataLoader from 'dataloader';
import { groupBy } from '@tiaokuai/leadership';
import {
  BadInputError,
  callerKey,
  checkWindow,
  fromGlobalId,
  keyedSorted,
  log,
  topics,
  unitLabel,
  type LiveChange,
  type PageArgs,
  type TimelineAnswer,
  type WalkPage,
} from '@tiaokuai/platform';
import { detectTaskFindings } from '../../domain/detectors';
import { reachDuring } from '../../domain/list-reach';
import type { AssignmentRecord, TaskRecord } from '../../domain/records';
import type { TaskFinding } from '../../domain/types';
import type { TasksContext } from '../../request';
import { assignmentsOfUnits } from '../assignment/assignment.store';
import { reportPeriod } from '../report/report.service';
import { allRequiredItems } from '../responsibility-list/responsibility-list.store';
import { conflictId, conflictQuestionOf, findingKey, findingSummary, NS, type Window } from '../shared/pages';
import { assignmentFacts, type FactSource } from './scan-cache';

/** The window check every period question shares (platform's dates.ts). */
export { checkWindow };

export const yearStart = (d: string) => `${d.slice(0, 4)}-01-01`;
export const yearEnd = (d: string) => `${d.slice(0, 4)}-12-31`;

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
  // Which lists reach a unit is worked out only for kinds some owner's item asks of (list-reach.ts),
  // over the whole years the window touches: MISSING judges each period it reports whole, so an
  // owner's item is asked in a quarter its list reached the unit on any day of, inside the window
  // or not (the list-level DUPLICATE keeps to the window's days itself).
  const ownedKinds = new Set(items.filter((i) => i.ownerId).flatMap((i) => i.kinds));
  const label = (id: string) => unitLabel(answer.units.get(id), id);
  for (const unitId of unitIds) {
    const unit = answer.units.get(unitId);
    if (!unit) continue;
    const reach = ownedKinds.has(unit.kind) ? reachDuring(answer.timelines, unitId, yearStart(from), yearEnd(to)) : [];
    out.push(
      ...detectTaskFindings({
        unitId,
        unitKind: unit.kind,
        from,
        to,
        items,
        assignments: facts.get(unitId) ?? [],
        periods: answer.timelines.get(unitId) ?? [],
        reach,
        label,
      }),
    );
  }
  return out;
}

/**
 * Several units' findings over one window, in one question to org and one statement (the
 * request's `findings` loader gathers the units a query asks about).
 */
export async function unitFindingsBatch(
  ctx: TasksContext,
  unitIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, TaskFinding[]>> {
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
  for (const { a, t } of rows) {
    ctx.loaders.task.prime(t.id, t);
    ctx.loaders.assignment.prime(a.id, a);
  }
  return { answer, rows, items };
}

/**
 * What a unit's year pages (the calendar, the responsibility list) need: the unit as org knows
 * it, its assignments and their facts, the lists, its MISSING findings and which lists reach it
 * over the year. Null when the caller may not see the unit (or org does not know it).
 */
export async function unitYear(ctx: TasksContext, unitId: string, year: number) {
  const { from, to } = reportPeriod(year, null);
  if (!(await ctx.org.canSee(unitId))) return null;
  const { answer, rows, items } = await unitsOverYears(ctx, [unitId], from, to);
  const unit = answer.units.get(unitId);
  if (!unit) return null;
  const facts = assignmentFacts(answer, rows, from);
  const missing = findingsFor(answer, [unitId], rows, items, from, to, facts).filter((f) => f.kind === 'MISSING');
  return {
    from,
    to,
    unit,
    answer,
    rows,
    items,
    facts,
    missing,
    reach: reachDuring(answer.timelines, unitId, from, to),
  };
}

/** One unit's findings; null when the caller may not see the unit. */
export async function unitFindings(
  ctx: TasksContext,
  unitId: string,
  from: string,
  to: string,
): Promise<TaskFinding[] | null> {
  checkWindow(from, to);
  if (!(await ctx.org.canSee(unitId))) return null;
  return findingsLoader(ctx).load({ unitId, from, to });
}

/**
 * The request's findings loader: the units a query asks about, by window, answered together
 * (unitFindingsBatch: one question to org, one statement). One per request, made on first use.
 */
type FindingsLoader = DataLoader<{ unitId: string; from: string; to: string }, TaskFinding[], string>;
const findingLoaders = new WeakMap<TasksContext, FindingsLoader>();

function findingsLoader(ctx: TasksContext): FindingsLoader {
  let loader = findingLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(
      async (keys) => {
        const byWindow = groupBy([...keys], (k) => `${k.from}|${k.to}`);
        const answers = new Map<string, TaskFinding[]>();
        for (const [window, list] of byWindow) {
          const [from, to] = window.split('|');
          const found = await unitFindingsBatch(
            ctx,
            list.map((k) => k.unitId),
            from,
            to,
          );
          for (const [id, f] of found) answers.set(`${id}|${window}`, f);
        }
        return keys.map((k) => answers.get(`${k.unitId}|${k.from}|${k.to}`) ?? []);
      },
      { cacheKeyFn: (k) => `${k.unitId}|${k.from}|${k.to}` },
    );
    findingLoaders.set(ctx, loader);
  }
  return loader;
}

/** Every finding in a committee's scope (a unit code), restricted to what the caller may see. */
export async function scopeFindings(
  ctx: TasksContext,
  scope: string,
  from: string,
  to: string,
): Promise<TaskFinding[]> {
  checkWindow(from, to);
  const started = performance.now();
  // The assignments are read (or brought up to date) while org answers: they are every unit's,
  // not the scope's, so the read does not wait for the scope's members.
  const read = ctx.caches.scans
    .assignments(ctx.db, yearStart(from), yearEnd(to))
    .then((set) => ({ set, at: performance.now() }));
  read.catch(() => undefined); // awaited below; when org refuses first, its failure is not left unhandled
  const [{ answer, members }, items] = await Promise.all([
    ctx.org.scope(scope, yearStart(from), yearEnd(to)),
    allRequiredItems(ctx.db),
  ]);
  const asked = performance.now();
  const { set, at } = await read;
  const readAt = performance.now();
  const findings = findingsFor(answer, members, [], items, from, to, set.facts(answer, from));
  // Where a scan's time goes (LOG_LEVEL=debug), for operators and benchmarks.
  log.debug('scope findings', {
    scope,
    units: members.length,
    assignments: set.size,
    findings: findings.length,
    orgMs: Math.round(asked - started),
    readMs: Math.round(at - started),
    waitedMs: Math.round(readAt - asked),
    detectMs: Math.round(performance.now() - readAt),
  });
  return findings;
}

/**
 * A page of a scope's findings (`taskConflicts`): the first page scans (scopeFindings) and keeps
 * the keyed list and its summary as a walk; the walk's following pages, for the same caller,
 * scope and window, are cut from it without asking org or running the detectors (platform's
 * walks.ts; ARCHITECTURE.md "Bounded answers"). Nodes are made by `node`, for the page only.
 */
export function scopeFindingsPage<N>(
  ctx: TasksContext,
  scope: string,
  from: string,
  to: string,
  page: PageArgs,
  node: (f: TaskFinding) => N,
): Promise<WalkPage<N, ReturnType<typeof findingSummary>>> {
  return ctx.caches.walks.page({
    namespace: NS.taskConflicts,
    caller: callerKey(ctx.identity),
    question: JSON.stringify([scope, from, to]),
    page,
    node,
    compute: async () => {
      const findings = await scopeFindings(ctx, scope, from, to);
      return { items: keyedSorted(findings, findingKey), summary: findingSummary(findings) };
    },
  });
}

/**
 * A task finding by its global id (`node(id)` through the gateway; docs/api.md "Ids"): its unit's
 * findings over the window the id names, scanned again, and the one with that id; null when the
 * id is not a task finding's, the unit is out of sight or the finding is settled.
 */
export async function findingById(
  ctx: TasksContext,
  id: string,
): Promise<{ finding: TaskFinding; window: Window } | null> {
  const g = fromGlobalId(id);
  const q = g?.type === 'TaskConflict' ? conflictQuestionOf(g.parts) : null;
  if (!q) return null;
  // A window checkWindow refuses is not one a list handed out: no such finding.
  const found = await unitFindings(ctx, q.unitId, q.window.from, q.window.to).catch((e: unknown) => {
    if (e instanceof BadInputError) return null;
    throw e;
  });
  const finding = found?.find((f) => conflictId(f, q.window) === id);
  return finding ? { finding, window: q.window } : null;
}

/**
 * A live watch of a scope's findings for the caller (`taskFindingsChanged`; platform's live.ts):
 * woken by writes to tasks (this process's own, or any replica's over NATS) and to org (over NATS
 * only: org is another process), it recomputes the scope's findings with a fresh request context
 * (the caller's visibility asked of org again) and yields what appeared and what went.
 * Subscribers with the same caller, scope and window share one recompute.
 */
export function watchScopeFindings(
  ctx: TasksContext,
  scope: string,
  from: string,
  to: string,
): Promise<AsyncIterableIterator<LiveChange<TaskFinding>>> {
  checkWindow(from, to);
  return ctx.caches.live.watch<TaskFinding>({
    key: JSON.stringify([NS.taskConflicts, callerKey(ctx.identity), scope, from, to]),
    topics: [topics.written('tasks'), topics.written('org')],
    compute: () => scopeFindings(ctx.renew(), scope, from, to),
    keyOf: findingKey,
  });
}
