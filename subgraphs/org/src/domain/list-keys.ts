/**
 * Stable keys for the lists org serves in pages (ARCHITECTURE.md, "Bounded answers"): a key
 * names what an item is about, not where it sits, so the same item keeps the same cursor from
 * one scan to the next and a page read after a cursor neither skips nor repeats items when the
 * list changed in between. Keys compare by code unit (`compareKeys` of @tiaokuai/platform), and
 * that comparison is the list's order.
 */
import { HISTORY_KINDS, type HistoryEntry } from './history';
import type { Finding } from './types';

/**
 * Separates a key's parts: below every character a unit code may hold (CODE_RE: letters,
 * digits, `_`, `.`, `-`), so `SC` and its findings sort before `SC-JGGW` and its findings.
 */
const SEP = ' ';

/** A row id as fixed-width digits, so that the key's order is the ids' numeric order. */
export const paddedId = (id: string): string => id.padStart(10, '0');

/**
 * An anomaly's key: its unit's code, its code, the first day of its period, then the units and
 * links involved (sorted by id). Two findings with the same key would be the same finding.
 * The list's order is therefore by unit code, then anomaly code, then period.
 */
export function anomalyKey(f: Finding, codeOf: (unitId: string) => string): string {
  const ids = (xs: string[]) =>
    [...xs]
      .sort((a, b) => Number(a) - Number(b))
      .map(paddedId)
      .join(',');
  return [codeOf(f.unitId), f.code, f.from ?? '', ids(f.relatedUnitIds), ids(f.linkIds)].join(SEP);
}

/**
 * A history event's key: its date, its kind's rank on that date (HISTORY_KINDS, `unitHistory`'s
 * order: a unit starts before anything else and ends after everything else), and the link or
 * the anomaly it is about (an anomaly by its own key, without the unit, which is the same for
 * the whole history). A unit has one start, one end and one fact version per first day, so
 * those need no more.
 */
export function historyKey(e: HistoryEntry): string {
  const about = e.link ? paddedId(e.link.id) : e.anomaly ? anomalyKey(e.anomaly, () => '') : '';
  return [e.date, HISTORY_KINDS.indexOf(e.kind), about].join(SEP);
}

/** Counts per value of `valueOf`, in the order of `order` (values absent from the list are left out). */
export function countsBy<T, V extends string>(
  items: readonly T[],
  valueOf: (t: T) => V,
  order: readonly V[],
): Array<{ value: V; count: number }> {
  const n = new Map<V, number>();
  for (const t of items) n.set(valueOf(t), (n.get(valueOf(t)) ?? 0) + 1);
  return order.filter((v) => n.has(v)).map((value) => ({ value, count: n.get(value)! }));
}
