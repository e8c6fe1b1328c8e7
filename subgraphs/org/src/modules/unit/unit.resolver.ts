/**
 * The unit's queries, its mutations and its fields: arguments to the services, nothing else.
 * Every Query field that lists or reads units (unit, units, sharedUnits, leadershipAnomalies,
 * unitsByCode, visibleUnitIds) and every field of Unit stays in this one class: type-graphql
 * emits fields in registration order, and the published schema keeps that order.
 */
import { DateScalar, MAX_PAGE_SIZE, PageArgsType, today } from '@tiaokuai/platform';
import { type Day } from '@tiaokuai/leadership';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { LinkKind, UnitRecord } from '../../domain/types';
import type { OrgContext } from '../../request';
import * as anomalies from '../anomaly/anomaly.service';
import { AnomalyConnection } from '../anomaly/anomaly.type';
import * as links from '../link/link.service';
import { LinkConnection } from '../link/link.type';
import * as partyBuilding from '../party-building/party-building.service';
import { PartyBuilding } from '../party-building/party-building.type';
import { LinkDirectionEnum, LinkKindEnum } from '../shared/enums';
import { ChangeFactsInput, CreateUnitInput, UnitFilterInput, UnitLookup, UpdateUnitInput } from './unit.input';
import * as units from './unit.service';
import { HistoryEventConnection, Unit, UnitConnection, UnitFacts } from './unit.type';

@Resolver(() => Unit)
export class UnitResolver {
  @Query(() => Unit, {
    nullable: true,
    description: '一个单位 (a unit) by id or by code: `by` takes exactly one; null when unknown or out of sight',
  })
  unit(
    @Arg('by', () => UnitLookup, { description: '按 id 或代码 (id or code: exactly one)' }) by: UnitLookup,
    @Ctx() ctx: OrgContext,
  ) {
    return units.findUnit(ctx, { id: by.id ?? null, code: by.code ?? null });
  }

  @Query(() => UnitConnection, {
    description: `Units, filtered, in id order, in pages of at most ${MAX_PAGE_SIZE} (cursor connection)`,
  })
  units(
    @Arg('filter', () => UnitFilterInput, { nullable: true }) filter: UnitFilterInput | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: OrgContext,
  ) {
    return units.listUnitsPage(ctx, filter ?? {}, page);
  }

  @Query(() => UnitConnection, {
    description:
      "Units where a and b (codes) both hold a party-building role (lead or guide), or both claim one; in unit-code order, by page; the pages that follow a first page's cursors are cut from that page's list, for the same caller and arguments, at most WALK_MAX_AGE_MS old (a walk)",
  })
  sharedUnits(
    @Arg('a') a: string,
    @Arg('b') b: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: Day | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: OrgContext,
  ) {
    return partyBuilding.sharedUnits(ctx, a, b, asOf ?? today(), page);
  }

  @Query(() => AnomalyConnection, {
    description:
      'Anomalies of a scope (a unit code: its subtree and the units it leads or guides); absent = everything. ' +
      'A day (asOf, default today): what is wrong ON that day, without periods. Or a period (from and to, both inclusive, at most 3×366 days; ' +
      'not with asOf): every anomaly whose own period overlaps it, with that period (from/to; to null while it still holds), the scope being ' +
      'its members on any day of the period. By page, in a stable order (unit code, anomaly code, period, units and links involved), ' +
      'with a summary of the whole list by code',
  })
  leadershipAnomalies(
    @Arg('scope', () => String, { nullable: true }) scope: string | null,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: Day | null,
    @Arg('from', () => DateScalar, { nullable: true }) from: Day | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: Day | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: OrgContext,
  ) {
    return anomalies.leadershipAnomalies(ctx, scope, anomalies.anomalyQuestion({ asOf, from, to }), page);
  }

  @Query(() => [Unit], {
    nullable: 'items',
    description: "Each code's unit, in order; null for a code that names no unit the caller may see",
  })
  unitsByCode(@Arg('codes', () => [String]) codes: string[], @Ctx() ctx: OrgContext) {
    return units.unitsByCode(ctx, codes);
  }

  @Query(() => [ID], {
    nullable: true,
    description:
      "The ids of every unit in the caller's jurisdiction (today); null for the hub's operator, who sees everything",
  })
  visibleUnitIds(@Ctx() ctx: OrgContext) {
    return units.visibleUnitIds(ctx);
  }

