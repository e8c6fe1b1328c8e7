/**
 * Ranking units under one scheme within a committee's scope (ARCHITECTURE.md "Assessments: who grades,
 * findings, results"), pure.
 *
 * Order: under WEIGHTED_SUM by the final (双百分) score; under GRADE_MATRIX by the final grade
 * (the bands' order, best first), then the party-building score, then the business score.
 * Equal keys share a rank and the next rank skips (1, 2, 2, 4: "standard competition
 * ranking"), so a tie is never broken by something the scheme does not score.
 */
import type { Scheme } from './scheme/scheme';
import type { Graded } from './scoring';

export interface Ranked<T> {
  rank: number;
  row: T;
}

export function rankResults<T extends { unitId: string; result: Graded }>(
  scheme: Scheme,
  rows: readonly T[],
): Array<Ranked<T>> {
  const bandOrder = new Map([...scheme.gradeBands].sort((a, b) => b.min - a.min).map((b, i) => [b.grade, i]));
  const keys = (r: Graded): number[] =>
    scheme.combination.method === 'WEIGHTED_SUM'
      ? [-(r.finalScore ?? 0)]
      : [bandOrder.get(r.grade) ?? Number.MAX_SAFE_INTEGER, -r.partyScore, -r.businessScore];
  const keyed = rows.map((row) => ({ row, k: keys(row.result) }));
  const cmp = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
    return 0;
  };
  keyed.sort((a, b) => cmp(a.k, b.k) || a.row.unitId.localeCompare(b.row.unitId, 'en', { numeric: true }));
  const out: Array<Ranked<T>> = [];
  keyed.forEach((x, i) => {
    const rank = i > 0 && cmp(keyed[i - 1].k, x.k) === 0 ? out[i - 1].rank : i + 1;
    out.push({ rank, row: x.row });
  });
  return out;
}
