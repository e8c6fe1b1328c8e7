import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrgContext } from '../context';
import { Anomaly, LeadershipPeriod, Link, PartyBuilding, Role, Unit, UnitFacts } from './types';

const one = (ctx: OrgContext, id: string | null) => (id ? ctx.loaders.unitById.load(id) : null);
const many = async (ctx: OrgContext, ids: string[]) =>
  (await ctx.loaders.unitById.loadMany(ids)).filter((u) => u && !(u instanceof Error));

@Resolver(() => UnitFacts)
export class UnitFactsResolver {
  @FieldResolver(() => Unit, { nullable: true, description: '主管部门: the party group/committee of the competent department' })
  competentDepartment(@Root() f: UnitFacts, @Ctx() ctx: OrgContext) { return one(ctx, f.competentDepartmentId); }

  @FieldResolver(() => Unit, { nullable: true, description: '属地: the body exercising local leadership where the unit sits' })
  locality(@Root() f: UnitFacts, @Ctx() ctx: OrgContext) { return one(ctx, f.localityId); }
}

@Resolver(() => Link)
export class LinkResolver {
  @FieldResolver(() => Unit, { nullable: true, description: 'The superior' })
  from(@Root() l: Link, @Ctx() ctx: OrgContext) { return one(ctx, l.fromId); }

  @FieldResolver(() => Unit, { nullable: true, description: 'The subordinate' })
  to(@Root() l: Link, @Ctx() ctx: OrgContext) { return one(ctx, l.toId); }
}

@Resolver(() => Role)
export class RoleResolver {
  @FieldResolver(() => Unit, { nullable: true })
  unit(@Root() r: Role, @Ctx() ctx: OrgContext) { return one(ctx, r.unitId); }
}

@Resolver(() => Anomaly)
export class AnomalyResolver {
  @FieldResolver(() => Unit)
  unit(@Root() a: Anomaly, @Ctx() ctx: OrgContext) { return one(ctx, a.unitId); }

  @FieldResolver(() => [Unit], { description: 'Other units involved (claimed leaders, cycle members...)' })
  related(@Root() a: Anomaly, @Ctx() ctx: OrgContext) { return many(ctx, a.relatedUnitIds); }

  @FieldResolver(() => [Link], { description: 'Declared links involved' })
  async links(@Root() a: Anomaly, @Ctx() ctx: OrgContext) {
    if (a.linkIds.length === 0) return [];
    const ids = new Set(a.linkIds);
    const lists = await ctx.loaders.linksInto.load(a.unitId);
    return lists.filter((l) => ids.has(l.id));
  }
}

@Resolver(() => PartyBuilding)
export class PartyBuildingResolver {
  @FieldResolver(() => [Unit], { description: 'What the rules say, given the unit\'s facts as of the date' })
  leaders(@Root() p: PartyBuilding, @Ctx() ctx: OrgContext) { return many(ctx, p.leaderIds); }

  @FieldResolver(() => [Unit])
  guides(@Root() p: PartyBuilding, @Ctx() ctx: OrgContext) { return many(ctx, p.guideIds); }

  @FieldResolver(() => [Role], { description: 'Leaders and guides with flavour and the fact each comes from' })
  roles(@Root() p: PartyBuilding) { return p.roleList; }

  @FieldResolver(() => [Link], { description: 'The links committees declared into the unit, in force on the date' })
  declared(@Root() p: PartyBuilding) { return p.declaredLinks; }

  @FieldResolver(() => [Anomaly], {
    description: 'What is wrong with the unit on the date, and only then (no period: a fault that ended earlier is leadershipAnomalies(from, to)\'s and the history\'s)',
  })
  anomalies(@Root() p: PartyBuilding) { return p.anomalyList; }
}

@Resolver(() => LeadershipPeriod)
export class LeadershipPeriodResolver {
  @FieldResolver(() => [Unit])
  leaders(@Root() p: LeadershipPeriod, @Ctx() ctx: OrgContext) { return many(ctx, p.leaderIds); }

  @FieldResolver(() => [Unit])
  guides(@Root() p: LeadershipPeriod, @Ctx() ctx: OrgContext) { return many(ctx, p.guideIds); }
}
