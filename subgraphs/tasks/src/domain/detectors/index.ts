/**
 * All task findings for one unit over a window [from, to] (DOMAIN.md, "What goes wrong today":
 * 任务交叉重叠, 内容冲突, a guide assigning binding work, 都想管重点不想管一般). Runs the five
 * detectors and returns their findings in a stable order: by kind (DUPLICATE, CONFLICT,
 * OVERREACH, MISSING, CHERRY_PICKING), then as each detector produced them.
 *
 * Only this unit's assignments overlapping [from, to] (inclusive) are considered, with one
 * exception: MISSING judges whole frequency periods (missing.ts), so it sees every assignment of
 * the unit, and a yearly item assigned in January covers the year of a window that starts in June.
 * List-level DUPLICATEs (two lists asking the same work of the unit: list-duplicate.ts) follow
 * the task-level ones.
 */
import { periodsOverlap, type TaskFinding } from '../types';
import { detectCherryPicking } from './cherry-picking';
import { detectConflicts } from './conflict';
import { detectDuplicates } from './duplicate';
import { detectListDuplicates } from './list-duplicate';
import { detectMissing, type MissingInput } from './missing';
import { detectOverreach } from './overreach';

export { detectCherryPicking, type CherryPickingInput } from './cherry-picking';
export { detectConflicts, normaliseDeliverable } from './conflict';
export { detectDuplicates } from './duplicate';
export { detectListDuplicates, keepByLeadership, sameWork, type ListDuplicateInput } from './list-duplicate';
export { detectMissing, frequencyPeriods, type FrequencyPeriod, type MissingInput } from './missing';
export { detectOverreach } from './overreach';

/** One unit, a window, its assignments and relation periods: what MISSING needs is what all need. */
export interface TaskFindingsInput extends MissingInput {
  /** How a body is named in messages (default #id). */
  label?: (unitId: string) => string;
}

export function detectTaskFindings(input: TaskFindingsInput): TaskFinding[] {
  const { unitId, unitKind, from, to, items, periods, reach } = input;
  const unit = input.assignments.filter((a) => a.unitId === unitId);
  const window = { startsOn: from, dueOn: to };
  const inWindow = unit.filter((a) => periodsOverlap(a, window));
  const duplicates = detectDuplicates(inWindow);
  const listDuplicates = detectListDuplicates({
    unitId,
    unitKind,
    from,
    to,
    items,
    reach: reach ?? [],
    label: input.label ?? ((id) => `#${id}`),
  });
  const conflicts = detectConflicts(inWindow);
  const overreach = detectOverreach(inWindow);
  const missing = detectMissing({ unitId, unitKind, from, to, items, assignments: unit, periods, reach });
  const cherryPicking = detectCherryPicking({ unitId, duplicates, missing, assignments: inWindow });
  return [...duplicates, ...listDuplicates, ...conflicts, ...overreach, ...missing, ...cherryPicking];
}
