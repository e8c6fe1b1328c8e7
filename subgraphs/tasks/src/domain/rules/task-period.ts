/** A task's period: both days valid (YYYY-MM-DD), and not due before it starts. Pure. */
import { isDay } from '@tiaokuai/leadership';

export interface FieldProblem {
  field: 'startsOn' | 'dueOn';
  message: string;
}

export function taskPeriodProblems(startsOn: unknown, dueOn: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isDay(startsOn)) problems.push({ field: 'startsOn', message: `不是有效日期（YYYY-MM-DD）：${String(startsOn)}` });
  if (!isDay(dueOn)) problems.push({ field: 'dueOn', message: `不是有效日期（YYYY-MM-DD）：${String(dueOn)}` });
  else if (isDay(startsOn) && dueOn < startsOn) problems.push({ field: 'dueOn', message: `截止日期 ${dueOn} 早于开始日期 ${startsOn}` });
  return problems;
}
