/**
 * An imported submission's role (docs/interchange.md "Round trip"; platform's restore.ts has the mechanism).
 *
 * A hub's export writes each submission with the `role` it was accepted with: GRADING (评定,
 * the assessor led the unit on the day) or OPINION (意见, it guided it). Today's org may say
 * otherwise after a late change (a transfer entered afterwards, a link ended earlier, facts
 * corrected). The recorded role is kept then, if the caller may restore; the findings that
 * follow (GRADED_BY_NON_LEADER) are reported as for any stored grading.
 */

export type SubmissionRole = 'GRADING' | 'OPINION';
export type Relation = 'LEADS' | 'GUIDES' | 'NONE';

export type RoleVerdict =
  | { role: SubmissionRole; restored: boolean }
  /** NOT_ASSESSABLE: a new record the rules refuse. NOT_ENTITLED: a restore the caller may not make. */
  | { refused: 'NOT_ASSESSABLE' | 'NOT_ENTITLED' };

export const ROLES: readonly SubmissionRole[] = ['GRADING', 'OPINION'];

/** The role today's rules give a submission (null: the assessor may not assess the unit). */
export const roleToday = (relation: Relation): SubmissionRole | null =>
  relation === 'LEADS' ? 'GRADING' : relation === 'GUIDES' ? 'OPINION' : null;

/**
 * `recorded`: the role the file carries (null: a new record). `mayRestore`: the caller's right to
 * restore (platform's mayRestore). Today's rules decide a new record; a recorded role they agree
 * with is simply written; one they disagree with is restored as recorded, or refused.
 */
export function judgeRole(recorded: SubmissionRole | null, relation: Relation, mayRestore: boolean): RoleVerdict {
  const today = roleToday(relation);
  if (recorded === null) return today ? { role: today, restored: false } : { refused: 'NOT_ASSESSABLE' };
  if (recorded === today) return { role: recorded, restored: false };
  return mayRestore ? { role: recorded, restored: true } : { refused: today ? 'NOT_ENTITLED' : 'NOT_ASSESSABLE' };
}
