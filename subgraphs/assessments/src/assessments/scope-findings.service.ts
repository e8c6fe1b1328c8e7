import { BadInputError } from '@tiaokuai/common';
import type { AssessmentsContext } from '../context';
import type { AssessmentFinding } from '../domain/findings/types';
import { assessmentWindow } from '../domain/scheme';
import { unitFindingsBatch } from './findings.service';

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
