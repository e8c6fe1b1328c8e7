/** What the interchange file's `assessments` section reads (CONTRACT.md: tiaokuai/v1; docs/interchange.md). */
import { rowsOf, type Db } from '@tiaokuai/platform';
import { sql } from 'drizzle-orm';
import type { Row } from '../shared/rows';
import { toSubmission, type SubmissionRecord } from '../submission/submission.store';

/** A stored submission with its scheme's issuer and key (how a file names the scheme). */
export interface KeyedSubmission {
  submission: SubmissionRecord;
  schemeRef: string;
}

/** Every stored submission about `unitIds`, each with its scheme's `issuerId|key`. */
export const keyedSubmissionsOfUnits = async (db: Db, unitIds: readonly string[]): Promise<KeyedSubmission[]> =>
  (
    await rowsOf<Row>(
      db,
      sql`select s.*, c.issuer_id as scheme_issuer, c.key as scheme_key from assessments.submissions s
    join assessments.schemes c on c.id = s.scheme_id where s.unit_id = any(${`{${[...new Set(unitIds)].join(',')}}`}::int[])`,
    )
  ).map((r) => ({ submission: toSubmission(r), schemeRef: `${r.scheme_issuer}|${r.scheme_key}` }));

/** Every submission under the schemes of `year` (every scheme when null). */
export const submissionsOfYear = async (db: Db, year: number | null): Promise<SubmissionRecord[]> =>
  (
    await rowsOf<Row>(
      db,
      sql`select s.* from assessments.submissions s join assessments.schemes c on c.id = s.scheme_id
    ${year != null ? sql`where c.year = ${year}` : sql``}`,
    )
  ).map(toSubmission);
