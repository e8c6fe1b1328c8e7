import { isDay } from '@tiaokuai/leadership';

/**
 * The days on which a year's assessments may be made: the year and the first half of the next
 * (annual gradings are often made in January). The findings of a year look at the same days.
 */
export const assessmentWindow = (year: number) => ({ from: `${year}-01-01`, to: `${year + 1}-06-30` });

/** What is wrong with `on` as the day of an assessment under a scheme of `year`, as of `today`; null: nothing. */
export function assessmentDayProblem(year: number, on: unknown, today: string): string | null {
  if (!isDay(on)) return `日期无效：${String(on)}`;
  if (on > today) return `考核日期 ${on} 在未来`;
  const { from, to } = assessmentWindow(year);
  if (on < from || on > to) return `${year} 年度方案的考核日期应在 ${from} 至 ${to} 之间：${on}`;
  return null;
}
