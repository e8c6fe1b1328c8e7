import { ImportReport, JSONScalar, PageArgsType } from '@tiaokuai/platform';

import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkPage, findingKey, findingSummary, NS, pageOf, rankKey, schemeKey } from '../assessments/pages';
import type { AssessmentsContext } from '../context';
import type { AssessmentFinding as Finding, JointProposal as Proposal } from '../domain/findings/types';
import type { StarLevel } from '../domain/stars';
import { SCORE_OUTLIER_RULE } from '../domain/outliers';
import { checkYear, scopeFindingsPage } from '../assessments/scope-findings.service';
import { acceptJointInspection, scheduleInspection } from '../assessments/inspection.service';
import { schemeOutliers, schemeResults, starGrading, unitAssessments, type UnitAssessment as UnitAssessmentRecord } from '../assessments/results.service';
import { exportResults, type ExportFormat } from '../assessments/export.service';
import { exportAssessments, importAssessments } from '../assessments/interchange.service';
import { defineScheme, listSchemes, schemeOf, visibleScheme } from '../assessments/scheme.service';
import { canSeeSubmission, correctAssessment, submitAssessment } from '../assessments/submission.service';
import { isId, inspectionsOfUnit, type InspectionRecord, type JointInspectionRecord, type RevisionRecord, type SchemeRecord, type SubmissionRecord } from '../assessments/store';
import {
  AcceptJointInspectionInput, AssessmentFinding, AssessmentFindingConnection, AssessmentFindingKindEnum, BranchKindEnum, Combination, CorrectAssessmentInput, EvaluatorGroup, GradeBand,
  ExportFile, ExportFormatEnum, IndicatorScore, Inspection, ScoreOutlier, ScoreOutliers, JointInspection, JointProposal, MergedIndicator, Rating, ResultRow, ResultRowConnection, ScheduleInspectionInput, Scheme, SchemeConnection, SchemeIndicator, SchemeInput,
  StarGrading, StarLevelInput, StarRow, StarRowConnection, SubmitAssessmentInput, Submission, SubmissionRevision, Unit, UnitAssessment,
} from './types';

export const unitRef = (id: string) => ({ id });
const ok = <T>(xs: Array<T | null | Error>): T[] => xs.filter((x): x is T => x != null && !(x instanceof Error));
const DEFAULT_LEVELS: StarLevel[] = [{ stars: 5, share: 0.1 }, { stars: 4, share: 0.4 }, { stars: 3, share: 0.3 }, { stars: 2 }];

/** A UnitAssessment as GraphQL shows it (flat result fields, the records kept for field resolvers). */
export const flatAssessment = (a: UnitAssessmentRecord) => ({
  ...a, graded: a.result !== null, partyScore: a.result?.partyScore ?? null, businessScore: a.result?.businessScore ?? null,
  finalScore: a.result?.finalScore ?? null, partyGrade: a.result?.partyGrade ?? null, businessGrade: a.result?.businessGrade ?? null,
  grade: a.result?.grade ?? null, opinionsCounted: a.result?.opinionsCounted ?? 0,
});
type FlatAssessment = ReturnType<typeof flatAssessment>;

/**
 * A page of findings (order: assessments/pages.ts) with the summary of them all. Only the page
 * is turned into GraphQL objects; the findings live as long as the request.
 */
const findingPage = (findings: readonly Finding[], page: PageArgsType): AssessmentFindingConnection => ({
  ...pageOf(NS.findings, findings, findingKey, page, (f) => f as unknown as AssessmentFinding),
  summary: findingSummary(findings),
});

@Resolver(() => Scheme)
export class SchemeResolver {
  @Query(() => Scheme, { nullable: true, description: 'A scheme by id' })
  async scheme(@Arg('id', () => ID) id: string, @Ctx() ctx: AssessmentsContext) {
    return visibleScheme(ctx, id);
  }

  @Query(() => SchemeConnection, { description: 'Schemes, a page at a time, newest year first, then by id: those the caller\'s body issued and those that assess a unit of its jurisdiction' })
  async schemes(
    @Arg('issuer', () => String, { nullable: true }) issuer: string | null, @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Args(() => PageArgsType) page: PageArgsType, @Ctx() ctx: AssessmentsContext,
  ): Promise<SchemeConnection> {
    checkPage(NS.schemes, page);
    return pageOf(NS.schemes, await listSchemes(ctx, { issuer, year }), schemeKey, page, (s) => s as unknown as Scheme);
  }

