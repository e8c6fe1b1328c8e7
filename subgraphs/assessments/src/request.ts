/**
 * What a request carries (built by context.ts): who asks, the database, the other subgraphs and
 * the request's DataLoaders. Types only, so that services can name it without importing the
 * wiring.
 */
import type DataLoader from 'dataloader';
import type { Database, Db, Identity, OrgDirectory, ServiceClient, WalkStore } from '@tiaokuai/platform';
import type { InspectionRecord, JointInspectionRecord } from './modules/inspection/inspection.store';
import type { SchemeRecord } from './modules/scheme/scheme.store';
import type { RevisionRecord, SubmissionRecord } from './modules/submission/submission.store';

export interface Loaders {
  scheme: DataLoader<string, SchemeRecord | null>;
  submission: DataLoader<string, SubmissionRecord | null>;
  revisions: DataLoader<string, RevisionRecord[]>;
  inspection: DataLoader<string, InspectionRecord | null>;
  joint: DataLoader<string, JointInspectionRecord | null>;
}

export interface AssessmentsContext {
  database: Database;
  db: Db;
  identity: Identity;
  org: OrgDirectory;
  /** The org subgraph itself, for what OrgDirectory does not ask: whether an anomaly is still found (node(id)). */
  orgService: ServiceClient;
  /** The tasks subgraph (assignments given to units: EVALUATION_ONLY), asked as the operator. */
  tasks: ServiceClient;
  loaders: Loaders;
  /** Walks of scope-wide lists (assessmentFindings): pages after the first without a scan (platform's walks.ts). */
  walks: WalkStore;
}
