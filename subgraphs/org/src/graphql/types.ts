import 'reflect-metadata';
import { DateScalar, JSONScalar } from '@tiaokuai/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { AnomalyCode, LeadershipFlavour, LinkKind, ManagementMode, UnitKind, UnitLevel } from '../domain/types';
import {
  AnomalyCodeEnum, HistoryEventKindEnum, LeadershipFlavourEnum, LinkKindEnum, ManagementModeEnum, RoleBasisEnum, RoleKindEnum, UnitKindEnum, UnitLevelEnum,
} from './enums';

@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
@ObjectType({ description: '一个党组织（单位）。The org subgraph is its only source of truth.' })
export class Unit {
  @Field(() => ID) id!: string;
  @Field({ description: 'Stable external code' }) code!: string;
  @Field() name!: string;
  @Field(() => UnitKindEnum) kind!: UnitKind;
  @Field(() => UnitLevelEnum) level!: UnitLevel;
  @Field({ description: 'GB/T 2260 region code' }) region!: string;
  @Field(() => DateScalar) validFrom!: string;
  @Field(() => DateScalar, { nullable: true }) validTo!: string | null;
}

@ObjectType({ description: 'One version of a unit\'s facts, valid over an inclusive interval' })
export class UnitFacts {
  @Field(() => DateScalar) validFrom!: string;
  @Field(() => DateScalar, { nullable: true }) validTo!: string | null;
  @Field(() => ManagementModeEnum, { nullable: true }) partyRelationMode!: ManagementMode | null;
  @Field(() => ManagementModeEnum, { nullable: true }) businessMode!: ManagementMode | null;
  competentDepartmentId!: string | null;
  localityId!: string | null;
}

@ObjectType({ description: 'A declared, directed (from = superior), time-valid link' })
export class Link {
  @Field(() => ID) id!: string;
  @Field(() => LinkKindEnum) kind!: LinkKind;
  @Field(() => LeadershipFlavourEnum, { nullable: true }) flavour!: LeadershipFlavour | null;
  @Field(() => DateScalar) validFrom!: string;
  @Field(() => DateScalar, { nullable: true }) validTo!: string | null;
  @Field(() => String, { nullable: true, description: 'Document reference (文件依据)' }) basis!: string | null;
  fromId!: string;
  toId!: string;
}

@ObjectType({ description: 'A party-building role of one body over a unit, and where it comes from' })
export class Role {
  @Field(() => RoleKindEnum) role!: 'LEADS' | 'GUIDES';
  @Field(() => LeadershipFlavourEnum, { nullable: true }) flavour!: LeadershipFlavour | null;
  @Field(() => RoleBasisEnum) basis!: string;
  unitId!: string;
}

@ObjectType()
export class Anomaly {
  @Field(() => AnomalyCodeEnum) code!: AnomalyCode;
  @Field({ description: 'Chinese, for people' }) message!: string;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The first day of its period (inclusive) where the question is a period (leadershipAnomalies(from, to), Unit.history); null where it is a day (asOf)',
  }) from!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The last day of its period (inclusive); null on a day\'s question, or while it still holds' }) to!: string | null;
  unitId!: string;
  relatedUnitIds!: string[];
  linkIds!: string[];
}

@ObjectType({ description: 'Who leads and who guides a unit\'s party-building on a date, and why' })
export class PartyBuilding {
  @Field(() => DateScalar) asOf!: string;
  @Field({ description: 'Stable code of the rule applied' }) rule!: string;
  @Field({ description: 'Chinese, for people: which rule, which facts, which date' }) explanation!: string;
  @Field({ description: 'Does the unit exist on asOf?' }) exists!: boolean;
  leaderIds!: string[];
  guideIds!: string[];
  roleList!: Role[];
  declaredLinks!: Link[];
  anomalyList!: Anomaly[];
}

@ObjectType()
export class HistoryEvent {
  @Field(() => DateScalar) date!: string;
  @Field(() => HistoryEventKindEnum) kind!: string;
  @Field({ description: 'Chinese, for people' }) description!: string;
  @Field(() => [String], { description: 'For FACTS_CHANGED: the facts that changed' }) changed!: string[];
  @Field(() => Link, { nullable: true }) link!: Link | null;
  @Field(() => UnitFacts, { nullable: true }) facts!: UnitFacts | null;
  @Field(() => Anomaly, { nullable: true, description: 'For ANOMALY_STARTED / ANOMALY_ENDED: the anomaly, with its period' }) anomaly!: Anomaly | null;
}

export { ImportCounts, ImportProblem, ImportReport } from '@tiaokuai/platform';

export { JSONScalar };

@ObjectType({ description: 'Who led and who guided a unit over part of a period (by the rules); days the unit did not exist belong to no period' })
export class LeadershipPeriod {
  @Field(() => DateScalar, { description: 'First day (inclusive)' }) from!: string;
  @Field(() => DateScalar, { description: 'Last day (inclusive)' }) to!: string;
  @Field(() => [ID], { description: 'The leaders\' ids (the same as leaders { id }, cheaper for large answers)' }) leaderIds!: string[];
  @Field(() => [ID], { description: 'The guides\' ids' }) guideIds!: string[];
  @Field(() => [LeadershipFlavourEnum], { nullable: 'items', description: 'Each leader\'s flavour (统一领导 UNIFIED, 具体领导 SPECIFIC), index for index with leaderIds; null where the rule names none' })
  leaderFlavours!: Array<LeadershipFlavour | null>;
}

@ObjectType({ description: 'A unit\'s leadership over a period, cut where the rules\' answer changes' })
export class LeadershipTimeline {
  @Field(() => Unit) unit!: Unit;
  @Field({ description: 'Asked for (or in the scope); false for a body above them, included so that "the body that leads its leader" can be followed' }) requested!: boolean;
  @Field(() => [LeadershipPeriod]) periods!: LeadershipPeriod[];
}
