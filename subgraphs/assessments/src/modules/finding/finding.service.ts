/**
 * Assessment findings of units in a year (ARCHITECTURE.md "Assessments: who grades, findings, results"),
 * set-based: three statements (the units' submissions, inspections and accepted joint inspections of the
 * year), one question to org (who led and guided them over the year, with every body above), one to tasks
 * (how many assignments each assessor gave each unit before assessing it), one for names; then the pure
 * detectors (domain/findings). Nothing here depends on the number of units.
 */
import DataLoader from 'dataloader';
import {
  callerKey,
  fromGlobalId,
  keyedSorted,
  unitLabel,
  type Connection,
  type PageArgs,
  type TimelineAnswer,
  type WalkPage,
} from '@tiaokuai/platform';
import { groupBy, LeadershipIndex, periodAt } from '@tiaokuai/leadership';
import { activityWindow, evaluationOnly, type AssessmentEvent } from '../../domain/findings/evaluation-only';
import { gradedByNonLeader } from '../../domain/findings/graded-by-non-leader';
import { multipleInspections } from '../../domain/findings/multiple-inspections';
import type { AssessmentFinding, Visit } from '../../domain/findings/types';
import { assessmentWindow } from '../../domain/scheme/assessment-day';
import type { AssessmentsContext } from '../../request';
import type { InspectionRecord } from '../inspection/inspection.store';
import type { SchemeRecord } from '../scheme/scheme.store';
import { checkPage, findingId, findingKey, findingQuestionOf, findingSummary, NS, pageOf } from '../shared/pages';
import { checkYear } from '../shared/year';
import type { SubmissionRecord } from '../submission/submission.store';
import { yearOfUnits } from './finding.store';

export type { AssessmentFinding, JointProposal } from '../../domain/findings/types';

const ACTIVITY = `query Activity($p: [ActivityQuestionInput!]!) { assignmentActivity(pairs: $p) }`;

/**
 * `known`: org's timeline answer for these units over the year when the caller has it already
 * (a scope's findings: the scope's own answer), so org is not asked twice.
 */
