import { BadInputError, callerKey, keyedSorted, type PageArgs, type WalkPage } from '@tiaokuai/platform';
import type { AssessmentsContext } from '../context';
import type { AssessmentFinding } from '../domain/findings/types';
import { assessmentWindow } from '../domain/scheme';
import { unitFindingsBatch } from './findings.service';
import { findingKey, findingSummary, NS } from './pages';

/** A year a question may be about (BAD_USER_INPUT naming `year` otherwise). */
export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new BadInputError('year', `年度无效：${year}`);
}

/** Every assessment finding of a committee's scope (a unit code: its members over the year that the caller may see). */
export async function scopeFindings(ctx: AssessmentsContext, scope: string, year: number): Promise<AssessmentFinding[]> {
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
  ctx: AssessmentsContext, scope: string, year: number, kinds: readonly string[] | null, page: PageArgs, node: (f: AssessmentFinding) => N,
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
