/**
 * Progress reports, the year's targets/progress/results, the work calendar, and managing the
 * responsibility list (ARCHITECTURE.md "Tasks: progress, reports, calendar").
 */
import { DateScalar, PageArgsType } from '@tiaokuai/platform';
import { taskOf, unitRef } from './resolvers';
import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkPage, NS, padId, pageOf } from '../tasks/pages';
import type { TasksContext } from '../context';
import type { CalendarEntry as CalendarEntryRecord } from '../domain/calendar';
import { isOverdue, OUTLIER_RULE, type IndicatorResult as IndicatorRecord } from '../domain/report';
import { unitCalendar, unitCalendarIcs } from '../tasks/calendar.service';
import { reportProgress } from '../tasks/progress.service';
import { scopeWorkReport, unitWorkReport, type ReportRow } from '../tasks/report.service';
import { defineRequiredItem, retireRequiredItem } from '../tasks/required-items.service';
import { unitResponsibilityList } from '../tasks/responsibility-list.service';
import { requiredItemRows, type AssignmentRecord } from '../tasks/task.store';
import {
  Assignment, CalendarEntry, IndicatorResult, IndicatorResultConnection, ProgressReport, ReportLine, ReportProgressInput, RequiredItem, RequiredItemConnection, RequiredItemInput,
  ResponsibilityListEntry, ResponsibilityListEntryConnection,
  ScopeWorkReport, Task, Unit, UnitProgress, UnitProgressConnection, WorkReport,
} from './types';


/** A list item's place in `requiredItems`: hub-wide first (owner ''), then by owner id, then code. */
const itemKey = (r: { ownerId?: string | null; code: string }) => (r.ownerId ? `1|${padId(r.ownerId)}|${r.code}` : `0|${r.code}`);

const toLine = (r: ReportRow, asOf: string): ReportLine => ({
  dueOn: r.dueOn, status: r.status, progress: r.progress, indicator: r.indicator, target: r.target, value: r.value, doneOn: r.doneOn,
  overdue: isOverdue(r, asOf), assignmentId: r.assignmentId, taskId: r.taskId,
});
const toResult = (r: IndicatorRecord): IndicatorResult => ({ ...r });

@Resolver(() => Assignment)
export class ProgressResolver {
  @Mutation(() => Assignment, { description: 'A unit reports status, progress and its indicator value on an assignment; a stale version is refused with CONFLICT (nothing written)' })
  reportProgress(@Arg('input', () => ReportProgressInput) input: ReportProgressInput, @Ctx() ctx: TasksContext) {
    return reportProgress(ctx, { ...input });
  }

  @FieldResolver(() => [ProgressReport], { description: 'Every progress report on it, oldest first' })
  async progressReports(@Root() a: AssignmentRecord, @Ctx() ctx: TasksContext): Promise<ProgressReport[]> {
    return (await ctx.loaders.progressReports.load(a.id)).map((r) => ({
      version: r.version, status: r.status, progress: r.progress, value: r.value, note: r.note, on: r.on, by: r.bySubject, byBody: r.byBody, at: r.at.toISOString(),
    }));
  }
}

@Resolver(() => RequiredItem)
export class RequiredItemResolver {
  @Query(() => RequiredItemConnection, { description: 'The responsibility lists (责任清单), a page at a time: hub-wide items first, then by owner id, then code; `owner` (a unit code) keeps only that body\'s list' })
  async requiredItems(
    @Arg('includeRetired', { defaultValue: false }) includeRetired: boolean, @Arg('owner', () => String, { nullable: true }) owner: string | null,
    @Args(() => PageArgsType) page: PageArgsType, @Ctx() ctx: TasksContext,
  ): Promise<RequiredItemConnection> {
    checkPage(NS.requiredItems, page);
    const ownerId = owner ? (await ctx.org.unitsByCode([owner])).get(owner)?.id ?? '-' : null;
    const rows = (await requiredItemRows(ctx.db)).filter((r) => (includeRetired || !r.retiredOn) && (!owner || r.ownerId === ownerId));
    return pageOf(NS.requiredItems, rows, itemKey, page, (r) => r as RequiredItem);
  }

  @Mutation(() => RequiredItem, { description: 'Adds an item to a list, or changes one (reinstating it if retired); each change is kept. An owner\'s list: an EDITOR or ADMIN whose jurisdiction holds the owner; hub-wide items (no owner): the operator' })
  defineRequiredItem(@Arg('input', () => RequiredItemInput) input: RequiredItemInput, @Ctx() ctx: TasksContext) {
    return defineRequiredItem(ctx, { ...input });
  }

