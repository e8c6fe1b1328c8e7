import DataLoader from 'dataloader';
import { OrgDirectory, walkStoreOf, type Database, type WalkStore, type Db, type Identity, type ServiceClient } from '@tiaokuai/platform';
import { groupBy } from '@tiaokuai/leadership';
import {
  inspectionsByIds, jointsByIds, revisionsOf, schemesByIds, submissionsByIds,
  type InspectionRecord, type JointInspectionRecord, type RevisionRecord, type SchemeRecord, type SubmissionRecord,
} from './assessments/store';
import type { UnitFindingRecord } from './assessments/findings.service';
import { unitFindingsBatch } from './assessments/findings.service';

export interface Loaders {
  scheme: DataLoader<string, SchemeRecord | null>;
  submission: DataLoader<string, SubmissionRecord | null>;
  revisions: DataLoader<string, RevisionRecord[]>;
  inspection: DataLoader<string, InspectionRecord | null>;
  joint: DataLoader<string, JointInspectionRecord | null>;
  /** Findings of many units in one year: one question to org, one to tasks, three statements. */
  findings: DataLoader<{ unitId: string; year: number }, UnitFindingRecord[], string>;
}

export interface AssessmentsContext {
  database: Database;
  db: Db;
  identity: Identity;
  org: OrgDirectory;
  /** The tasks subgraph (assignments given to units: EVALUATION_ONLY), asked as the operator. */
  tasks: ServiceClient;
  loaders: Loaders;
  /** Walks of scope-wide lists (assessmentFindings): pages after the first without a scan (platform's walks.ts). */
  walks: WalkStore;
}

const byId = <T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>) =>
  new DataLoader<string, T | null>(async (ids) => {
    const m = new Map((await fetch(ids)).map((x) => [x.id, x]));
    return ids.map((id) => m.get(id) ?? null);
  });

export function createContext(database: Database, identity: Identity, org: ServiceClient, tasks: ServiceClient): AssessmentsContext {
  const db = database.db;
  const ctx: AssessmentsContext = { database, db, identity, org: new OrgDirectory(org, identity), tasks, loaders: undefined as unknown as Loaders, walks: walkStoreOf(database) };
  ctx.loaders = {
    scheme: byId((ids) => schemesByIds(db, ids)),
    submission: byId((ids) => submissionsByIds(db, ids)),
    inspection: byId((ids) => inspectionsByIds(db, ids)),
    joint: byId((ids) => jointsByIds(db, ids)),
    revisions: new DataLoader(async (ids) => {
      const m = groupBy(await revisionsOf(db, ids), (r) => r.submissionId);
      return ids.map((id) => m.get(id) ?? []);
    }),
    findings: new DataLoader(async (keys) => {
      const out = new Map<string, UnitFindingRecord[]>();
      for (const [year, list] of groupBy([...keys], (k) => String(k.year))) {
        const found = await unitFindingsBatch(ctx, list.map((k) => k.unitId), Number(year));
        for (const k of list) out.set(`${k.unitId}|${year}`, found.get(k.unitId) ?? []);
      }
      return keys.map((k) => out.get(`${k.unitId}|${k.year}`) ?? []);
    }, { cacheKeyFn: (k) => `${k.unitId}|${k.year}` }),
  };
  return ctx;
}
