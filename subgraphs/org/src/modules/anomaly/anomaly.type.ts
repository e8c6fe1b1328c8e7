/** An anomaly (DOMAIN.md), and the connection of a scope's anomalies with a summary by code. */
import 'reflect-metadata';
import { connectionType, DateScalar } from '@tiaokuai/platform';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { Day } from '@tiaokuai/leadership';
import type { AnomalyCode } from '../../domain/types';
import { AnomalyCodeEnum, LiveChangeKindEnum } from '../shared/enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "异常：某单位在某时期的领导关系问题；其编号各次扫描不变 (an anomaly: what is wrong with a unit's leadership over a period; its id stays the same from one scan to the next)",
})
export class Anomaly {
  @Field(() => AnomalyCodeEnum, { description: '异常代码 (what kind of anomaly)' }) code!: AnomalyCode;
  @Field({ description: '说明：Chinese, for people' }) message!: string;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      '开始日：The first day of its period (inclusive) where the question is a period (leadershipAnomalies(from, to), Unit.history); null where it is a day (asOf)',
  })
  from!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: "结束日：The last day of its period (inclusive); null on a day's question, or while it still holds",
  })
  to!: string | null;
  /** The day asked about, on a day's question (where `from` is null): part of the id. */
  asOf?: Day | null;
  unitId!: string;
  relatedUnitIds!: string[];
  linkIds!: string[];
}

@ObjectType({ description: '异常计数：How many anomalies of one code' })
export class AnomalyCodeCount {
  @Field(() => AnomalyCodeEnum, { description: '异常代码 (the anomaly code)' }) code!: AnomalyCode;
  @Field(() => Int, { description: '数量：该代码的异常数 (how many anomalies of that code)' }) count!: number;
}

@ObjectType({ description: '异常汇总：The whole list of anomalies in figures, whatever the page' })
export class AnomalySummary {
  @Field(() => Int, { description: '总数：Anomalies in the list' }) total!: number;
  @Field(() => [AnomalyCodeCount], { description: '按代码计数：Per code present, in code order' })
  byCode!: AnomalyCodeCount[];
}

export const AnomalyConnection = connectionType('Anomaly', Anomaly, { summary: AnomalySummary });
export type AnomalyConnection = InstanceType<typeof AnomalyConnection>;

@ObjectType({
  description:
    '范围内异常的实时变更 (a live change of the anomalies in a scope): sent after a write changes what the subscriber may see',
})
export class AnomaliesChange {
  @Field(() => LiveChangeKindEnum, { description: '变更种类 (kind of change)' }) kind!: string;
  @Field(() => String, {
    nullable: true,
    description: '范围：所订阅的单位代码，空为全部可见单位 (scope: the unit code subscribed to; null: all in sight)',
  })
  scope!: string | null;
  @Field(() => [Anomaly], { description: '新出现的异常 (anomalies that appeared)' }) appeared!: Anomaly[];
  @Field(() => [Anomaly], { description: '已消除的异常，如事实已更正 (anomalies gone, e.g. a fact corrected)' })
  settled!: Anomaly[];
  @Field(() => Int, { description: '变更后范围内的异常总数 (anomalies in the scope after this change)' })
  total!: number;
}
