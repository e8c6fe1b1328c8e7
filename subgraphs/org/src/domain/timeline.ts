import { addDays, within, type Day } from '@tiaokuai/common';
import type { FactVersion, LinkRecord, LinkKind } from './types';

/** The fact version in force on `day`, if any (versions never overlap: import and mutations refuse it). */
export function factsAt(versions: readonly FactVersion[], day: Day): FactVersion | null {
  return versions.find((v) => within(day, v.validFrom, v.validTo)) ?? null;
}

export function linksAt(links: readonly LinkRecord[], day: Day, kind?: LinkKind): LinkRecord[] {
  return links.filter((l) => (kind === undefined || l.kind === kind) && within(day, l.validFrom, l.validTo));
}

export interface Interval {
  from: Day;
  to: Day | null;
}

/**
 * The parts of `[from, to]` that no interval of `cover` touches, in order. Intervals are
 * inclusive, so [01-01, 03-31] followed by [04-01, ...] leaves no gap.
 */
export function uncovered(from: Day, to: Day, cover: readonly Interval[]): Interval[] {
  const sorted = [...cover].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const gaps: Interval[] = [];
  let cursor: Day | null = from; // first day not yet known to be covered; null = past `to`
  for (const c of sorted) {
    if (cursor === null) break;
    if (c.to !== null && c.to < cursor) continue;
    if (c.from > cursor) {
      const gapEnd = addDays(c.from, -1);
      gaps.push({ from: cursor, to: gapEnd < to ? gapEnd : to });
      if (gapEnd >= to) return gaps;
    }
    if (c.to === null || c.to >= to) {
      cursor = null;
    } else {
      cursor = addDays(c.to, 1);
    }
  }
  if (cursor !== null && cursor <= to) gaps.push({ from: cursor, to });
  return gaps;
}
