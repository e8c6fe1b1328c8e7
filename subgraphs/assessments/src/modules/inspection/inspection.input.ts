/** Inspections as the mutations take them (the service's ScheduleInput, AcceptJointInput). */
import 'reflect-metadata';
import { DateScalar } from '@tiaokuai/platform';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: '检查指标 (an indicator to inspect)' })
export class InspectionIndicatorInput {
  @Field({ description: "指标代码 (the indicator's code)" }) code!: string;
  @Field({ description: "指标名称 (the indicator's name)" }) name!: string;
}

@InputType({ description: '安排检查 (an inspection to announce)' })
export class ScheduleInspectionInput {
  @Field({ description: '检查方：Inspecting body (unit code, in your jurisdiction); it must lead or guide each unit' })
  inspector!: string;
  @Field(() => [String], { description: '受检单位：单位代码 (the units inspected, by code)' }) units!: string[];
  @Field({ description: '标题 (title)' }) title!: string;
  @Field(() => DateScalar, { description: '开始日 (first day)' }) from!: string;
  @Field(() => DateScalar, { description: '结束日 (last day)' }) to!: string;
  @Field(() => ID, { nullable: true, description: '考核方案：The scheme applied (its indicators, unless given)' })
  scheme?: string;
  @Field(() => [InspectionIndicatorInput], { description: '检查指标 (what is inspected)', nullable: true })
  indicators?: InspectionIndicatorInput[];
  @Field(() => String, { nullable: true, description: '幂等键：Your reference: idempotent per unit' }) key?: string;
}

@InputType({
  description:
    '接受联合检查：Accept the proposed joint inspection of a unit for a quarter (choices default to the proposal)',
})
export class AcceptJointInspectionInput {
  @Field({ description: "受检单位：单位代码 (the inspected unit's code)" }) unit!: string;
  @Field(() => DateScalar, { description: '季度内某日：Any day of the quarter' }) on!: string;
  @Field(() => String, { nullable: true, description: '牵头方：Organiser: one of the bodies involved' }) lead?: string;
  @Field(() => DateScalar, {
    description: "开始日：联合检查的首日，默认取建议 (first day of the joint inspection; default: the proposal's)",
    nullable: true,
  })
  from?: string;
  @Field(() => DateScalar, {
    description: "结束日：联合检查的末日，默认取建议 (last day of the joint inspection; default: the proposal's)",
    nullable: true,
  })
  to?: string;
  @Field(() => String, { description: '备注 (a note)', nullable: true }) note?: string;
}
