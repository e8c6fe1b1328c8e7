/** Schemes (考核方案) as GraphQL shows them. */
import 'reflect-metadata';
import { connectionType } from '@tiaokuai/platform';
import { enumOf } from '@tiaokuai/leadership';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MEASURES, PARTS } from '../../domain/scheme/scheme';

export const IndicatorPartEnum = enumOf(PARTS);
export const IndicatorMeasureEnum = enumOf(MEASURES);
export const CombinationMethodEnum = enumOf(['WEIGHTED_SUM', 'GRADE_MATRIX'] as const);

registerEnumType(IndicatorPartEnum, {
  name: 'IndicatorPart',
  description: 'RESULTS 实绩考核 (scored directly), SATISFACTION 满意度评价 (rated by evaluator groups)',
});
registerEnumType(IndicatorMeasureEnum, {
  name: 'IndicatorMeasure',
  description: 'QUANTITATIVE 定量, QUALITATIVE 定性',
});
registerEnumType(CombinationMethodEnum, {
  name: 'CombinationMethod',
  description:
    '双百分: WEIGHTED_SUM (party and business scores weighted, the sum banded) or GRADE_MATRIX (each banded, the pair looked up)',
});

@ObjectType()
export class SchemeIndicator {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => IndicatorPartEnum) part!: string;
  @Field(() => Float, { description: 'Percent of the party-building score' }) weight!: number;
  @Field(() => Float) maxScore!: number;
  @Field(() => IndicatorMeasureEnum) measure!: string;
}

@ObjectType({ description: '评价主体 and its weight (知者权重)' })
export class EvaluatorGroup {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Float) weight!: number;
}

@ObjectType({ description: '格次: [min, max), the top band closed at 100' })
export class GradeBand {
  @Field() grade!: string;
  @Field(() => Float) min!: number;
  @Field(() => Float) max!: number;
}

@ObjectType()
export class GradeMatrixCell {
  @Field() party!: string;
  @Field() business!: string;
  @Field() grade!: string;
}

@ObjectType({ description: '双百分: how the party-building and business scores make the final grade' })
export class Combination {
  @Field(() => CombinationMethodEnum) method!: string;
  @Field(() => Float, { nullable: true }) partyWeight!: number | null;
  @Field(() => Float, { nullable: true }) businessWeight!: number | null;
  @Field(() => [GradeMatrixCell], { nullable: true }) matrix!: GradeMatrixCell[] | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "考核方案: an issuer's scheme for a year" })
export class Scheme {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: "The issuer's own reference" }) key!: string | null;
  @Field(() => Int) year!: number;
  @Field() name!: string;
}

export const SchemeConnection = connectionType('Scheme', Scheme, {
  description: 'A page of schemes, newest year first, then by id',
});
export type SchemeConnection = InstanceType<typeof SchemeConnection>;
