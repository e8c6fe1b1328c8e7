/** Inspections and joint inspections as GraphQL shows them. */
import 'reflect-metadata';
import { DateScalar } from '@tiaokuai/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: '检查指标 (an indicator inspected)' })
export class InspectionIndicator {
  @Field({ description: "指标代码 (the indicator's code)" }) code!: string;
  @Field({ description: "指标名称 (the indicator's name)" }) name!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "One body's inspection (检查) of one unit" })
export class Inspection {
  @Field(() => ID, { description: '编号 (id)' }) id!: string;
  @Field(() => String, { description: '幂等键：重复提交时识别同一检查 (idempotency key)', nullable: true }) key!:
    string | null;
  @Field({ description: '标题 (title)' }) title!: string;
  @Field(() => DateScalar, { description: '开始日 (first day)' }) startsOn!: string;
  @Field(() => DateScalar, { description: '结束日 (last day)' }) endsOn!: string;
  @Field(() => [InspectionIndicator], { description: '检查指标 (what is inspected)' })
  indicators!: InspectionIndicator[];
}

@Directive('@key(fields: "id")')
@ObjectType({ description: '联合检查：An accepted joint inspection (kept)' })
export class JointInspection {
  @Field(() => ID, { description: '编号 (id)' }) id!: string;
  @Field(() => DateScalar, { description: '开始日 (first day)' }) startsOn!: string;
  @Field(() => DateScalar, { description: '结束日 (last day)' }) endsOn!: string;
  @Field(() => String, { description: '备注 (a note)', nullable: true }) note!: string | null;
  @Field({ description: '接受人 (who accepted it)' }) acceptedBy!: string;
  @Field(() => String, { description: '接受方：代表的机构 (the body on whose behalf it was accepted)', nullable: true })
  acceptedFor!: string | null;
  @Field({ description: '接受时刻 (when it was accepted)' }) acceptedAt!: Date;
}
