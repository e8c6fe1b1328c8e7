/**
 * `leadershipTimeline`: who led and guided units over a period, for a list of units (through
 * the request's loaders) or for a whole scope (set-based), closed upwards so that a caller can
 * follow "the body that leads its leader" without asking again. The tasks subgraph builds its
 * authority on this answer (ARCHITECTURE.md, "Leadership facts for other subgraphs").
 */
import { BadInputError, type Db } from '@tiaokuai/platform';
import { type Day } from '@tiaokuai/leadership';
import { bodiesNamed, relationTimeline, type RelationPeriod } from '../../domain/relations';
import { scopeOverPeriod } from '../../domain/scope';
import type { Directory, LinkRecord, UnitContext, UnitRecord } from '../../domain/types';
import type { Loaders, OrgContext } from '../../request';
import { unitsAboveOver } from '../organisation/organisation.store';
import { requireCode } from '../unit/unit.service';
import type { TimelineCache, UnitTimeline, WholeOrganisation } from './timeline.cache';

/** How many levels above the units asked for are followed (the hierarchy has about six). */
const MAX_LEVELS = 32;

/** Scope answers held per period (each lists up to the whole organisation). */
const MAX_SCOPES_HELD = 64;

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
 * every unit that may stand above them (organisation.store.ts `unitsAboveOver`), then their units,
 * facts and incoming links in three batched statements, evaluated and closed in memory.
 */
export async function timelinesFor(
  db: Db,
  loaders: Loaders,
  cache: TimelineCache,
  ids: readonly string[],
  from: Day,
  to: Day,
  ancestors: boolean,
): Promise<UnitTimeline[]> {
  const whole = await cache.held(db, from, to);
  if (whole) return closeUpwards(ids, ancestors, lookupIn(whole));
  const asked = [...new Set(ids)];
  const load = ancestors ? [...new Set([...asked, ...(await unitsAboveOver(db, asked, from, to))])] : asked;
  const [units, facts, incoming] = await Promise.all([
    loaders.unitById.loadMany(load),
    loaders.factsByUnit.loadMany(load),
    loaders.linksInto.loadMany(load),
  ]);
  const known = new Map<string, UnitContext>();
  load.forEach((_, i) => {
    const unit = units[i];
    if (unit && !(unit instanceof Error))
      known.set(unit.id, { unit, facts: facts[i] as UnitContext['facts'], incoming: incoming[i] as LinkRecord[] });
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
export async function timelinesInScope(
  db: Db,
  cache: TimelineCache,
  rootId: string | null,
  from: Day,
  to: Day,
  ancestors: boolean,
): Promise<UnitTimeline[]> {
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

/** At most this many ids in one `leadershipTimeline(units:)` (a province is about 20,000). */
const MAX_TIMELINE_UNITS = 100_000;

export async function leadershipTimeline(
  ctx: OrgContext,
  args: { units: string[] | null; scope: string | null; from: Day; to: Day; ancestors: boolean },
): Promise<LeadershipTimelineAnswer[]> {
  if (args.to < args.from) throw new BadInputError('to', `to（${args.to}）早于 from（${args.from}）`);
  if (args.units && args.scope) throw new BadInputError('scope', 'units 与 scope 只能给出其一');
  if (args.units && args.units.length > MAX_TIMELINE_UNITS)
    throw new BadInputError('units', `一次最多 ${MAX_TIMELINE_UNITS} 个单位`);
  let out: UnitTimeline[];
  if (args.units) {
    out = await timelinesFor(ctx.db, ctx.loaders, ctx.timelines, args.units, args.from, args.to, args.ancestors);
  } else {
    const root = args.scope ? await requireCode(ctx, args.scope, 'scope') : null;
    out = await timelinesInScope(ctx.db, ctx.timelines, root?.id ?? null, args.from, args.to, args.ancestors);
  }
  // Leaders and guides named in the answer are among its units (when ancestors are followed): no statement for them.
  for (const t of out) ctx.loaders.unitById.prime(t.unit.id, t.unit);
  const v = await ctx.access.visible();
  // A unit outside the jurisdiction reads as absent, as everywhere (its id may still be named as a leader).
  return (v.all ? out : out.filter((t) => v.ids.has(t.unit.id))).map((t) => ({
    unit: t.unit,
    requested: t.requested,
    periods: t.periods.map((p) => ({
      from: p.from,
      to: p.to,
      leaderIds: p.leaders,
      guideIds: p.guides,
      leaderFlavours: p.leaderFlavours,
    })),
  }));
}

/** What `leadershipTimeline` answers for one unit (timeline.type.ts `LeadershipTimeline`). */
export interface LeadershipTimelineAnswer {
  unit: UnitRecord;
  requested: boolean;
  periods: Array<{
    from: Day;
    to: Day;
    leaderIds: string[];
    guideIds: string[];
    leaderFlavours: RelationPeriod['leaderFlavours'];
  }>;
}

/** The question of `leadershipTimeline` and of its compact form. */
export interface TimelineQuestion {
  units?: string[] | null;
  scope?: string | null;
  from: Day;
  to: Day;
  ancestors: boolean;
}

const timelineQuery = (a: TimelineQuestion) => ({
  units: a.units ?? null,
  scope: a.scope ?? null,
  from: a.from,
  to: a.to,
  ancestors: a.ancestors,
});

/** `leadershipTimeline`. */
export const leadershipTimelineOf = (ctx: OrgContext, args: TimelineQuestion) =>
  leadershipTimeline(ctx, timelineQuery(args));

/**
 * `leadershipTimelineTable`: `leadershipTimeline` as one compact JSON value, a row per unit
 * (id, code, kind, name, requested, periods as [from, to, leaderIds, guideIds, leaderFlavours]).
 */
export async function leadershipTimelineTable(ctx: OrgContext, args: TimelineQuestion) {
  const rows = await leadershipTimeline(ctx, timelineQuery(args));
  return {
    units: rows.map((r) => [
      r.unit.id,
      r.unit.code,
      r.unit.kind,
      r.unit.name,
      r.requested,
      r.periods.map((p) => [p.from, p.to, p.leaderIds, p.guideIds, p.leaderFlavours]),
    ]),
  };
}
