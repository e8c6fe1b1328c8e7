/**
 * A unit's responsibility list (责任清单) for a year, in one answer (DOMAIN.md "Tasks (任务)", `Unit.responsibilityList`):
 * every item that applies to the unit on some day of the year (list-reach.ts: hub-wide items of
 * its kind; owners' items where the owner leads it, directly or through bodies it leads), each
 * with its owner, the relation that brings it, the binding assignments that fulfil it and the
 * periods still missing (the unit's MISSING findings for the item). Pure.
 *
 * When the relation changes during the year (a transfer, dual leadership beginning), the entry
 * describes the last stretch of the year on which the item applied; `from`/`to` are the first
 * and last day it applied. Entries are ordered hub-wide first, then by owner id, then code (the
 * order of `requiredItems`).
 */
import { itemReach, type ListRelation, type UnitLists } from './list-reach';
import type { AssignmentFact, RequiredItem, TaskFinding } from './types';

export interface ResponsibilityEntry {
  item: RequiredItem;
  relation: ListRelation;
  /** For an owner's item: how it leads the unit (or the body `through` which its list arrives). */
  flavour: string | null;
  through: string | null;
  depth: number;
  from: string;
  to: string;
  /** Binding assignments of the unit naming the item, whose period touches the year. */
  assignments: AssignmentFact[];
  /**
   * The frequency periods of the year no binding assignment covers (each whole: the MISSING findings' periods, which
   * lie inside the year).
   */
  missing: Array<{ from: string; to: string }>;
}

export function responsibilityList(
  args: UnitLists & { assignments: readonly AssignmentFact[]; missing: readonly TaskFinding[] },
): ResponsibilityEntry[] {
  const out: ResponsibilityEntry[] = [];
  for (const item of args.items) {
    let entry = null as ResponsibilityEntry | null;
    for (const r of args.reach) {
      if (r.to < args.from || r.from > args.to) continue;
      if (item.retiredOn && item.retiredOn <= r.from) continue;
      const how = itemReach(item, args.unitKind, r.owners);
      if (!how) continue;
      const from = r.from < args.from ? args.from : r.from;
      const to = r.to > args.to ? args.to : r.to;
      entry = {
        item,
        relation: how.relation,
        flavour: how.owner?.flavour ?? null,
        through: how.owner?.through ?? null,
        depth: how.owner?.depth ?? 0,
        from: entry?.from ?? from,
        to,
        assignments: [],
        missing: [],
      };
    }
    if (!entry) continue;
    entry.assignments = args.assignments.filter(
      (a) =>
        a.unitId === args.unitId &&
        a.requiredItemId === item.id &&
        a.authority === 'BINDING' &&
        a.startsOn <= args.to &&
        a.dueOn >= args.from,
    );
    entry.missing = args.missing
      .filter((f) => f.kind === 'MISSING' && f.unitId === args.unitId && f.requiredItemId === item.id)
      .map((f) => ({ from: f.from!, to: f.to! }));
    out.push(entry);
  }
  return out;
}
