/** Submissions and corrections as the mutations take them (the service's SubmitInput, CorrectInput). */
import 'reflect-metadata';
import { DateScalar } from '@tiaokuai/platform';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType({ description: '实绩得分：一项指标的得分 (a results score of one indicator)' })
export class ScoreInput {
  @Field({ description: "指标代码 (the indicator's code)" }) indicator!: string;
  @Field(() => Float, { description: '得分 (the score)' }) score!: number;
}

@InputType({ description: '满意度评价：一项指标的评分 (a satisfaction rating of one indicator)' })
export class RatingInput {
  @Field({ description: "指标代码 (the indicator's code)" }) indicator!: string;
  @Field({ description: '评价组：Evaluator group code' }) group!: string;
  @Field(() => Float, { description: '得分 (the score)' }) score!: number;
}

@InputType({ description: '考核提交 (an assessment to submit)' })
export class SubmitAssessmentInput {
  @Field(() => ID, { description: "考核方案编号 (the scheme's id)" }) scheme!: string;
  @Field({ description: '被考核单位：Unit code assessed' }) unit!: string;
  @Field({
    description:
      '考核方：Assessing body (unit code, in your jurisdiction): grades if it leads the unit on the day, gives an opinion if it guides it',
  })
  assessor!: string;
  @Field(() => DateScalar, { description: '考核日：The assessment day (not in the future)' }) on!: string;
  @Field(() => [ScoreInput], { nullable: true, description: '实绩得分：RESULTS indicators' }) scores?: ScoreInput[];
  @Field(() => [RatingInput], {
    nullable: true,
    description: '满意度评价：SATISFACTION indicators, per evaluator group',
  })
  ratings?: RatingInput[];
  @Field(() => Float, { description: '业务分：The business (economic and social) score, of 100' })
  businessScore!: number;
  @Field(() => String, { description: '备注 (a note)', nullable: true }) note?: string;
}

@InputType({
  description: '更正考核：A correction: what is given replaces what was there; the result is scored afresh',
})
export class CorrectAssessmentInput {
  @Field(() => ID, { description: '考核提交：要更正的提交编号 (the submission to correct)' }) submission!: string;
  @Field(() => Int, { description: '版本：The version you corrected (stale: CONFLICT)' }) version!: number;
  @Field(() => DateScalar, { description: '考核日：新的考核日期 (the new assessment date)', nullable: true })
  on?: string;
  @Field(() => [ScoreInput], { description: '得分：新的实绩得分 (the new results scores)', nullable: true })
  scores?: ScoreInput[];
  @Field(() => [RatingInput], { description: '评价：新的满意度评价 (the new satisfaction ratings)', nullable: true })
  ratings?: RatingInput[];
  @Field(() => Float, { description: '业务分：新的业务得分 (the new business score)', nullable: true })
  businessScore?: number;
  @Field(() => String, { description: '备注：更正原因 (why it is corrected)', nullable: true }) note?: string;
}
