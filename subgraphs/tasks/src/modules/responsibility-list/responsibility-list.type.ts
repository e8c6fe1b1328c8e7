import 'reflect-metadata';
import { connectionType, DateScalar } from '@tiaokuai/platform';
import { Field, Int, ObjectType } from 'type-graphql';
import { FrequencyEnum, LeadershipFlavourEnum, ListRelationEnum, UnitKindEnum } from '../shared/enums';

@ObjectType({
  description:
    "An item of a responsibility list (责任清单): of a body (its owner), or hub-wide (no owner: the regulation's own duties). Known by owner and code",
})
export class RequiredItem {
  id!: string;
  ownerId!: string | null;
  @Field({ description: "事项代码 (the item's code)" }) code!: string;
  @Field({ description: '名称 (name)' }) name!: string;
  @Field(() => [UnitKindEnum], { description: '适用类型：适用的党组织类型 (the kinds of unit that must carry it)' })
  kinds!: string[];
  @Field(() => FrequencyEnum, { description: '频次 (how often)' }) frequency!: string;
  @Field(() => String, { description: '说明 (what is to be done)', nullable: true }) description!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: '停止日：Retired: not required in periods beginning on or after this day',
  })
  retiredOn!: string | null;
}

@ObjectType({ description: '时期：A stretch of days (inclusive)' })
export class DayPeriod {
  @Field(() => DateScalar, { description: '开始日：首日（含） (first day, inclusive)' }) from!: string;
  @Field(() => DateScalar, { description: '结束日：末日（含） (last day, inclusive)' }) to!: string;
}

@ObjectType({
  description:
    "责任清单条目：An item of a unit's responsibility list for a year: who asks it, how it reaches the unit, what fulfils it, what is still missing",
})
export class ResponsibilityListEntry {
  @Field(() => RequiredItem, { description: '清单事项 (the item)' }) item!: RequiredItem;
  @Field(() => ListRelationEnum, { description: '到达方式：清单如何到达该单位 (how the list reaches the unit)' })
  relation!: string;
  @Field(() => LeadershipFlavourEnum, {
    nullable: true,
    description:
      '领导方式：How the owner leads the unit (DIRECT) or the body its list arrives through (CASCADE), where org names a flavour',
  })
  flavour!: string | null;
  @Field(() => Int, {
    description: '层级距离：Steps from the owner down to the unit: 1 for its direct leader (0: hub-wide)',
  })
  depth!: number;
  @Field(() => DateScalar, { description: '开始日：First day of the year it applied' }) from!: string;
  @Field(() => DateScalar, { description: '结束日：Last day of the year it applied' }) to!: string;
  @Field(() => [DayPeriod], {
    description: '缺项周期：Frequency periods (within the year) no binding assignment covers: MISSING',
  })
  missing!: DayPeriod[];
  ownerId!: string | null;
  throughId!: string | null;
  assignmentIds!: string[];
}

export const RequiredItemConnection = connectionType('RequiredItem', RequiredItem, {
  description: '清单事项分页：A page of responsibility-list items, ordered hub-wide first, then by owner id, then code',
});
export type RequiredItemConnection = InstanceType<typeof RequiredItemConnection>;
export const ResponsibilityListEntryConnection = connectionType('ResponsibilityListEntry', ResponsibilityListEntry, {
  description:
    "责任清单分页：A page of a unit's responsibility list, ordered hub-wide items first, then by owner id, then code",
});
export type ResponsibilityListEntryConnection = InstanceType<typeof ResponsibilityListEntryConnection>;
