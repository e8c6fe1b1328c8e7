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
  @Query(() => Submission, {
    nullable: true,
    description: '考核提交：A submission (null when unknown or out of sight)',
  })
  async submission(
    @Arg('id', () => ID, { description: "提交编号 (the submission's id)" }) id: string,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return visibleSubmission(ctx, id);
  }

  @Mutation(() => Submission, {
    description:
      '提交考核：Submits an assessment: GRADING from a body that leads the unit on the day, OPINION from one that guides it, FORBIDDEN otherwise',
  })
  submitAssessment(
    @Arg('input', () => SubmitAssessmentInput, { description: '考核提交 (the submission)' })
    input: SubmitAssessmentInput,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return submitAssessment(ctx, JSON.parse(JSON.stringify(input)));
  }

  @Mutation(() => Submission, {
    description:
      '更正考核：Corrects a submission (version-checked: stale is CONFLICT); scored afresh, every version kept',
  })
  correctAssessment(
    @Arg('input', () => CorrectAssessmentInput, {
      description: '更正内容：只改给出的部分 (what changes; what is left out stays)',
    })
    input: CorrectAssessmentInput,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return correctAssessment(ctx, JSON.parse(JSON.stringify(input)));
  }

  @FieldResolver(() => Scheme, { description: '考核方案 (the scheme)' }) async scheme(
    @Root() s: SubmissionRecord,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return schemeOf(ctx, s.schemeId, 'scheme');
  }
  @FieldResolver(() => Unit, { description: '被考核单位 (the unit assessed)' }) unit(@Root() s: SubmissionRecord) {
    return unitRef(s.unitId);
  }
  @FieldResolver(() => Unit, { description: '考核方 (the assessing body)' }) assessor(@Root() s: SubmissionRecord) {
    return unitRef(s.assessorId);
  }
  @FieldResolver(() => [IndicatorScore], { description: '实绩得分：Per indicator, as scored' }) scores(
    @Root() s: SubmissionRecord,
  ) {
    return s.result.indicators;
  }
  @FieldResolver(() => [Rating], { description: '满意度评价：Ratings as given' }) ratings(@Root() s: SubmissionRecord) {
    return s.input.ratings;
  }
  @FieldResolver(() => Float, { description: '党建分：Party-building score (of 100)' }) partyScore(
    @Root() s: SubmissionRecord,
  ) {
    return s.result.partyScore;
  }
  @FieldResolver(() => Float, { description: '业务分：Business score (of 100)' }) businessScore(
    @Root() s: SubmissionRecord,
  ) {
    return s.result.businessScore;
  }
  @FieldResolver(() => Float, { description: '总分 (the final score)', nullable: true }) finalScore(
    @Root() s: SubmissionRecord,
  ) {
    return s.result.finalScore;
  }
  @FieldResolver(() => String, { description: '党建等次 (the party-building grade)' }) partyGrade(
    @Root() s: SubmissionRecord,
  ) {
    return s.result.partyGrade;
  }
  @FieldResolver(() => String, { description: '业务等次 (the business grade)' }) businessGrade(
    @Root() s: SubmissionRecord,
  ) {
    return s.result.businessGrade;
  }
  @FieldResolver(() => String, { description: "等次：This submission's own grade (a unit's result: Unit.assessments)" })
  grade(@Root() s: SubmissionRecord) {
    return s.result.grade;
  }
  @FieldResolver(() => SubmissionRevisionConnection, {
    description:
      '修订记录：每个版本，最早的在前，分页 (every version, oldest first, a page at a time: each correction adds one)',
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
