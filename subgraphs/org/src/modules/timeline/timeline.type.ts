/** `leadershipTimeline`'s answer: a unit's leadership over a period, cut where it changes. */
import 'reflect-metadata';
import { DateScalar } from '@tiaokuai/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { LeadershipFlavour } from '../../domain/types';
import { LeadershipFlavourEnum } from '../shared/enums';
import { Unit } from '../unit/unit.type';

@ObjectType({
  description:
    'Who led and who guided a unit over part of a period (by the rules); days the unit did not exist belong to no period',
})
@Directive('@inaccessible')
export class LeadershipPeriod {
  @Field(() => DateScalar, { description: 'First day (inclusive)' }) from!: string;
  @Field(() => DateScalar, { description: 'Last day (inclusive)' }) to!: string;
  @Field(() => [ID], { description: "The leaders' ids (the same as leaders { id }, cheaper for large answers)" })
  leaderIds!: string[];
  @Field(() => [ID], { description: "The guides' ids" }) guideIds!: string[];
  @Field(() => [LeadershipFlavourEnum], {
    nullable: 'items',
    description:
      "Each leader's flavour (统一领导 UNIFIED, 具体领导 SPECIFIC), index for index with leaderIds; null where the rule names none",
  })
  leaderFlavours!: Array<LeadershipFlavour | null>;
}

@ObjectType({ description: "A unit's leadership over a period, cut where the rules' answer changes" })
@Directive('@inaccessible')
export class LeadershipTimeline {
  @Field(() => Unit) unit!: Unit;
  @Field({
    description:
      'Asked for (or in the scope); false for a body above them, included so that "the body that leads its leader" can be followed',
  })
  requested!: boolean;
  @Field(() => [LeadershipPeriod]) periods!: LeadershipPeriod[];
}
