/** A scheme as defineScheme takes it (checked whole by the service: domain/scheme/validate.ts). */
import 'reflect-metadata';
import { Field, Float, InputType, Int } from 'type-graphql';
import { CombinationMethodEnum, IndicatorMeasureEnum, IndicatorPartEnum } from './scheme.type';

@InputType()
export class IndicatorInput {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => IndicatorPartEnum) part!: string;
  @Field(() => Float) weight!: number;
  @Field(() => Float) maxScore!: number;
  @Field(() => IndicatorMeasureEnum, { nullable: true, defaultValue: 'QUANTITATIVE' }) measure!: string;
}

@InputType()
export class EvaluatorGroupInput {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Float) weight!: number;
}

@InputType()
export class GradeBandInput {
  @Field() grade!: string;
  @Field(() => Float) min!: number;
  @Field(() => Float) max!: number;
}

@InputType()
export class GradeMatrixCellInput {
  @Field() party!: string;
  @Field() business!: string;
  @Field() grade!: string;
}

@InputType()
export class CombinationInput {
  @Field(() => CombinationMethodEnum) method!: string;
  @Field(() => Float, { nullable: true }) partyWeight?: number;
  @Field(() => Float, { nullable: true }) businessWeight?: number;
  @Field(() => [GradeMatrixCellInput], { nullable: true }) matrix?: GradeMatrixCellInput[];
}

@InputType({ description: 'A scheme: checked whole, every problem named by its field' })
export class SchemeInput {
  @Field({ description: 'Issuer unit code (a body in your jurisdiction)' }) issuer!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Your reference: the same scheme under the same key again changes nothing',
  })
  key?: string;
  @Field(() => Int, { description: 'At most next year' }) year!: number;
  @Field() name!: string;
  @Field(() => [IndicatorInput], { description: 'Weights sum to 100' }) indicators!: IndicatorInput[];
  @Field(() => [EvaluatorGroupInput], {
    nullable: true,
    description: 'Weights sum to 100; needed when any indicator is SATISFACTION',
  })
  evaluatorGroups?: EvaluatorGroupInput[];
  @Field(() => [GradeBandInput], { description: 'Covering 0–100 without overlap or gap' })
  gradeBands!: GradeBandInput[];
  @Field(() => CombinationInput) combination!: CombinationInput;
  @Field(() => Float, {
    nullable: true,
    description: "Percent (0–50) of the party-building score from guides' opinions; default 0",
  })
  opinionWeight?: number;
}
