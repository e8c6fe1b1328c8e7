/** The fields of an anomaly: the units and links it names, through the services. */
import { DateScalar, type LiveChange } from '@tiaokuai/platform';
import type { Day } from '@tiaokuai/leadership';
import { Arg, Ctx, FieldResolver, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { OrgContext } from '../../request';
import * as links from '../link/link.service';
import { Link } from '../link/link.type';
import * as units from '../unit/unit.service';
import { Unit } from '../unit/unit.type';
import * as anomalies from './anomaly.service';
import type { KeyedFinding } from './anomaly.scan';
import { AnomaliesChange, Anomaly } from './anomaly.type';

@Resolver(() => Anomaly)
export class AnomalyResolver {
  @Subscription(() => AnomaliesChange, {
    description:
      '订阅范围内异常的出现与消除 (anomalies appearing in or gone from a scope): READY first, then a CHANGED after each org write that changes what the caller may see (same arguments and visibility as leadershipAnomalies); over SSE through the gateway (docs/live-updates.md)',
    subscribe: ({ args, context }) =>
      anomalies.watchAnomalies(
        context as OrgContext,
        (args.scope as string | null | undefined) ?? null,
        anomalies.anomalyQuestion({
          asOf: args.asOf as Day | null,
          from: args.from as Day | null,
          to: args.to as Day | null,
        }),
      ),
  })
  anomaliesChanged(
    @Root() change: LiveChange<KeyedFinding>,
    @Arg('scope', () => String, {
      nullable: true,
      description: '范围：单位代码，空为全部可见单位 (a scope, a unit code; null: all in sight)',
    })
    scope: string | null,
    @Arg('asOf', () => DateScalar, {
      nullable: true,
      description:
        '判断日：只看该日的异常，缺省为订阅之日 (only the anomalies of this day; default the day subscribed on)',
    })
    _asOf: Day | null,
    @Arg('from', () => DateScalar, { nullable: true, description: '开始日：时期内的异常 (first day of a period)' })
    _from: Day | null,
    @Arg('to', () => DateScalar, { nullable: true, description: '结束日 (last day of a period)' }) _to: Day | null,
  ): AnomaliesChange {
    return { kind: change.kind, scope, appeared: change.appeared, settled: change.settled, total: change.total };
  }

  @FieldResolver(() => ID, {
    description:
      '全局标识：由单位、异常代码、所涉单位与关系及时期（或所问日期）构成，各次扫描不变 (global id: from the unit, the code, the units and links involved and the period; the same from one scan to the next)',
  })
  id(@Root() a: Anomaly): string {
    return anomalies.anomalyId(a);
  }

  @FieldResolver(() => Unit, { description: '单位：出现异常的单位 (the unit concerned)' })
  unit(@Root() a: Anomaly, @Ctx() ctx: OrgContext) {
    return units.unitById(ctx, a.unitId);
  }

  @FieldResolver(() => [Unit], { description: '涉及的单位：Other units involved (claimed leaders, cycle members...)' })
  related(@Root() a: Anomaly, @Ctx() ctx: OrgContext) {
    return units.unitsByIdList(ctx, a.relatedUnitIds);
  }

  @FieldResolver(() => [Link], { description: '涉及的关系：Declared links involved' })
  links(@Root() a: Anomaly, @Ctx() ctx: OrgContext) {
    return links.anomalyLinks(ctx, a.unitId, a.linkIds);
  }
}
