/**
 * Which responsibility lists reach a unit, and how (DOMAIN.md, Tasks, 责任清单: "A list belongs
 * to the body that issues it. A committee's list reaches the units it leads, directly or through
 * bodies it leads"; DOMAIN.md "Tasks (任务)"). Pure: from org's answer of who led each unit on each day
 * (`leadershipTimeline`, with every body above and each leader's flavour).
 *
 * On a day d, the owner O's list reaches a unit U when O leads U on d:
 * - DIRECT: O is one of U's leaders (an organ party committee from 2019-11-29 has two: the work
 *   committee, 统一领导 UNIFIED, and its department's party group, 具体领导 SPECIFIC);
 * - CASCADE: O leads a body that leads U, and so on up (苏州's 三级责任清单: the work committee's
 *   list reaches each branch through the department and its organ party committee).
 * Guidance (指导) brings no list: a guide's tasks are advisory, and so would its list be.
 * A hub-wide item (no owner: the regulation's own duties) reaches every unit of its kinds.
 *
 * Each reaching owner is described by `depth` (1 for a direct leader, 2 for its leader…), the
 * body `through` which it arrives (the one O leads directly on the way; null when DIRECT) and
 * `flavour` (how O leads that body, as org names it). When an owner is reached by two ways, the
 * shorter counts (then the one org lists first). The walk stops at 32 levels and on cycles
 * (org reports those as CYCLE).
 */
import { addDays, overlaps, periodAt, type RelationPeriod, type Timelines } from '@tiaokuai/leadership';
import type { RequiredItem } from './types';

export type ListRelation = 'HUB_WIDE' | 'DIRECT' | 'CASCADE';

/** How one owner's list reaches a unit on a day. */
export interface OwnerReach {
  ownerId: string;
  relation: 'DIRECT' | 'CASCADE';
  depth: number;
  /** The body the owner leads directly on the way to the unit; null when it leads the unit itself. */
  through: string | null;
  /** UNIFIED (统一领导), SPECIFIC (具体领导) or null: how the owner leads the unit, or `through`. */
  flavour: string | null;
}

/** Owner id → how its list reaches the unit. */
export type Reach = ReadonlyMap<string, OwnerReach>;

/** A stretch of days over which the same owners reach a unit the same ways. */
export interface ReachPeriod {
  from: string;
  to: string;
  owners: Reach;
}

/** A unit over a window, with the lists and who reaches it: what the list rules (duplicates, a unit's list) read. */
export interface UnitLists {
  unitId: string;
  unitKind: string;
  from: string;
  to: string;
  /** Every item, retired ones included (each judged by its retirement day). */
  items: readonly RequiredItem[];
  /** Who reaches the unit over the window (reachDuring): one stretch per change. */
  reach: readonly ReachPeriod[];
}

const MAX_DEPTH = 32;

const flavourOf = (p: RelationPeriod, i: number): string | null => p.leaderFlavours?.[i] ?? null;

/** Every owner whose list reaches `unitId` on `day` (empty on a day the unit did not exist). */
export function reachOn(timelines: Timelines, unitId: string, day: string): Map<string, OwnerReach> {
  const out = new Map<string, OwnerReach>();
  let level: string[] = [unitId];
  for (let depth = 1; level.length > 0 && depth <= MAX_DEPTH; depth++) {
    const next: string[] = [];
    for (const body of level) {
      const p = periodAt(timelines, body, day);
      if (!p) continue;
      p.leaders.forEach((leader, i) => {
        if (leader === unitId || out.has(leader)) return; // a cycle, or reached by a shorter way
        const via = depth === 1 ? null : body;
        out.set(leader, {
          ownerId: leader,
          relation: depth === 1 ? 'DIRECT' : 'CASCADE',
          depth,
          through: via,
          flavour: flavourOf(p, i),
        });
        next.push(leader);
      });
    }
    level = next;
  }
  return out;
}

const sameReach = (a: Reach, b: Reach): boolean =>
  a.size === b.size &&
  [...a].every(([id, r]) => {
    const o = b.get(id);
    return (
      !!o && o.relation === r.relation && o.depth === r.depth && o.through === r.through && o.flavour === r.flavour
    );
  });

/**
 * The owners reaching `unitId` over [from, to], cut where they change: at the starts of the
 * periods of the unit and of every body met on the way up (where org's answer can change).
 * Days the unit did not exist belong to no period.
 */
export function reachDuring(timelines: Timelines, unitId: string, from: string, to: string): ReachPeriod[] {
  if (to < from) return [];
  const cuts = new Set<string>([from]);
  const seen = new Set<string>();
  const addCuts = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const p of timelines.get(id) ?? []) {
      if (p.from > from && p.from <= to) cuts.add(p.from);
      const after = addDays(p.to, 1);
      if (after > from && after <= to) cuts.add(after);
    }
  };
  addCuts(unitId);
  // Bodies met on any day: closing over them can add days, which can meet more bodies.
  for (let grown = true; grown;) {
    grown = false;
    for (const day of [...cuts]) {
      for (const owner of reachOn(timelines, unitId, day).keys()) {
        if (!seen.has(owner)) {
          addCuts(owner);
          grown = true;
        }
      }
    }
  }
  const days = [...cuts].sort();
  const out: ReachPeriod[] = [];
  days.forEach((day, i) => {
    if (!periodAt(timelines, unitId, day)) return;
    const end = i + 1 < days.length ? addDays(days[i + 1], -1) : to;
    const owners = reachOn(timelines, unitId, day);
    const last = out.at(-1);
    if (last && last.to === addDays(day, -1) && sameReach(last.owners, owners)) last.to = end;
    else out.push({ from: day, to: end, owners });
  });
  return out;
}

/** How an item reaches a unit of `unitKind` given the owners reaching it: null when it does not apply. */
export function itemReach(
  item: RequiredItem,
  unitKind: string,
  owners: Reach,
): { relation: ListRelation; owner: OwnerReach | null } | null {
  if (!item.kinds.includes(unitKind)) return null;
  if (!item.ownerId) return { relation: 'HUB_WIDE', owner: null };
  const owner = owners.get(item.ownerId);
  return owner ? { relation: owner.relation, owner } : null;
}

/**
 * Does the item apply to the unit on some day of [from, to]? Hub-wide items apply on every day
 * the unit existed (`periods`: the unit's own relation periods), an owner's on the days its list
 * reaches the unit (`reach`).
 */
export function appliesDuring(
  item: RequiredItem,
  unitKind: string,
  reach: readonly ReachPeriod[],
  periods: ReadonlyArray<{ from: string; to: string }>,
  from: string,
  to: string,
): boolean {
  if (!item.kinds.includes(unitKind)) return false;
  if (!item.ownerId) return periods.some((p) => overlaps(p.from, p.to, from, to));
  return reach.some((r) => overlaps(r.from, r.to, from, to) && r.owners.has(item.ownerId!));
}
