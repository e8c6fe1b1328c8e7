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
import { BadInputError, isDay, NotFoundError } from '@tiaokuai/common';
import type { TasksContext } from '../context';
import { AuthorityIndex, judgedOn } from '../domain/authority';
import { detectTaskFindings } from '../domain/detectors';
import type { AssignmentFact, TaskFinding } from '../domain/types';
import type { TimelineAnswer } from '../org/org-directory';
import { allRequiredItems, assignmentsOfUnits, type AssignmentRecord, type TaskRecord } from './task.store';

/** Longest window one question may cover (a scan of a province over ten years is no question). */
const MAX_WINDOW_DAYS = 3 * 366;

export function checkWindow(from: string, to: string): void {
  if (!isDay(from)) throw new BadInputError('from', `不是有效日期：${from}`);
  if (!isDay(to)) throw new BadInputError('to', `不是有效日期：${to}`);
  if (to < from) throw new BadInputError('to', `to（${to}）早于 from（${from}）`);
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_WINDOW_DAYS) throw new BadInputError('to', `时间窗口最长 ${MAX_WINDOW_DAYS} 天`);
}

const yearStart = (d: string) => `${d.slice(0, 4)}-01-01`;
const yearEnd = (d: string) => `${d.slice(0, 4)}-12-31`;

function findingsFor(
  answer: TimelineAnswer,
  unitIds: readonly string[],
  rows: Array<{ a: AssignmentRecord; t: TaskRecord }>,
  items: Awaited<ReturnType<typeof allRequiredItems>>,
  from: string,
  to: string,
): TaskFinding[] {
  const index = new AuthorityIndex(answer.timelines);
  const byUnit = new Map<string, AssignmentFact[]>();
  for (const { a, t } of rows) {
    const day = judgedOn(t, from);
    const { relation, authority } = index.authority(t.issuerId, a.unitId, day, t.binding);
    const fact: AssignmentFact = {
      id: a.id, taskId: t.id, unitId: a.unitId, issuerId: t.issuerId, title: t.title, category: t.category, priority: t.priority,
      startsOn: t.startsOn, dueOn: t.dueOn, authority: authority ?? 'ADVISORY', binding: t.binding, relation,
      deliverable: t.deliverable, requiredItem: t.requiredItem, incompatibleTaskIds: t.incompatibleWith,
    };
    const list = byUnit.get(a.unitId);
    if (list) list.push(fact);
    else byUnit.set(a.unitId, [fact]);
  }
  const out: TaskFinding[] = [];
  for (const unitId of unitIds) {
    const unit = answer.units.get(unitId);
    if (!unit) continue;
    out.push(...detectTaskFindings({
      unitId, unitKind: unit.kind, from, to, items, assignments: byUnit.get(unitId) ?? [], periods: answer.timelines.get(unitId) ?? [],
    }));
  }
  return out;
}

/**
 * Several units' findings over one window, in one question to org and one statement (the
 * request's `findings` loader gathers the units a query asks about).
 */
export async function unitFindingsBatch(ctx: TasksContext, unitIds: readonly string[], from: string, to: string): Promise<Map<string, TaskFinding[]>> {
  const [answer, rows, items] = await Promise.all([
    ctx.org.timelines({ units: unitIds, from: yearStart(from), to: yearEnd(to) }),
    assignmentsOfUnits(ctx.db, unitIds, yearStart(from), yearEnd(to), true),
    allRequiredItems(ctx.db),
  ]);
  const out = new Map<string, TaskFinding[]>(unitIds.map((id) => [id, []]));
  for (const f of findingsFor(answer, unitIds, rows, items, from, to)) out.get(f.unitId)?.push(f);
  return out;
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
  const root = (await ctx.org.unitsByCode([scope])).get(scope);
  if (!root || !(await ctx.org.canSee(root.id))) throw new NotFoundError('scope', `未知单位代码：${scope}`);
  const [answer, items, visible] = await Promise.all([
    ctx.org.timelines({ scope, from: yearStart(from), to: yearEnd(to) }),
    allRequiredItems(ctx.db),
    ctx.org.visible(),
  ]);
  const members = answer.requested.filter((id) => visible.all || visible.ids.has(id));
  const rows = await assignmentsOfUnits(ctx.db, members, yearStart(from), yearEnd(to), true);
  return findingsFor(answer, members, rows, items, from, to);
}
