/** An anomaly (DOMAIN.md), and the connection of a scope's anomalies with a summary by code. */
import 'reflect-metadata';
import { connectionType, DateScalar } from '@tiaokuai/platform';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { Day } from '@tiaokuai/leadership';
import type { AnomalyCode } from '../../domain/types';
import { AnomalyCodeEnum } from '../shared/enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    '领导关系异常 (leadership anomaly): a fault in who leads or guides a unit. Its id names the unit, the code, the units and links involved and the period (or the day asked about), so it stays the same from one scan to the next',
})
export class Anomaly {
  @Field(() => AnomalyCodeEnum) code!: AnomalyCode;
  @Field({ description: 'Chinese, for people' }) message!: string;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The first day of its period (inclusive) where the question is a period (leadershipAnomalies(from, to), Unit.history); null where it is a day (asOf)',
  })
  from!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: "The last day of its period (inclusive); null on a day's question, or while it still holds",
  })
  to!: string | null;
  /** The day asked about, on a day's question (where `from` is null): part of the id. */
  asOf?: Day | null;
  unitId!: string;
  relatedUnitIds!: string[];
  linkIds!: string[];
}

@ObjectType({ description: 'How many anomalies of one code' })
export class AnomalyCodeCount {
  @Field(() => AnomalyCodeEnum) code!: AnomalyCode;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'The whole list of anomalies in figures, whatever the page' })
export class AnomalySummary {
  @Field(() => Int, { description: 'Anomalies in the list' }) total!: number;
  @Field(() => [AnomalyCodeCount], { description: 'Per code present, in code order' }) byCode!: AnomalyCodeCount[];
}

export const AnomalyConnection = connectionType('Anomaly', Anomaly, { summary: AnomalySummary });
export type AnomalyConnection = InstanceType<typeof AnomalyConnection>;