  @Mutation(() => Scheme, { description: 'Defines a scheme (checked whole: weights, bands, 双百分 rule); idempotent by key, never rewritten' })
  defineScheme(@Arg('input', () => SchemeInput) input: SchemeInput, @Ctx() ctx: AssessmentsContext) {
    return defineScheme(ctx, JSON.parse(JSON.stringify(input)));
  }

  @FieldResolver(() => Unit) issuer(@Root() s: SchemeRecord) { return unitRef(s.issuerId); }
  @FieldResolver(() => [SchemeIndicator]) indicators(@Root() s: SchemeRecord) { return s.scheme.indicators; }
  @FieldResolver(() => [EvaluatorGroup]) evaluatorGroups(@Root() s: SchemeRecord) { return s.scheme.evaluatorGroups; }
  @FieldResolver(() => [GradeBand]) gradeBands(@Root() s: SchemeRecord) { return s.scheme.gradeBands; }
  @FieldResolver(() => Float, { description: 'Percent of the party-building score from guides\' opinions' }) opinionWeight(@Root() s: SchemeRecord) { return s.scheme.opinionWeight; }
  @FieldResolver(() => Combination)
  combination(@Root() s: SchemeRecord) {
    const c = s.scheme.combination;
    return c.method === 'WEIGHTED_SUM'
      ? { method: c.method, partyWeight: c.partyWeight, businessWeight: c.businessWeight, matrix: null }
      : { method: c.method, partyWeight: null, businessWeight: null, matrix: c.matrix };
  }

  @FieldResolver(() => ResultRowConnection, { description: 'Graded units ranked (within `scope`, a unit code, when given; else every unit you may see), a page at a time: by rank, then unit id. Ranks are the whole list\'s, so they stay right on every page' })
  async results(
    @Root() s: SchemeRecord,
    @Arg('scope', () => String, { nullable: true }) scope: string | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: AssessmentsContext,
  ): Promise<ResultRowConnection> {
    checkPage(NS.results, page);
    const { rows } = await schemeResults(ctx, s.id, scope);
    return pageOf(NS.results, rows, rankKey, page, (r) => ({ ...flatAssessment(r), rank: r.rank }) as unknown as ResultRow);
  }

  @FieldResolver(() => ScoreOutliers, { description: 'Scores far from the other graded units\' (within `scope` when given): per indicator, party-building and business score' })
  async outliers(@Root() s: SchemeRecord, @Arg('scope', () => String, { nullable: true }) scope: string | null, @Ctx() ctx: AssessmentsContext) {
    return { rule: SCORE_OUTLIER_RULE, rows: await schemeOutliers(ctx, s.id, scope) };
  }

  @FieldResolver(() => ExportFile, { description: 'The ranked results (within `scope` when given) as a spreadsheet file' })
  export(@Root() s: SchemeRecord, @Arg('format', () => ExportFormatEnum) format: ExportFormat, @Arg('scope', () => String, { nullable: true }) scope: string | null, @Ctx() ctx: AssessmentsContext) {
    return exportResults(ctx, s.id, scope, format);
  }

  @FieldResolver(() => StarGrading, { description: '党支部达标定级 of the graded units of `kinds` in `scope`, quotas never exceeded (default 10% five-star, 40% four-star, 30% three-star, the rest two-star)' })
  async stars(
    @Root() s: SchemeRecord,
    @Arg('scope') scope: string,
    @Arg('levels', () => [StarLevelInput], { nullable: true }) levels: StarLevelInput[] | null,
    @Arg('kinds', () => [BranchKindEnum], { defaultValue: ['BRANCH', 'GENERAL_BRANCH'] }) kinds: string[],
    @Ctx() ctx: AssessmentsContext,
  ) {
    const given = levels?.map((l) => ({ stars: l.stars, ...(l.share != null ? { share: l.share } : {}), ...(l.minScore != null ? { minScore: l.minScore } : {}) }));
    const g = await starGrading(ctx, s.id, scope, given ?? DEFAULT_LEVELS, kinds);
    return { graded: g.graded, rule: g.rule, allRows: g.rows };
  }
}

