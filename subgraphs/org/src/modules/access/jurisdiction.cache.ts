/**
 * Who may see and change what (ARCHITECTURE.md "What callers may learn"): a caller acts for one body with a role. Its
 * jurisdiction is the body's scope as of today (domain/scope.ts: its subtree, the units it
 * leads directly or through bodies it leads, and the units any of those guide). Outside it,
 * units read as absent and writes are FORBIDDEN. The hub's operator sees everything.
 *
 * The scope needs the whole organisation evaluated, so it is cached per process, keyed by the
 * database's revision and by the day (platform's revision-cache.ts): one cheap statement per
 * request checks it.
 */
import { RevisionCache, today, type Db } from '@tiaokuai/platform';
import { type Day } from '@tiaokuai/leadership';
import { scopeOf } from '../../domain/scope';
import { snapshot, type Snapshot } from '../organisation/organisation.service';
import { orgRevision } from '../organisation/organisation.store';

export class JurisdictionCache {
  /** The organisation evaluated at one revision and day, with each body's scope as it is asked for. */
  private readonly cache = new RevisionCache<{ snap: Snapshot; scopes: Map<string, ReadonlySet<string>> }>(
    orgRevision,
    1,
  );

  /** How many evaluations of the organisation this cache has started (for tests). */
  get loads(): number {
    return this.cache.loads;
  }

  /** The ids a body's jurisdiction holds today; empty for an unknown body. */
  async scope(db: Db, bodyCode: string, day: Day = today()): Promise<ReadonlySet<string>> {
    const cur = await this.cache.get(db, day, async () => ({ snap: await snapshot(db, day), scopes: new Map() }));
    let ids = cur.scopes.get(bodyCode);
    if (!ids) {
      const body = cur.snap.units.find((u) => u.code === bodyCode);
      ids = body ? scopeOf(body.id, cur.snap.evaluations) : new Set<string>();
      cur.scopes.set(bodyCode, ids);
    }
    return ids;
  }
}
