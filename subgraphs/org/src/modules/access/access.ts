/**
 * The per-request view of the caller's rights (ARCHITECTURE.md "What callers may learn"): role checks, and the
 * jurisdiction read through the process's JurisdictionCache (jurisdiction.cache.ts).
 */
import { ForbiddenError, readsEverything, requireRole, type Db, type Identity, type Role } from '@tiaokuai/platform';
import { type Visibility } from '@tiaokuai/leadership';
import type { UnitRecord } from '../../domain/types';
import type { JurisdictionCache } from './jurisdiction.cache';

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
    this.visibility ??=
      everything || !this.identity.body
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
    if (!(await this.canSee(unit.id)))
      throw new ForbiddenError(`${unit.code} 不在管辖范围内：只显示其代码和名称`, { field });
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
