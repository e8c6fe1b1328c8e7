/**
 * `leadershipTimeline`: who led and guided units over a period, for a list of units (through
 * the request's loaders) or for a whole scope (set-based), closed upwards so that a caller can
 * follow "the body that leads its leader" without asking again. The tasks subgraph builds its
 * authority on this answer (ARCHITECTURE.md, "Leadership facts for other subgraphs").
 */
import { groupBy, type Db, type Day } from '@tiaokuai/common';
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

/** Explanations are not kept here, so a directory of the loaded units is enough for the rules (they use it for names only). */
const directoryOf = (byId: Map<string, UnitRecord>): Directory => ({ get: (id) => byId.get(id) });

/**
 * The units with these ids and, with `ancestors`, every body named above them in any period.
 * Two round trips whatever the depth: one recursive statement for every unit that may stand
 * above them (unit.store.ts `unitsAboveOver`), then their units, facts and incoming links in
 * three batched statements; the set is then closed upwards in memory, level by level, from
 * the rules' own answers (so only bodies the rules name are added, in the order they are met).
 */
export async function timelinesFor(db: Db, loaders: Loaders, ids: readonly string[], from: Day, to: Day, ancestors: boolean): Promise<UnitTimeline[]> {
  const asked = [...new Set(ids)];
  const load = ancestors ? [...new Set([...asked, ...(await unitsAboveOver(db, asked, from, to))])] : asked;
  const [units, facts, incoming] = await Promise.all([loaders.unitById.loadMany(load), loaders.factsByUnit.loadMany(load), loaders.linksInto.loadMany(load)]);
  const known = new Map<string, UnitContext>();
  load.forEach((_, i) => {
    const unit = units[i];
    if (unit && !(unit instanceof Error)) known.set(unit.id, { unit, facts: facts[i] as UnitContext['facts'], incoming: incoming[i] as LinkRecord[] });
  });
  const dir: Directory = { get: (id) => known.get(id)?.unit };
  const out = new Map<string, UnitTimeline>();
  let frontier = asked;
  for (let level = 0; frontier.length > 0 && level < MAX_LEVELS; level++) {
    const added: UnitTimeline[] = [];
    for (const id of frontier) {
      const ctx = known.get(id);
      if (!ctx) continue;
      const t = { unit: ctx.unit, requested: level === 0, periods: relationTimeline(ctx, from, to, dir) };
      out.set(id, t);
      added.push(t);
    }
    if (!ancestors) break;
    frontier = [...bodiesNamed(added.map((t) => t.periods))].filter((id) => !out.has(id));
  }
  return [...out.values()];
}

/**
 * A whole scope (or the whole organisation when `rootId` is null) in three statements: every
 * unit's timeline, the scope over the period (scope.ts `scopeOverPeriod`), then the members
 * and, with `ancestors`, the bodies above them.
 */
export async function timelinesInScope(db: Db, rootId: string | null, from: Day, to: Day, ancestors: boolean): Promise<UnitTimeline[]> {
  const all = await loadAll(db);
  const byId = new Map(all.units.map((u) => [u.id, u]));
  const dir = directoryOf(byId);
  const facts = groupBy(all.facts, (f) => f.unitId);
  const incoming = groupBy(all.links, (l) => l.toId);
  const timelines = new Map<string, RelationPeriod[]>();
  for (const unit of all.units) {
    timelines.set(unit.id, relationTimeline({ unit, facts: facts.get(unit.id) ?? [], incoming: incoming.get(unit.id) ?? [] }, from, to, dir));
  }
  const members = rootId ? scopeOverPeriod(rootId, timelines, incoming, from, to) : new Set(byId.keys());
  const out: UnitTimeline[] = [];
  const seen = new Set<string>();
  let frontier = [...members];
  let requested = true;
  while (frontier.length > 0) {
    const next = new Set<string>();
    for (const id of frontier) {
      const unit = byId.get(id);
      if (!unit || seen.has(id)) continue;
      seen.add(id);
      const periods = timelines.get(id) ?? [];
      out.push({ unit, requested, periods });
      if (ancestors) for (const b of bodiesNamed([periods])) if (!seen.has(b)) next.add(b);
    }
    frontier = [...next];
    requested = false;
  }
  return out;
}
