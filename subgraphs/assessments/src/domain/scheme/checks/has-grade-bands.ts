import type { Problem } from '../scheme';

/**
 * A scheme grades by at least one band (格次): a score is given its grade by them. `raw` is the
 * `gradeBands` field as given; one that is not a list is reported by the reading (read.ts).
 */
export function hasGradeBands(raw: unknown): Problem[] {
  const empty = raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0);
  return empty ? [{ path: 'gradeBands', message: '至少需要一个格次' }] : [];
}
