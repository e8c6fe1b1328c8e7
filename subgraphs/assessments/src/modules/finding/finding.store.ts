/** What the findings of units in a year read (ARCHITECTURE.md "Assessments: who grades, findings, results"). */
import { rowsOf, type Db } from '@tiaokuai/platform';
import { sql } from 'drizzle-orm';
import { toInspection, toJoint } from '../inspection/inspection.store';
import { idList, type Row } from '../shared/rows';
import { toSubmission } from '../submission/submission.store';

/**
 * What the findings of `unitIds` in `year` need: the submissions under that year's schemes
 * (with the scheme year: a grading may be made early the next year), the inspections and
 * accepted joint inspections beginning in the year. Three statements, whatever the number of units.
 */
export async function yearOfUnits(db: Db, unitIds: readonly string[], year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const units = idList(unitIds);
  const [subs, insp, joints] = await Promise.all([
    rowsOf<Row>(
      db,
      sql`select s.* from assessments.submissions s join assessments.schemes c on c.id = s.scheme_id
      where s.unit_id = any(${units}::int[]) and c.year = ${year}`,
    ),
    rowsOf<Row>(
      db,
      sql`select * from assessments.inspections where unit_id = any(${units}::int[]) and starts_on between ${from} and ${to}`,
    ),
    rowsOf<Row>(
      db,
      sql`select * from assessments.joint_inspections where unit_id = any(${units}::int[])
      and starts_on between ${from} and ${to}`,
    ),
  ]);
  return { submissions: subs.map(toSubmission), inspections: insp.map(toInspection), joints: joints.map(toJoint) };
}
