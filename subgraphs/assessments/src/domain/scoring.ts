/**
 * Scoring one unit under a scheme (ARCHITECTURE.md "Assessments: who grades, findings, results"), pure: the
 * same inputs always give the same result, so a corrected input is simply scored again.
 *
 * - RESULTS indicators: the score given, 0 to the indicator's maximum.
 * - SATISFACTION indicators: each evaluator group's rating (0 to the maximum) weighted by the
 *   group's weight (知者权重); groups that did not rate are left out and the weights of those
 *   that did are rescaled to 100%; at least one rating is needed.
 * - Each indicator contributes weight × score / maximum; the party-building score (of 100) is
 *   their sum.
 * - 双百分: WEIGHTED_SUM: final = (partyWeight × party + businessWeight × business) / 100, its
 *   band is the grade; GRADE_MATRIX: the party score's band and the business score's band, looked
 *   up in the matrix.
 * Indicator scores are kept unrounded until the party-building score, which is rounded to two
 * decimals (half up) before it is banded or combined, so a grade never contradicts its score.
 */
import { gradeOf, round, type Problem, type Scheme } from './scheme/scheme';

export interface Submission {
  scores: ReadonlyArray<{ indicator: string; score: number }>;
  ratings: ReadonlyArray<{ indicator: string; group: string; score: number }>;
  /** The business (economic and social) score, of 100. */
  businessScore: number;
}

export interface IndicatorScore {
  indicator: string;
  score: number;
  contribution: number;
}

export interface ScoreResult {
  indicators: IndicatorScore[];
  partyScore: number;
  businessScore: number;
  /** WEIGHTED_SUM only. */
  finalScore: number | null;
  partyGrade: string;
  businessGrade: string;
  grade: string;
}

export function scoreSubmission(
  scheme: Scheme,
  s: Submission,
  base = 'input',
): { result?: ScoreResult; problems: Problem[] } {
  const problems: Problem[] = [];
  const bad = (path: string, message: string) => problems.push({ path: `${base}.${path}`, message });
  const byCode = new Map(scheme.indicators.map((k) => [k.code, k]));
  const groups = new Map(scheme.evaluatorGroups.map((g) => [g.code, g]));
  const given = new Map<string, number>();
  s.scores.forEach((x, i) => {
    const k = byCode.get(x.indicator);
    if (!k) return bad(`scores[${i}].indicator`, `方案中没有该指标：${x.indicator}`);
    if (k.part !== 'RESULTS')
      return bad(`scores[${i}].indicator`, `指标 ${k.code} 属满意度评价，应由评价主体打分（ratings）`);
    if (!Number.isFinite(x.score) || x.score < 0 || x.score > k.maxScore)
      return bad(`scores[${i}].score`, `得分应在 0–${k.maxScore} 之间：${x.score}`);
    if (given.has(k.code)) return bad(`scores[${i}].indicator`, `重复的指标得分：${k.code}`);
    given.set(k.code, x.score);
  });
  const rated = new Map<string, Map<string, number>>();
  s.ratings.forEach((x, i) => {
    const k = byCode.get(x.indicator);
    if (!k) return bad(`ratings[${i}].indicator`, `方案中没有该指标：${x.indicator}`);
    if (k.part !== 'SATISFACTION')
      return bad(`ratings[${i}].indicator`, `指标 ${k.code} 属实绩考核，应直接给分（scores）`);
    if (!groups.has(x.group)) return bad(`ratings[${i}].group`, `方案中没有该评价主体：${x.group}`);
    if (!Number.isFinite(x.score) || x.score < 0 || x.score > k.maxScore)
      return bad(`ratings[${i}].score`, `评分应在 0–${k.maxScore} 之间：${x.score}`);
    const m = rated.get(k.code) ?? new Map<string, number>();
    if (m.has(x.group)) return bad(`ratings[${i}].group`, `评价主体 ${x.group} 对 ${k.code} 重复评分`);
    m.set(x.group, x.score);
    rated.set(k.code, m);
  });
  if (!Number.isFinite(s.businessScore) || s.businessScore < 0 || s.businessScore > 100)
    bad('businessScore', `业务得分应在 0–100 之间：${s.businessScore}`);
  for (const k of scheme.indicators) {
    if (k.part === 'RESULTS' && !given.has(k.code) && !problems.some((p) => p.path.includes('scores')))
      bad('scores', `缺少指标得分：${k.code}（${k.name}）`);
    if (k.part === 'SATISFACTION' && !rated.has(k.code) && !problems.some((p) => p.path.includes('ratings')))
      bad('ratings', `指标 ${k.code}（${k.name}）没有任何评价主体评分`);
  }
  if (problems.length > 0) return { problems };

  const indicators: IndicatorScore[] = scheme.indicators.map((k) => {
    let score: number;
    if (k.part === 'RESULTS') score = given.get(k.code)!;
    else {
      const m = rated.get(k.code)!;
      const weight = [...m.keys()].reduce((a, g) => a + groups.get(g)!.weight, 0);
      score = [...m].reduce((a, [g, v]) => a + (groups.get(g)!.weight / weight) * v, 0);
    }
    return { indicator: k.code, score, contribution: (k.weight * score) / k.maxScore };
  });
  // Banded as shown (two decimals), so a grade never contradicts the score printed beside it.
  const partyScore = round(indicators.reduce((a, x) => a + x.contribution, 0));
  return {
    problems,
    result: {
      indicators: indicators.map((x) => ({ ...x, score: round(x.score), contribution: round(x.contribution) })),
      ...gradeScores(scheme, partyScore, s.businessScore),
    },
  };
}

export type Graded = Omit<ScoreResult, 'indicators'>;

/** 双百分: the grade of a party-building score and a business score under the scheme's rule. */
export function gradeScores(scheme: Scheme, partyScore: number, unroundedBusiness: number): Graded {
  // Banded as shown (two decimals): a grade never contradicts the score printed beside it.
  const businessScore = round(unroundedBusiness);
  const partyGrade = gradeOf(scheme.gradeBands, partyScore)!;
  const businessGrade = gradeOf(scheme.gradeBands, businessScore)!;
  let finalScore: number | null = null;
  let grade: string;
  if (scheme.combination.method === 'WEIGHTED_SUM') {
    finalScore = round(
      (scheme.combination.partyWeight * partyScore + scheme.combination.businessWeight * businessScore) / 100,
    );
    grade = gradeOf(scheme.gradeBands, finalScore)!;
  } else {
    grade = scheme.combination.matrix.find((m) => m.party === partyGrade && m.business === businessGrade)!.grade;
  }
  return { partyScore, businessScore, finalScore, partyGrade, businessGrade, grade };
}

/**
 * A unit's result under a scheme: the leader's grading, with the guiding bodies' opinions
 * weighted in when the scheme gives them a share (opinionWeight): party-building score =
 * (100 − w)% of the grading's + w% of the opinions' mean; the business score is the grading's.
 * No grading: no result (opinions alone never grade a unit).
 */
export function unitResult(
  scheme: Scheme,
  grading: Graded | null,
  opinions: readonly Graded[],
): (Graded & { opinionsCounted: number }) | null {
  if (!grading) return null;
  if (scheme.opinionWeight === 0 || opinions.length === 0) return { ...grading, opinionsCounted: 0 };
  const mean = opinions.reduce((a, o) => a + o.partyScore, 0) / opinions.length;
  const party = round(((100 - scheme.opinionWeight) * grading.partyScore + scheme.opinionWeight * mean) / 100);
  return { ...gradeScores(scheme, party, grading.businessScore), opinionsCounted: opinions.length };
}
