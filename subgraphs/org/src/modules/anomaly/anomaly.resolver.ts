/** The fields of an anomaly: the units and links it names, through the services. */
import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { OrgContext } from '../../request';
import * as links from '../link/link.service';
import { Link } from '../link/link.type';
import * as units from '../unit/unit.service';
import { Unit } from '../unit/unit.type';
import * as anomalies from './anomaly.service';
import { Anomaly } from './anomaly.type';

@Resolver(() => Anomaly)
export class AnomalyResolver {
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
