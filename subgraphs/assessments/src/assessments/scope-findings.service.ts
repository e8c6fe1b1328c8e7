import { BadInputError } from '@tiaokuai/common';
import type { AssessmentsContext } from '../context';
import type { AssessmentFinding } from '../domain/findings/types';

/** Every assessment finding of a committee's scope (a unit code: its members over the year that the caller may see). */
export async function scopeFindings(ctx: AssessmentsContext, scope: string, year: number): Promise<AssessmentFinding[]> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new BadInputError('year', `年度无效：${year}`);
  const { members } = await ctx.org.scope(scope, `${year}-01-01`, `${year}-12-31`);
  const found = await Promise.all(members.map((unitId) => ctx.loaders.findings.load({ unitId, year })));
  return found.flat();
}
