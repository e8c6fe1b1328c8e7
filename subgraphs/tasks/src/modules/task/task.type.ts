import 'reflect-metadata';
import { DateScalar } from '@tiaokuai/platform';
import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { TaskCategoryEnum, TaskPriorityEnum } from '../shared/enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: '任务：A task issued by a committee or party group' })
export class Task {
  @Field(() => ID, { description: '编号 (id)' }) id!: string;
  @Field(() => String, { nullable: true, description: "幂等键：The issuer's own reference" }) key!: string | null;
  @Field({ description: '标题 (title)' }) title!: string;
  @Field(() => String, { description: '任务说明 (what is to be done)', nullable: true }) description!: string | null;
  @Field(() => TaskCategoryEnum, { description: '任务类别 (category)' }) category!: string;
  @Field(() => TaskPriorityEnum, { description: '优先级 (key or routine)' }) priority!: string;
  @Field(() => DateScalar, { description: '开始日 (first day)' }) startsOn!: string;
  @Field(() => DateScalar, { description: '截止日 (due date)' }) dueOn!: string;
  @Field(() => String, { description: '成果：要交付的内容 (what is to be delivered)', nullable: true }) deliverable!:
    string | null;
  /** The item it fulfils (RequiredItem id): exposed as `requiredItem` (code) and `requiredItemOwner` (TaskResolver). */
  requiredItemId!: string | null;
  @Field({ description: '约束性：As issued: false = advisory whoever issued it' }) binding!: boolean;
  @Field(() => String, { nullable: true, description: 'What is measured (指标), e.g. 主题党日开展次数' }) indicator!:
    string | null;
  @Field(() => Float, { nullable: true, description: 'The value each unit should reach (目标值)' }) target!:
    number | null;
}
