/**
 * The tasks subgraph's domain vocabulary (issue 4; CONTRACT.md "Tasks"). Pure: no GraphQL, no
 * database. Dates are ISO days (YYYY-MM-DD), compared as strings.
 */
export const TASK_CATEGORIES = ['POLITICAL', 'IDEOLOGICAL', 'ORGANIZATIONAL', 'CONDUCT', 'DISCIPLINE', 'INSTITUTIONAL', 'INTEGRITY', 'IDEOLOGY_WORK', 'OTHER'] as const;
export type TaskCategory = (typeof TASK_CATEGORIES)[number];
export type TaskPriority = 'KEY' | 'ROUTINE';
/** BINDING when the issuer leads the unit, ADVISORY when it only guides (or chose not to bind). */
export type Authority = 'BINDING' | 'ADVISORY';

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
  authority: Authority;
  deliverable?: string | null;
}

export type TaskFindingKind = 'DUPLICATE' | 'CONFLICT' | 'MISSING' | 'OVERREACH' | 'CHERRY_PICKING';

export interface TaskFinding {
  kind: TaskFindingKind;
  unitId: string;
  /** The assignments concerned, in a stable order (empty for MISSING). */
  assignmentIds: string[];
  taskIds: string[];
  issuerIds: string[];
  /** What was found, in Chinese. */
  message: string;
  /** What to do about it, in Chinese: which assignment to keep, which to turn into a reference. */
  suggestion: string;
}

/** Do two closed day intervals share a day? */
export const periodsOverlap = (a: { startsOn: string; dueOn: string }, b: { startsOn: string; dueOn: string }): boolean =>
  a.startsOn <= b.dueOn && b.startsOn <= a.dueOn;
