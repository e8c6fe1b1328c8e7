/**
 * Results under a scheme (ARCHITECTURE.md "Assessments: who grades, findings, results"): each unit's result
 * (the leader's grading with the guides' opinions weighted in: domain/scoring.ts unitResult), ranked within a
 * committee's scope (domain/ranking.ts), and star grading of branches with quotas (domain/stars.ts).
 *
 * Cost: one statement for all of a scheme's submissions, and (with a scope) one question to org
 * for its members, whatever the number of units.
 */
import { BadInputError, unitLabel, type Connection, type PageArgs } from '@tiaokuai/platform';
import { groupBy } from '@tiaokuai/leadership';
import { SCORE_OUTLIER_RULE, scoreOutliers, type ScoreOutlier } from '../../domain/outliers';
import { rankResults } from '../../domain/ranking';
import { unitResult, type Graded } from '../../domain/scoring';
import { gradeStars, quotaProblems, STAR_NAMES, type StarLevel, type StarResult } from '../../domain/stars';
import type { AssessmentsContext } from '../../request';
import { schemeOf } from '../scheme/scheme.service';
import type { SchemeRecord } from '../scheme/scheme.store';
import { checkPage, NS, padId, pageOf, rankKey } from '../shared/pages';
import { checkYear } from '../shared/year';
import { submissionsOfScheme, submissionsOfUnits, type SubmissionRecord } from '../submission/submission.store';

export interface UnitAssessment {
  scheme: SchemeRecord;
  unitId: string;
  grading: SubmissionRecord | null;
  opinions: SubmissionRecord[];
  result: (Graded & { opinionsCounted: number }) | null;
}

export interface ResultRow extends UnitAssessment {
  rank: number;
  result: Graded & { opinionsCounted: number };
}

const graded = (s: SubmissionRecord): Graded => {
  const { indicators: _drop, ...rest } = s.result;
  return rest;
};

function assemble(scheme: SchemeRecord, unitId: string, subs: readonly SubmissionRecord[]): UnitAssessment {
  const grading = subs.find((s) => s.role === 'GRADING') ?? null;
  const opinions = subs.filter((s) => s.role === 'OPINION');
  return {
    scheme,
    unitId,
    grading,
    opinions,
    result: unitResult(scheme.scheme, grading && graded(grading), opinions.map(graded)),
  };
}

/** A unit's assessments under the schemes of `year` (one per scheme it was assessed under). */
export async function unitAssessments(
  ctx: AssessmentsContext,
  unitId: string,
  year: number,
): Promise<UnitAssessment[]> {
  if (!(await ctx.org.canSee(unitId))) return [];
  const subs = await submissionsOfUnits(ctx.db, [unitId], year);
  const out: UnitAssessment[] = [];
  for (const [schemeId, list] of groupBy(subs, (s) => s.schemeId)) {
    const scheme = (await ctx.loaders.scheme.load(schemeId))!;
    out.push(assemble(scheme, unitId, list));
  }
  return out;
}

/**
 * The graded units under a scheme, ranked: within `scope` (a unit code: its members over the
 * scheme's year) when given, else among every unit the caller may see. Within a scope the ranks
 * are the scope's, whoever asks (all its members are ranked), and `rows` holds those the caller
 * may see (`ranked`: all of them, for quotas). Units with opinions but no grading are not ranked
 * (opinions alone never grade).
 */
