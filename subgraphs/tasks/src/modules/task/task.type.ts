import 'reflect-metadata';
import { DateScalar } from '@tiaokuai/platform';
import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { TaskCategoryEnum, TaskPriorityEnum } from '../shared/enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A task issued by a committee or party group' })
export class Task {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: "The issuer's own reference" }) key!: string | null;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => TaskCategoryEnum) category!: string;
  @Field(() => TaskPriorityEnum) priority!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) dueOn!: string;
  @Field(() => String, { nullable: true }) deliverable!: string | null;
  /** The item it fulfils (RequiredItem id): exposed as `requiredItem` (code) and `requiredItemOwner` (TaskResolver). */
  requiredItemId!: string | null;
  @Field({ description: 'As issued: false = advisory whoever issued it' }) binding!: boolean;
  @Field(() => String, { nullable: true, description: 'What is measured (指标), e.g. 主题党日开展次数' }) indicator!:
    string | null;
  @Field(() => Float, { nullable: true, description: 'The value each unit should reach (目标值)' }) target!:
    number | null;
}
