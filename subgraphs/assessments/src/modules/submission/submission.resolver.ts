import { PageArgsType } from '@tiaokuai/platform';
import { Arg, Args, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AssessmentsContext } from '../../request';
import { schemeOf } from '../scheme/scheme.service';
import { Scheme } from '../scheme/scheme.type';
import { unitRef } from '../shared/unit-ref';
import { Unit } from '../unit/unit.type';
import { CorrectAssessmentInput, SubmitAssessmentInput } from './submission.input';
import {
  correctAssessment,
  revisionsOfSubmission,
  submitAssessment,
  visibleSubmission,
  type SubmissionRecord,
} from './submission.service';
import {
  IndicatorScore,
  Rating,
  Submission,
  SubmissionRevision,
  SubmissionRevisionConnection,
} from './submission.type';
import { checkPage, NS, padId, pageOf } from '../shared/pages';

@Resolver(() => Submission)
export class SubmissionResolver {
  @Query(() => Submission, { nullable: true, description: 'A submission (null when unknown or out of sight)' })
  async submission(@Arg('id', () => ID) id: string, @Ctx() ctx: AssessmentsContext) {
    return visibleSubmission(ctx, id);
  }

  @Mutation(() => Submission, {
    description:
      'Submits an assessment: GRADING from a body that leads the unit on the day, OPINION from one that guides it, FORBIDDEN otherwise',
  })
  submitAssessment(
    @Arg('input', () => SubmitAssessmentInput) input: SubmitAssessmentInput,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return submitAssessment(ctx, JSON.parse(JSON.stringify(input)));
  }

  @Mutation(() => Submission, {
    description: 'Corrects a submission (version-checked: stale is CONFLICT); scored afresh, every version kept',
  })
  correctAssessment(
    @Arg('input', () => CorrectAssessmentInput) input: CorrectAssessmentInput,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return correctAssessment(ctx, JSON.parse(JSON.stringify(input)));
  }

  @FieldResolver(() => Scheme) async scheme(@Root() s: SubmissionRecord, @Ctx() ctx: AssessmentsContext) {
    return schemeOf(ctx, s.schemeId, 'scheme');
  }
  @FieldResolver(() => Unit) unit(@Root() s: SubmissionRecord) {
    return unitRef(s.unitId);
  }
  @FieldResolver(() => Unit) assessor(@Root() s: SubmissionRecord) {
    return unitRef(s.assessorId);
  }
  @FieldResolver(() => [IndicatorScore], { description: 'Per indicator, as scored' }) scores(
    @Root() s: SubmissionRecord,
  ) {
    return s.result.indicators;
  }
  @FieldResolver(() => [Rating], { description: 'Ratings as given' }) ratings(@Root() s: SubmissionRecord) {
    return s.input.ratings;
  }
  @FieldResolver(() => Float, { description: 'Party-building score (of 100)' }) partyScore(
    @Root() s: SubmissionRecord,
  ) {
    return s.result.partyScore;
  }
  @FieldResolver(() => Float, { description: 'Business score (of 100)' }) businessScore(@Root() s: SubmissionRecord) {
    return s.result.businessScore;
  }
  @FieldResolver(() => Float, { nullable: true }) finalScore(@Root() s: SubmissionRecord) {
    return s.result.finalScore;
  }
  @FieldResolver(() => String) partyGrade(@Root() s: SubmissionRecord) {
    return s.result.partyGrade;
  }
  @FieldResolver(() => String) businessGrade(@Root() s: SubmissionRecord) {
    return s.result.businessGrade;
  }
  @FieldResolver(() => String, { description: "This submission's own grade (a unit's result: Unit.assessments)" })
  grade(@Root() s: SubmissionRecord) {
    return s.result.grade;
  }
  @FieldResolver(() => SubmissionRevisionConnection, {
    description:
      '修订 (every version), oldest first, a page at a time: each correction adds one, so the list grows with time',
  })
  async revisions(
    @Root() s: SubmissionRecord,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: AssessmentsContext,
  ): Promise<SubmissionRevisionConnection> {
    checkPage(NS.revisions, page);
    const all = await revisionsOfSubmission(ctx, s.id);
    return pageOf(
      NS.revisions,
      all,
      (r) => padId(String(r.version)),
      page,
      (r) => r as SubmissionRevision,
    );
  }
}
