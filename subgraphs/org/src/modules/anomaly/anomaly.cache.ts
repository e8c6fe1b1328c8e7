/**
 * A scope's anomalies on a date or over a period, kept while org's revision stands (platform's
 * revision-cache.ts), so that paging through them (ARCHITECTURE.md, "Bounded answers") scans
 * the organisation once for the first page, not once per page. Any write empties it; several
 * org processes each keep their own and stay correct.
 *
 * Held per (date, scope) or (period, scope), for every caller: a caller's jurisdiction is
 * applied to the list afterwards. Only the findings and the units they name are kept, not the
 * snapshot.
 */
import { RevisionCache, type Db } from '@tiaokuai/platform';
import { type Day } from '@tiaokuai/leadership';
import type { Directory, UnitRecord } from '../../domain/types';
import { snapshot } from '../organisation/organisation.service';
import { orgRevision } from '../organisation/organisation.store';
import { anomaliesIn, anomalyPeriodsIn, type KeyedFinding } from './anomaly.scan';

export interface AnomalyScan {
  /** In key order (anomaliesIn). */
  findings: KeyedFinding[];
  /** The units the findings name (their unit and the related ones), for the request's loader. */
  units: ReadonlyMap<string, UnitRecord>;
}

export class AnomalyCache {
  /** A few dates and scopes: dashboards ask for today, for a handful of committees. */
  private readonly cache = new RevisionCache<AnomalyScan>(orgRevision, 16);

  /** How many scans this cache has started (for tests). */
  get loads(): number {
    return this.cache.loads;
  }

  /** The anomalies of the scope rooted at `scopeId` (null: everything) on `asOf`. */
  scan(db: Db, scopeId: string | null, asOf: Day): Promise<AnomalyScan> {
    return this.cache.get(db, `${asOf}|${scopeId ?? '*'}`, async () => {
      const snap = await snapshot(db, asOf);
      // A day's anomalies have no period: the day asked about names them (their id).
      return withUnits(
        anomaliesIn(snap, scopeId).map((f) => ({ ...f, asOf })),
        snap.dir,
      );
    });
  }

  /**
   * The anomalies whose period overlaps [from, to] of the scope rooted at `scopeId` (null:
   * everything), whose members over the period `membersOf` answers (null: every unit).
   */
  scanPeriod(
    db: Db,
    scopeId: string | null,
    from: Day,
    to: Day,
    membersOf: () => Promise<ReadonlySet<string> | null>,
  ): Promise<AnomalyScan> {
    return this.cache.get(db, `${from}..${to}|${scopeId ?? '*'}`, async () => {
      const { findings, dir } = await anomalyPeriodsIn(db, await membersOf(), from, to);
      return withUnits(findings, dir);
    });
  }
}

/** The findings with the units they name (their unit and the related ones). */
function withUnits(findings: KeyedFinding[], dir: Directory): AnomalyScan {
  const units = new Map<string, UnitRecord>();
  for (const f of findings) {
    for (const id of [f.unitId, ...f.relatedUnitIds]) {
      const u = dir.get(id);
      if (u) units.set(id, u);
    }
  }
  return { findings, units };
}