  @Mutation(() => RequiredItem, { description: 'Stops requiring the item (owner, code) in periods beginning on or after `on` (default today); kept on record. Who may: as defineRequiredItem' })
  retireRequiredItem(
    @Arg('code') code: string, @Arg('owner', () => String, { nullable: true, description: 'Unit code of the item\'s owner; absent: the hub-wide item' }) owner: string | null,
    @Arg('on', () => DateScalar, { nullable: true }) on: string | null, @Ctx() ctx: TasksContext,
  ) {
    return retireRequiredItem(ctx, code, owner, on);
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The body whose list it is (a work committee, party group or organ party committee); null: hub-wide' })
  owner(@Root() i: RequiredItem) { return i.ownerId ? unitRef(i.ownerId) : null; }
}

@Resolver(() => Unit)
export class UnitReportResolver {
  @FieldResolver(() => WorkReport, { nullable: true, description: 'Its year: 目标书, 进度表, 成绩单 (null when out of sight)' })
  async workReport(@Root() u: Unit, @Arg('year', () => Int) year: number, @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null, @Ctx() ctx: TasksContext): Promise<WorkReport | null> {
    const r = await unitWorkReport(ctx, u.id, year, asOf);
    if (!r) return null;
    for (const l of r.lines) { ctx.loaders.task.prime(l.t.id, l.t); ctx.loaders.assignment.prime(l.a.id, l.a); }
    return { unitId: r.unitId, year: r.year, asOf: r.asOf, targets: r.lines.map((l) => toLine(l, r.asOf)), progress: r.progress, results: r.results.map(toResult), outlierRule: OUTLIER_RULE };
  }

  @FieldResolver(() => [CalendarEntry], { nullable: true, description: '行事历: its tasks by due date and the responsibility-list items it must carry, per period (null when out of sight)' })
  async calendar(@Root() u: Unit, @Arg('year', () => Int) year: number, @Ctx() ctx: TasksContext): Promise<CalendarEntry[] | null> {
    const entries = await unitCalendar(ctx, u.id, year);
    return entries && entries.map(toEntry);
  }

  @FieldResolver(() => ResponsibilityListEntryConnection, {
    nullable: true,
    description: 'Its 责任清单 for a year: every item that applies to it (hub-wide, or of an owner that leads it directly or through bodies it leads), '
      + 'with owner, relation, the binding assignments fulfilling it and the periods still missing; a page at a time (null when out of sight). '
      + 'Paged because an owner\'s list has no fixed length (杭州 writes 196 duty books)',
  })
  async responsibilityList(@Root() u: Unit, @Arg('year', () => Int) year: number, @Args(() => PageArgsType) page: PageArgsType, @Ctx() ctx: TasksContext): Promise<ResponsibilityListEntryConnection | null> {
    checkPage(NS.responsibilityList, page);
    const entries = await unitResponsibilityList(ctx, u.id, year);
    return entries && pageOf(NS.responsibilityList, entries, (e) => itemKey(e.item), page, (e): ResponsibilityListEntry => ({
      item: e.item as RequiredItem, relation: e.relation, flavour: e.flavour, depth: e.depth, from: e.from, to: e.to, missing: e.missing,
      ownerId: e.item.ownerId ?? null, throughId: e.through, assignmentIds: e.assignments.map((a) => a.id),
    }));
  }

  @FieldResolver(() => String, { nullable: true, description: 'The 行事历 as iCalendar text (RFC 5545); the gateway serves it at /calendar/{code}/{year}.ics' })
  calendarIcs(@Root() u: Unit, @Arg('year', () => Int) year: number, @Ctx() ctx: TasksContext) {
    return unitCalendarIcs(ctx, u.id, year);
  }
}

const toEntry = (e: CalendarEntryRecord): CalendarEntry => ({
  uid: e.uid, kind: e.kind, title: e.title, startsOn: e.startsOn, dueOn: e.dueOn, requiredItem: e.requiredItemCode, frequency: e.frequency, covered: e.covered,
  authority: e.task?.authority ?? null, status: e.task?.status ?? null,
  assignmentId: e.task?.assignmentId ?? null, taskId: e.task?.taskId ?? null, issuerId: e.task?.issuerId ?? null,
});

@Resolver(() => ResponsibilityListEntry)
export class ResponsibilityListEntryResolver {
  @FieldResolver(() => Unit, { nullable: true, description: 'The body whose list it is; null: hub-wide' })
  owner(@Root() e: ResponsibilityListEntry) { return e.ownerId ? unitRef(e.ownerId) : null; }

