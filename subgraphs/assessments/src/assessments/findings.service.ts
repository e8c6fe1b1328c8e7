/**
 * Assessment findings of units in a year (ARCHITECTURE.md "Assessments: who grades, findings, results"),
 * set-based: three statements (the units' submissions, inspections and accepted joint inspections of the
 * year), one question to org (who led and guided them over the year, with every body above), one to tasks
 * (how many assignments each assessor gave each unit before assessing it), one for names; then the pure
 * detectors (domain/findings). Nothing here depends on the number of units.
 */
import { unitLabel, type TimelineAnswer } from '@tiaokuai/platform';
import { LeadershipIndex, periodAt } from '@tiaokuai/leadership';
import type { AssessmentsContext } from '../context';
import type { AssessmentFinding, Visit } from '../domain/findings/types';
import { assessmentWindow } from '../domain/scheme';
import { gradedByNonLeader } from '../domain/findings/graded-by-non-leader';
import { activityWindow, evaluationOnly, type AssessmentEvent } from '../domain/findings/evaluation-only';
import { multipleInspections } from '../domain/findings/multiple-inspections';
import { yearOfUnits, type InspectionRecord, type SchemeRecord, type SubmissionRecord } from './store';

export type UnitFindingRecord = AssessmentFinding;

const ACTIVITY = `query Activity($p: [ActivityQuestionInput!]!) { assignmentActivity(pairs: $p) }`;

/**
 * `known`: org's timeline answer for these units over the year when the caller has it already
 * (a scope's findings: the scope's own answer), so org is not asked twice.
 */
export async function unitFindingsBatch(ctx: AssessmentsContext, unitIds: readonly string[], year: number, known?: TimelineAnswer): Promise<Map<string, AssessmentFinding[]>> {
  const out = new Map<string, AssessmentFinding[]>(unitIds.map((u) => [u, []]));
  if (unitIds.length === 0) return out;
  const [data, answer] = await Promise.all([yearOfUnits(ctx.db, unitIds, year), known ?? ctx.org.timelines({ units: unitIds, ...assessmentWindow(year) })]);
  const index = new LeadershipIndex(answer.timelines);
  const leads = (b: string, u: string, day: string) => index.leads(b, u, day);
  const leadersOn = (u: string, day: string) => periodAt(answer.timelines, u, day)?.leaders ?? [];

  // The schemes' indicators name what a submission assessed (for a joint inspection's list).
  const schemes = new Map<string, SchemeRecord>();
  for (const s of await ctx.loaders.scheme.loadMany([...new Set(data.submissions.map((s) => s.schemeId))])) if (s && !(s instanceof Error)) schemes.set(s.id, s);
  const indicatorsOf = (s: SubmissionRecord) => schemes.get(s.schemeId)?.scheme.indicators.map((k) => ({ code: k.code, name: k.name })) ?? [];

  const events: AssessmentEvent[] = [
    ...data.submissions.map((s) => ({ kind: 'SUBMISSION' as const, id: s.id, unitId: s.unitId, bodyId: s.assessorId, on: s.assessedOn, year })),
    ...data.inspections.map((i) => ({ kind: 'INSPECTION' as const, id: i.id, unitId: i.unitId, bodyId: i.inspectorId, on: i.startsOn, year })),
  ];
  // One question to tasks for every (body, unit) pair, over its year up to its last assessment.
  const lastOf = new Map<string, AssessmentEvent>();
  for (const e of events) {
    const k = `${e.bodyId}|${e.unitId}`;
    const cur = lastOf.get(k);
    if (!cur || e.on > cur.on) lastOf.set(k, e);
  }
  const pairs = [...lastOf.values()].map((e) => ({ issuer: e.bodyId, unit: e.unitId, ...activityWindow(e.on, e.year) }));
  const counts = new Map<string, number>();
  if (pairs.length > 0) {
    // For the user, under a grant that opens this one count over any pair of units (identity.ts SERVICE_GRANTS).
    const r = await ctx.tasks.query<{ assignmentActivity: number[] }>(ACTIVITY, { p: pairs }, ctx.identity, 'assignment-activity');
    pairs.forEach((p, i) => counts.set(`${p.issuer}|${p.unit}|${p.from}|${p.to}`, r.assignmentActivity[i]));
  }

  // Names: the timeline answer carries them for the units and every body above; the rest
  // (a guide that inspected, say) in one more question, only when there are any.
  const named = new Map<string, { name?: string; code: string }>(answer.units);
  const missing = [...new Set(events.map((e) => e.bodyId))].filter((id) => !named.get(id)?.name);
  if (missing.length > 0) for (const [id, u] of await ctx.org.unitsById(missing)) named.set(id, u);
  const names = (id: string) => unitLabel(named.get(id), id);

  const visits: Array<Visit & { jointId: string | null }> = [
    ...data.inspections.map((i: InspectionRecord) => ({ kind: 'INSPECTION' as const, id: i.id, bodyId: i.inspectorId, unitId: i.unitId, from: i.startsOn, to: i.endsOn, indicators: i.indicators, jointId: i.jointId })),
    // A grading is a visit, unless made during one of the assessor's own inspections of the unit
    // (then it is that visit). An opinion is not: it is asked for as part of the leader's assessment.
    ...data.submissions.filter((s) => s.role === 'GRADING' && !data.inspections.some((i) => i.inspectorId === s.assessorId && i.unitId === s.unitId && i.startsOn <= s.assessedOn && i.endsOn >= s.assessedOn))
      .map((s) => ({ kind: 'SUBMISSION' as const, id: s.id, bodyId: s.assessorId, unitId: s.unitId, from: s.assessedOn, to: s.assessedOn, indicators: indicatorsOf(s), jointId: null })),
  ];
  const found = [
    ...multipleInspections(visits, data.joints.map((j) => ({ unitId: j.unitId, from: j.startsOn, bodyIds: j.bodyIds })), leads, names),
    ...evaluationOnly(events, (b, u, f, t) => counts.get(`${b}|${u}|${f}|${t}`) ?? 0, names),
    ...gradedByNonLeader(data.submissions.filter((s) => s.role === 'GRADING'), leads, leadersOn, names),
  ];
  for (const f of found) out.get(f.unitId)?.push(f);
  return out;
}
