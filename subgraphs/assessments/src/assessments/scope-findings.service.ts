import { BadInputError } from '@tiaokuai/common';
import type { AssessmentsContext } from '../context';
import type { AssessmentFinding } from '../domain/findings/types';
import { unitFindingsBatch } from './findings.service';

/** Every assessment finding of a committee's scope (a unit code: its members over the year that the caller may see). */
export async function scopeFindings(ctx: AssessmentsContext, scope: string, year: number): Promise<AssessmentFinding[]> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new BadInputError('year', `年度无效：${year}`);
  const { members, answer } = await ctx.org.scope(scope, `${year}-01-01`, `${year}-12-31`);
  // The scope's own timeline answer serves the findings: org is asked once.
  const found = await unitFindingsBatch(ctx, members, year, answer);
  return members.flatMap((id) => found.get(id) ?? []);
}
