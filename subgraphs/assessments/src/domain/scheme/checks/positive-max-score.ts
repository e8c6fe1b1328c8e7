import { isNum } from '../read';
import type { Problem } from '../scheme';

/** An indicator's maximum score is above 0: a score is weighted as score / maxScore. */
export function positiveMaxScore(maxScore: unknown, at: string): Problem[] {
  if (isNum(maxScore) && maxScore > 0) return [];
  return [{ path: `${at}.maxScore`, message: `满分应为大于 0 的数：${String(maxScore)}` }];
}
