/**
 * Record shapes of this subgraph as its stores answer them and its services use them (pure
 * types, and the one constant of which statuses are active). No database, no GraphQL.
 */
import type { TaskCategory, TaskPriority } from './types';
import type { RequiredItemSpec } from './validate-required-item';

export interface TaskRecord {
  id: string;
  issuerId: string;
  key: string | null;
  title: string;
  description: string | null;
  category: TaskCategory;
  priority: TaskPriority;
  startsOn: string;
  dueOn: string;
  deliverable: string | null;
  requiredItemId: string | null;
  binding: boolean;
  scope: unknown;
  indicator: string | null;
  target: number | null;
  incompatibleWith: string[];
  createdAt: Date;
  createdBy: string;
}

export type AssignmentStatus = 'ASSIGNED' | 'IN_PROGRESS' | 'DONE' | 'WITHDRAWN' | 'MERGED';
/** Withdrawn and merged assignments are settled: kept, never reported again. */
export const ACTIVE: AssignmentStatus[] = ['ASSIGNED', 'IN_PROGRESS', 'DONE'];

export interface AssignmentRecord {
  id: string;
  taskId: string;
  unitId: string;
  status: AssignmentStatus;
  progress: number;
  note: string | null;
  version: number;
  mergedInto: string | null;
  value: number | null;
  doneOn: string | null;
  reportedOn: string | null;
  updatedAt: Date;
  updatedBy: string | null;
}

/** The key a file knows a task by: its own, or `task-<id>` for one issued without. */
export const fileKey = (t: { key: string | null; id: number | string }): string => t.key ?? `task-${t.id}`;

/** What the detectors need of a task (finding.service.ts), read once and shared by its assignments. */
export type TaskFacts = Pick<
  TaskRecord,
  | 'id'
  | 'issuerId'
  | 'title'
  | 'category'
  | 'priority'
  | 'startsOn'
  | 'dueOn'
  | 'deliverable'
  | 'requiredItemId'
  | 'binding'
  | 'incompatibleWith'
>;

/**
 * Assignments as columns (index i: one assignment, in no order): ids, task and unit ids as
 * numbers (so a scan looks 400,000 of them up and orders them without a string each), whether
 * each is active (settled ones, withdrawn or merged, are not), and their tasks by (numeric) id.
 */
export interface AssignmentRows {
  tasks: Map<number, TaskFacts>;
  ids: number[];
  taskIds: number[];
  unitIds: number[];
  active: boolean[];
}

/**
 * Where a reader of tasks and assignments stands (migrations 0003, 0004): the revision, and the epoch TRUNCATE bumps.
 */
export interface RowRevision {
  epoch: string;
  n: number;
}

/** An item as stored: its id, owner (an org unit id; null: hub-wide), what defines it, and its retirement. */
export type RequiredItemRow = Omit<RequiredItemSpec, 'owner'> & {
  id: string;
  ownerId: string | null;
  retiredOn: string | null;
};
