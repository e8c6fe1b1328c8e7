/** Who leads and who guides a unit's party-building on a date (党建), and each role's source. */
import 'reflect-metadata';
import { DateScalar } from '@tiaokuai/platform';
import { Field, ObjectType } from 'type-graphql';
import type { LeadershipFlavour, RuleCode } from '../../domain/types';
import type { Anomaly } from '../anomaly/anomaly.type';
import type { Link } from '../link/link.type';
import { LeadershipFlavourEnum, LeadershipRuleEnum, RoleBasisEnum, RoleKindEnum } from '../shared/enums';

@ObjectType({ description: '角色：A party-building role of one body over a unit, and where it comes from' })
export class Role {
  @Field(() => RoleKindEnum, { description: '角色：领导或指导 (leads or guides)' }) role!: 'LEADS' | 'GUIDES';
  @Field(() => LeadershipFlavourEnum, { description: '领导方式 (the leadership flavour)', nullable: true })
  flavour!: LeadershipFlavour | null;
  @Field(() => RoleBasisEnum, { description: '依据：角色从何而来 (where the role comes from)' }) basis!: string;
  unitId!: string;
}

@ObjectType({ description: "党建领导关系：Who leads and who guides a unit's party-building on a date, and why" })
export class PartyBuilding {
  @Field(() => DateScalar, { description: '判断日 (the day judged)' }) asOf!: string;
  @Field(() => LeadershipRuleEnum, {
    description: '规则代码：所依据规则的稳定代码 (the stable code of the rule applied)',
  })
  rule!: RuleCode;
  @Field({ description: '解释：Chinese, for people: which rule, which facts, which date' }) explanation!: string;
  @Field({ description: '存续：Does the unit exist on asOf?' }) exists!: boolean;
  leaderIds!: string[];
  guideIds!: string[];
  roleList!: Role[];
  declaredLinks!: Link[];
  anomalyList!: Anomaly[];
}
