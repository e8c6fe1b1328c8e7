import 'reflect-metadata';
import { DateScalar } from '@tiaokuai/platform';
import { Field, Float, InputType } from 'type-graphql';
import { ScopeRelationEnum, TaskCategoryEnum, TaskPriorityEnum, UnitKindEnum } from '../shared/enums';

@InputType({
  description: "下达范围：Every unit of these kinds under (or led or guided by) this unit, as of the task's first day",
})
export class ScopeInput {
  @Field({ description: '机构：Unit code' }) unit!: string;
  @Field(() => ScopeRelationEnum, { description: '范围关系 (which units of the body count)', defaultValue: 'UNDER' })
  relation!: string;
  @Field(() => [UnitKindEnum], { description: '单位类型：空为全部 (only these kinds; default all)', nullable: true })
  kinds?: string[] | null;
}

@InputType({ description: '下达任务 (a task to issue)' })
export class IssueTaskInput {
  @Field({ description: '下达方：Unit code of the issuing body' }) issuer!: string;
  @Field(() => String, {
    nullable: true,
    description: "幂等键：The issuer's own reference; issuing twice with the same key changes nothing",
  })
  key?: string | null;
  @Field({ description: '标题 (title)' }) title!: string;
  @Field(() => String, { description: '任务说明 (what is to be done)', nullable: true }) description?: string | null;
  @Field(() => TaskCategoryEnum, { description: '任务类别 (category)' }) category!: string;
  @Field(() => TaskPriorityEnum, { description: '优先级：重点或一般 (key or routine)' }) priority!: string;
  @Field(() => DateScalar, { description: '开始日 (first day)' }) startsOn!: string;
  @Field(() => DateScalar, { description: '截止日 (due date)' }) dueOn!: string;
  @Field(() => String, {
    nullable: true,
    description: '成果：A named deliverable; the same deliverable due on different dates is a conflict',
  })
  deliverable?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '清单事项代码：Code of the responsibility-list item this task fulfils',
  })
  requiredItem?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "清单所属方：Unit code of that item's owner; absent: the hub-wide item of that code",
  })
  requiredItemOwner?: string | null;
  @Field({
    defaultValue: true,
    description:
      '约束性：false: advisory whoever issues it; true from a body that only guides: advisory, and reported as OVERREACH',
  })
  binding!: boolean;
  @Field(() => [String], { nullable: true, description: '下达对象：Unit codes' }) targets?: string[] | null;
  @Field(() => ScopeInput, {
    description: '下达范围：某机构下某些类型的单位 (a scope: the units of some kinds under a body)',
    nullable: true,
  })
  scope?: ScopeInput | null;
  @Field(() => String, { nullable: true, description: 'What is measured (指标), e.g. 主题党日开展次数' }) indicator?:
    string | null;
  @Field(() => Float, { nullable: true, description: 'The value each unit should reach (目标值); needs an indicator' })
  target?: number | null;
  @Field(() => [String], {
    nullable: true,
    description:
      "互斥任务：Keys of the same issuer's tasks that cannot be carried out together with this one (CONFLICT where a unit holds both)",
  })
  incompatibleWith?: string[] | null;
}
