/**
 * The unit's queries, its mutations and its fields: arguments to the services, nothing else.
 * Every Query field that lists or reads units (unit, units, sharedUnits, leadershipAnomalies,
 * unitsByCode, visibleUnitIds) and every field of Unit stays in this one class: type-graphql
 * emits fields in registration order, and the published schema keeps that order.
 */
import { DateScalar, MAX_PAGE_SIZE, PageArgsType, today } from '@tiaokuai/platform';
import { type Day } from '@tiaokuai/leadership';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
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
    description:
      '单位：按 id 或代码查找一个单位，by 取其一；未知或不可见时为空 (a unit by id or by code; null when unknown or out of sight)',
  })
  unit(
    @Arg('by', () => UnitLookup, { description: '按编号或代码，二者取其一 (id or code: exactly one)' }) by: UnitLookup,
    @Ctx() ctx: OrgContext,
  ) {
    return units.findUnit(ctx, { id: by.id ?? null, code: by.code ?? null });
  }

  @Query(() => UnitConnection, {
    description: `单位列表：Units, filtered, in id order, in pages of at most ${MAX_PAGE_SIZE} (cursor connection)`,
  })
  units(
    @Arg('filter', () => UnitFilterInput, { description: '筛选条件 (the filter)', nullable: true })
    filter: UnitFilterInput | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: OrgContext,
  ) {
    return units.listUnitsPage(ctx, filter ?? {}, page);
  }

  @Query(() => UnitConnection, {
    description:
      "共管单位：Units where a and b (codes) both hold a party-building role (lead or guide), or both claim one; in unit-code order, by page; the pages that follow a first page's cursors are cut from that page's list, for the same caller and arguments, at most WALK_MAX_AGE_MS old (a walk)",
  })
  sharedUnits(
    @Arg('a', { description: '甲方：单位代码 (one body, a unit code)' }) a: string,
    @Arg('b', { description: '乙方：单位代码 (the other body, a unit code)' }) b: string,
    @Arg('asOf', () => DateScalar, { description: '判断日：默认今天 (the day judged; default today)', nullable: true })
    asOf: Day | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: OrgContext,
  ) {
    return partyBuilding.sharedUnits(ctx, a, b, asOf ?? today(), page);
  }

  @Query(() => AnomalyConnection, {
    description:
      '领导关系异常：Anomalies of a scope (a unit code: its subtree and the units it leads or guides); absent = everything. ' +
      'A day (asOf, default today): what is wrong ON that day, without periods. Or a period (from and to, both inclusive, at most 3×366 days; ' +
      'not with asOf): every anomaly whose own period overlaps it, with that period (from/to; to null while it still holds), the scope being ' +
      'its members on any day of the period. By page, in a stable order (unit code, anomaly code, period, units and links involved), ' +
      'with a summary of the whole list by code',
  })
  leadershipAnomalies(
    @Arg('scope', () => String, { description: '范围：单位代码 (a scope, a unit code)', nullable: true })
    scope: string | null,
    @Arg('asOf', () => DateScalar, {
      description: '判断日：只看该日的异常 (only the anomalies of this day)',
      nullable: true,
    })
    asOf: Day | null,
    @Arg('from', () => DateScalar, { description: '开始日：时期内的异常 (first day of a period)', nullable: true })
    from: Day | null,
    @Arg('to', () => DateScalar, { description: '结束日 (last day of a period)', nullable: true }) to: Day | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: OrgContext,
  ) {
    return anomalies.leadershipAnomalies(ctx, scope, anomalies.anomalyQuestion({ asOf, from, to }), page);
  }

  @Query(() => [Unit], {
    nullable: 'items',
    description: "按代码查单位：Each code's unit, in order; null for a code that names no unit the caller may see",
  })
  unitsByCode(
    @Arg('codes', () => [String], { description: '单位代码：按序 (the codes, in order)' }) codes: string[],
    @Ctx() ctx: OrgContext,
  ) {
    return units.unitsByCode(ctx, codes);
  }

  @Query(() => [ID], {
    nullable: true,
    description:
      "The ids of every unit in the caller's jurisdiction (today); null for the hub's operator, who sees everything",
  })
  @Directive('@inaccessible')
  visibleUnitIds(@Ctx() ctx: OrgContext) {
    return units.visibleUnitIds(ctx);
  }

  @Mutation(() => Unit, { description: '新建单位：Creates a unit, optionally with its facts from validFrom on' })
  createUnit(
    @Arg('input', () => CreateUnitInput, { description: '新建单位 (the new unit)' }) input: CreateUnitInput,
    @Ctx() ctx: OrgContext,
  ) {
    return units.createUnit(ctx.db, ctx.access, input);
  }

  @Mutation(() => Unit, { description: "修改单位：Changes a unit's name, level, region or start date" })
  updateUnit(
    @Arg('input', () => UpdateUnitInput, { description: '修改内容 (the changes)' }) input: UpdateUnitInput,
    @Ctx() ctx: OrgContext,
  ) {
    return units.updateUnit(ctx.db, ctx.access, input);
  }

  @Mutation(() => Unit, {
    description: 'Ends (撤销) a unit on `on`, its last day; its open facts and links end with it',
  })
  endUnit(
    @Arg('code', { description: "单位代码 (the unit's code)" }) code: string,
    @Arg('on', () => DateScalar, { description: '撤销日：最后一天 (its last day)' }) on: Day,
    @Ctx() ctx: OrgContext,
  ) {
    return units.endUnit(ctx.db, ctx.access, code, on);
  }

  @Mutation(() => Unit, { description: "Records a new version of a unit's facts from validFrom on (a transfer, 转隶)" })
  changeUnitFacts(
    @Arg('input', () => ChangeFactsInput, {
      description: '事实变更：新版本及其生效日 (the new version and its first day)',
    })
    input: ChangeFactsInput,
    @Ctx() ctx: OrgContext,
  ) {
    return units.changeUnitFacts(ctx.db, ctx.access, input);
  }

  @FieldResolver(() => PartyBuilding, {
    description:
      '党建领导关系：Who leads and who guides its party-building on asOf (default today), and why; its anomalies are those of that day ' +
      '(a period that closed earlier: leadershipAnomalies(from, to), history)',
  })
  partyBuilding(
    @Root() unit: UnitRecord,
    @Arg('asOf', () => DateScalar, { description: '判断日：默认今天 (the day judged; default today)', nullable: true })
    asOf: Day | null,
    @Ctx() ctx: OrgContext,
  ): Promise<PartyBuilding> {
    return partyBuilding.partyBuilding(ctx, unit, asOf ?? today());
  }

  @FieldResolver(() => UnitFacts, {
    nullable: true,
    description: '单位事实：The fact version in force on asOf (default today)',
  })
  facts(
    @Root() unit: UnitRecord,
    @Arg('asOf', () => DateScalar, { description: '判断日：默认今天 (the day judged; default today)', nullable: true })
    asOf: Day | null,
    @Ctx() ctx: OrgContext,
  ) {
    return units.factsOn(ctx, unit, asOf ?? today());
  }

  /**
   * Not paged: one version per change of this one unit's facts (a transfer, a reform), a
   * handful per decade, unlike the lists that grow with a scope or with the units a body leads.
   */
  @FieldResolver(() => [UnitFacts], {
    description:
      "事实版本：Every fact version, oldest first (one per change of this unit's facts: a short list, not paged)",
  })
  factVersions(@Root() unit: UnitRecord, @Ctx() ctx: OrgContext) {
    return units.factVersions(ctx, unit);
  }

  @FieldResolver(() => LinkConnection, {
    description:
      '关系：Declared links into (IN) or out of (OUT) the unit; with asOf, only those in force that day. ' +
      'In id order, by page (a work committee leads thousands of units), with a summary of the whole list by kind',
  })
  links(
    @Root() unit: UnitRecord,
    @Arg('direction', () => LinkDirectionEnum, {
      description: '方向：进入或离开 (into or out of the unit)',
      defaultValue: 'BOTH',
    })
    direction: 'IN' | 'OUT' | 'BOTH',
    @Arg('kinds', () => [LinkKindEnum], {
      description: '关系类型：空为全部 (only these kinds; default all)',
      nullable: true,
    })
    kinds: LinkKind[] | null,
    @Arg('asOf', () => DateScalar, {
      description: '判断日：只看该日有效的关系 (only the links in force that day)',
      nullable: true,
    })
    asOf: Day | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: OrgContext,
  ) {
    return links.unitLinks(ctx, unit, direction, kinds, asOf, page);
  }

  @FieldResolver(() => HistoryEventConnection, {
    description:
      '历史：What changed, when: start and end, fact versions, links starting and ending, and each of its anomalies starting and ending ' +
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