  @FieldResolver(() => Unit, { nullable: true, description: 'For CASCADE: the body the owner leads directly on the way to the unit' })
  through(@Root() e: ResponsibilityListEntry) { return e.throughId ? unitRef(e.throughId) : null; }

  @FieldResolver(() => [Assignment], { description: 'The binding assignments of the unit fulfilling it, whose period touches the year' })
  async assignments(@Root() e: ResponsibilityListEntry, @Ctx() ctx: TasksContext) {
    return (await ctx.loaders.assignment.loadMany(e.assignmentIds)).filter((a) => a && !(a instanceof Error));
  }
}

@Resolver(() => ScopeWorkReport)
export class ScopeReportResolver {
  @Query(() => ScopeWorkReport, { description: 'A committee\'s scope (a unit code) for a year: totals, each unit\'s progress, values far from their peers' })
  async workReport(@Arg('scope') scope: string, @Arg('year', () => Int) year: number, @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null, @Ctx() ctx: TasksContext): Promise<ScopeWorkReport> {
    const r = await scopeWorkReport(ctx, scope, year, asOf);
    return { scopeId: r.scopeId, year: r.year, asOf: r.asOf, progress: r.progress, allUnits: r.units, allOutliers: r.outliers.map(toResult), outlierRule: OUTLIER_RULE };
  }

  @FieldResolver(() => UnitProgressConnection, { description: 'Each unit\'s progress, a page at a time, by unit id' })
  units(@Root() r: ScopeWorkReport, @Args(() => PageArgsType) page: PageArgsType): UnitProgressConnection {
    return pageOf(NS.unitProgress, r.allUnits, (u) => padId(u.unitId), page, (u) => u);
  }

  @FieldResolver(() => IndicatorResultConnection, { description: 'Only the flagged measures, a page at a time: by unit id, then measure, then task id' })
  outliers(@Root() r: ScopeWorkReport, @Args(() => PageArgsType) page: PageArgsType): IndicatorResultConnection {
    return pageOf(NS.outliers, r.allOutliers, (o) => `${padId(o.unitId)}|${o.measure}|${o.taskId === null ? '' : padId(o.taskId)}`, page, (o) => o);
  }

  @FieldResolver(() => Unit)
  scope(@Root() r: ScopeWorkReport) { return unitRef(r.scopeId); }
}

@Resolver(() => WorkReport)
export class WorkReportResolver {
  @FieldResolver(() => Unit)
  unit(@Root() r: WorkReport) { return unitRef(r.unitId); }
}

@Resolver(() => UnitProgress)
export class UnitProgressResolver {
  @FieldResolver(() => Unit)
  unit(@Root() r: UnitProgress) { return unitRef(r.unitId); }
}

@Resolver(() => ReportLine)
export class ReportLineResolver {
  @FieldResolver(() => Assignment)
  async assignment(@Root() l: ReportLine, @Ctx() ctx: TasksContext) { return ctx.loaders.assignment.load(l.assignmentId); }

  @FieldResolver(() => Task)
  task(@Root() l: ReportLine, @Ctx() ctx: TasksContext) { return taskOf(ctx, l.taskId); }
}

@Resolver(() => IndicatorResult)
export class IndicatorResultResolver {
  @FieldResolver(() => Unit)
  unit(@Root() r: IndicatorResult) { return unitRef(r.unitId); }

  @FieldResolver(() => Task, { nullable: true, description: 'For INDICATOR' })
  task(@Root() r: IndicatorResult, @Ctx() ctx: TasksContext) { return r.taskId ? taskOf(ctx, r.taskId) : null; }
}

@Resolver(() => CalendarEntry)
export class CalendarEntryResolver {
  @FieldResolver(() => Assignment, { nullable: true, description: 'For TASK' })
  assignment(@Root() e: CalendarEntry, @Ctx() ctx: TasksContext) { return e.assignmentId ? ctx.loaders.assignment.load(e.assignmentId) : null; }

  @FieldResolver(() => Task, { nullable: true, description: 'For TASK' })
  task(@Root() e: CalendarEntry, @Ctx() ctx: TasksContext) { return e.taskId ? taskOf(ctx, e.taskId) : null; }

  @FieldResolver(() => Unit, { nullable: true, description: 'For TASK' })
  issuer(@Root() e: CalendarEntry) { return e.issuerId ? unitRef(e.issuerId) : null; }
}
