/**
 * The tasks subgraph's domain vocabulary (DOMAIN.md "Tasks (任务)"; CONTRACT.md "Tasks"). Pure: no GraphQL, no
 * database. Dates are ISO days (YYYY-MM-DD), compared as strings.
 */
import { groupBy } from '@tiaokuai/leadership';

export const TASK_CATEGORIES = [
  'POLITICAL',
  'IDEOLOGICAL',
  'ORGANIZATIONAL',
  'CONDUCT',
  'DISCIPLINE',
  'INSTITUTIONAL',
  'INTEGRITY',
  'IDEOLOGY_WORK',
  'OTHER',
] as const;
export type TaskCategory = (typeof TASK_CATEGORIES)[number];
export type TaskPriority = 'KEY' | 'ROUTINE';
/** BINDING when the issuer leads the unit, ADVISORY when it only guides (or chose not to bind). */
export type Authority = 'BINDING' | 'ADVISORY';
/** How often a responsibility-list item recurs: each year, quarter or month needs it assigned. */
export const FREQUENCIES = ['YEARLY', 'QUARTERLY', 'MONTHLY'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/**
 * One item of a responsibility list (责任清单): routine work every unit of these kinds must carry.
 * It belongs to a body (`ownerId`) or, with none, to the whole hub (the regulation's own duties);
 * it is known by owner and code (`id` is the stored item's, what tasks name).
 */
export interface RequiredItem {
  id: string;
  /** The issuing body's unit id (work committee, party group, organ party committee); null: hub-wide. */
  ownerId?: string | null;
  code: string;
  name: string;
  /** Org unit kinds (UnitKind of the org subgraph) that must carry it. */
  kinds: string[];
  frequency: Frequency;
  /** Not required in periods that begin on or after this day (the item was retired). */
  retiredOn?: string | null;
}

/** Who led and guided a unit over part of a period (org's leadershipTimeline; leadership's leadership.ts). */
export type { RelationPeriod } from '@tiaokuai/leadership';

/** One task as it reached one unit. */
export interface AssignmentFact {
  id: string;
  taskId: string;
  unitId: string;
  issuerId: string;
  title: string;
  category: TaskCategory;
  priority: TaskPriority;
  startsOn: string;
  dueOn: string;
  /** What the assignment is worth, from the issuer's relation to the unit (authority.ts). */
  authority: Authority;
  /** What the issuer asked for: a binding task from a body that only guides is OVERREACH. */
  binding: boolean;
  /** How the issuer relates to the unit: LEADS (directly or through a body it leads), GUIDES, or NONE. */
  relation: 'LEADS' | 'GUIDES' | 'NONE';
  deliverable?: string | null;
  /** Id of the responsibility-list item this task fulfils (RequiredItem.id). */
  requiredItemId?: string | null;
  /** Tasks the issuer declared incompatible with this one (CONFLICT when one unit holds both). */
  incompatibleTaskIds?: readonly string[];
}

export type TaskFindingKind = 'DUPLICATE' | 'CONFLICT' | 'MISSING' | 'OVERREACH' | 'CHERRY_PICKING';

export interface TaskFinding {
  kind: TaskFindingKind;
  unitId: string;
  /** The assignments concerned, in a stable order (empty for MISSING). */
  assignmentIds: string[];
  taskIds: string[];
  issuerIds: string[];
  /** For MISSING: the responsibility-list item, and the period it was due in. */
  requiredItemId?: string;
  /** For MISSING: the item's code and owner, for messages and the API. */
  requiredItemCode?: string;
  requiredItemOwnerId?: string | null;
  /** For a list-level DUPLICATE (two lists asking the same work): the two items, the one to keep first. */
  itemIds?: string[];
  from?: string;
  to?: string;
  /** What was found, in Chinese. */
  message: string;
  /** What to do about it, in Chinese: which assignment to keep, which to turn into a reference. */
  suggestion: string;
}

/** Do two closed day intervals share a day? */
export const periodsOverlap = (
  a: { startsOn: string; dueOn: string },
  b: { startsOn: string; dueOn: string },
): boolean => a.startsOn <= b.dueOn && b.startsOn <= a.dueOn;

/**
 * Start date, then id, as strings: the order localeCompare gave for ISO days and decimal ids,
 * without the collator (a province's scan sorts a million assignments this way).
 */
const byStartThenId = (x: AssignmentFact, y: AssignmentFact): number =>
  x.startsOn < y.startsOn ? -1 : x.startsOn > y.startsOn ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;

/**
 * Every pair of assignments of one group (by `key`: the unit, or the unit and category) whose
 * periods overlap, each pair once, the earlier-starting first (ties by id): what the pairwise
 * detectors (DUPLICATE, CONFLICT) judge.
 */
export function* overlappingPairs(
  assignments: readonly AssignmentFact[],
  key: (a: AssignmentFact) => string,
): Generator<[AssignmentFact, AssignmentFact]> {
  for (const group of groupBy(assignments, key).values()) {
    group.sort(byStartThenId);
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i];
        const b = group[j];
        if (b.startsOn > a.dueOn) break; // sorted by start: no later one overlaps a
        if (periodsOverlap(a, b)) yield [a, b];
      }
    }
  }
}
