import type { Problem } from '../scheme';

/**
 * A scheme assesses by at least one indicator: without any, no score could be given. `raw` is the
 * `indicators` field as given; one that is not a list is reported by the reading (read.ts), not here.
 */
export function hasIndicators(raw: unknown): Problem[] {
  const empty = raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0);
  return empty ? [{ path: 'indicators', message: '至少需要一项指标' }] : [];
}
