/**
 * `Unit.responsibilityList(year)`: the unit's 责任清单 page in one query (issue 18). One question
 * to org for the unit's leadership over the year (with every body above it), one statement for
 * its assignments, the lists; then the pure rules (list-reach.ts, detectors' MISSING,
 * responsibility-list.ts).
 */
import type { TasksContext } from '../context';
import { reachDuring } from '../domain/list-reach';
import { responsibilityList, type ResponsibilityEntry } from '../domain/responsibility-list';
import { assignmentFacts, findingsFor, unitsOverYears } from './findings.service';
import { reportPeriod } from './report.service';

/** The year's list of a unit; null when the caller may not see the unit. */
export async function unitResponsibilityList(ctx: TasksContext, unitId: string, year: number): Promise<ResponsibilityEntry[] | null> {
  const { from, to } = reportPeriod(year, null);
  if (!(await ctx.org.canSee(unitId))) return null;
  const { answer, rows, items } = await unitsOverYears(ctx, [unitId], from, to);
  const unit = answer.units.get(unitId);
  if (!unit) return null;
  const facts = assignmentFacts(answer, rows, from);
  const missing = findingsFor(answer, [unitId], rows, items, from, to, facts).filter((f) => f.kind === 'MISSING');
  return responsibilityList({
    unitId, unitKind: unit.kind, from, to, items, reach: reachDuring(answer.timelines, unitId, from, to), assignments: facts.get(unitId) ?? [], missing,
  });
}
