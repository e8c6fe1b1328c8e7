/** The fields of an anomaly: the units and links it names, through the services. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrgContext } from '../../request';
import * as links from '../link/link.service';
import { Link } from '../link/link.type';
import * as units from '../unit/unit.service';
import { Unit } from '../unit/unit.type';
import { Anomaly } from './anomaly.type';

@Resolver(() => Anomaly)
export class AnomalyResolver {
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
