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
@ObjectType({ description: '单位：一个党组织（单位）。The org subgraph is its only source of truth.' })
export class Unit {
  @Field(() => ID, { description: '编号 (id)' }) id!: string;
  @Field({ description: '单位代码：Stable external code' }) code!: string;
  @Field({ description: '名称 (name)' }) name!: string;
  @Field(() => UnitKindEnum, { description: '党组织类型 (the kind of party organisation)' }) kind!: UnitKind;
  @Field(() => UnitLevelEnum, { description: '层级 (its level)' }) level!: UnitLevel;
  @Field({ description: '行政区划代码：GB/T 2260 region code' }) region!: string;
  @Field(() => DateScalar, { description: '成立日 (first day)' }) validFrom!: string;
  @Field(() => DateScalar, {
    description: '撤销日：最后一天，空为存续 (last day; null while it exists)',
    nullable: true,
  })
  validTo!: string | null;
}

@ObjectType({ description: "单位事实：One version of a unit's facts, valid over an inclusive interval" })
export class UnitFacts {
  @Field(() => DateScalar, { description: '生效日 (first day of this version)' }) validFrom!: string;
  @Field(() => DateScalar, {
    description: '失效日：空为至今 (last day of this version; null while in force)',
    nullable: true,
  })
  validTo!: string | null;
  @Field(() => ManagementModeEnum, {
    description: '党组织关系管理方式 (how its party organisation relations are managed)',
    nullable: true,
  })
  partyRelationMode!: ManagementMode | null;
  @Field(() => ManagementModeEnum, { description: '业务管理方式 (how its business is managed)', nullable: true })
  businessMode!: ManagementMode | null;
  competentDepartmentId!: string | null;
  localityId!: string | null;
}

@ObjectType({ description: "历史事件：单位时间线上的一次变化 (a history event: one change on a unit's timeline)" })
export class HistoryEvent {
  @Field(() => DateScalar, { description: '日期 (the day)' }) date!: string;
  @Field(() => HistoryEventKindEnum, { description: '事件类型 (what happened)' }) kind!: string;
  @Field({ description: '说明：Chinese, for people' }) description!: string;
  @Field(() => [String], { description: '变更的事实：For FACTS_CHANGED: the facts that changed' }) changed!: string[];
  @Field(() => Link, {
    description: '关系：相关的声明关系 (the link, for LINK_STARTED and LINK_ENDED)',
    nullable: true,
  })
  link!: Link | null;
  @Field(() => UnitFacts, {
    description: '事实：变更后的版本 (the facts after the change, for FACTS_CHANGED)',
    nullable: true,
  })
  facts!: UnitFacts | null;
  @Field(() => Anomaly, {
    nullable: true,
    description: '异常：For ANOMALY_STARTED / ANOMALY_ENDED: the anomaly, with its period',
  })
  anomaly!: Anomaly | null;
}

@ObjectType({ description: '事件计数：How many history events of one kind' })
export class HistoryEventKindCount {
  @Field(() => HistoryEventKindEnum, { description: '事件类型 (the event kind)' }) kind!: HistoryEntry['kind'];
  @Field(() => Int, { description: '数量 (how many events of that kind)' }) count!: number;
}

@ObjectType({ description: '历史汇总：The whole history in figures, whatever the page' })
export class HistoryEventSummary {
  @Field(() => Int, { description: '总数：Events in the history' }) total!: number;
  @Field(() => [HistoryEventKindCount], { description: '按类型计数：Per kind present, in kind order' })
  byKind!: HistoryEventKindCount[];
}

export const UnitConnection = connectionType('Unit', Unit);
export type UnitConnection = InstanceType<typeof UnitConnection>;
export const HistoryEventConnection = connectionType('HistoryEvent', HistoryEvent, { summary: HistoryEventSummary });
export type HistoryEventConnection = InstanceType<typeof HistoryEventConnection>;