@Resolver(() => ScoreOutlier)
export class ScoreOutlierResolver {
  @FieldResolver(() => Unit) unit(@Root() o: { unitId: string }) { return unitRef(o.unitId); }
}

@Resolver()
export class InterchangeResolver {
  @Mutation(() => ImportReport, { description: 'Imports the `assessments` section (schemes, submissions) of a tiaokuai/v1 document: all-or-nothing, idempotent' })
  importAssessments(@Arg('document', () => JSONScalar) document: unknown, @Arg('dryRun', { defaultValue: false }) dryRun: boolean, @Ctx() ctx: AssessmentsContext) {
    return importAssessments(ctx, document, dryRun);
  }

  @Query(() => JSONScalar, { description: 'The `assessments` section of a tiaokuai/v1 document: schemes issued by and submissions about the units you see (within `scope`, of `year`, when given)' })
  exportAssessments(@Arg('scope', () => String, { nullable: true }) scope: string | null, @Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: AssessmentsContext) {
    return exportAssessments(ctx, scope, year);
  }
}

@Resolver(() => ResultRow)
export class ResultRowResolver {
  @FieldResolver(() => Unit) unit(@Root() r: FlatAssessment) { return unitRef(r.unitId); }
  @FieldResolver(() => Submission, { nullable: true }) grading(@Root() r: FlatAssessment) { return r.grading; }
}

@Resolver(() => StarGrading)
export class StarGradingResolver {
  @FieldResolver(() => StarRowConnection, { description: 'The rows you may see, a page at a time: by rank, then unit id (ranks and quotas are the whole grading\'s)' })
  rows(@Root() g: StarGrading, @Args(() => PageArgsType) page: PageArgsType): StarRowConnection {
    return pageOf(NS.stars, g.allRows as Array<StarRow & { unitId: string }>, rankKey, page, (r) => r);
  }
}

@Resolver(() => StarRow)
export class StarRowResolver {
  @FieldResolver(() => Unit) unit(@Root() r: { unitId: string }) { return unitRef(r.unitId); }
}

@Resolver(() => UnitAssessment)
export class UnitAssessmentResolver {
  @FieldResolver(() => Scheme) scheme(@Root() a: FlatAssessment) { return a.scheme; }
  @FieldResolver(() => Unit) unit(@Root() a: FlatAssessment) { return unitRef(a.unitId); }
  @FieldResolver(() => Submission, { nullable: true, description: 'The leader\'s grading' }) grading(@Root() a: FlatAssessment) { return a.grading; }
  @FieldResolver(() => [Submission], { description: 'Guiding bodies\' opinions' }) opinions(@Root() a: FlatAssessment) { return a.opinions; }
}

@Resolver(() => Submission)
export class SubmissionResolver {
  @Query(() => Submission, { nullable: true, description: 'A submission (null when unknown or out of sight)' })
  async submission(@Arg('id', () => ID) id: string, @Ctx() ctx: AssessmentsContext) {
    const s = isId(id) ? await ctx.loaders.submission.load(id) : null;
    return s && (await canSeeSubmission(ctx, s)) ? s : null;
  }

  @Mutation(() => Submission, { description: 'Submits an assessment: GRADING from a body that leads the unit on the day, OPINION from one that guides it, FORBIDDEN otherwise' })
  submitAssessment(@Arg('input', () => SubmitAssessmentInput) input: SubmitAssessmentInput, @Ctx() ctx: AssessmentsContext) {
    return submitAssessment(ctx, JSON.parse(JSON.stringify(input)));
  }

  @Mutation(() => Submission, { description: 'Corrects a submission (version-checked: stale is CONFLICT); scored afresh, every version kept' })
  correctAssessment(@Arg('input', () => CorrectAssessmentInput) input: CorrectAssessmentInput, @Ctx() ctx: AssessmentsContext) {
    return correctAssessment(ctx, JSON.parse(JSON.stringify(input)));
  }

