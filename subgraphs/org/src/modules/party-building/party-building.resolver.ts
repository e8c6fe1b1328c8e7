/** The fields of a unit's party building and of its roles: the units they name, through the services. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrgContext } from '../../request';
import { Anomaly } from '../anomaly/anomaly.type';
import { Link } from '../link/link.type';
import * as units from '../unit/unit.service';
import { Unit } from '../unit/unit.type';
import { PartyBuilding, Role } from './party-building.type';

@Resolver(() => Role)
export class RoleResolver {
  @FieldResolver(() => Unit, { description: '单位：担任该角色的机构 (the body holding the role)' })
  unit(@Root() r: Role, @Ctx() ctx: OrgContext) {
    return units.unitById(ctx, r.unitId);
  }
}

@Resolver(() => PartyBuilding)
export class PartyBuildingResolver {
  @FieldResolver(() => [Unit], { description: "领导方：What the rules say, given the unit's facts as of the date" })
  leaders(@Root() p: PartyBuilding, @Ctx() ctx: OrgContext) {
    return units.unitsByIdList(ctx, p.leaderIds);
  }

  @FieldResolver(() => [Unit], {
    description: '指导方：按规则指导其党建的单位 (the bodies that guide it, by the rules)',
  })
  guides(@Root() p: PartyBuilding, @Ctx() ctx: OrgContext) {
    return units.unitsByIdList(ctx, p.guideIds);
  }

  @FieldResolver(() => [Role], { description: '角色：Leaders and guides with flavour and the fact each comes from' })
  roles(@Root() p: PartyBuilding) {
    return p.roleList;
  }

  @FieldResolver(() => [Link], {
    description: '声明的关系：The links committees declared into the unit, in force on the date',
  })
  declared(@Root() p: PartyBuilding) {
    return p.declaredLinks;
  }

  @FieldResolver(() => [Anomaly], {
    description:
      "异常：What is wrong with the unit on the date, and only then (no period: a fault that ended earlier is leadershipAnomalies(from, to)'s and the history's)",
  })
  anomalies(@Root() p: PartyBuilding) {
    return p.anomalyList;
  }
}
