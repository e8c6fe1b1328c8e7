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
  valuesConfig: {
    RESULTS: { description: '实绩考核：直接打分的客观部分 (RESULTS: the objective part, scored directly)' },
    SATISFACTION: {
      description: '满意度评价：由评价组打分的主观部分 (SATISFACTION: the subjective part, rated by evaluator groups)',
    },
  },
});
registerEnumType(IndicatorMeasureEnum, {
  name: 'IndicatorMeasure',
  description: 'QUANTITATIVE 定量, QUALITATIVE 定性',
  valuesConfig: {
    QUALITATIVE: { description: '定性：按等次评价 (QUALITATIVE: judged, not counted)' },
    QUANTITATIVE: { description: '定量：按数值计分 (QUANTITATIVE: scored from a measured value)' },
  },
});
registerEnumType(CombinationMethodEnum, {
  name: 'CombinationMethod',
  description:
    '双百分: WEIGHTED_SUM (party and business scores weighted, the sum banded) or GRADE_MATRIX (each banded, the pair looked up)',
  valuesConfig: {
    GRADE_MATRIX: {
      description: '等次矩阵：两项分别定档后查表定等 (GRADE_MATRIX: each score banded, the pair of grades looked up)',
    },
    WEIGHTED_SUM: {
      description:
        '加权求和：党建分与业务分加权相加后定档 (WEIGHTED_SUM: party and business scores weighted, the sum banded)',
    },
  },
});

@ObjectType({ description: '考核指标 (an indicator of a scheme)' })
export class SchemeIndicator {
  @Field({ description: "指标代码 (the indicator's code)" }) code!: string;
  @Field({ description: "指标名称 (the indicator's name)" }) name!: string;
  @Field(() => IndicatorPartEnum, { description: '所属部分 (results or satisfaction part)' }) part!: string;
  @Field(() => Float, { description: '权重：Percent of the party-building score' }) weight!: number;
  @Field(() => Float, { description: '满分 (maximum score)' }) maxScore!: number;
  @Field(() => IndicatorMeasureEnum, { description: '计量方式 (quantitative or qualitative)' }) measure!: string;
}

@ObjectType({ description: '评价主体 and its weight (知者权重)' })
export class EvaluatorGroup {
  @Field({ description: "评价组代码 (the group's code)" }) code!: string;
  @Field({ description: "评价组名称 (the group's name)" }) name!: string;
  @Field(() => Float, { description: "知者权重：该组评价的权重 (the group's weight, by how well it knows the unit)" })
  weight!: number;
}

@ObjectType({ description: '格次: [min, max), the top band closed at 100' })
export class GradeBand {
  @Field({ description: '等次 (the grade)' }) grade!: string;
  @Field(() => Float, { description: '下限：分数下限 (lowest score of the band)' }) min!: number;
  @Field(() => Float, { description: '上限：分数上限 (highest score of the band)' }) max!: number;
}

@ObjectType({
  description:
    '等次矩阵格：党建等次与业务等次对应的总等次 (a grade matrix cell: party grade and business grade to final grade)',
})
export class GradeMatrixCell {
  @Field({ description: '党建等次 (the party-building grade)' }) party!: string;
  @Field({ description: '业务等次 (the business grade)' }) business!: string;
  @Field({ description: '总等次 (the final grade)' }) grade!: string;
}

@ObjectType({ description: '双百分: how the party-building and business scores make the final grade' })
export class Combination {
  @Field(() => CombinationMethodEnum, { description: '合成方法 (how the two scores combine)' }) method!: string;
  @Field(() => Float, {
    description: "党建权重：加权求和时党建分的权重 (the party-building score's weight, for WEIGHTED_SUM)",
    nullable: true,
  })
  partyWeight!: number | null;
  @Field(() => Float, {
    description: "业务权重：加权求和时业务分的权重 (the business score's weight, for WEIGHTED_SUM)",
    nullable: true,
  })
  businessWeight!: number | null;
  @Field(() => [GradeMatrixCell], {
    description: '等次矩阵：两项等次到总等次 (the grade matrix, for GRADE_MATRIX)',
    nullable: true,
  })
  matrix!: GradeMatrixCell[] | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "考核方案: an issuer's scheme for a year" })
export class Scheme {
  @Field(() => ID, { description: '编号 (id)' }) id!: string;
  @Field(() => String, { nullable: true, description: "幂等键：The issuer's own reference" }) key!: string | null;
  @Field(() => Int, { description: '年度 (the year)' }) year!: number;
  @Field({ description: '名称 (name)' }) name!: string;
}

export const SchemeConnection = connectionType('Scheme', Scheme, {
  description: '考核方案分页：A page of schemes, newest year first, then by id',
});
export type SchemeConnection = InstanceType<typeof SchemeConnection>;
