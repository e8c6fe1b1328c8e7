/**
 * SQL for links. Every read takes a batch of unit ids and costs one statement, whatever the
 * batch size (DataLoader hands it whole batches).
 */
import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { type Db } from '@tiaokuai/platform';
import { type Day } from '@tiaokuai/leadership';
import { links } from '../../db/schema';
import type { LinkRecord } from '../../domain/types';
import { ints } from '../shared/row-ids';

type LinkRow = typeof links.$inferSelect;

export const toLink = (r: LinkRow): LinkRecord => ({
  id: String(r.id),
  fromId: String(r.fromId),
  toId: String(r.toId),
  kind: r.kind,
  flavour: r.flavour,
  validFrom: r.validFrom,
  validTo: r.validTo,
  basis: r.basis,
});

export async function linksInto(db: Db, ids: readonly string[]): Promise<LinkRecord[]> {
  const list = ints(ids);
  if (list.length === 0) return [];
  return (
    await db.select().from(links).where(inArray(links.toId, list)).orderBy(asc(links.validFrom), asc(links.id))
  ).map(toLink);
}

export async function linksOutOf(db: Db, ids: readonly string[]): Promise<LinkRecord[]> {
  const list = ints(ids);
  if (list.length === 0) return [];
  return (
    await db.select().from(links).where(inArray(links.fromId, list)).orderBy(asc(links.validFrom), asc(links.id))
  ).map(toLink);
}

export async function linkById(db: Db, id: string): Promise<LinkRecord | null> {
  const [n] = ints([id]);
  if (n === undefined) return null;
  const [row] = await db.select().from(links).where(eq(links.id, n));
  return row ? toLink(row) : null;
}

/** A link's columns as a write sets them. */
export type LinkValues = Omit<typeof links.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertLink(tx: Db, values: LinkValues): Promise<LinkRecord> {
  const [row] = await tx.insert(links).values(values).returning();
  return toLink(row);
}

/** Changes the given fields of a link (and its `updatedAt`). */
export async function updateLinkFields(
  tx: Db,
  id: string,
  fields: Partial<Pick<LinkValues, 'flavour' | 'validTo' | 'basis'>>,
): Promise<LinkRecord> {
  const [row] = await tx
    .update(links)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(links.id, Number(id)))
    .returning();
  return toLink(row);
}

/** Ends on `on` every link into or out of the unit still open after that day. */
export async function endLinksAfter(tx: Db, unitId: string, on: Day): Promise<void> {
  const linkAfter = or(isNull(links.validTo), gt(links.validTo, on));
  await tx
    .update(links)
    .set({ validTo: on, updatedAt: sql`now()` })
    .where(and(or(eq(links.fromId, Number(unitId)), eq(links.toId, Number(unitId))), linkAfter));
}
