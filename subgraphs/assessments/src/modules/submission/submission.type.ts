/** Submissions as GraphQL shows them. */
import 'reflect-metadata';
import { connectionType, DateScalar } from '@tiaokuai/platform';
import { enumOf } from '@tiaokuai/leadership';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export const SubmissionRoleEnum = enumOf(['GRADING', 'OPINION'] as const);

registerEnumType(SubmissionRoleEnum, {
  name: 'SubmissionRole',
  description:
    '考核身份：GRADING: the assessor led the unit on the day (its grade counts); OPINION: it guided it (a weighted opinion)',
  valuesConfig: {
    GRADING: {
      description: '定等：领导方的考核，等次计入结果 (GRADING: the assessor led the unit on the day, its grade counts)',
    },
    OPINION: {
      description: '意见：指导方的加权意见 (OPINION: the assessor guided the unit, its opinion is weighted in)',
    },
  },
});

@ObjectType({
  description:
    "指标得分：One indicator's score in a submission (a SATISFACTION indicator: the groups' ratings weighted)",
})
export class IndicatorScore {
  @Field({ description: "指标代码 (the indicator's code)" }) indicator!: string;
  @Field(() => Float, { description: '得分 (the score)' }) score!: number;
  @Field(() => Float, { description: '贡献分：weight × score / maxScore: its part of the party-building score' })
  contribution!: number;
}

@ObjectType({ description: '满意度评价：A rating of a SATISFACTION indicator by an evaluator group, as given' })
export class Rating {
  @Field({ description: "指标代码 (the indicator's code)" }) indicator!: string;
  @Field({ description: "评价组代码 (the evaluator group's code)" }) group!: string;
  @Field(() => Float, { description: '得分 (the score)' }) score!: number;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "考核提交：One body's assessment of one unit under a scheme" })
export class Submission {
  @Field(() => ID, { description: '编号 (id)' }) id!: string;
  @Field(() => SubmissionRoleEnum, { description: '身份：定等或意见 (grading or opinion)' }) role!: string;
  @Field(() => DateScalar, { description: '考核日 (the assessment date)' }) assessedOn!: string;
  @Field(() => String, { description: '备注 (a note)', nullable: true }) note!: string | null;
  @Field(() => Int, { description: '版本：Optimistic concurrency: pass it back when correcting' }) version!: number;
  @Field({ description: "提交人：Who submitted it (the token's subject)" }) submittedBy!: string;
}

@ObjectType({ description: '考核修订：A version of a submission as it was (kept; the submission holds the latest)' })
export class SubmissionRevision {
  @Field(() => Int, { description: '版本 (version)' }) version!: number;
  @Field(() => SubmissionRoleEnum, { description: '身份 (grading or opinion)' }) role!: string;
  @Field(() => DateScalar, { description: '考核日 (the assessment date)' }) assessedOn!: string;
  @Field(() => Float, { description: '党建分 (the party-building score)' }) partyScore!: number;
  @Field(() => Float, { description: '业务分 (the business score)' }) businessScore!: number;
  @Field(() => Float, { description: '总分 (the final score)', nullable: true }) finalScore!: number | null;
  @Field({ description: '等次 (the grade)' }) grade!: string;
  @Field(() => String, { description: '备注 (a note)', nullable: true }) note!: string | null;
  @Field({ description: '修订人 (who)' }) by!: string;
  @Field(() => String, { description: '修订方：代表的机构 (on behalf of which body)', nullable: true }) byBody!:
    string | null;
  @Field({ description: '修订时刻 (when)' }) at!: Date;
}

export const SubmissionRevisionConnection = connectionType('SubmissionRevision', SubmissionRevision, {
  description: "A page of a submission's versions (修订), oldest first",
});
export type SubmissionRevisionConnection = InstanceType<typeof SubmissionRevisionConnection>;
