/**
 * How many assignments a body gave a unit over a window: what the assessments subgraph asks to
 * find EVALUATION_ONLY (平时不管“评”时管). One statement for any number of questions. Counted:
 * assignments of the body's tasks to the unit, binding or advisory (advisory work is guidance),
 * whose task period overlaps the window, not withdrawn (a merged assignment was still given).
 */
import { ForbiddenError, BadInputError, readsEverything } from '@tiaokuai/platform';
import { isDay } from '@tiaokuai/leadership';
import type { TasksContext } from '../../request';
import { assignmentActivityCounts, type ActivityQuestion } from './activity.store';

export type { ActivityQuestion } from './activity.store';

export async function assignmentActivity(ctx: TasksContext, pairs: readonly ActivityQuestion[]): Promise<number[]> {
  // A service question (assessments asks for its user under the `assignment-activity` grant,
  // identity.ts SERVICE_GRANTS) or the operator's: counts over any pair of units.
  if (!readsEverything(ctx.identity))
    throw new ForbiddenError('assignmentActivity 仅供平台内部服务调用', { field: 'pairs' });
  if (pairs.length === 0) return [];
  pairs.forEach((p, i) => {
    for (const f of ['issuer', 'unit'] as const)
      if (!/^\d+$/.test(p[f])) throw new BadInputError(`pairs[${i}].${f}`, `应为单位 id：${p[f]}`);
    if (!isDay(p.from) || !isDay(p.to) || p.to < p.from)
      throw new BadInputError(`pairs[${i}].to`, `时间段无效：${p.from}—${p.to}`);
  });
  return assignmentActivityCounts(ctx.db, pairs);
}