  @FieldResolver(() => Scheme) async scheme(@Root() s: SubmissionRecord, @Ctx() ctx: AssessmentsContext) { return schemeOf(ctx, s.schemeId, 'scheme'); }
  @FieldResolver(() => Unit) unit(@Root() s: SubmissionRecord) { return unitRef(s.unitId); }
  @FieldResolver(() => Unit) assessor(@Root() s: SubmissionRecord) { return unitRef(s.assessorId); }
  @FieldResolver(() => [IndicatorScore], { description: 'Per indicator, as scored' }) scores(@Root() s: SubmissionRecord) { return s.result.indicators; }
  @FieldResolver(() => [Rating], { description: 'Ratings as given' }) ratings(@Root() s: SubmissionRecord) { return s.input.ratings; }
  @FieldResolver(() => Float, { description: 'Party-building score (of 100)' }) partyScore(@Root() s: SubmissionRecord) { return s.result.partyScore; }
  @FieldResolver(() => Float, { description: 'Business score (of 100)' }) businessScore(@Root() s: SubmissionRecord) { return s.result.businessScore; }
  @FieldResolver(() => Float, { nullable: true }) finalScore(@Root() s: SubmissionRecord) { return s.result.finalScore; }
  @FieldResolver(() => String) partyGrade(@Root() s: SubmissionRecord) { return s.result.partyGrade; }
  @FieldResolver(() => String) businessGrade(@Root() s: SubmissionRecord) { return s.result.businessGrade; }
  @FieldResolver(() => String, { description: 'This submission\'s own grade (a unit\'s result: Unit.assessments)' }) grade(@Root() s: SubmissionRecord) { return s.result.grade; }
  @FieldResolver(() => [SubmissionRevision], { description: 'Every version, oldest first' })
  async revisions(@Root() s: SubmissionRecord, @Ctx() ctx: AssessmentsContext) {
    return (await ctx.loaders.revisions.load(s.id)).map((r: RevisionRecord) => ({
      version: r.version, role: r.role, assessedOn: r.assessedOn, partyScore: r.result.partyScore, businessScore: r.result.businessScore,
      finalScore: r.result.finalScore, grade: r.result.grade, note: r.note, by: r.bySubject, byBody: r.byBody, at: r.at,
    }));
  }
}

@Resolver(() => AssessmentFinding)
export class AssessmentFindingResolver {
  @Query(() => AssessmentFindingConnection, { description: 'Assessment findings of a committee\'s scope (a unit code) in a year, of `kinds` when given, a page at a time: by unit id, then kind, then period (a finding keeps its key from one scan to the next); the pages that follow a first page\'s cursors are cut from that page\'s list, for the same caller and arguments, at most WALK_MAX_AGE_MS old (a walk); `summary` counts every finding the filters select' })
  async assessmentFindings(
    @Arg('scope') scope: string,
    @Arg('year', () => Int) year: number,
    @Arg('kinds', () => [AssessmentFindingKindEnum], { nullable: true }) kinds: string[] | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: AssessmentsContext,
  ): Promise<AssessmentFindingConnection> {
    return scopeFindingsPage(ctx, scope, year, kinds, page, (f) => f as unknown as AssessmentFinding);
  }

  @FieldResolver(() => Unit) unit(@Root() f: Finding) { return unitRef(f.unitId); }
  @FieldResolver(() => [Unit], { description: 'The assessors or inspectors concerned' }) bodies(@Root() f: Finding) { return f.bodyIds.map(unitRef); }
  @FieldResolver(() => [Submission]) async submissions(@Root() f: Finding, @Ctx() ctx: AssessmentsContext) { return ok(await ctx.loaders.submission.loadMany(f.submissionIds)); }
  @FieldResolver(() => [Inspection]) async inspections(@Root() f: Finding, @Ctx() ctx: AssessmentsContext) { return ok(await ctx.loaders.inspection.loadMany(f.inspectionIds)); }
  @FieldResolver(() => JointProposal, { nullable: true, description: 'MULTIPLE_INSPECTIONS: the single visit proposed (acceptJointInspection)' }) proposal(@Root() f: Finding) { return f.proposal; }
}

@Resolver(() => JointProposal)
export class JointProposalResolver {
  @FieldResolver(() => Unit, { description: 'Organiser: the unit\'s leader among the bodies, else the first to come' }) lead(@Root() p: Proposal) { return unitRef(p.leadId); }
  @FieldResolver(() => [MergedIndicator], { description: 'Every indicator any body asked for, once' }) indicators(@Root() p: Proposal) { return p.indicators; }
}

