/**
 * Targets, progress and results for a year (目标书、进度表、成绩单), per unit and per scope
 * (domain/report.ts holds the rules). Set-based: a unit's report costs three statements (four
 * for a past day) and one question to org whatever the number of peers; a scope's, two
 * statements (three for a past day) and one question.
 */
import { BadInputError, today } from '@tiaokuai/platform';
import { groupBy, isDay } from '@tiaokuai/leadership';
import { ACTIVE, type AssignmentRecord, type TaskRecord } from '../../domain/records';
import {
  lineAsOf,
  results,
  summarize,
  type IndicatorResult,
  type ProgressSummary,
  type ReportLine,
} from '../../domain/report';
import type { TasksContext } from '../../request';
import { assignmentsOfTasks, assignmentsOfUnits, progressReportsOf } from '../assignment/assignment.store';

export interface ReportRow extends ReportLine {
  a: AssignmentRecord;
  t: TaskRecord;
}

export interface UnitWorkReport {
  unitId: string;
  year: number;
  asOf: string;
  lines: ReportRow[];
  progress: ProgressSummary;
  results: IndicatorResult[];
}

export interface ScopeWorkReport {
  scopeId: string;
  year: number;
  asOf: string;
  progress: ProgressSummary;
  units: Array<{ unitId: string; progress: ProgressSummary }>;
  outliers: IndicatorResult[];
}

/** A year between 2000 and next year, and the day the report speaks for (default: today, or the year's close). */
export function reportPeriod(
  year: number,
  asOf: string | null | undefined,
): { from: string; to: string; asOf: string } {
  const now = today();
  if (!Number.isInteger(year) || year < 2000 || year > Number(now.slice(0, 4)) + 1)
    throw new BadInputError('year', `年度应在 2000 至明年之间：${year}`);
  if (asOf != null && !isDay(asOf)) throw new BadInputError('asOf', `不是有效日期：${asOf}`);
  const close = `${year + 1}-01-01`; // the day after the year: everything due in it is due by then
  return { from: `${year}-01-01`, to: `${year}-12-31`, asOf: asOf ?? (now < close ? now : close) };
}

export const lineOf = ({ a, t }: { a: AssignmentRecord; t: TaskRecord }): ReportRow => ({
  a,
  t,
  assignmentId: a.id,
  unitId: a.unitId,
  taskId: t.id,
  dueOn: t.dueOn,
  status: a.status,
  progress: a.progress,
  doneOn: a.doneOn,
  indicator: t.indicator,
  target: t.target,
  value: a.value,
});

/**
 * The year's lines of these rows: tasks due in the year (a task running from October to March
 * counts in the year it is due), as they stood at the end of `asOf` (rebuilt from the progress
 * reports when asOf is before today: one statement).
 */
async function yearLines(
  ctx: TasksContext,
  rows: ReadonlyArray<{ a: AssignmentRecord; t: TaskRecord }>,
  from: string,
  to: string,
  asOf: string,
): Promise<ReportRow[]> {
  const lines = rows.filter((r) => r.t.dueOn >= from && r.t.dueOn <= to).map(lineOf);
  if (asOf >= today() || lines.length === 0) return lines;
  const reports = groupBy(
    await progressReportsOf(
      ctx.db,
      lines.map((l) => l.assignmentId),
    ),
    (r) => r.assignmentId,
  );
  return lines.map((l) => lineAsOf(l, reports.get(l.assignmentId) ?? [], asOf));
}

/**
 * One unit's report. Its peers, among the units the caller may see: the other units that
 * received any of its tasks due this year (for indicators: the same task; for the unit
 * measures: those of its kind). Its lines' tasks and assignments are primed into the request's loaders.
 */
export async function unitWorkReport(
  ctx: TasksContext,
  unitId: string,
  year: number,
  asOfArg: string | null,
): Promise<UnitWorkReport | null> {
  const { from, to, asOf } = reportPeriod(year, asOfArg);
  if (!(await ctx.org.canSee(unitId))) return null;
  const own = (await assignmentsOfUnits(ctx.db, [unitId], from, to, true)).filter(
    (r) => r.t.dueOn >= from && r.t.dueOn <= to,
  );
  const taskIds = [...new Set(own.map((r) => r.t.id))];
  const assignees = (await assignmentsOfTasks(ctx.db, taskIds))
    .filter((a) => ACTIVE.includes(a.status))
    .map((a) => a.unitId);
  // Only units the caller may see are ever peers: a mean over one or two units would show their values.
  const peers = await ctx.org.onlyVisible([...new Set([unitId, ...assignees])]);
  const [rows, units] = await Promise.all([
    peers.length > 1 ? assignmentsOfUnits(ctx.db, peers, from, to, true) : Promise.resolve(own),
    ctx.org.unitsById(peers),
  ]);
  const lines = await yearLines(ctx, rows, from, to, asOf);
  const mine = lines.filter((l) => l.unitId === unitId);
  // Its lines name their assignments and tasks: answered from here, not by another statement.
  for (const l of mine) {
    ctx.loaders.task.prime(l.t.id, l.t);
    ctx.loaders.assignment.prime(l.a.id, l.a);
  }
  return {
    unitId,
    year,
    asOf,
    lines: mine,
    progress: summarize(mine, asOf),
    results: results(lines, new Set([unitId]), (u) => units.get(u)?.kind, asOf),
  };
}

/**
 * Every unit of a committee's scope (members on any day of the year) that the caller may see.
 * Peers for the unit measures: scope members of the same kind; for an indicator, every unit
 * the caller may see that received the same task (inside the scope or not), as in a unit's report.
 */
export async function scopeWorkReport(
  ctx: TasksContext,
  scope: string,
  year: number,
  asOfArg: string | null,
): Promise<ScopeWorkReport> {
  const { from, to, asOf } = reportPeriod(year, asOfArg);
  const { rootId, answer, members } = await ctx.org.scope(scope, from, to);
  const memberSet = new Set(members);
  const lines = await yearLines(ctx, await assignmentsOfUnits(ctx.db, members, from, to, true), from, to, asOf);
  // The same tasks' indicator values outside the scope (one statement), for the indicator peers.
  const measured = [...new Set(lines.filter((l) => l.indicator !== null).map((l) => l.taskId))];
  const receivers = (await assignmentsOfTasks(ctx.db, measured)).filter(
    (a) => ACTIVE.includes(a.status) && !memberSet.has(a.unitId),
  );
  const seen = new Set(await ctx.org.onlyVisible(receivers.map((a) => a.unitId)));
  const outside = receivers.filter((a) => seen.has(a.unitId));
  const tasksById = new Map(lines.map((l) => [l.taskId, l.t]));
  const outsideLines = await yearLines(
    ctx,
    outside.map((a) => ({ a, t: tasksById.get(a.taskId)! })),
    from,
    to,
    asOf,
  );
  const byUnit = new Map<string, ReportLine[]>(members.map((id) => [id, []]));
  for (const l of lines) byUnit.get(l.unitId)?.push(l);
  const unitResults = results(lines, memberSet, (u) => answer.units.get(u)?.kind, asOf).filter(
    (r) => r.measure !== 'INDICATOR',
  );
  const indicatorResults = results([...lines, ...outsideLines], memberSet, () => undefined, asOf).filter(
    (r) => r.measure === 'INDICATOR',
  );
  return {
    scopeId: rootId,
    year,
    asOf,
    progress: summarize(lines, asOf),
    units: [...byUnit].map(([unitId, ls]) => ({ unitId, progress: summarize(ls, asOf) })),
    outliers: [...unitResults, ...indicatorResults].filter((r) => r.outlier),
  };
}
