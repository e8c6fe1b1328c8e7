/**
 * What a request carries (its identity, the database, org, the per-request DataLoaders) and
 * what the process keeps across requests: TYPES only. context.ts builds them; services and
 * resolvers take them from here, so neither imports the other's module.
 */
import type DataLoader from 'dataloader';
import type { Database, Db, Identity, LiveHub, OrgDirectory, WalkStore } from '@tiaokuai/platform';
import type { Relation } from './domain/authority';
import type { AssignmentRecord, RequiredItemRow, TaskRecord } from './domain/records';
import type { Authority } from './domain/types';
import type { ProgressReportRecord } from './modules/assignment/assignment.store';
import type { ScanCache } from './modules/finding/scan-cache';

/** One authority question: how `issuerId` relates to `unitId` on `day`. */
export interface AuthorityKey {
  issuerId: string;
  unitId: string;
  day: string;
  binding: boolean;
}

export interface Loaders {
  task: DataLoader<string, TaskRecord | null>;
  assignment: DataLoader<string, AssignmentRecord | null>;
  assignmentsOfTask: DataLoader<string, AssignmentRecord[]>;
  /**
   * Authority for many assignments in one question to org: the units' timelines over the
   * span of the days asked (with every body above them), then memory (authority.ts).
   */
  authority: DataLoader<AuthorityKey, { relation: Relation; authority: Authority | null }, string>;
  /** Progress reports of many assignments, one statement. */
  progressReports: DataLoader<string, ProgressReportRecord[]>;
  /** Responsibility-list items by id (every list is read once per request: a few hundred items). */
  requiredItem: DataLoader<string, RequiredItemRow | null>;
}

/** What a tasks process keeps across requests, each part checked against a revision. */
export interface TasksCaches {
  scans: ScanCache;
  /** Walks of scope-wide lists (taskConflicts): pages after the first without a scan (platform's walks.ts). */
  walks: WalkStore;
  /** Live subscriptions' shared watches and the event bus that wakes them (platform's live.ts, events.ts). */
  live: LiveHub;
}

export interface TasksContext {
  database: Database;
  caches: TasksCaches;
  db: Db;
  identity: Identity;
  org: OrgDirectory;
  loaders: Loaders;
  /** A fresh context for the same identity (a live watch recomputes with it: nothing cached from earlier). */
  renew(): TasksContext;
}