export async function schemeResults(
  ctx: AssessmentsContext,
  schemeId: string,
  scope: string | null,
): Promise<{ scheme: SchemeRecord; rows: ResultRow[]; ranked: ResultRow[]; kindOf: (id: string) => string }> {
  const scheme = await schemeOf(ctx, schemeId, 'scheme');
  const [subs, inScope] = await Promise.all([
    submissionsOfScheme(ctx.db, scheme.id),
    scope ? ctx.org.scope(scope, `${scheme.year}-01-01`, `${scheme.year}-12-31`) : null,
  ]);
  const byUnit = groupBy(subs, (s) => s.unitId);
  const all = inScope ? new Set(inScope.answer.requested) : null;
  const units = all ? [...byUnit.keys()].filter((u) => all.has(u)) : await ctx.org.onlyVisible([...byUnit.keys()]);
  const assembled = units
    .map((u) => assemble(scheme, u, byUnit.get(u)!))
    .filter((a): a is UnitAssessment & { result: ResultRow['result'] } => a.result !== null);
  const ranked = rankResults(scheme.scheme, assembled).map((r) => ({ ...r.row, rank: r.rank }));
  const visible = inScope ? new Set(inScope.members) : null;
  return {
    scheme,
    ranked,
    rows: visible ? ranked.filter((r) => visible.has(r.unitId)) : ranked,
    kindOf: (id) => inScope?.answer.units.get(id)?.kind ?? '',
  };
}

export interface StarGrading {
  scheme: SchemeRecord;
  levels: StarLevel[];
  graded: number;
  rows: Array<StarResult & { starName: string; kind: string }>;
  rule: string;
}

/**
 * Star grading (党支部达标定级) of the graded units of `kinds` in `scope` by their final score
 * (the party-building score under a grade matrix), with quotas per level.
 */
export async function starGrading(
  ctx: AssessmentsContext,
  schemeId: string,
  scope: string,
  levels: StarLevel[],
  kinds: string[],
): Promise<StarGrading> {
  const problems = quotaProblems(levels, 'levels');
  if (problems.length) throw new BadInputError(problems[0].path, problems[0].message, { problems });
  const { scheme, ranked, rows, kindOf } = await schemeResults(ctx, schemeId, scope);
  // Quotas over every graded unit of the kinds in the scope; the caller is shown those it may see.
  const eligible = ranked.filter((r) => kinds.includes(kindOf(r.unitId)));
  const shown = new Set(rows.map((r) => r.unitId));
  const stars = gradeStars(
    eligible.map((r) => ({ unitId: r.unitId, score: r.result.finalScore ?? r.result.partyScore })),
    levels,
  ).filter((x) => shown.has(x.unitId));
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  return {
    scheme,
    levels,
    graded: eligible.length,
    rows: stars.map((x) => ({ ...x, starName: STAR_NAMES[x.stars] ?? `${x.stars}星级`, kind: kindOf(x.unitId) })),
    rule:
      `参评 ${eligible.length} 个单位，按${scheme.scheme.combination.method === 'WEIGHTED_SUM' ? '双百分综合得分' : '党建得分'}从高到低：` +
      levels
        .map((l) =>
          l.share === undefined
            ? `其余为${STAR_NAMES[l.stars] ?? l.stars}`
            : `${STAR_NAMES[l.stars] ?? l.stars}不超过 ${pct(l.share)}（${Math.floor(l.share * eligible.length + 1e-9)} 个）${l.minScore !== undefined ? `且不低于 ${l.minScore} 分` : ''}`,
        )
        .join('；') +
      '；同分者同级，名额不足以容纳同分者时整组降级，名额绝不超出',
  };
}

/** Outliers among the graded units' scores under a scheme, within `scope` (domain/outliers.ts). */
export async function schemeOutliers(
  ctx: AssessmentsContext,
  schemeId: string,
  scope: string | null,
): Promise<ScoreOutlier[]> {
  const { scheme, rows } = await schemeResults(ctx, schemeId, scope);
  const named = await ctx.org.unitsById(rows.map((r) => r.unitId));
  const names = (id: string) => unitLabel(named.get(id), id);
  return scoreOutliers(
    scheme.scheme,
    rows.map((r) => ({
      unitId: r.unitId,
      // Indicators as the leader scored them; the scores of 100 as the unit's result (opinions weighed in).
      result: { ...r.grading!.result, partyScore: r.result.partyScore, businessScore: r.result.businessScore },
    })),
    names,
  );
}