export async function unitFindingsBatch(
  ctx: AssessmentsContext,
  unitIds: readonly string[],
  year: number,
  known?: TimelineAnswer,
): Promise<Map<string, AssessmentFinding[]>> {
  const out = new Map<string, AssessmentFinding[]>(unitIds.map((u) => [u, []]));
  if (unitIds.length === 0) return out;
  const [data, answer] = await Promise.all([
    yearOfUnits(ctx.db, unitIds, year),
    known ?? ctx.org.timelines({ units: unitIds, ...assessmentWindow(year) }),
  ]);
  const index = new LeadershipIndex(answer.timelines);
  const leads = (b: string, u: string, day: string) => index.leads(b, u, day);
  const leadersOn = (u: string, day: string) => periodAt(answer.timelines, u, day)?.leaders ?? [];

  // The schemes' indicators name what a submission assessed (for a joint inspection's list).
  const schemes = new Map<string, SchemeRecord>();
  for (const s of await ctx.loaders.scheme.loadMany([...new Set(data.submissions.map((s) => s.schemeId))]))
    if (s && !(s instanceof Error)) schemes.set(s.id, s);
  const indicatorsOf = (s: SubmissionRecord) =>
    schemes.get(s.schemeId)?.scheme.indicators.map((k) => ({ code: k.code, name: k.name })) ?? [];

  const events: AssessmentEvent[] = [
    ...data.submissions.map((s) => ({
      kind: 'SUBMISSION' as const,
      id: s.id,
      unitId: s.unitId,
      bodyId: s.assessorId,
      on: s.assessedOn,
      year,
    })),
    ...data.inspections.map((i) => ({
      kind: 'INSPECTION' as const,
      id: i.id,
      unitId: i.unitId,
      bodyId: i.inspectorId,
      on: i.startsOn,
      year,
    })),
  ];
  // One question to tasks for every (body, unit) pair, over its year up to its last assessment.
  const lastOf = new Map<string, AssessmentEvent>();
  for (const e of events) {
    const k = `${e.bodyId}|${e.unitId}`;
    const cur = lastOf.get(k);
    if (!cur || e.on > cur.on) lastOf.set(k, e);
  }
  const pairs = [...lastOf.values()].map((e) => ({
    issuer: e.bodyId,
    unit: e.unitId,
    ...activityWindow(e.on, e.year),
  }));
  const counts = new Map<string, number>();
  if (pairs.length > 0) {
    // For the user, under a grant that opens this one count over any pair of units (identity.ts SERVICE_GRANTS).
    const r = await ctx.tasks.query<{ assignmentActivity: number[] }>(
      ACTIVITY,
      { p: pairs },
      ctx.identity,
      'assignment-activity',
    );
    pairs.forEach((p, i) => counts.set(`${p.issuer}|${p.unit}|${p.from}|${p.to}`, r.assignmentActivity[i]));
  }

  // Names: the timeline answer carries them for the units and every body above; the rest
  // (a guide that inspected, say) in one more question, only when there are any.
  const named = new Map<string, { name?: string; code: string }>(answer.units);
  const missing = [...new Set(events.map((e) => e.bodyId))].filter((id) => !named.get(id)?.name);
  if (missing.length > 0) for (const [id, u] of await ctx.org.unitsById(missing)) named.set(id, u);
  const names = (id: string) => unitLabel(named.get(id), id);

  const visits: Array<Visit & { jointId: string | null }> = [
    ...data.inspections.map((i: InspectionRecord) => ({
      kind: 'INSPECTION' as const,
      id: i.id,
      bodyId: i.inspectorId,
      unitId: i.unitId,
      from: i.startsOn,
      to: i.endsOn,
      indicators: i.indicators,
      jointId: i.jointId,
    })),
    // A grading is a visit, unless made during one of the assessor's own inspections of the unit
    // (then it is that visit). An opinion is not: it is asked for as part of the leader's assessment.
    ...data.submissions
      .filter(
        (s) =>
          s.role === 'GRADING' &&
          !data.inspections.some(
            (i) =>
              i.inspectorId === s.assessorId &&
              i.unitId === s.unitId &&
              i.startsOn <= s.assessedOn &&
              i.endsOn >= s.assessedOn,
          ),
      )
      .map((s) => ({
        kind: 'SUBMISSION' as const,
        id: s.id,
        bodyId: s.assessorId,
        unitId: s.unitId,
        from: s.assessedOn,
        to: s.assessedOn,
        indicators: indicatorsOf(s),
        jointId: null,
      })),
  ];
  const found = [
    ...multipleInspections(
      visits,
      data.joints.map((j) => ({ unitId: j.unitId, from: j.startsOn, bodyIds: j.bodyIds })),
      leads,
      names,
    ),
    ...evaluationOnly(events, (b, u, f, t) => counts.get(`${b}|${u}|${f}|${t}`) ?? 0, names),
    ...gradedByNonLeader(
      data.submissions.filter((s) => s.role === 'GRADING'),
      leads,
      leadersOn,
      names,
    ),
  ];
  for (const f of found) out.get(f.unitId)?.push(f);
  return out;
}

/**
 * The request's loader of findings by unit and year: the findings of many units in one year are
 * found together (one question to org, one to tasks, three statements). One loader per request
 * context, made on first use.
 */
const findingLoaders = new WeakMap<
  AssessmentsContext,
  DataLoader<{ unitId: string; year: number }, AssessmentFinding[], string>
>();

function findingLoader(
  ctx: AssessmentsContext,
): DataLoader<{ unitId: string; year: number }, AssessmentFinding[], string> {
  let loader = findingLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(
      async (keys) => {
        const out = new Map<string, AssessmentFinding[]>();
        for (const [year, list] of groupBy([...keys], (k) => String(k.year))) {
          const found = await unitFindingsBatch(
            ctx,
            list.map((k) => k.unitId),
            Number(year),
          );
          for (const k of list) out.set(`${k.unitId}|${year}`, found.get(k.unitId) ?? []);
        }
        return keys.map((k) => out.get(`${k.unitId}|${k.year}`) ?? []);
      },
      { cacheKeyFn: (k) => `${k.unitId}|${k.year}` },
    );
    findingLoaders.set(ctx, loader);
  }
  return loader;
}

