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
import { ForbiddenError, readsEverything, RevisionCache, requireRole, today, type Db, type Identity, type Role } from '@tiaokuai/platform';
import { type Day, type Visibility } from '@tiaokuai/leadership';
import { scopeOf } from '../../domain/scope';
import type { UnitRecord } from '../../domain/types';
import { snapshot, type Snapshot } from '../organisation/organisation.service';
import { orgRevision } from '../organisation/organisation.store';

export class JurisdictionCache {
  /** The organisation evaluated at one revision and day, with each body's scope as it is asked for. */
  private readonly cache = new RevisionCache<{ snap: Snapshot; scopes: Map<string, ReadonlySet<string>> }>(orgRevision, 1);

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

/** The per-request view of the caller's rights; the visibility is computed once, on first use. */
export class Access {
  private visibility?: Promise<Visibility>;

  constructor(
    readonly identity: Identity,
    private readonly db: Db,
    private readonly cache: JurisdictionCache,
  ) {}

  /**
   * Everything for the operator, and for a service call under a wide grant (identity.ts
   * SERVICE_GRANTS: the server has already refused any field outside the grant's); else the
   * body's jurisdiction.
   */
  visible(): Promise<Visibility> {
    const everything = readsEverything(this.identity);
    this.visibility ??= everything || !this.identity.body
      ? Promise.resolve(everything ? { all: true } : { all: false, ids: new Set<string>() })
      : this.cache.scope(this.db, this.identity.body).then((ids) => ({ all: false, ids }));
    return this.visibility;
  }

  async canSee(unitId: string): Promise<boolean> {
    const v = await this.visible();
    return v.all || v.ids.has(unitId);
  }

  /** Keeps the visible ones, in order. */
  async filter<T extends { id: string }>(units: T[]): Promise<T[]> {
    const v = await this.visible();
    return v.all ? units : units.filter((u) => v.ids.has(u.id));
  }

  /**
   * A unit outside the caller's jurisdiction can still appear as a reference (the leader of a
   * unit it sees, the other end of a link): its code and name, nothing more. Its details are
   * refused, so no chain of references reaches another body's records.
   */
  async requireDetails(unit: UnitRecord, field: string): Promise<void> {
    if (!(await this.canSee(unit.id))) throw new ForbiddenError(`${unit.code} 不在管辖范围内：只显示其代码和名称`, { field });
  }

  /** Refuses a caller whose role is below `role` (VIEWER < EDITOR < ADMIN). */
  requireRole(role: Role, what: string): void {
    requireRole(this.identity, role, what);
  }

  /** Only the hub's operator. */
  requireOperator(what: string): void {
    if (!this.identity.hubAdmin) throw new ForbiddenError(`${what}仅限平台运维方（hub admin）`);
  }
}
