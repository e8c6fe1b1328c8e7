/**
 * The database half of authorization, as in org (org's access/rls.ts, migration 0001 here):
 * each write transaction declares, with transaction-local settings, the caller's jurisdiction
 * (as org answers it) and role; the policies refuse any row outside them.
 */
import { declareHubScope, type Db, type Identity } from '@tiaokuai/common';
import type { OrgDirectory } from '../org/org-directory';

export async function scopedTransaction<T>(db: Db, org: OrgDirectory, identity: Identity, fn: (tx: Db) => Promise<T>): Promise<T> {
  // Asked before the transaction opens: org is another service, and PGlite's one connection
  // would otherwise be held while waiting.
  const v = await org.visible();
  return db.transaction(async (tx) => {
    await declareHubScope(tx as unknown as Db, v, identity.role);
    return fn(tx as unknown as Db);
  });
}
