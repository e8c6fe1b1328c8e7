/** A task's period: both days valid (YYYY-MM-DD), and not due before it starts. Pure. */
import { isDay } from '@tiaokuai/leadership';

export interface FieldProblem {
  field: 'startsOn' | 'dueOn';
  message: string;
}

export function taskPeriodProblems(startsOn: unknown, dueOn: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const bad = (field: FieldProblem['field'], message: string) => problems.push({ field, message });
  if (!isDay(startsOn)) bad('startsOn', `不是有效日期（YYYY-MM-DD）：${String(startsOn)}`);
  if (!isDay(dueOn)) bad('dueOn', `不是有效日期（YYYY-MM-DD）：${String(dueOn)}`);
  else if (isDay(startsOn) && dueOn < startsOn) bad('dueOn', `截止日期 ${dueOn} 早于开始日期 ${startsOn}`);
  return problems;
}
