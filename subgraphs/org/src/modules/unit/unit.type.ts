/**
 * The unit (the federation entity), its fact versions and its history, and the connections of
 * units and history events (Relay cursor connections of @tiaokuai/platform's paging.types.ts,
 * with a summary of the whole list: ARCHITECTURE.md, "Bounded answers").
 */
import 'reflect-metadata';
import { connectionType, DateScalar } from '@tiaokuai/platform';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { HistoryEntry } from '../../domain/history';
import type { ManagementMode, UnitKind, UnitLevel } from '../../domain/types';
import { Anomaly } from '../anomaly/anomaly.type';
import { Link } from '../link/link.type';
import { HistoryEventKindEnum, ManagementModeEnum, UnitKindEnum, UnitLevelEnum } from '../shared/enums';

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

@ObjectType({ description: "One version of a unit's facts, valid over an inclusive interval" })
export class UnitFacts {
  @Field(() => DateScalar) validFrom!: string;
  @Field(() => DateScalar, { nullable: true }) validTo!: string | null;
  @Field(() => ManagementModeEnum, { nullable: true }) partyRelationMode!: ManagementMode | null;
  @Field(() => ManagementModeEnum, { nullable: true }) businessMode!: ManagementMode | null;
  competentDepartmentId!: string | null;
  localityId!: string | null;
}

@ObjectType()
export class HistoryEvent {
  @Field(() => DateScalar) date!: string;
  @Field(() => HistoryEventKindEnum) kind!: string;
  @Field({ description: 'Chinese, for people' }) description!: string;
  @Field(() => [String], { description: 'For FACTS_CHANGED: the facts that changed' }) changed!: string[];
  @Field(() => Link, { nullable: true }) link!: Link | null;
  @Field(() => UnitFacts, { nullable: true }) facts!: UnitFacts | null;
  @Field(() => Anomaly, {
    nullable: true,
    description: 'For ANOMALY_STARTED / ANOMALY_ENDED: the anomaly, with its period',
  })
  anomaly!: Anomaly | null;
}

@ObjectType({ description: 'How many history events of one kind' })
export class HistoryEventKindCount {
  @Field(() => HistoryEventKindEnum) kind!: HistoryEntry['kind'];
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'The whole history in figures, whatever the page' })
export class HistoryEventSummary {
  @Field(() => Int, { description: 'Events in the history' }) total!: number;
  @Field(() => [HistoryEventKindCount], { description: 'Per kind present, in kind order' })
  byKind!: HistoryEventKindCount[];
}

export const UnitConnection = connectionType('Unit', Unit);
export type UnitConnection = InstanceType<typeof UnitConnection>;
export const HistoryEventConnection = connectionType('HistoryEvent', HistoryEvent, { summary: HistoryEventSummary });
export type HistoryEventConnection = InstanceType<typeof HistoryEventConnection>;
