/**
 * EVALUATION_ONLY (平时不管“评”时管, DOMAIN.md "Assessments (考核评价)"): a body assesses or inspects a unit
 * to which, during the period before it (from the first day of the year assessed to the day of
 * the assessment: a 2026 scheme graded on 2027-01-20 looks at 2026-01-01 … 2027-01-20), it gave
 * no tasks and no guidance. Tasks and guidance are the assessor's own
 * assignments to the unit in the tasks subgraph, binding or advisory (an advisory assignment is
 * guidance), whose period overlaps those days and that were not withdrawn.
 */
import type { AssessmentFinding, Names } from './types';

export interface AssessmentEvent {
  kind: 'SUBMISSION' | 'INSPECTION';
  id: string;
  unitId: string;
  bodyId: string;
  /** The day of the assessment (a submission's day, an inspection's first day). */
  on: string;
  /** The year assessed (a submission's scheme year; an inspection's own year). */
  year: number;
}

/** The days looked at before an assessment on `on` of `year`: from that year's first day to `on`. */
export const activityWindow = (on: string, year: number) => ({ from: `${year}-01-01`, to: on });

export function evaluationOnly(
  events: readonly AssessmentEvent[],
  /** How many assignments `bodyId` gave `unitId` over [from, to] (tasks subgraph). */
  activity: (bodyId: string, unitId: string, from: string, to: string) => number,
  names: Names,
): AssessmentFinding[] {
  // One finding per body and unit in a year, naming every assessment it made there.
  const groups = new Map<string, AssessmentEvent[]>();
  for (const e of events) {
    const k = `${e.bodyId}|${e.unitId}|${e.year}`;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  const out: AssessmentFinding[] = [];
  for (const list of groups.values()) {
    const last = list.reduce((a, e) => (e.on > a.on ? e : a));
    const { from, to } = activityWindow(last.on, last.year);
    if (activity(last.bodyId, last.unitId, from, to) > 0) continue;
    out.push({
      kind: 'EVALUATION_ONLY',
      unitId: last.unitId,
      bodyIds: [last.bodyId],
      from,
      to,
      submissionIds: list.filter((e) => e.kind === 'SUBMISSION').map((e) => e.id),
      inspectionIds: list.filter((e) => e.kind === 'INSPECTION').map((e) => e.id),
      proposal: null,
      explanation: `${names(last.bodyId)} 在 ${from} 至 ${to} 未向 ${names(last.unitId)} 下达任何任务或指导意见，却对其考核评价（平时不管“评”时管）`,
      suggestion: `考核应与平时的领导指导相结合：${names(last.bodyId)} 的评价作参考，或先在年度任务中明确对 ${names(last.unitId)} 的工作要求`,
    });
  }
  return out;
}
