/**
 * The database half of authorization (ARCHITECTURE.md "What callers may learn", migration 0003): each write
 * transaction first declares, with transaction-local settings, whose rights it runs with: the operator's
 * (`hub.scope = all`) or a body's jurisdiction (`hub.units`) and role (`hub.role`). The policies then refuse
 * any row outside them, so a service-layer bug cannot write outside the caller's jurisdiction, and a
 * transaction that declared nothing cannot write at all.
 *
 * Transaction-local (`set_config(…, true)`), never per session: a pooled connection carries no
 * scope from one request to the next.
 */
import { declareHubScope, type Db } from '@tiaokuai/platform';
import type { Access } from './access';

/** The `set_config` statement that opens a scoped transaction (exported for the RLS tests). */
export async function declareScope(tx: Db, access: Access): Promise<void> {
  await declareHubScope(tx, await access.visible(), access.identity.role);
}

/** `db.transaction`, with the caller's scope declared before `fn` runs. */
export async function scopedTransaction<T>(db: Db, access: Access, fn: (tx: Db) => Promise<T>): Promise<T> {
  // Resolved before the transaction opens: on PGlite the jurisdiction's own reads would wait
  // for the one connection this transaction holds.
  await access.visible();
  return db.transaction(async (tx) => {
    await declareScope(tx, access);
    return fn(tx as unknown as Db);
  });
}
