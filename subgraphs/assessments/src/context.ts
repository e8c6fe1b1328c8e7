/** A request's context (request.ts): wiring only; the loaders read through the stores. */
import DataLoader from 'dataloader';
import { OrgDirectory, walkStoreOf, type Database, type Identity, type ServiceClient } from '@tiaokuai/platform';
import { groupBy } from '@tiaokuai/leadership';
import { inspectionsByIds, jointsByIds } from './modules/inspection/inspection.store';
import { schemesByIds } from './modules/scheme/scheme.store';
import { revisionsOf, submissionsByIds } from './modules/submission/submission.store';
import type { AssessmentsContext, Loaders } from './request';

export type { AssessmentsContext, Loaders } from './request';

const byId = <T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>) =>
  new DataLoader<string, T | null>(async (ids) => {
    const m = new Map((await fetch(ids)).map((x) => [x.id, x]));
    return ids.map((id) => m.get(id) ?? null);
  });

export function createContext(
  database: Database,
  identity: Identity,
  org: ServiceClient,
  tasks: ServiceClient,
): AssessmentsContext {
  const db = database.db;
  const loaders: Loaders = {
    scheme: byId((ids) => schemesByIds(db, ids)),
    submission: byId((ids) => submissionsByIds(db, ids)),
    inspection: byId((ids) => inspectionsByIds(db, ids)),
    joint: byId((ids) => jointsByIds(db, ids)),
    revisions: new DataLoader(async (ids) => {
      const m = groupBy(await revisionsOf(db, ids), (r) => r.submissionId);
      return ids.map((id) => m.get(id) ?? []);
    }),
  };
  return {
    database,
    db,
    identity,
    org: new OrgDirectory(org, identity),
    orgService: org,
    tasks,
    loaders,
    walks: walkStoreOf(database),
  };
}
