/**
 * Whole-organisation timelines over a period, kept per process while org's revision stands;
 * `leadershipTimeline` (timeline.service.ts) answers scopes, and lists of units over a period
 * already held, from them.
 */
import { RevisionCache, warmSpans, type Db } from '@tiaokuai/platform';
import { groupBy, type Day } from '@tiaokuai/leadership';
import { directoryOf } from '../../domain/party-building';
import { relationTimeline, type RelationPeriod } from '../../domain/relations';
import type { LinkRecord, UnitRecord } from '../../domain/types';
import { loadAll, orgRevision } from '../organisation/organisation.store';

/** The whole organisation's timelines over one period, and each scope's answer once asked. */
export interface WholeOrganisation {
  byId: Map<string, UnitRecord>;
  incoming: Map<string, LinkRecord[]>;
  timelines: Map<string, RelationPeriod[]>;
  /** Keyed `rootId|ancestors` (rootId empty for everything). */
  scopes: Map<string, UnitTimeline[]>;
}

export interface UnitTimeline {
  unit: UnitRecord;
  /** Asked for (or in the scope); false for a body above them, included to close the set. */
  requested: boolean;
  periods: RelationPeriod[];
}

/**
 * The whole organisation evaluated over a period, per process, while the database's revision
 * stands (platform's revision-cache.ts): a scope's answer is then memory, and a list of units asked over
 * a period already evaluated costs the revision check alone. What it hands out is shared
 * between requests and must not be changed.
 */
export class TimelineCache {
  /** Periods held at once (a scan asks for whole years; a few years' worth is plenty). */
  private readonly cache = new RevisionCache<WholeOrganisation>(orgRevision, 8);

  /** How many whole-organisation evaluations have started (for tests). */
  get loads(): number {
    return this.cache.loads;
  }

  /** The organisation over [from, to], evaluated now unless held. */
  whole(db: Db, from: Day, to: Day): Promise<WholeOrganisation> {
    return this.cache.get(db, `${from}|${to}`, () => evaluateAll(db, from, to));
  }

  /**
   * Evaluates again, ahead of the next question, each period held before the last write, and
   * the current year (the period a scan of this year's tasks asks): platform's warmer.ts.
   */
  warm(db: Db): Promise<void> {
    return warmSpans(this.cache.keys(), (from, to) => this.whole(db, from, to));
  }

  /** The organisation over [from, to] if already held (or being evaluated); never starts an evaluation. */
  held(db: Db, from: Day, to: Day): Promise<WholeOrganisation | undefined> {
    return this.cache.peek(db, `${from}|${to}`);
  }
}

/** Every unit's timeline over [from, to], from three statements (loadAll). */
async function evaluateAll(db: Db, from: Day, to: Day): Promise<WholeOrganisation> {
  const all = await loadAll(db);
  const byId = new Map(all.units.map((u) => [u.id, u]));
  const dir = directoryOf(byId);
  const facts = groupBy(all.facts, (f) => f.unitId);
  const incoming = groupBy(all.links, (l) => l.toId);
  const timelines = new Map<string, RelationPeriod[]>();
  for (const unit of all.units) {
    timelines.set(
      unit.id,
      relationTimeline({ unit, facts: facts.get(unit.id) ?? [], incoming: incoming.get(unit.id) ?? [] }, from, to, dir),
    );
  }
  return { byId, incoming, timelines, scopes: new Map() };
}