@Resolver(() => MergedIndicator)
export class MergedIndicatorResolver {
  @FieldResolver(() => [Unit], { description: 'The bodies that asked for it' }) bodies(@Root() k: { bodyIds: string[] }) { return k.bodyIds.map(unitRef); }
}

@Resolver(() => Inspection)
export class InspectionResolver {
  @Mutation(() => [Inspection], { description: 'Announces an inspection of units (the inspector must lead or guide each: else FORBIDDEN naming them); idempotent by key per unit' })
  scheduleInspection(@Arg('input', () => ScheduleInspectionInput) input: ScheduleInspectionInput, @Ctx() ctx: AssessmentsContext) {
    return scheduleInspection(ctx, JSON.parse(JSON.stringify(input)));
  }

  @FieldResolver(() => Unit) inspector(@Root() i: InspectionRecord) { return unitRef(i.inspectorId); }
  @FieldResolver(() => Unit) unit(@Root() i: InspectionRecord) { return unitRef(i.unitId); }
  @FieldResolver(() => Scheme, { nullable: true }) scheme(@Root() i: InspectionRecord, @Ctx() ctx: AssessmentsContext) { return i.schemeId ? ctx.loaders.scheme.load(i.schemeId) : null; }
  @FieldResolver(() => JointInspection, { nullable: true, description: 'The joint inspection it was merged into' }) joint(@Root() i: InspectionRecord, @Ctx() ctx: AssessmentsContext) { return i.jointId ? ctx.loaders.joint.load(i.jointId) : null; }
}

@Resolver(() => JointInspection)
export class JointInspectionResolver {
  @Mutation(() => JointInspection, { description: 'Accepts the proposed joint inspection (基层一次迎检) of a unit for a quarter: the finding is settled, the record kept' })
  acceptJointInspection(@Arg('input', () => AcceptJointInspectionInput) input: AcceptJointInspectionInput, @Ctx() ctx: AssessmentsContext) {
    return acceptJointInspection(ctx, JSON.parse(JSON.stringify(input)));
  }

  @FieldResolver(() => Unit) unit(@Root() j: JointInspectionRecord) { return unitRef(j.unitId); }
  @FieldResolver(() => Unit) lead(@Root() j: JointInspectionRecord) { return unitRef(j.leadId); }
  @FieldResolver(() => [Unit]) bodies(@Root() j: JointInspectionRecord) { return j.bodyIds.map(unitRef); }
  @FieldResolver(() => [MergedIndicator]) indicators(@Root() j: JointInspectionRecord) { return j.indicators; }
}

@Resolver(() => Unit)
export class UnitResolver {
  @FieldResolver(() => [UnitAssessment], { description: 'Its results under the schemes of `year` (nothing when out of sight)' })
  async assessments(@Root() u: { id: string }, @Arg('year', () => Int) year: number, @Ctx() ctx: AssessmentsContext) {
    checkYear(year);
    return (await unitAssessments(ctx, u.id, year)).map(flatAssessment);
  }

  @FieldResolver(() => [Inspection], { description: 'Inspections of it beginning in `year`, each with the joint inspection it was merged into' })
  async inspections(@Root() u: { id: string }, @Arg('year', () => Int) year: number, @Ctx() ctx: AssessmentsContext) {
    checkYear(year);
    return (await ctx.org.canSee(u.id)) ? inspectionsOfUnit(ctx.db, u.id, year) : [];
  }

  @FieldResolver(() => AssessmentFindingConnection, { description: 'Its assessment findings in `year` (batched across units), a page at a time (the order of Query.assessmentFindings); empty when out of sight' })
  async assessmentFindings(@Root() u: { id: string }, @Arg('year', () => Int) year: number, @Args(() => PageArgsType) page: PageArgsType, @Ctx() ctx: AssessmentsContext): Promise<AssessmentFindingConnection> {
    checkYear(year);
    checkPage(NS.findings, page);
    if (!(await ctx.org.canSee(u.id))) return findingPage([], page);
    return findingPage(await ctx.loaders.findings.load({ unitId: u.id, year }), page);
  }
}

