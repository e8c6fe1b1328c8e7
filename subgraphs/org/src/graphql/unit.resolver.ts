import { BadInputError, DateScalar, ForbiddenError, JSONScalar, MAX_PAGE_SIZE, PageArgsType, today } from '@tiaokuai/platform';
import { type Day } from '@tiaokuai/leadership';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { OrgContext } from '../context';
import { factsAt } from '../domain/timeline';
import type { LinkKind, UnitRecord } from '../domain/types';
import * as queries from '../units/unit.queries';
import { AnomalyConnection, HistoryEventConnection, LinkConnection, UnitConnection } from './connections';
import { LinkDirectionEnum, LinkKindEnum } from './enums';
import { UnitFilterInput } from './inputs';
import { LeadershipTimeline, PartyBuilding, Unit, UnitFacts } from './types';
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

  @Query(() => UnitConnection, { description: `Units, filtered, in id order, in pages of at most ${MAX_PAGE_SIZE} (cursor connection)` })
  units(
    @Arg('filter', () => UnitFilterInput, { nullable: true }) filter: UnitFilterInput | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: OrgContext,
  ) {
    return queries.listUnitsPage(ctx, filter ?? {}, page);
  }

  @Query(() => UnitConnection, {
    description: 'Units where a and b (codes) both hold a party-building role (lead or guide), or both claim one; in unit-code order, by page; the pages that follow a first page\'s cursors are cut from that page\'s list, for the same caller and arguments, at most WALK_MAX_AGE_MS old (a walk)',
  })
  sharedUnits(
    @Arg('a') a: string, @Arg('b') b: string, @Arg('asOf', () => DateScalar, { nullable: true }) asOf: Day | null,
    @Args(() => PageArgsType) page: PageArgsType, @Ctx() ctx: OrgContext,
  ) {
    return queries.sharedUnits(ctx, a, b, asOf ?? today(), page);
  }

  @Query(() => AnomalyConnection, {
    description: 'Anomalies of a scope (a unit code: its subtree and the units it leads or guides); absent = everything. '
      + 'A day (asOf, default today): what is wrong ON that day, without periods. Or a period (from and to, both inclusive, at most 3×366 days; '
      + 'not with asOf): every anomaly whose own period overlaps it, with that period (from/to; to null while it still holds), the scope being '
      + 'its members on any day of the period. By page, in a stable order (unit code, anomaly code, period, units and links involved), '
      + 'with a summary of the whole list by code',
  })
  leadershipAnomalies(
    @Arg('scope', () => String, { nullable: true }) scope: string | null, @Arg('asOf', () => DateScalar, { nullable: true }) asOf: Day | null,
    @Arg('from', () => DateScalar, { nullable: true }) from: Day | null, @Arg('to', () => DateScalar, { nullable: true }) to: Day | null,
    @Args(() => PageArgsType) page: PageArgsType, @Ctx() ctx: OrgContext,
  ) {
    return queries.leadershipAnomalies(ctx, scope, queries.anomalyQuestion({ asOf, from, to }), page);
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
      + '{ units: [[id, code, kind, name, requested, [[from, to, [leaderIds], [guideIds], [leaderFlavours]], …]], …] } '
      + '(leaderFlavours: UNIFIED, SPECIFIC or null for each leader, index for index)',
  })
  async leadershipTimelineTable(@Args(() => TimelineArgs) args: TimelineArgs, @Ctx() ctx: OrgContext) {
    const rows = await queries.leadershipTimeline(ctx, timelineQuery(args));
    return {
      units: rows.map((r) => [r.unit.id, r.unit.code, r.unit.kind, r.unit.name, r.requested, r.periods.map((p) => [p.from, p.to, p.leaderIds, p.guideIds, p.leaderFlavours])]),
    };
  }

  @Query(() => JSONScalar, { description: 'The hub\'s units and links as a tiaokuai/v1 document (optionally only a scope)' })
  exportUnits(@Arg('scope', () => String, { nullable: true }) scope: string | null, @Ctx() ctx: OrgContext) {
    return queries.exportUnits(ctx, scope);
  }

  @FieldResolver(() => PartyBuilding, {
    description: 'Who leads and who guides its party-building on asOf (default today), and why; its anomalies are those of that day '
      + '(a period that closed earlier: leadershipAnomalies(from, to), history)',
  })
  async partyBuilding(@Root() unit: UnitRecord, @Arg('asOf', () => DateScalar, { nullable: true }) asOf: Day | null, @Ctx() ctx: OrgContext): Promise<PartyBuilding> {
    await guardDetails(ctx, unit, 'partyBuilding');
    return queries.partyBuilding(ctx, unit.id, asOf ?? today());
  }

  @FieldResolver(() => UnitFacts, { nullable: true, description: 'The fact version in force on asOf (default today)' })
  async facts(@Root() unit: UnitRecord, @Arg('asOf', () => DateScalar, { nullable: true }) asOf: Day | null, @Ctx() ctx: OrgContext) {
    await guardDetails(ctx, unit, 'facts');
    return factsAt(await ctx.loaders.factsByUnit.load(unit.id), asOf ?? today());
  }

  /**
   * Not paged: one version per change of this one unit's facts (a transfer, a reform), a
   * handful per decade, unlike the lists that grow with a scope or with the units a body leads.
   */
  @FieldResolver(() => [UnitFacts], { description: 'Every fact version, oldest first (one per change of this unit\'s facts: a short list, not paged)' })
  async factVersions(@Root() unit: UnitRecord, @Ctx() ctx: OrgContext) {
    await guardDetails(ctx, unit, 'factVersions');
    return ctx.loaders.factsByUnit.load(unit.id);
  }

  @FieldResolver(() => LinkConnection, {
    description: 'Declared links into (IN) or out of (OUT) the unit; with asOf, only those in force that day. '
      + 'In id order, by page (a work committee leads thousands of units), with a summary of the whole list by kind',
  })
  async links(
    @Root() unit: UnitRecord,
    @Arg('direction', () => LinkDirectionEnum, { defaultValue: 'BOTH' }) direction: 'IN' | 'OUT' | 'BOTH',
    @Arg('kinds', () => [LinkKindEnum], { nullable: true }) kinds: LinkKind[] | null,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: Day | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: OrgContext,
  ) {
    await guardDetails(ctx, unit, 'links');
    return queries.unitLinks(ctx, unit.id, direction, kinds, asOf, page);
  }

  @FieldResolver(() => HistoryEventConnection, {
    description: 'What changed, when: start and end, fact versions, links starting and ending, and each of its anomalies starting and ending '
      + '(every period, however long ago; CYCLE aside). By date (on one date: start, facts, links starting, anomalies starting, links ending, '
      + 'anomalies ending, end), by page, with a summary by kind',
  })
  async history(@Root() unit: UnitRecord, @Args(() => PageArgsType) page: PageArgsType, @Ctx() ctx: OrgContext) {
    await guardDetails(ctx, unit, 'history');
    return queries.unitHistoryPage(ctx, unit, page);
  }
}
