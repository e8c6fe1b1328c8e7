/**
 * Who may see and change what (issue 3): a caller acts for one body with a role. Its
 * jurisdiction is the body's scope as of today (domain/scope.ts: its subtree, the units it
 * leads directly or through bodies it leads, and the units any of those guide). Outside it,
 * units read as absent and writes are FORBIDDEN. The hub's operator sees everything.
 *
 * The scope needs the whole organisation evaluated, so it is cached per process, keyed by the
 * database's revision (bumped by triggers in the same transaction as every write to units,
 * facts or links, migration 0001) and by the day: one cheap statement per request checks it.
 * Several org processes over one database each keep their own cache and stay correct.
 */
import { sql } from 'drizzle-orm';
import { ForbiddenError, requireRole, rowsOf, today, type Db, type Day, type Identity, type Role } from '@tiaokuai/common';
import { scopeOf } from '../domain/scope';
import { snapshot, type Snapshot } from '../units/party-building.service';

/** What one caller may see: every unit, or these ids. */
export type Visibility = { all: true } | { all: false; ids: ReadonlySet<string> };

export class JurisdictionCache {
  /**
   * The organisation evaluated at one revision and day, shared while it loads: requests that
   * find the cache stale at the same time wait for one evaluation instead of each running
   * their own (RELIABILITY.md: under writes at 50 clients that halved throughput).
   */
  private current?: { key: string; snap: Promise<Snapshot>; scopes: Map<string, ReadonlySet<string>> };
  private loadCount = 0;

  /** How many evaluations of the organisation this cache has started (for tests). */
  get loads(): number {
    return this.loadCount;
  }

  async revision(db: Db): Promise<string> {
    const [row] = await rowsOf<{ n: string | number }>(db, sql`select n from org.revision where id = 1`);
    return String(row?.n ?? 'none');
  }

  /** The ids a body's jurisdiction holds today; empty for an unknown body. */
  async scope(db: Db, bodyCode: string, day: Day = today()): Promise<ReadonlySet<string>> {
    const key = `${await this.revision(db)}|${day}`;
    if (this.current?.key !== key) {
      this.loadCount++;
      const entry = { key, snap: snapshot(db, day), scopes: new Map<string, ReadonlySet<string>>() };
      this.current = entry;
      // A failed load is not kept: the next request tries again.
      entry.snap.catch(() => { if (this.current === entry) this.current = undefined; });
    }
    const cur = this.current;
    const snap = await cur.snap;
    let ids = cur.scopes.get(bodyCode);
    if (!ids) {
      const body = snap.units.find((u) => u.code === bodyCode);
      ids = body ? scopeOf(body.id, snap.evaluations) : new Set<string>();
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

  visible(): Promise<Visibility> {
    this.visibility ??= this.identity.hubAdmin || !this.identity.body
      ? Promise.resolve(this.identity.hubAdmin ? { all: true } : { all: false, ids: new Set<string>() })
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

  /** Refuses a caller whose role is below `role` (VIEWER < EDITOR < ADMIN). */
  requireRole(role: Role, what: string): void {
    requireRole(this.identity, role, what);
  }

  /** Only the hub's operator. */
  requireOperator(what: string): void {
    if (!this.identity.hubAdmin) throw new ForbiddenError(`${what}仅限平台运维方（hub admin）`);
  }
}