/** Scheme.outliers: the rule, in Chinese, and the outliers among the graded units' scores (schemeOutliers). */
export async function outliersOfScheme(ctx: AssessmentsContext, schemeId: string, scope: string | null) {
  return { rule: SCORE_OUTLIER_RULE, allRows: await schemeOutliers(ctx, schemeId, scope) };
}

export type OutlierRecord = ScoreOutlier;

/** ScoreOutliers.rows: a page of a scheme's outliers, by unit id then measure (the whole list counted). */
export function outlierRowsPage(rows: readonly ScoreOutlier[], page: PageArgs): Connection<ScoreOutlier> {
  return pageOf(
    NS.outliers,
    rows,
    (o) => `${padId(o.unitId)}|${o.measure}`,
    page,
    (o) => o,
  );
}

/** A UnitAssessment as GraphQL shows it (flat result fields, the records kept for field resolvers). */
export const flatAssessment = (a: UnitAssessment) => ({
  ...a,
  graded: a.result !== null,
  partyScore: a.result?.partyScore ?? null,
  businessScore: a.result?.businessScore ?? null,
  finalScore: a.result?.finalScore ?? null,
  partyGrade: a.result?.partyGrade ?? null,
  businessGrade: a.result?.businessGrade ?? null,
  grade: a.result?.grade ?? null,
  opinionsCounted: a.result?.opinionsCounted ?? 0,
});
export type FlatAssessment = ReturnType<typeof flatAssessment>;

/** A unit's assessments under the schemes of `year` as GraphQL shows them (Unit.assessments). */
export async function unitAssessmentsOfYear(
  ctx: AssessmentsContext,
  unitId: string,
  year: number,
): Promise<FlatAssessment[]> {
  checkYear(year);
  return (await unitAssessments(ctx, unitId, year)).map(flatAssessment);
}

/**
 * A page of a scheme's ranked results (Scheme.results; schemeResults): by rank, then unit id;
 * nodes made by `node` from the flat rows.
 */
export async function schemeResultsPage<N>(
  ctx: AssessmentsContext,
  schemeId: string,
  scope: string | null,
  page: PageArgs,
  node: (r: FlatAssessment & { rank: number }) => N,
): Promise<Connection<N>> {
  checkPage(NS.results, page);
  const { rows } = await schemeResults(ctx, schemeId, scope);
  return pageOf(NS.results, rows, rankKey, page, (r) => node({ ...flatAssessment(r), rank: r.rank }));
}

/** Star levels when none are given: 10% five-star, 40% four-star, 30% three-star, the rest two-star. */
export const DEFAULT_LEVELS: StarLevel[] = [
  { stars: 5, share: 0.1 },
  { stars: 4, share: 0.4 },
  { stars: 3, share: 0.3 },
  { stars: 2 },
];

/** A star level as given (GraphQL's StarLevelInput: absent fields as null). */
export interface GivenStarLevel {
  stars: number;
  share?: number | null;
  minScore?: number | null;
}

/** Scheme.stars: the grading with every row kept (`allRows`), served a page at a time (starRowsPage). */
export async function schemeStars(
  ctx: AssessmentsContext,
  schemeId: string,
  scope: string,
  levels: readonly GivenStarLevel[] | null,
  kinds: string[],
) {
  const given = levels?.map((l) => ({
    stars: l.stars,
    ...(l.share != null ? { share: l.share } : {}),
    ...(l.minScore != null ? { minScore: l.minScore } : {}),
  }));
  const g = await starGrading(ctx, schemeId, scope, given ?? DEFAULT_LEVELS, kinds);
  return { graded: g.graded, rule: g.rule, allRows: g.rows };
}

/** A page of a star grading's rows: by rank, then unit id (ranks and quotas are the whole grading's). */
export function starRowsPage<R extends { rank: number; unitId: string }>(
  rows: readonly R[],
  page: PageArgs,
): Connection<R> {
  return pageOf(NS.stars, rows, rankKey, page, (r) => r);
}
