import type { GradeBand, Problem } from '../scheme';

/**
 * The grade bands (格次赋分) cover the 0–100 scale exactly: no two overlap, none leaves a gap,
 * the lowest starts at 0 and the highest reaches 100, so every score has one grade. Bands are
 * compared by their lower bounds (an O(n log n) sort); each problem names the band at fault by
 * its index in `bands` (the list as given, every band valid).
 */
export function bandsCoverScale(bands: readonly GradeBand[]): Problem[] {
  if (bands.length === 0) return [];
  const problems: Problem[] = [];
  const order = bands.map((b, i) => ({ b, i })).sort((x, y) => x.b.min - y.b.min);
  for (let j = 1; j < order.length; j++) {
    const prev = order[j - 1].b;
    const cur = order[j];
    if (cur.b.min < prev.max) {
      problems.push({
        path: `gradeBands[${cur.i}].min`,
        message: `格次「${cur.b.grade}」[${cur.b.min}, ${cur.b.max}) 与「${prev.grade}」[${prev.min}, ${prev.max}) 重叠`,
      });
    } else if (cur.b.min > prev.max) {
      problems.push({
        path: `gradeBands[${cur.i}].min`,
        message: `格次「${prev.grade}」与「${cur.b.grade}」之间有空档 [${prev.max}, ${cur.b.min})`,
      });
    }
  }
  const first = order[0];
  const last = order[order.length - 1];
  if (first.b.min > 0)
    problems.push({
      path: `gradeBands[${first.i}].min`,
      message: `格次未覆盖 0 分起的区间（最低下限 ${first.b.min}）`,
    });
  if (last.b.max < 100)
    problems.push({ path: `gradeBands[${last.i}].max`, message: `格次未覆盖到 100 分（最高上限 ${last.b.max}）` });
  return problems;
}
