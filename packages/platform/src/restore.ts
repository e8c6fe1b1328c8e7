/**
 * Restoring records from a hub's export (docs/interchange.md "Round trip").
 *
 * An export carries what the hub accepted at the time: each record with what was decided when it
 * was made (an assessment's `role`, an assignment's `authority`). Facts change afterwards: a
 * transfer (转隶) entered late, a link ended with an earlier date, a unit's facts corrected.
 * Judged again by today's org, a record the hub once accepted may be refused, or given another
 * role, and a committee could not back up or move its data exactly when the hub reports the
 * consequences (GRADED_BY_NON_LEADER).
 *
 * So an import tells apart:
 * - a record already stored and unchanged: nothing to write, nothing re-judged (idempotence);
 * - a record the file says was accepted (it carries its recorded decision) on which today's
 *   rules agree: written as any new record;
 * - a record the file says was accepted on which today's rules disagree: a **restored** record,
 *   written with its recorded decision, never re-judged. Only this case needs a right beyond
 *   EDITOR (`mayRestore`), so that labelling a file "an export" smuggles nothing in;
 * - a record with no recorded decision: new, judged by today's rules.
 *
 * Structure, references (every code names a unit) and idempotence are always checked.
 */
import type { Identity } from './identity';

/**
 * Who may restore a record today's rules would refuse: the hub's operator, or an ADMIN of a
 * body whose jurisdiction holds every unit the record writes about (`inJurisdiction`). An EDITOR
 * never may: an editor enters new records, which the rules judge; restoring history is an
 * administrator's act, and an administrator's reach is still its jurisdiction.
 */
export function mayRestore(identity: Pick<Identity, 'hubAdmin' | 'role'>, inJurisdiction: boolean): boolean {
  return identity.hubAdmin || (identity.role === 'ADMIN' && inJurisdiction);
}

/** The people-facing reason a restore was refused (Chinese, for the problem's message). */
export const RESTORE_NEEDS_ADMIN =
  '按今天的组织关系不会接受此记录；恢复导出时已接受的记录需要平台运营方，或管辖所涉单位的 ADMIN';
