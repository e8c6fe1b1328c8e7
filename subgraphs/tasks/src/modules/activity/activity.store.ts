/** SQL of assignment activity: how many assignments a body gave a unit over a window (activity.service.ts). */
import { rowsOf, type Db } from '@tiaokuai/platform';
import { sql } from 'drizzle-orm';

export interface ActivityQuestion {
  issuer: string;
  unit: string;
  from: string;
  to: string;
}

/** For each question, in order: the assignments of the issuer's tasks to the unit over [from, to], not withdrawn. */
export async function assignmentActivityCounts(db: Db, pairs: readonly ActivityQuestion[]): Promise<number[]> {
  const arr = (xs: string[]) => `{${xs.join(',')}}`;
  // One join for all questions (a hash join on PostgreSQL: 0.27 s for 20,000 questions over
  // 400,000 assignments, where a subquery per question took 17 s, the planner walking each
  // issuer's thousands of tasks instead of the unit's few assignments).
  const rows = await rowsOf<{ i: number; n: number }>(
    db,
    sql`
    with p as (select * from unnest(${arr(pairs.map((p) => p.issuer))}::int[], ${arr(pairs.map((p) => p.unit))}::int[],
      ${arr(pairs.map((p) => p.from))}::date[], ${arr(pairs.map((p) => p.to))}::date[]) with ordinality as p(issuer, unit, f, t, i))
    select p.i::int as i, count(t.id)::int as n from p
    left join (tasks.assignments a join tasks.tasks t on t.id = a.task_id and a.status <> 'WITHDRAWN')
      on a.unit_id = p.unit and t.issuer_id = p.issuer and t.starts_on <= p.t and t.due_on >= p.f
    group by p.i order by p.i`,
  );
  return rows.map((r) => r.n);
}
