import 'reflect-metadata';
import { DateScalar } from '@tiaokuai/platform';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { AssignmentStatusEnum } from '../shared/enums';

@InputType({ description: '进度报告：A progress report on one assignment; omitted fields keep their value' })
export class ReportProgressInput {
  @Field(() => ID, { description: "任务分配编号 (the assignment's id)" }) assignment!: string;
  @Field(() => Int, { description: '版本：The version the report is based on; a stale one is refused with CONFLICT' })
  version!: number;
  @Field(() => AssignmentStatusEnum, { nullable: true, description: '状态：ASSIGNED, IN_PROGRESS or DONE' }) status?:
    string | null;
  @Field(() => Int, { nullable: true, description: '进度（百分比）：0–100; 100 is DONE' }) progress?: number | null;
  @Field(() => Float, { nullable: true, description: "指标值：The indicator's value, for a task that names one" })
  value?: number | null;
  @Field(() => String, { description: '备注 (a note)', nullable: true }) note?: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      '报告日：The day the report speaks for (default today; not in the future): the completion day when DONE',
  })
  on?: string | null;
}
