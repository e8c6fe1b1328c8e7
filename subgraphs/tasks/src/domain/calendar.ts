/**
 * A unit's work calendar for a year (行事历; ARCHITECTURE.md "Tasks: progress, reports, calendar"): its tasks by
 * due date, and each responsibility-list item it must carry, once per frequency period, marked covered or not
 * (not covered = a MISSING finding for that item and period). Pure.
 */
import type { Frequency, RequiredItem, TaskFinding } from './types';
import { frequencyPeriods } from './detectors/missing';
import { appliesDuring, type ReachPeriod } from './list-reach';

export interface CalendarTask {
  assignmentId: string;
  taskId: string;
  issuerId: string;
  title: string;
  startsOn: string;
  dueOn: string;
  status: string;
  authority: 'BINDING' | 'ADVISORY';
  requiredItemId: string | null;
  deliverable: string | null;
}

export interface CalendarEntry {
  /** Stable across runs: the iCalendar UID. */
  uid: string;
  kind: 'TASK' | 'REQUIRED_ITEM';
  title: string;
  startsOn: string;
  dueOn: string;
  task: CalendarTask | null;
  /**
   * For REQUIRED_ITEM: the item (id and code), its frequency, and whether a binding assignment covers the period. For
   * TASK: the item it fulfils.
   */
  requiredItemId: string | null;
  requiredItemCode: string | null;
  frequency: Frequency | null;
  covered: boolean | null;
}

/**
 * The year's entries, by due date (then start, then title): the unit's active assignments whose
 * task touches the year, and the items that apply to it (its kind; hub-wide, or of an owner
 * whose list reaches it: `reach`, list-reach.ts) in each frequency period of the year in which
 * they applied, with `missing`
 * (the unit's MISSING findings for the year) deciding which periods are not covered.
 */
export function calendarEntries(args: {
  unitId: string;
  unitKind: string;
  year: number;
  tasks: readonly CalendarTask[];
  items: readonly RequiredItem[];
  missing: readonly TaskFinding[];
  /** The days the unit existed (its relation periods); a required period it did not exist in is left out. */
  existed: ReadonlyArray<{ from: string; to: string }>;
  /** The owners whose lists reach the unit over the year (none when absent: only hub-wide items). */
  reach?: readonly ReachPeriod[];
}): CalendarEntry[] {
  const codeOf = new Map(args.items.map((i) => [i.id, i.code]));
  const from = `${args.year}-01-01`;
  const to = `${args.year}-12-31`;
  const out: CalendarEntry[] = [];
  for (const t of args.tasks) {
    if (t.startsOn > to || t.dueOn < from) continue;
    out.push({
      uid: `assignment-${t.assignmentId}`,
      kind: 'TASK',
      title: t.title,
      startsOn: t.startsOn,
      dueOn: t.dueOn,
      task: t,
      requiredItemId: t.requiredItemId,
      requiredItemCode: t.requiredItemId ? (codeOf.get(t.requiredItemId) ?? null) : null,
      frequency: null,
      covered: null,
    });
  }
  const gaps = args.missing.filter((f) => f.kind === 'MISSING' && f.unitId === args.unitId);
  for (const item of args.items) {
    if (!item.kinds.includes(args.unitKind)) continue;
    for (const p of frequencyPeriods(item.frequency, from, to)) {
      if (item.retiredOn && p.from >= item.retiredOn) continue;
      // Not required before the unit existed, nor where the owner's list did not reach it.
      if (!appliesDuring(item, args.unitKind, args.reach ?? [], args.existed, p.from, p.to)) continue;
      const covered = !gaps.some((f) => f.requiredItemId === item.id && f.from! <= p.to && f.to! >= p.from);
      out.push({
        // Hub-wide items keep the UIDs they had before lists had owners.
        uid: `required-${item.ownerId ? `${item.ownerId}-` : ''}${item.code}-${p.from}-unit-${args.unitId}`,
        kind: 'REQUIRED_ITEM',
        title: `${item.name}（${p.label}）`,
        startsOn: p.from,
        dueOn: p.to,
        task: null,
        requiredItemId: item.id,
        requiredItemCode: item.code,
        frequency: item.frequency,
        covered,
      });
    }
  }
  return out.sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      a.startsOn.localeCompare(b.startsOn) ||
      a.title.localeCompare(b.title) ||
      a.uid.localeCompare(b.uid),
  );
}
