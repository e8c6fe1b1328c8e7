/**
 * How many assignments a body gave a unit over a window: what the assessments subgraph asks to
 * find EVALUATION_ONLY (平时不管“评”时管). One statement for any number of questions. Counted:
 * assignments of the body's tasks to the unit, binding or advisory (advisory work is guidance),
 * whose task period overlaps the window, not withdrawn (a merged assignment was still given).
 */
import { ForbiddenError, BadInputError, readsEverything } from '@tiaokuai/platform';
import { isDay } from '@tiaokuai/leadership';
import { sql } from 'drizzle-orm';
import type { TasksContext } from '../context';

export interface ActivityQuestion { issuer: string; unit: string; from: string; to: string }

export async function assignmentActivity(ctx: TasksContext, pairs: readonly ActivityQuestion[]): Promise<number[]> {
  // A service question (assessments asks for its user under the `assignment-activity` grant,
  // identity.ts SERVICE_GRANTS) or the operator's: counts over any pair of units.
  if (!readsEverything(ctx.identity)) throw new ForbiddenError('assignmentActivity 仅供平台内部服务调用', { field: 'pairs' });
  if (pairs.length === 0) return [];
  pairs.forEach((p, i) => {
    for (const f of ['issuer', 'unit'] as const) if (!/^\d+$/.test(p[f])) throw new BadInputError(`pairs[${i}].${f}`, `应为单位 id：${p[f]}`);
    if (!isDay(p.from) || !isDay(p.to) || p.to < p.from) throw new BadInputError(`pairs[${i}].to`, `时间段无效：${p.from}—${p.to}`);
  });
  const arr = (xs: string[]) => `{${xs.join(',')}}`;
  // One join for all questions (a hash join on PostgreSQL: 0.27 s for 20,000 questions over
  // 400,000 assignments, where a subquery per question took 17 s, the planner walking each
  // issuer's thousands of tasks instead of the unit's few assignments).
  const rows = await ctx.database.rows<{ i: number; n: number }>(sql`
    with p as (select * from unnest(${arr(pairs.map((p) => p.issuer))}::int[], ${arr(pairs.map((p) => p.unit))}::int[],
      ${arr(pairs.map((p) => p.from))}::date[], ${arr(pairs.map((p) => p.to))}::date[]) with ordinality as p(issuer, unit, f, t, i))
    select p.i::int as i, count(t.id)::int as n from p
    left join (tasks.assignments a join tasks.tasks t on t.id = a.task_id and a.status <> 'WITHDRAWN')
      on a.unit_id = p.unit and t.issuer_id = p.issuer and t.starts_on <= p.t and t.due_on >= p.f
    group by p.i order by p.i`);
  return rows.map((r) => r.n);
}
