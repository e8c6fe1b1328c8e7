/**
 * A unit's work calendar (行事历) for a year, and the same as iCalendar text for the feed the
 * gateway serves at /calendar/{code}/{year}.ics (gateway/src/calendar-feed.ts). One question
 * to org for the unit's leadership over the year (authority, MISSING), one statement for its
 * assignments; the iCalendar text asks org once more, for names.
 */
import { calendarEntries, type CalendarEntry, type CalendarTask } from '../../domain/calendar';
import { renderIcs } from '../../domain/ical';
import type { TasksContext } from '../../request';
import { unitYear } from '../finding/finding.service';

export async function unitCalendar(ctx: TasksContext, unitId: string, year: number): Promise<CalendarEntry[] | null> {
  const y = await unitYear(ctx, unitId, year);
  if (!y) return null;
  const authority = new Map((y.facts.get(unitId) ?? []).map((f) => [f.id, f.authority]));
  const tasks: CalendarTask[] = y.rows.map(({ a, t }) => ({
    assignmentId: a.id,
    taskId: t.id,
    issuerId: t.issuerId,
    title: t.title,
    startsOn: t.startsOn,
    dueOn: t.dueOn,
    status: a.status,
    authority: authority.get(a.id) ?? 'ADVISORY',
    requiredItemId: t.requiredItemId,
    deliverable: t.deliverable,
  }));
  return calendarEntries({
    unitId,
    unitKind: y.unit.kind,
    year,
    tasks,
    items: y.items,
    missing: y.missing,
    existed: y.answer.timelines.get(unitId) ?? [],
    reach: y.reach,
  });
}

/** The host part of event UIDs (CALENDAR_UID_DOMAIN), so feeds of different hubs never collide. */
const uidDomain = (): string => process.env.CALENDAR_UID_DOMAIN || 'tiaokuai.hub';

const STATUS: Record<string, string> = { ASSIGNED: '未开始', IN_PROGRESS: '进行中', DONE: '已完成' };

/** The calendar as iCalendar text (RFC 5545); null when the unit is out of sight. */
export async function unitCalendarIcs(ctx: TasksContext, unitId: string, year: number): Promise<string | null> {
  const all = await unitCalendar(ctx, unitId, year);
  if (!all) return null;
  // Each event sits on its due date: only those due in the year, so a task running across two
  // years is in one year's feed, once (the same UID in two feeds confuses calendar apps).
  const entries = all.filter((e) => e.dueOn.startsWith(`${year}-`));
  const names = await ctx.org.unitsById([unitId, ...entries.flatMap((e) => (e.task ? [e.task.issuerId] : []))]);
  const nameOf = (id: string) => names.get(id)?.name ?? `单位 ${id}`;
  return renderIcs({
    name: `${nameOf(unitId)} ${year}年行事历`,
    uidDomain: uidDomain(),
    stamp: new Date(),
    events: entries.map((e) => {
      const t = e.task;
      const summary = t ? `${e.title}（截止）` : `${e.title}${e.covered ? '' : '【未下达】'}`;
      const description = t
        ? [
            `${t.startsOn} 至 ${t.dueOn}`,
            `下达单位：${nameOf(t.issuerId)}（${t.authority === 'BINDING' ? '领导关系，须执行' : '指导性'}）`,
            `状态：${STATUS[t.status] ?? t.status}`,
            ...(t.deliverable ? [`成果：${t.deliverable}`] : []),
            ...(e.requiredItemCode ? [`责任清单事项：${e.requiredItemCode}`] : []),
          ].join('\n')
        : [
            `${e.startsOn} 至 ${e.dueOn}`,
            `责任清单事项（${e.requiredItemCode}）`,
            e.covered ? '领导方已下达' : '领导方尚未下达（缺项），请向领导方反映',
          ].join('\n');
      return { entry: e, summary, description };
    }),
  });
}
