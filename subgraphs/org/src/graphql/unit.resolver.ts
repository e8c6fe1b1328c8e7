import { BadInputError, DateScalar, ForbiddenError, JSONScalar, today, type Day } from '@tiaokuai/common';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { OrgContext } from '../context';
import { unitHistory } from '../domain/history';
import { factsAt } from '../domain/timeline';
import type { LinkKind, UnitRecord } from '../domain/types';
import * as queries from '../units/unit.queries';
import { LinkDirectionEnum, LinkKindEnum } from './enums';
import { UnitFilterInput } from './inputs';
import { Anomaly, HistoryEvent, LeadershipTimeline, Link, PartyBuilding, Unit, UnitConnection, UnitFacts } from './types';

const MAX_PAGE = 500;
const MAX_CODES = 100_000;

/**
 * A unit outside the caller's jurisdiction can still appear as a reference (the leader of a
 * unit it sees, the other end of a link): its code and name, nothing more. Its details are
 * refused, so no chain of references reaches another body's records.
 */
async function guardDetails(ctx: OrgContext, unit: UnitRecord, field: string): Promise<void> {
  if (!(await ctx.access.canSee(unit.id))) throw new ForbiddenError(`${unit.code} 不在管辖范围内：只显示其代码和名称`, { field });
}

/** The arguments of leadershipTimeline and of its compact form, leadershipTimelineTable. */
@ArgsType()
class TimelineArgs {
  @Field(() => [ID], { nullable: true }) units?: string[] | null;
  @Field(() => String, { nullable: true }) scope?: string | null;
  @Field(() => DateScalar) from!: Day;
  @Field(() => DateScalar) to!: Day;
  @Field(() => Boolean, { defaultValue: true }) ancestors!: boolean;
}

const timelineQuery = (a: TimelineArgs) => ({ units: a.units ?? null, scope: a.scope ?? null, from: a.from, to: a.to, ancestors: a.ancestors });

@Resolver(() => Unit)
export class UnitResolver {
  @Query(() => Unit, { nullable: true, description: 'A unit by id or by code' })
  unit(@Arg('id', () => ID, { nullable: true }) id: string | null, @Arg('code', () => String, { nullable: true }) code: string | null, @Ctx() ctx: OrgContext) {
    return queries.findUnit(ctx, id, code);
  }

  @Query(() => UnitConnection, { description: `Units, filtered, in pages of at most ${MAX_PAGE} (cursor pagination)` })
  units(
    @Arg('filter', () => UnitFilterInput, { nullable: true }) filter: UnitFilterInput | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: OrgContext,
  ) {
    if (first < 1 || first > MAX_PAGE) throw new BadInputError('first', `first 必须在 1 到 ${MAX_PAGE} 之间`);
    return queries.listUnitsPage(ctx, filter ?? {}, first, after);
  }

  @Query(() => [Unit], { description: 'Units where a and b (codes) both hold a party-building role (lead or guide), or both claim one' })
  sharedUnits(@Arg('a') a: string, @Arg('b') b: string, @Arg('asOf', () => DateScalar, { nullable: true }) asOf: Day | null, @Ctx() ctx: OrgContext) {
    return queries.sharedUnits(ctx, a, b, asOf ?? today());
  }

  @Query(() => [Anomaly], { description: 'Anomalies of a scope (a unit code: its subtree and the units it leads or guides); absent = everything' })
  leadershipAnomalies(@Arg('scope', () => String, { nullable: true }) scope: string | null, @Arg('asOf', () => DateScalar, { nullable: true }) asOf: Day | null, @Ctx() ctx: OrgContext) {
    return queries.leadershipAnomalies(ctx, scope, asOf ?? today());
  }

  @Query(() => [Unit], { nullable: 'items', description: 'Each code\'s unit, in order; null for a code that names no unit the caller may see' })
  async unitsByCode(@Arg('codes', () => [String]) codes: string[], @Ctx() ctx: OrgContext) {
    if (codes.length > MAX_CODES) throw new BadInputError('codes', `一次最多 ${MAX_CODES} 个代码`);
    const found = await ctx.loaders.unitByCode.loadMany(codes);
    const visible = await ctx.access.visible();
    return found.map((u) => (u && !(u instanceof Error) && (visible.all || visible.ids.has(u.id)) ? u : null));
  }

  @Query(() => [ID], { nullable: true, description: 'The ids of every unit in the caller\'s jurisdiction (today); null for the hub\'s operator, who sees everything' })
  async visibleUnitIds(@Ctx() ctx: OrgContext) {
    const v = await ctx.access.visible();
    return v.all ? null : [...v.ids];
  }

