/**
 * Calendar dates as `YYYY-MM-DD` strings. Validity intervals in the hub are inclusive of
 * both ends (CONTRACT.md); an open end is `null`. Plain strings in this format compare
 * correctly with `<` and `>`, which the rules rely on.
 */
import { BadInputError } from './errors';

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

/** Beijing's calendar day as YYYY-MM-DD; made once (building one costs more than a request's other date work). */
const BEIJING_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Today in China Standard Time: `asOf` defaults to today, and the committees' day turns
 * over at midnight in Beijing, not in UTC. `HUB_TODAY` pins it (demos, tests).
 */
export function today(): Day {
  const pinned = process.env.HUB_TODAY;
  if (pinned && isDay(pinned)) return pinned;
  return BEIJING_DAY.format(new Date());
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

/**
 * Checks a period question's window [from, to] (both inclusive): real dates, `to` not before
 * `from`, at most MAX_WINDOW_DAYS long. BAD_USER_INPUT naming `from` or `to` otherwise.
 */
export function checkWindow(from: string, to: string): void {
  if (!isDay(from)) throw new BadInputError('from', `不是有效日期：${from}`);
  if (!isDay(to)) throw new BadInputError('to', `不是有效日期：${to}`);
  if (to < from) throw new BadInputError('to', `to（${to}）早于 from（${from}）`);
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_WINDOW_DAYS) throw new BadInputError('to', `时间窗口最长 ${MAX_WINDOW_DAYS} 天`);
}
