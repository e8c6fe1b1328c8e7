/**
 * Calendar dates as `YYYY-MM-DD` strings. Validity intervals in the hub are inclusive of
 * both ends (CONTRACT.md); an open end is `null`. Plain strings in this format compare
 * correctly with `<` and `>`, which the rules rely on. Pure: the clock and the request checks
 * (`today`, `checkWindow`) are the platform's (`@tiaokuai/platform` dates.ts).
 */
export type Day = string;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date in `YYYY-MM-DD` form (2023-02-30 is not). */
export function isDay(s: unknown): s is Day {
  if (typeof s !== 'string') return false;
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

const shifted = new Map<string, Day>();

/**
 * `day` shifted by `n` days. Memoised: the rules shift the same few thousand dates (interval
 * ends) over and over, and Date arithmetic dominated a whole-province scan.
 */
export function addDays(day: Day, n: number): Day {
  const key = `${day}|${n}`;
  const hit = shifted.get(key);
  if (hit) return hit;
  const m = DAY_RE.exec(day);
  if (!m) throw new Error(`not a date: ${day}`);
  const out = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + n)).toISOString().slice(0, 10);
  if (shifted.size > 200_000) shifted.clear();
  shifted.set(key, out);
  return out;
}

/** Inclusive interval containment; `to === null` is open-ended. */
export function within(day: Day, from: Day, to: Day | null | undefined): boolean {
  return from <= day && (to == null || day <= to);
}

/** Do two inclusive intervals share at least one day? */
export function overlaps(aFrom: Day, aTo: Day | null | undefined, bFrom: Day, bTo: Day | null | undefined): boolean {
  return (aTo == null || bFrom <= aTo) && (bTo == null || aFrom <= bTo);
}

export function minDay(a: Day | null | undefined, b: Day | null | undefined): Day | null {
  if (a == null) return b ?? null;
  if (b == null) return a;
  return a < b ? a : b;
}

/** Longest window one period question may cover (a scan of a province over ten years is no question). */
export const MAX_WINDOW_DAYS = 3 * 366;
