/** Who leads and who guides a unit's party-building on a date (党建), and each role's source. */
import 'reflect-metadata';
import { DateScalar } from '@tiaokuai/platform';
import { Field, ObjectType } from 'type-graphql';
import type { LeadershipFlavour, RuleCode } from '../../domain/types';
import type { Anomaly } from '../anomaly/anomaly.type';
import type { Link } from '../link/link.type';
import { LeadershipFlavourEnum, LeadershipRuleEnum, RoleBasisEnum, RoleKindEnum } from '../shared/enums';

@ObjectType({ description: 'A party-building role of one body over a unit, and where it comes from' })
export class Role {
  @Field(() => RoleKindEnum) role!: 'LEADS' | 'GUIDES';
  @Field(() => LeadershipFlavourEnum, { nullable: true }) flavour!: LeadershipFlavour | null;
  @Field(() => RoleBasisEnum) basis!: string;
  unitId!: string;
}

@ObjectType({ description: "Who leads and who guides a unit's party-building on a date, and why" })
export class PartyBuilding {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => LeadershipRuleEnum, { description: '规则: the stable code of the rule applied' }) rule!: RuleCode;
  @Field({ description: 'Chinese, for people: which rule, which facts, which date' }) explanation!: string;
  @Field({ description: 'Does the unit exist on asOf?' }) exists!: boolean;
  leaderIds!: string[];
  guideIds!: string[];
  roleList!: Role[];
  declaredLinks!: Link[];
  anomalyList!: Anomaly[];
}
