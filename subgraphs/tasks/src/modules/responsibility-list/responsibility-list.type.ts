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
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => [UnitKindEnum]) kinds!: string[];
  @Field(() => FrequencyEnum) frequency!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Retired: not required in periods beginning on or after this day',
  })
  retiredOn!: string | null;
}

@ObjectType({ description: 'A stretch of days (inclusive)' })
export class DayPeriod {
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
}

@ObjectType({
  description:
    "An item of a unit's responsibility list for a year: who asks it, how it reaches the unit, what fulfils it, what is still missing",
})
export class ResponsibilityListEntry {
  @Field(() => RequiredItem) item!: RequiredItem;
  @Field(() => ListRelationEnum) relation!: string;
  @Field(() => LeadershipFlavourEnum, {
    nullable: true,
    description:
      'How the owner leads the unit (DIRECT) or the body its list arrives through (CASCADE), where org names a flavour',
  })
  flavour!: string | null;
  @Field(() => Int, { description: 'Steps from the owner down to the unit: 1 for its direct leader (0: hub-wide)' })
  depth!: number;
  @Field(() => DateScalar, { description: 'First day of the year it applied' }) from!: string;
  @Field(() => DateScalar, { description: 'Last day of the year it applied' }) to!: string;
  @Field(() => [DayPeriod], {
    description: 'Frequency periods (within the year) no binding assignment covers: MISSING',
  })
  missing!: DayPeriod[];
  ownerId!: string | null;
  throughId!: string | null;
  assignmentIds!: string[];
}

export const RequiredItemConnection = connectionType('RequiredItem', RequiredItem, {
  description: 'A page of responsibility-list items, ordered hub-wide first, then by owner id, then code',
});
export type RequiredItemConnection = InstanceType<typeof RequiredItemConnection>;
export const ResponsibilityListEntryConnection = connectionType('ResponsibilityListEntry', ResponsibilityListEntry, {
  description: "A page of a unit's responsibility list, ordered hub-wide items first, then by owner id, then code",
});
export type ResponsibilityListEntryConnection = InstanceType<typeof ResponsibilityListEntryConnection>;
