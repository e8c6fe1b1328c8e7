/**
 * A progress report on an assignment (ARCHITECTURE.md "Tasks: progress, reports, calendar"): what the unit
 * says (status, progress 0–100, the indicator's value, a note) checked against where the assignment stands,
 * and the state it leads to. Pure: the service supplies the stored assignment and today's date.
 *
 * Rules:
 * - settled assignments (WITHDRAWN, MERGED) take no more reports: CONFLICT;
 * - a report sets ASSIGNED, IN_PROGRESS or DONE only (settling has its own mutations);
 * - DONE means 100%: DONE with a lower progress is refused; DONE without progress is 100;
 *   progress 100 without a status is DONE; progress above 0 on an ASSIGNED one without a
 *   status makes it IN_PROGRESS; ASSIGNED (not started) means 0; reopening a DONE assignment
 *   (IN_PROGRESS) needs a progress below 100 and clears its completion day; a lower progress
 *   on a DONE assignment without a status is refused (it would change nothing); so is a report
 *   with nothing in it (it would only make everyone else's version stale);
 * - the report's day (`on`, default today) is not in the future and not before the task began;
 *   completing keeps that day as the completion day (on time when not after dueOn);
 * - the indicator's value is a finite number ≥ 0, only for a task that names an indicator.
 */
import { isDay, textProblem } from '@tiaokuai/leadership';
import type { Problem } from './validate';

export const REPORTABLE = ['ASSIGNED', 'IN_PROGRESS', 'DONE'] as const;
export type ReportableStatus = (typeof REPORTABLE)[number];
export const MAX_NOTE = 2000;

export interface ReportInput {
  status?: string | null;
  progress?: number | null;
  value?: number | null;
  note?: string | null;
  on?: string | null;
}

export interface AssignmentState {
  status: string;
  progress: number;
  value: number | null;
  note: string | null;
  doneOn: string | null;
}

export interface ReportedState {
  status: ReportableStatus;
  progress: number;
  value: number | null;
  note: string | null;
  doneOn: string | null;
  on: string;
}

export type ReportOutcome =
  { ok: true; next: ReportedState } | { ok: false; code: 'BAD_USER_INPUT' | 'CONFLICT'; problems: Problem[] };

export function applyReport(
  current: AssignmentState,
  input: ReportInput,
  task: { startsOn: string; indicator: string | null },
  today: string,
  base = 'input',
): ReportOutcome {
  if (current.status === 'WITHDRAWN' || current.status === 'MERGED') {
    return {
      ok: false,
      code: 'CONFLICT',
      problems: [
        {
          path: `${base}.assignment`,
          message: `任务分派已${current.status === 'WITHDRAWN' ? '撤回' : '合并'}，不再接受进度报告`,
        },
      ],
    };
  }
  const problems: Problem[] = [];
  const bad = (field: string, message: string) => problems.push({ path: `${base}.${field}`, message });
  const given = input.status ?? null;
  if (given !== null && !REPORTABLE.includes(given as ReportableStatus))
    bad('status', `进度报告只能报 ${REPORTABLE.join('、')}（撤回、合并另有操作）：${given}`);
  const progress = input.progress ?? null;
  if (progress !== null && (!Number.isInteger(progress) || progress < 0 || progress > 100))
    bad('progress', `进度应为 0–100 的整数：${progress}`);
  const value = input.value ?? null;
  if (value !== null) {
    if (!task.indicator) bad('value', '该任务没有设定指标，不能报指标值');
    else if (!Number.isFinite(value) || value < 0) bad('value', `指标值应为不小于 0 的数：${value}`);
  }
  let note = current.note;
  if (input.note !== undefined && input.note !== null) {
    const t = input.note.trim();
    const unstorable = textProblem(t, 'MULTILINE');
    if (t.length > MAX_NOTE) bad('note', `说明过长（${t.length} 字，最多 ${MAX_NOTE} 字）`);
    else if (unstorable) bad('note', unstorable);
    else note = t === '' ? null : t;
  }
  const on = input.on ?? today;
  if (!isDay(on)) bad('on', `不是有效日期（YYYY-MM-DD）：${on}`);
  else if (on > today) bad('on', `报告日期 ${on} 晚于今天 ${today}`);
  else if (on < task.startsOn) bad('on', `报告日期 ${on} 早于任务开始日期 ${task.startsOn}`);
  if (given === 'DONE' && progress !== null && progress < 100)
    bad('progress', `状态为 DONE（完成）时进度应为 100，实为 ${progress}`);
  if (given !== null && given !== 'DONE' && progress === 100) bad('status', '进度 100 即已完成：状态应为 DONE');
  if (given === 'ASSIGNED' && progress !== null && progress > 0)
    bad('status', '已有进度的任务不能报为 ASSIGNED（未开始）');
  if (current.status === 'DONE' && given !== null && given !== 'DONE' && given !== 'ASSIGNED' && progress === null)
    bad('progress', '重新打开已完成的任务时需同时报进度');
  if (current.status === 'DONE' && given === null && progress !== null && progress < 100)
    bad('status', `任务已完成：要改报进度 ${progress}，须同时报状态（IN_PROGRESS）重新打开`);
  if (given === null && progress === null && (input.value ?? null) === null && (input.note ?? null) === null)
    bad('status', '报告为空：至少给出状态、进度、指标值或说明之一');
  if (problems.length > 0) return { ok: false, code: 'BAD_USER_INPUT', problems };

  const status: ReportableStatus =
    (given as ReportableStatus | null) ??
    (progress === 100
      ? 'DONE'
      : progress !== null && progress > 0 && current.status === 'ASSIGNED'
        ? 'IN_PROGRESS'
        : (current.status as ReportableStatus));
  const nextProgress = status === 'DONE' ? 100 : status === 'ASSIGNED' ? 0 : (progress ?? current.progress);
  const doneOn = status === 'DONE' ? (current.status === 'DONE' && current.doneOn ? current.doneOn : on) : null;
  return { ok: true, next: { status, progress: nextProgress, value: value ?? current.value, note, doneOn, on } };
}
