/** Submissions and corrections as the mutations take them (the service's SubmitInput, CorrectInput). */
import 'reflect-metadata';
import { DateScalar } from '@tiaokuai/platform';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType()
export class ScoreInput {
  @Field() indicator!: string;
  @Field(() => Float) score!: number;
}

@InputType()
export class RatingInput {
  @Field() indicator!: string;
  @Field({ description: 'Evaluator group code' }) group!: string;
  @Field(() => Float) score!: number;
}

@InputType()
export class SubmitAssessmentInput {
  @Field(() => ID) scheme!: string;
  @Field({ description: 'Unit code assessed' }) unit!: string;
  @Field({
    description:
      'Assessing body (unit code, in your jurisdiction): grades if it leads the unit on the day, gives an opinion if it guides it',
  })
  assessor!: string;
  @Field(() => DateScalar, { description: 'The assessment day (not in the future)' }) on!: string;
  @Field(() => [ScoreInput], { nullable: true, description: 'RESULTS indicators' }) scores?: ScoreInput[];
  @Field(() => [RatingInput], { nullable: true, description: 'SATISFACTION indicators, per evaluator group' })
  ratings?: RatingInput[];
  @Field(() => Float, { description: 'The business (economic and social) score, of 100' }) businessScore!: number;
  @Field(() => String, { nullable: true }) note?: string;
}

@InputType({ description: 'A correction: what is given replaces what was there; the result is scored afresh' })
export class CorrectAssessmentInput {
  @Field(() => ID) submission!: string;
  @Field(() => Int, { description: 'The version you corrected (stale: CONFLICT)' }) version!: number;
  @Field(() => DateScalar, { nullable: true }) on?: string;
  @Field(() => [ScoreInput], { nullable: true }) scores?: ScoreInput[];
  @Field(() => [RatingInput], { nullable: true }) ratings?: RatingInput[];
  @Field(() => Float, { nullable: true }) businessScore?: number;
  @Field(() => String, { nullable: true }) note?: string;
}
