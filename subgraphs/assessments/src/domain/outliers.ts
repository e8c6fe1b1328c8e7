/**
 * Outliers among indicator values (ARCHITECTURE.md "Assessments: who grades, findings, results"): each graded
 * unit's score on each indicator, and its party-building and business scores, against the same values of the
 * other graded units in the comparison (a committee's scope), by the hub's outlier rule (leadership's outliers.ts:
 * leave-one-out z-score, |z| ≥ 2, at least 4 peers). The spread is floored at 5% of the indicator's maximum
 * score (5 points for the scores of 100), so that near-identical peers do not make a small difference an
 * outlier. Pure.
 */
import { leaveOneOut, OUTLIER_MIN_PEERS, OUTLIER_Z } from '@tiaokuai/leadership';
import type { Scheme } from './scheme/scheme';
import type { ScoreResult } from './scoring';

export const SCORE_SPREAD_FLOOR = 0.05;
export const SCORE_OUTLIER_RULE = `与方案下同一范围内其他已评定单位相比，偏离均值 ${OUTLIER_Z} 个标准差及以上（本单位不计入均值）；标准差不小于该指标满分的 ${SCORE_SPREAD_FLOOR * 100}%（党建、业务得分为 5 分）；至少 ${OUTLIER_MIN_PEERS} 个可比单位，不足时不作比较`;

export interface ScoreOutlier {
  unitId: string;
  /** An indicator code, or PARTY_SCORE / BUSINESS_SCORE. */
  measure: string;
  name: string;
  value: number;
  peerCount: number;
  peerMean: number;
  zScore: number;
  message: string;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export function scoreOutliers(
  scheme: Scheme,
  rows: ReadonlyArray<{ unitId: string; result: ScoreResult }>,
  names: (unitId: string) => string,
): ScoreOutlier[] {
  const measures = [
    ...scheme.indicators.map((k) => ({
      measure: k.code,
      name: k.name,
      floor: SCORE_SPREAD_FLOOR * k.maxScore,
      value: (r: ScoreResult) => r.indicators.find((x) => x.indicator === k.code)?.score,
    })),
    { measure: 'PARTY_SCORE', name: '党建得分', floor: 5, value: (r: ScoreResult) => r.partyScore },
    { measure: 'BUSINESS_SCORE', name: '业务得分', floor: 5, value: (r: ScoreResult) => r.businessScore },
  ];
  const out: ScoreOutlier[] = [];
  for (const m of measures) {
    const samples = rows.flatMap((row) => {
      const v = m.value(row.result);
      return v === undefined ? [] : [{ unitId: row.unitId, value: v }];
    });
    for (const c of leaveOneOut(samples, m.floor)) {
      if (!c.outlier) continue;
      out.push({
        unitId: c.sample.unitId,
        measure: m.measure,
        name: m.name,
        value: c.sample.value,
        peerCount: c.peers,
        peerMean: r2(c.mean!),
        zScore: r2(c.z!),
        message: `${names(c.sample.unitId)} 的「${m.name}」${r2(c.sample.value)} ${c.z! > 0 ? '高于' : '低于'} ${c.peers} 个可比单位的均值 ${r2(c.mean!)}（z = ${r2(c.z!)}）`,
      });
    }
  }
  return out;
}
