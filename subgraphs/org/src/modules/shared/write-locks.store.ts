/**
 * How writes to the organisation serialize (ARCHITECTURE.md). Every write checks and then acts
 * (no unit with that code yet, no fact version on that day, no overlapping link); without locks,
 * concurrent writes all passed the check and all committed: 8 concurrent changeUnitFacts for one
 * unit and day stored up to 8 versions, overlapping links were stored, and a code created twice
 * at once answered INTERNAL_SERVER_ERROR instead of CONFLICT (RELIABILITY.md).
 *
 * Transaction-scoped advisory locks, taken first in the transaction (so before the revision
 * row's lock, migration 0001: no lock-order deadlock), released at commit or rollback and when
 * a terminated session ends:
 * - a single write takes the organisation-wide key shared, then its unit's or link's key;
 * - an import takes the organisation-wide key exclusively: it never interleaves with single
 *   writes or another import, while single writes to different units run side by side.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@tiaokuai/platform';

/** First of the two int4 keys of the organisation-wide lock ('tkor'). */
const ORG_WRITE_LOCK = 0x746b6f72;

/** A lock key from any string, hashed here: PostgreSQL refuses text parameters holding NUL. */
const lockKey = (s: string): number => createHash('sha256').update(s).digest().readInt32BE(0);

/** A single write to one unit (by code) or one link (by id). */
export async function lockForWrite(tx: Db, what: 'unit' | 'link', key: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock_shared(${ORG_WRITE_LOCK}, 0), pg_advisory_xact_lock(${lockKey(`tiaokuai:org:${what}`)}, ${lockKey(key)})`,
  );
}

/** An import: the whole organisation, exclusively. */
export async function lockOrganisation(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ORG_WRITE_LOCK}, 0)`);
}
