/**
 * What this subgraph adds to org's `Unit`: its assignments and findings, its year (targets,
 * progress, results), its work calendar and its responsibility list (ARCHITECTURE.md "Tasks:
 * progress, reports, calendar"). Each field asks its concept's service.
 */
import { DateScalar, PageArgsType } from '@tiaokuai/platform';
import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { OUTLIER_RULE } from '../../domain/report';
import type { TasksContext } from '../../request';
import { assignmentWindow, unitAssignments } from '../assignment/assignment.service';
import { AssignmentConnection, assignmentPage } from '../assignment/assignment.type';
import { unitCalendar, unitCalendarIcs } from '../calendar/calendar.service';
import { CalendarEntry, toEntry } from '../calendar/calendar.type';
import { unitFindings } from '../finding/finding.service';
import { conflictPage, TaskConflictConnection } from '../finding/finding.type';
import { unitWorkReport } from '../report/report.service';
import { toLine, toResult, WorkReport } from '../report/report.type';
import { unitResponsibilityList } from '../responsibility-list/responsibility-list.service';
import {
  RequiredItem,
  ResponsibilityListEntry,
  ResponsibilityListEntryConnection,
} from '../responsibility-list/responsibility-list.type';
import { checkPage, itemKey, NS, pageOf } from '../shared/pages';
import { Unit } from './unit.type';

@Resolver(() => Unit)
export class UnitResolver {
  @FieldResolver(() => AssignmentConnection, {
    description:
      '任务分配：Its assignments whose task period touches [from, to] (default: this year), a page at a time, by id; empty when out of sight',
  })
  async assignments(
    @Root() u: Unit,
    @Arg('from', () => DateScalar, {
      description: '开始日：默认今年年初 (first day; default 1 January this year)',
      nullable: true,
    })
    from: string | null,
    @Arg('to', () => DateScalar, {
      description: '结束日：默认今年年末 (last day; default 31 December this year)',
      nullable: true,
    })
    to: string | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: TasksContext,
  ): Promise<AssignmentConnection> {
    const window = assignmentWindow(from, to);
    checkPage(NS.assignments, page);
    return assignmentPage(await unitAssignments(ctx, u.id, window.from, window.to), page);
  }

  @FieldResolver(() => TaskConflictConnection, {
    description:
      '任务问题：Its task findings over [from, to], a page at a time (the order of Query.taskConflicts); empty when out of sight',
  })
  async taskConflicts(
    @Root() u: Unit,
    @Arg('from', () => DateScalar, { description: '开始日 (first day of the period)' }) from: string,
    @Arg('to', () => DateScalar, { description: '结束日 (last day of the period)' }) to: string,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: TasksContext,
  ): Promise<TaskConflictConnection> {
    checkPage(NS.taskConflicts, page);
    return conflictPage((await unitFindings(ctx, u.id, from, to)) ?? [], page, { from, to });
  }
}

@Resolver(() => Unit)
export class UnitReportResolver {
  @FieldResolver(() => WorkReport, {
    nullable: true,
    description:
      '工作报告: its year, 目标书, 进度表, 成绩单. Null when out of sight: a report of zeros would say the unit did nothing',
  })
  async workReport(
    @Root() u: Unit,
    @Arg('year', () => Int, { description: '年度 (the year)' }) year: number,
    @Arg('asOf', () => DateScalar, { description: '判断日：默认今天 (the day judged; default today)', nullable: true })
    asOf: string | null,
    @Ctx() ctx: TasksContext,
  ): Promise<WorkReport | null> {
    const r = await unitWorkReport(ctx, u.id, year, asOf);
    if (!r) return null;
    return {
      unitId: r.unitId,
      year: r.year,
      asOf: r.asOf,
      targets: r.lines.map((l) => toLine(l, r.asOf)),
      progress: r.progress,
      results: r.results.map(toResult),
      outlierRule: OUTLIER_RULE,
    };
  }

  @FieldResolver(() => [CalendarEntry], {
    description:
      '行事历: its tasks by due date and the responsibility-list items it must carry, per period (empty when out of sight). ' +
      "Bounded: one year of one unit's tasks and items (a page of it is the calendar itself)",
  })
  async calendar(
    @Root() u: Unit,
    @Arg('year', () => Int, { description: '年度 (the year)' }) year: number,
    @Ctx() ctx: TasksContext,
  ): Promise<CalendarEntry[]> {
    return ((await unitCalendar(ctx, u.id, year)) ?? []).map(toEntry);
  }

  @FieldResolver(() => ResponsibilityListEntryConnection, {
    description:
      'Its 责任清单 for a year: every item that applies to it (hub-wide, or of an owner that leads it directly or through bodies it leads), ' +
      'with owner, relation, the binding assignments fulfilling it and the periods still missing; a page at a time (empty when out of sight). ' +
      "Paged because an owner's list has no fixed length (杭州 writes 196 duty books)",
  })
  async responsibilityList(
    @Root() u: Unit,
    @Arg('year', () => Int, { description: '年度 (the year)' }) year: number,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: TasksContext,
  ): Promise<ResponsibilityListEntryConnection> {
    checkPage(NS.responsibilityList, page);
    const entries = (await unitResponsibilityList(ctx, u.id, year)) ?? [];
    return pageOf(
      NS.responsibilityList,
      entries,
      (e) => itemKey(e.item),
      page,
      (e): ResponsibilityListEntry => ({
        item: e.item as RequiredItem,
        relation: e.relation,
        flavour: e.flavour,
        depth: e.depth,
        from: e.from,
        to: e.to,
        missing: e.missing,
        ownerId: e.item.ownerId ?? null,
        throughId: e.through,
        assignmentIds: e.assignments.map((a) => a.id),
      }),
    );
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The 行事历 as iCalendar text (RFC 5545); the gateway serves it at /calendar/{code}/{year}.ics. Null when out of sight (the download answers 404)',
  })
  calendarIcs(
    @Root() u: Unit,
    @Arg('year', () => Int, { description: '年度 (the year)' }) year: number,
    @Ctx() ctx: TasksContext,
  ) {
    return unitCalendarIcs(ctx, u.id, year);
  }
}
