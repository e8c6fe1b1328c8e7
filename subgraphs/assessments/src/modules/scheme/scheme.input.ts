/** A scheme as defineScheme takes it (checked whole by the service: domain/scheme/validate.ts). */
import 'reflect-metadata';
import { Field, Float, InputType, Int } from 'type-graphql';
import { CombinationMethodEnum, IndicatorMeasureEnum, IndicatorPartEnum } from './scheme.type';

@InputType({ description: '考核指标 (an indicator of a scheme)' })
export class IndicatorInput {
  @Field({ description: "指标代码 (the indicator's code)" }) code!: string;
  @Field({ description: "指标名称 (the indicator's name)" }) name!: string;
  @Field(() => IndicatorPartEnum, { description: '所属部分：实绩考核或满意度评价 (results or satisfaction part)' })
  part!: string;
  @Field(() => Float, { description: '权重 (weight)' }) weight!: number;
  @Field(() => Float, { description: '满分 (maximum score)' }) maxScore!: number;
  @Field(() => IndicatorMeasureEnum, {
    description: '计量方式：定量或定性 (quantitative or qualitative)',
    nullable: true,
    defaultValue: 'QUANTITATIVE',
  })
  measure!: string;
}

@InputType({ description: '评价组：满意度评价的一类评价者 (an evaluator group of the satisfaction part)' })
export class EvaluatorGroupInput {
  @Field({ description: "评价组代码 (the group's code)" }) code!: string;
  @Field({ description: "评价组名称 (the group's name)" }) name!: string;
  @Field(() => Float, { description: "知者权重 (the group's weight)" }) weight!: number;
}

@InputType({ description: '格次：分数段对应的等次 (a grade band: a score range and its grade)' })
export class GradeBandInput {
  @Field({ description: '等次 (the grade)' }) grade!: string;
  @Field(() => Float, { description: '下限 (lowest score of the band)' }) min!: number;
  @Field(() => Float, { description: '上限 (highest score of the band)' }) max!: number;
}

@InputType({ description: '等次矩阵格 (a grade matrix cell)' })
export class GradeMatrixCellInput {
  @Field({ description: '党建等次 (the party-building grade)' }) party!: string;
  @Field({ description: '业务等次 (the business grade)' }) business!: string;
  @Field({ description: '总等次 (the final grade)' }) grade!: string;
}

@InputType({
  description: '双百分合成：党建分与业务分如何合成等次 (how the party-building and business scores decide the grade)',
})
export class CombinationInput {
  @Field(() => CombinationMethodEnum, { description: '合成方法 (how the two scores combine)' }) method!: string;
  @Field(() => Float, {
    description: "党建权重：加权求和时必填 (the party-building score's weight, for WEIGHTED_SUM)",
    nullable: true,
  })
  partyWeight?: number;
  @Field(() => Float, {
    description: "业务权重：加权求和时必填 (the business score's weight, for WEIGHTED_SUM)",
    nullable: true,
  })
  businessWeight?: number;
  @Field(() => [GradeMatrixCellInput], {
    description: '等次矩阵：等次矩阵法时必填 (the grade matrix, for GRADE_MATRIX)',
    nullable: true,
  })
  matrix?: GradeMatrixCellInput[];
}

@InputType({ description: '考核方案：A scheme: checked whole, every problem named by its field' })
export class SchemeInput {
  @Field({ description: '发布方：Issuer unit code (a body in your jurisdiction)' }) issuer!: string;
  @Field(() => String, {
    nullable: true,
    description: '幂等键：Your reference: the same scheme under the same key again changes nothing',
  })
  key?: string;
  @Field(() => Int, { description: '年度：At most next year' }) year!: number;
  @Field({ description: '名称 (name)' }) name!: string;
  @Field(() => [IndicatorInput], { description: '考核指标：Weights sum to 100' }) indicators!: IndicatorInput[];
  @Field(() => [EvaluatorGroupInput], {
    nullable: true,
    description: '评价组：Weights sum to 100; needed when any indicator is SATISFACTION',
  })
  evaluatorGroups?: EvaluatorGroupInput[];
  @Field(() => [GradeBandInput], { description: '格次：Covering 0–100 without overlap or gap' })
  gradeBands!: GradeBandInput[];
  @Field(() => CombinationInput, { description: '双百分合成 (how the two scores decide the grade)' })
  combination!: CombinationInput;
  @Field(() => Float, {
    nullable: true,
    description: "意见权重：Percent (0–50) of the party-building score from guides' opinions; default 0",
  })
  opinionWeight?: number;
}