  @Mutation(() => Unit, { description: 'Creates a unit, optionally with its facts from validFrom on' })
  createUnit(@Arg('input', () => CreateUnitInput) input: CreateUnitInput, @Ctx() ctx: OrgContext) {
    return units.createUnit(ctx.db, ctx.access, input);
  }

  @Mutation(() => Unit, { description: "Changes a unit's name, level, region or start date" })
  updateUnit(@Arg('input', () => UpdateUnitInput) input: UpdateUnitInput, @Ctx() ctx: OrgContext) {
    return units.updateUnit(ctx.db, ctx.access, input);
  }

  @Mutation(() => Unit, {
    description: 'Ends (撤销) a unit on `on`, its last day; its open facts and links end with it',
  })
  endUnit(@Arg('code') code: string, @Arg('on', () => DateScalar) on: Day, @Ctx() ctx: OrgContext) {
    return units.endUnit(ctx.db, ctx.access, code, on);
  }

  @Mutation(() => Unit, { description: "Records a new version of a unit's facts from validFrom on (a transfer, 转隶)" })
  changeUnitFacts(@Arg('input', () => ChangeFactsInput) input: ChangeFactsInput, @Ctx() ctx: OrgContext) {
    return units.changeUnitFacts(ctx.db, ctx.access, input);
  }

  @FieldResolver(() => PartyBuilding, {
    description:
      'Who leads and who guides its party-building on asOf (default today), and why; its anomalies are those of that day ' +
      '(a period that closed earlier: leadershipAnomalies(from, to), history)',
  })
  partyBuilding(
    @Root() unit: UnitRecord,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: Day | null,
    @Ctx() ctx: OrgContext,
  ): Promise<PartyBuilding> {
    return partyBuilding.partyBuilding(ctx, unit, asOf ?? today());
  }

  @FieldResolver(() => UnitFacts, { nullable: true, description: 'The fact version in force on asOf (default today)' })
  facts(
    @Root() unit: UnitRecord,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: Day | null,
    @Ctx() ctx: OrgContext,
  ) {
    return units.factsOn(ctx, unit, asOf ?? today());
  }

  /**
   * Not paged: one version per change of this one unit's facts (a transfer, a reform), a
   * handful per decade, unlike the lists that grow with a scope or with the units a body leads.
   */
  @FieldResolver(() => [UnitFacts], {
    description: "Every fact version, oldest first (one per change of this unit's facts: a short list, not paged)",
  })
  factVersions(@Root() unit: UnitRecord, @Ctx() ctx: OrgContext) {
    return units.factVersions(ctx, unit);
  }

  @FieldResolver(() => LinkConnection, {
    description:
      'Declared links into (IN) or out of (OUT) the unit; with asOf, only those in force that day. ' +
      'In id order, by page (a work committee leads thousands of units), with a summary of the whole list by kind',
  })
  links(
    @Root() unit: UnitRecord,
    @Arg('direction', () => LinkDirectionEnum, { defaultValue: 'BOTH' }) direction: 'IN' | 'OUT' | 'BOTH',
    @Arg('kinds', () => [LinkKindEnum], { nullable: true }) kinds: LinkKind[] | null,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: Day | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: OrgContext,
  ) {
    return links.unitLinks(ctx, unit, direction, kinds, asOf, page);
  }

  @FieldResolver(() => HistoryEventConnection, {
    description:
      'What changed, when: start and end, fact versions, links starting and ending, and each of its anomalies starting and ending ' +
      '(every period, however long ago; CYCLE aside). By date (on one date: start, facts, links starting, anomalies starting, links ending, ' +
      'anomalies ending, end), by page, with a summary by kind',
  })
  history(@Root() unit: UnitRecord, @Args(() => PageArgsType) page: PageArgsType, @Ctx() ctx: OrgContext) {
    return units.unitHistoryPage(ctx, unit, page);
  }
}

@Resolver(() => UnitFacts)
export class UnitFactsResolver {
  @FieldResolver(() => Unit, {
    nullable: true,
    description: '主管部门: the party group/committee of the competent department',
  })
  competentDepartment(@Root() f: UnitFacts, @Ctx() ctx: OrgContext) {
    return units.unitById(ctx, f.competentDepartmentId);
  }

  @FieldResolver(() => Unit, {
    nullable: true,
    description: '属地: the body exercising local leadership where the unit sits',
  })
  locality(@Root() f: UnitFacts, @Ctx() ctx: OrgContext) {
    return units.unitById(ctx, f.localityId);
  }
}
