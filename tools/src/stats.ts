/**
 * The one percentile and the one median of the tools' reports (BENCHMARKS.md, RELIABILITY.md).
 * Neither changes its input: each sorts a copy, ascending.
 */

const ascending = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

/**
 * The `p`th percentile (0–100) as every report of the tools has read it: the element at index
 * ⌊p/100 · n⌋ of the sorted values, clamped to the last. So p50 of an even count is the upper of
 * the two middle values (not their mean: that is `median`), p100 is the largest, and for 100
 * values p99 is the largest too. NaN when there are no values.
 */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = ascending(xs);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** The median: the middle value of an odd count, the mean of the two middle values of an even one; NaN when none. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = ascending(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