  @Query(() => [LeadershipTimeline], {
    description: 'Who led and who guided units over a period [from, to], cut where the answer changes: the units given by id, or a scope '
      + '(a unit code: its subtree and the units it leads or guides on any day of the period), or everything visible; with ancestors '
      + '(default), also every body above them, so that "the body that leads its leader" can be followed. The answer the tasks subgraph builds authority on.',
  })
  leadershipTimeline(@Args(() => TimelineArgs) args: TimelineArgs, @Ctx() ctx: OrgContext) {
    return queries.leadershipTimeline(ctx, timelineQuery(args));
  }

  @Query(() => JSONScalar, {
    description: 'leadershipTimeline as one compact JSON value, for services that read a whole province (no per-field GraphQL work): '
      + '{ units: [[id, code, kind, name, requested, [[from, to, [leaderIds], [guideIds]], …]], …] }',
  })
  async leadershipTimelineTable(@Args(() => TimelineArgs) args: TimelineArgs, @Ctx() ctx: OrgContext) {
    const rows = await queries.leadershipTimeline(ctx, timelineQuery(args));
    return {
      units: rows.map((r) => [r.unit.id, r.unit.code, r.unit.kind, r.unit.name, r.requested, r.periods.map((p) => [p.from, p.to, p.leaderIds, p.guideIds])]),
    };
  }

  @Query(() => JSONScalar, { description: 'The hub\'s units and links as a tiaokuai/v1 document (optionally only a scope)' })
  exportUnits(@Arg('scope', () => String, { nullable: true }) scope: string | null, @Ctx() ctx: OrgContext) {
    return queries.exportUnits(ctx, scope);
  }

  @FieldResolver(() => PartyBuilding, { description: 'Who leads and who guides its party-building on asOf (default today), and why' })
  async partyBuilding(@Root() unit: UnitRecord, @Arg('asOf', () => DateScalar, { nullable: true }) asOf: Day | null, @Ctx() ctx: OrgContext): Promise<PartyBuilding> {
    await guardDetails(ctx, unit, 'partyBuilding');
    return queries.partyBuilding(ctx, unit.id, asOf ?? today());
  }

  @FieldResolver(() => UnitFacts, { nullable: true, description: 'The fact version in force on asOf (default today)' })
  async facts(@Root() unit: UnitRecord, @Arg('asOf', () => DateScalar, { nullable: true }) asOf: Day | null, @Ctx() ctx: OrgContext) {
    await guardDetails(ctx, unit, 'facts');
    return factsAt(await ctx.loaders.factsByUnit.load(unit.id), asOf ?? today());
  }

  @FieldResolver(() => [UnitFacts], { description: 'Every fact version, oldest first' })
  async factVersions(@Root() unit: UnitRecord, @Ctx() ctx: OrgContext) {
    await guardDetails(ctx, unit, 'factVersions');
    return ctx.loaders.factsByUnit.load(unit.id);
  }

  @FieldResolver(() => [Link], { description: 'Declared links into (IN) or out of (OUT) the unit; with asOf, only those in force that day' })
  async links(
    @Root() unit: UnitRecord,
    @Arg('direction', () => LinkDirectionEnum, { defaultValue: 'BOTH' }) direction: 'IN' | 'OUT' | 'BOTH',
    @Arg('kinds', () => [LinkKindEnum], { nullable: true }) kinds: LinkKind[] | null,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: Day | null,
    @Ctx() ctx: OrgContext,
  ) {
    await guardDetails(ctx, unit, 'links');
    return queries.unitLinks(ctx, unit.id, direction, kinds, asOf);
  }

  @FieldResolver(() => [HistoryEvent], { description: 'What changed, when: start and end, fact versions, links starting and ending' })
  async history(@Root() unit: UnitRecord, @Ctx() ctx: OrgContext) {
    await guardDetails(ctx, unit, 'history');
    const [facts, incoming, outgoing] = await Promise.all([
      ctx.loaders.factsByUnit.load(unit.id), ctx.loaders.linksInto.load(unit.id), ctx.loaders.linksOutOf.load(unit.id),
    ]);
    const ids = new Set<string>([unit.id]);
    for (const l of [...incoming, ...outgoing]) { ids.add(l.fromId); ids.add(l.toId); }
    for (const f of facts) for (const x of [f.localityId, f.competentDepartmentId]) if (x) ids.add(x);
    const known = new Map<string, UnitRecord>();
    for (const u of await ctx.loaders.unitById.loadMany([...ids])) if (u && !(u instanceof Error)) known.set(u.id, u);
    return unitHistory(unit, facts, incoming, outgoing, { get: (id) => known.get(id) });
  }
}
