import DataLoader from 'dataloader';
import { WalkStore, type Database, type Db, type Identity, type ServiceClient } from '@tiaokuai/platform';
import { groupBy as group } from '@tiaokuai/leadership';
import { AuthorityIndex, type Relation } from './domain/authority';
import type { Authority } from './domain/types';
import { OrgDirectory } from '@tiaokuai/platform';
import type { TaskFinding } from './domain/types';
import { ScanCache, unitFindingsBatch } from './tasks/findings.service';
import { assignmentsByIds, assignmentsOfTasks, progressReportsOf, requiredItemRows, tasksByIds, type AssignmentRecord, type RequiredItemRow, type TaskRecord } from './tasks/task.store';

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
  progressReports: DataLoader<string, Awaited<ReturnType<typeof progressReportsOf>>>;
  /** Responsibility-list items by id (every list is read once per request: a few hundred items). */
  requiredItem: DataLoader<string, RequiredItemRow | null>;
  /** Task findings of many units over one window: one question to org, one statement. */
  findings: DataLoader<{ unitId: string; from: string; to: string }, TaskFinding[], string>;
}

/** What a tasks process keeps across requests, each part checked against a revision. */
export interface TasksCaches {
  scans: ScanCache;
  /** Walks of scope-wide lists (taskConflicts): pages after the first without a scan (platform's walks.ts). */
  walks: WalkStore;
}

const cachesByDatabase = new WeakMap<Database, TasksCaches>();

/** The caches of one database in this process (tests open many databases; each has its own). */
export function cachesOf(database: Database): TasksCaches {
  let caches = cachesByDatabase.get(database);
  if (!caches) cachesByDatabase.set(database, (caches = { scans: new ScanCache(), walks: new WalkStore() }));
  return caches;
}

export interface TasksContext {
  database: Database;
  caches: TasksCaches;
  db: Db;
  identity: Identity;
  org: OrgDirectory;
  loaders: Loaders;
}

export function createLoaders(db: Db, org: OrgDirectory, ctx: () => TasksContext): Loaders {
  return {
    task: new DataLoader(async (ids) => {
      const byId = new Map((await tasksByIds(db, ids)).map((t) => [t.id, t]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    assignment: new DataLoader(async (ids) => {
      const byId = new Map((await assignmentsByIds(db, ids)).map((a) => [a.id, a]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    progressReports: new DataLoader(async (ids) => {
      const m = group(await progressReportsOf(db, ids), (r) => r.assignmentId);
      return ids.map((id) => m.get(id) ?? []);
    }),
    assignmentsOfTask: new DataLoader(async (ids) => {
      const m = group(await assignmentsOfTasks(db, ids), (a) => a.taskId);
      return ids.map((id) => m.get(id) ?? []);
    }),
    requiredItem: new DataLoader(async (ids) => {
      const byId = new Map((await requiredItemRows(db)).map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    authority: new DataLoader(async (keys) => {
      const days = keys.map((k) => k.day).sort();
      const answer = await org.timelines({ units: [...new Set(keys.map((k) => k.unitId))], from: days[0], to: days[days.length - 1] });
      const index = new AuthorityIndex(answer.timelines);
      return keys.map((k) => index.authority(k.issuerId, k.unitId, k.day, k.binding));
    }, { cacheKeyFn: (k) => `${k.issuerId}|${k.unitId}|${k.day}|${k.binding}` }),
    findings: new DataLoader(async (keys) => {
      const byWindow = group([...keys], (k) => `${k.from}|${k.to}`);
      const answers = new Map<string, TaskFinding[]>();
      for (const [window, list] of byWindow) {
        const [from, to] = window.split('|');
        const found = await unitFindingsBatch(ctx(), list.map((k) => k.unitId), from, to);
        for (const [id, f] of found) answers.set(`${id}|${window}`, f);
      }
      return keys.map((k) => answers.get(`${k.unitId}|${k.from}|${k.to}`) ?? []);
    }, { cacheKeyFn: (k) => `${k.unitId}|${k.from}|${k.to}` }),
  };
}

export function createContext(database: Database, identity: Identity, client: ServiceClient): TasksContext {
  const org = new OrgDirectory(client, identity);
  const ctx: TasksContext = { database, caches: cachesOf(database), db: database.db, identity, org, loaders: undefined as unknown as Loaders };
  ctx.loaders = createLoaders(database.db, org, () => ctx);
  return ctx;
}
