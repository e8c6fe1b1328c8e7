/**
 * `leadershipTimeline`: who led and guided units over a period, for a list of units (through
 * the request's loaders) or for a whole scope (set-based), closed upwards so that a caller can
 * follow "the body that leads its leader" without asking again. The tasks subgraph builds its
 * authority on this answer (ARCHITECTURE.md, "Leadership facts for other subgraphs").
 */
import { RevisionCache, revisionOf, warmSpans, type Db } from '@tiaokuai/platform';
import { groupBy, type Day } from '@tiaokuai/leadership';
import type { Loaders } from '../context';
import { bodiesNamed, relationTimeline, type RelationPeriod } from '../domain/relations';
import { scopeOverPeriod } from '../domain/scope';
import type { Directory, LinkRecord, UnitContext, UnitRecord } from '../domain/types';
import { loadAll, unitsAboveOver } from './unit.store';

export interface UnitTimeline {
  unit: UnitRecord;
  /** Asked for (or in the scope); false for a body above them, included to close the set. */
  requested: boolean;
  periods: RelationPeriod[];
}

/** How many levels above the units asked for are followed (the hierarchy has about six). */
const MAX_LEVELS = 32;

/** Scope answers held per period (each lists up to the whole organisation). */
const MAX_SCOPES_HELD = 64;

/** Explanations are not kept here, so a directory of the loaded units is enough for the rules (they use it for names only). */
const directoryOf = (byId: Map<string, UnitRecord>): Directory => ({ get: (id) => byId.get(id) });

/** The whole organisation's timelines over one period, and each scope's answer once asked. */
interface WholeOrganisation {
  byId: Map<string, UnitRecord>;
  incoming: Map<string, LinkRecord[]>;
  timelines: Map<string, RelationPeriod[]>;
  /** Keyed `rootId|ancestors` (rootId empty for everything). */
  scopes: Map<string, UnitTimeline[]>;
}

/**
 * The whole organisation evaluated over a period, per process, while the database's revision
 * stands (platform's revision-cache.ts): a scope's answer is then memory, and a list of units asked over
 * a period already evaluated costs the revision check alone. What it hands out is shared
 * between requests and must not be changed.
 */
/** org.revision: bumped by every write to units, fact versions and links (migration 0001). */
export const orgRevision = revisionOf('org.revision');

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
    timelines.set(unit.id, relationTimeline({ unit, facts: facts.get(unit.id) ?? [], incoming: incoming.get(unit.id) ?? [] }, from, to, dir));
  }
  return { byId, incoming, timelines, scopes: new Map() };
}

/**
 * The units asked for and, with `ancestors`, every body the rules name above them, closed
 * level by level (so only bodies the rules name are added, in the order they are met).
 * `timelineOf` answers a unit's record and periods; undefined for an unknown unit.
 */
function closeUpwards(
  asked: readonly string[],
  ancestors: boolean,
  timelineOf: (id: string) => { unit: UnitRecord; periods: RelationPeriod[] } | undefined,
): UnitTimeline[] {
  const out = new Map<string, UnitTimeline>();
  let frontier = [...new Set(asked)];
  for (let level = 0; frontier.length > 0 && level < MAX_LEVELS; level++) {
    const added: UnitTimeline[] = [];
    for (const id of frontier) {
      const found = out.has(id) ? undefined : timelineOf(id);
      if (!found) continue;
      const t = { unit: found.unit, requested: level === 0, periods: found.periods };
      out.set(id, t);
      added.push(t);
    }
    if (!ancestors) break;
    frontier = [...bodiesNamed(added.map((t) => t.periods))].filter((id) => !out.has(id));
  }
  return [...out.values()];
}

/**
 * The units with these ids and, with `ancestors`, every body named above them in any period.
 * From the cache when the whole organisation is held for the period (one statement: the
 * revision check). Otherwise two round trips whatever the depth: one recursive statement for
 * every unit that may stand above them (unit.store.ts `unitsAboveOver`), then their units,
 * facts and incoming links in three batched statements, evaluated and closed in memory.
 */
export async function timelinesFor(db: Db, loaders: Loaders, cache: TimelineCache, ids: readonly string[], from: Day, to: Day, ancestors: boolean): Promise<UnitTimeline[]> {
  const whole = await cache.held(db, from, to);
  if (whole) return closeUpwards(ids, ancestors, lookupIn(whole));
  const asked = [...new Set(ids)];
  const load = ancestors ? [...new Set([...asked, ...(await unitsAboveOver(db, asked, from, to))])] : asked;
  const [units, facts, incoming] = await Promise.all([loaders.unitById.loadMany(load), loaders.factsByUnit.loadMany(load), loaders.linksInto.loadMany(load)]);
  const known = new Map<string, UnitContext>();
  load.forEach((_, i) => {
    const unit = units[i];
    if (unit && !(unit instanceof Error)) known.set(unit.id, { unit, facts: facts[i] as UnitContext['facts'], incoming: incoming[i] as LinkRecord[] });
  });
  const dir: Directory = { get: (id) => known.get(id)?.unit };
  return closeUpwards(asked, ancestors, (id) => {
    const ctx = known.get(id);
    return ctx && { unit: ctx.unit, periods: relationTimeline(ctx, from, to, dir) };
  });
}

const lookupIn = (whole: WholeOrganisation) => (id: string) => {
  const unit = whole.byId.get(id);
  return unit && { unit, periods: whole.timelines.get(id) ?? [] };
};

/**
 * A whole scope (or the whole organisation when `rootId` is null): every unit's timeline
 * (TimelineCache, three statements when not held), the scope over the period (scope.ts
 * `scopeOverPeriod`), then the members and, with `ancestors`, the bodies above them.
 */
export async function timelinesInScope(db: Db, cache: TimelineCache, rootId: string | null, from: Day, to: Day, ancestors: boolean): Promise<UnitTimeline[]> {
  const whole = await cache.whole(db, from, to);
  const key = `${rootId ?? ''}|${ancestors}`;
  let answer = whole.scopes.get(key);
  if (!answer) {
    const members = rootId ? scopeOverPeriod(rootId, whole.timelines, whole.incoming, from, to) : whole.byId.keys();
    answer = closeUpwards([...members], ancestors, lookupIn(whole));
    if (whole.scopes.size >= MAX_SCOPES_HELD) whole.scopes.delete(whole.scopes.keys().next().value as string);
    whole.scopes.set(key, answer);
  }
  return answer;
}
