/**
 * Wiring of a request: its identity, the database, org, and DataLoaders over the stores (one
 * statement per batch). The types are request.ts's.
 */
import DataLoader from 'dataloader';
import {
  inProcessBus,
  LiveHub,
  OrgDirectory,
  WalkStore,
  type Database,
  type Db,
  type EventBus,
  type Identity,
  type ServiceClient,
} from '@tiaokuai/platform';
import { groupBy as group } from '@tiaokuai/leadership';
import { AuthorityIndex } from './domain/authority';
import { assignmentsByIds, assignmentsOfTasks, progressReportsOf } from './modules/assignment/assignment.store';
import { ScanCache } from './modules/finding/scan-cache';
import { requiredItemRows } from './modules/responsibility-list/responsibility-list.store';
import { tasksByIds } from './modules/task/task.store';
import type { Loaders, TasksCaches, TasksContext } from './request';

export type { AuthorityKey, Loaders, TasksCaches, TasksContext } from './request';

const cachesByDatabase = new WeakMap<Database, TasksCaches>();

/**
 * The caches of one database in this process (tests open many databases; each has its own). The
 * first call decides the live watches' bus (`bus`, else this process's in-process bus).
 */
export function cachesOf(database: Database, bus?: EventBus): TasksCaches {
  let caches = cachesByDatabase.get(database);
  if (!caches)
    cachesByDatabase.set(
      database,
      (caches = { scans: new ScanCache(), walks: new WalkStore(), live: new LiveHub(bus ?? inProcessBus()) }),
    );
  return caches;
}

export function createLoaders(db: Db, org: OrgDirectory): Loaders {
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
    authority: new DataLoader(
      async (keys) => {
        const days = keys.map((k) => k.day).sort();
        const answer = await org.timelines({
          units: [...new Set(keys.map((k) => k.unitId))],
          from: days[0],
          to: days[days.length - 1],
        });
        const index = new AuthorityIndex(answer.timelines);
        return keys.map((k) => index.authority(k.issuerId, k.unitId, k.day, k.binding));
      },
      { cacheKeyFn: (k) => `${k.issuerId}|${k.unitId}|${k.day}|${k.binding}` },
    ),
  };
}

export function createContext(database: Database, identity: Identity, client: ServiceClient): TasksContext {
  const org = new OrgDirectory(client, identity);
  const loaders = createLoaders(database.db, org);
  return {
    database,
    caches: cachesOf(database),
    db: database.db,
    identity,
    org,
    loaders,
    renew: () => createContext(database, identity, client),
  };
}
