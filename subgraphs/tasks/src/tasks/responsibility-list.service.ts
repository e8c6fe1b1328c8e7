/**
 * `Unit.responsibilityList(year)`: the unit's 责任清单 page in one query (DOMAIN.md "Tasks (任务)"). One question
 * to org for the unit's leadership over the year (with every body above it), one statement for
 * its assignments, the lists; then the pure rules (list-reach.ts, detectors' MISSING,
 * responsibility-list.ts).
 */
import type { TasksContext } from '../context';
import { responsibilityList, type ResponsibilityEntry } from '../domain/responsibility-list';
import { unitYear } from './findings.service';

/** The year's list of a unit; null when the caller may not see the unit. */
export async function unitResponsibilityList(ctx: TasksContext, unitId: string, year: number): Promise<ResponsibilityEntry[] | null> {
  const y = await unitYear(ctx, unitId, year);
  return y && responsibilityList({
    unitId, unitKind: y.unit.kind, from: y.from, to: y.to, items: y.items, reach: y.reach, assignments: y.facts.get(unitId) ?? [], missing: y.missing,
  });
}