/**
 * A page of findings (order: shared/pages.ts) with the summary of them all. Only the page is
 * turned into nodes; the findings live as long as the request.
 */
const findingPage = <N>(findings: readonly AssessmentFinding[], page: PageArgs, node: (f: AssessmentFinding) => N) => ({
  ...pageOf(NS.findings, findings, findingKey, page, node),
  summary: findingSummary(findings),
});

/**
 * A page of a unit's findings in `year` (Unit.assessmentFindings, batched across units); empty
 * when the unit is out of sight. Nodes are made by `node`.
 */
export async function unitFindingsPage<N>(
  ctx: AssessmentsContext,
  unitId: string,
  year: number,
  page: PageArgs,
  node: (f: AssessmentFinding) => N,
): Promise<Connection<N> & { summary: ReturnType<typeof findingSummary> }> {
  checkYear(year);
  checkPage(NS.findings, page);
  if (!(await ctx.org.canSee(unitId))) return findingPage([], page, node);
  return findingPage(await findingLoader(ctx).load({ unitId, year }), page, node);
}

/** Every assessment finding of a committee's scope (a unit code: its members over the year that the caller may see). */
export async function scopeFindings(
  ctx: AssessmentsContext,
  scope: string,
  year: number,
): Promise<AssessmentFinding[]> {
  checkYear(year);
  // The days on which the year's assessments may be made (into the next year).
  const window = assessmentWindow(year);
  const { members, answer } = await ctx.org.scope(scope, window.from, window.to);
  // The scope's own timeline answer serves the findings: org is asked once.
  const found = await unitFindingsBatch(ctx, members, year, answer);
  return members.flatMap((id) => found.get(id) ?? []);
}

/**
 * A page of a scope's findings (`assessmentFindings`), of `kinds` when given: the first page
 * scans (scopeFindings) and keeps the keyed list and its summary as a walk; the walk's following
 * pages, for the same caller, scope, year and kinds, are cut from it without asking org or tasks
 * (platform's walks.ts; ARCHITECTURE.md "Bounded answers"). Nodes are made by `node`.
 */
export function scopeFindingsPage<N>(
  ctx: AssessmentsContext,
  scope: string,
  year: number,
  kinds: readonly string[] | null,
  page: PageArgs,
  node: (f: AssessmentFinding) => N,
): Promise<WalkPage<N, ReturnType<typeof findingSummary>>> {
  return ctx.walks.page({
    namespace: NS.findings,
    caller: callerKey(ctx.identity),
    question: JSON.stringify([scope, year, kinds ? [...new Set(kinds)].sort() : null]),
    page,
    node,
    compute: async () => {
      const all = await scopeFindings(ctx, scope, year);
      const findings = kinds ? all.filter((f) => kinds.includes(f.kind)) : all;
      return { items: keyedSorted(findings, findingKey), summary: findingSummary(findings) };
    },
  });
}

/** A finding with its global id, as GraphQL shows it (the year it was found in is part of the id). */
export const withId = (f: AssessmentFinding, year: number): AssessmentFinding & { id: string } => ({
  ...f,
  id: findingId(f, year),
});

/**
 * An assessment finding by its global id (`node(id)` through the gateway; docs/api.md "Ids"): its
 * unit's findings of the year the id names, scanned again, and the one with that id; null when
 * the id is not an assessment finding's, the unit is out of sight or the finding is settled.
 */
export async function findingById(
  ctx: AssessmentsContext,
  id: string,
): Promise<(AssessmentFinding & { id: string }) | null> {
  const g = fromGlobalId(id);
  const q = g?.type === 'AssessmentFinding' ? findingQuestionOf(g.parts) : null;
  if (!q || !(await ctx.org.canSee(q.unitId))) return null;
  try {
    checkYear(q.year);
  } catch {
    return null; // a year no list hands out
  }
  const found = (await findingLoader(ctx).load({ unitId: q.unitId, year: q.year })).find(
    (f) => findingId(f, q.year) === id,
  );
  return found ? withId(found, q.year) : null;
}
