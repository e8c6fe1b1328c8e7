/**
 * Assessment schemes (考核方案; DOMAIN.md "Assessments (考核评价)"): the model. A scheme as given
 * is checked by validate.ts (one rule per file in ./checks, every problem with the path of its field).
 *
 * A scheme, from an issuer for a year:
 * - indicators: code, name, part RESULTS (实绩考核, scored directly) or SATISFACTION (满意度评价,
 *   rated by evaluator groups), weight (percent of the party-building score; all weights sum to
 *   100), maximum score, QUANTITATIVE or QUALITATIVE;
 * - evaluator groups with weights summing to 100 (知者权重: the leading party organisation, the
 *   competent department, party members, the public), needed when any indicator is SATISFACTION;
 * - grade bands (格次赋分) on the 0–100 scale: [min, max) each, the top band closed at 100; no
 *   overlap, no gap, covering 0–100;
 * - the 双百分 combination of the party-building score with the business score (both of 100):
 *   WEIGHTED_SUM (party and business weights summing to 100, the sum banded) or GRADE_MATRIX
 *   (the party grade and the business grade, each banded, looked up in a matrix that names a
 *   final grade for every pair);
 * - opinionWeight: the share of guiding bodies' weighted opinions in the party-building score
 *   (0 by default, at most 50: the leader grades).
 */

export const PARTS = ['RESULTS', 'SATISFACTION'] as const;
export type Part = (typeof PARTS)[number];
export const MEASURES = ['QUANTITATIVE', 'QUALITATIVE'] as const;
export type Measure = (typeof MEASURES)[number];
/** Weights summing "to 100" may be off by rounding of decimal fractions, no more. */
export const WEIGHT_TOLERANCE = 1e-6;

export interface Indicator {
  code: string;
  name: string;
  part: Part;
  weight: number;
  maxScore: number;
  measure: Measure;
}
export interface EvaluatorGroup {
  code: string;
  name: string;
  weight: number;
}
export interface GradeBand {
  grade: string;
  min: number;
  max: number;
}
export type Combination =
  | { method: 'WEIGHTED_SUM'; partyWeight: number; businessWeight: number }
  | { method: 'GRADE_MATRIX'; matrix: Array<{ party: string; business: string; grade: string }> };

export interface Scheme {
  issuer: string;
  key: string | null;
  year: number;
  name: string;
  indicators: Indicator[];
  evaluatorGroups: EvaluatorGroup[];
  gradeBands: GradeBand[];
  combination: Combination;
  /**
   * Percent (0–50) of the party-building score taken from guiding bodies' opinions (their own
   * scoring under the scheme, averaged); 0: opinions are shown beside the grade and change nothing.
   */
  opinionWeight: number;
}

export interface Problem {
  path: string;
  message: string;
}

export const round = (x: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round((x + Number.EPSILON) * f) / f;
};

/** The band holding `score` ([min, max), the top band closed). */
export function gradeOf(bands: readonly GradeBand[], score: number): string | null {
  const top = Math.max(...bands.map((b) => b.max));
  const band = bands.find((b) => score >= b.min && (score < b.max || (b.max === top && score === top)));
  return band?.grade ?? null;
}
