/**
 * The clock and the window check of calendar dates; the dates themselves and their pure
 * arithmetic are `@tiaokuai/leadership`'s days.ts.
 */
import { isDay, MAX_WINDOW_DAYS, type Day } from '@tiaokuai/leadership';
import { BadInputError } from './errors';

/** Beijing's calendar day as YYYY-MM-DD; made once (building one costs more than a request's other date work). */
const BEIJING_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * Today in China Standard Time: `asOf` defaults to today, and the committees' day turns
 * over at midnight in Beijing, not in UTC. `HUB_TODAY` pins it (demos, tests).
 */
export function today(): Day {
  const pinned = process.env.HUB_TODAY;
  if (pinned && isDay(pinned)) return pinned;
  return BEIJING_DAY.format(new Date());
}

/**
 * Checks a period question's window [from, to] (both inclusive): real dates, `to` not before
 * `from`, at most MAX_WINDOW_DAYS long. BAD_USER_INPUT naming `from` or `to` otherwise.
 */
export function checkWindow(from: string, to: string): void {
  if (!isDay(from)) throw new BadInputError('from', `不是有效日期：${from}`);
  if (!isDay(to)) throw new BadInputError('to', `不是有效日期：${to}`);
  if (to < from) throw new BadInputError('to', `to（${to}）早于 from（${from}）`);
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_WINDOW_DAYS)
    throw new BadInputError('to', `时间窗口最长 ${MAX_WINDOW_DAYS} 天`);
}
