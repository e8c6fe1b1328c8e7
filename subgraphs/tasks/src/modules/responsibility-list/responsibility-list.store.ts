/**
 * SQL of the responsibility lists (责任清单): their items, and every change kept
 * (required_item_changes).
 */
import type { Db, Identity } from '@tiaokuai/platform';
import { and, asc, eq, sql } from 'drizzle-orm';
import { requiredItemChanges, requiredItems } from '../../db/schema';
import type { RequiredItemRow } from '../../domain/records';
import type { RequiredItem } from '../../domain/types';
import type { RequiredItemSpec } from '../../domain/validate-required-item';

export async function allRequiredItems(db: Db): Promise<RequiredItem[]> {
  return (await requiredItemRows(db)).map((r) => ({
    id: r.id,
    ownerId: r.ownerId,
    code: r.code,
    name: r.name,
    kinds: r.kinds,
    frequency: r.frequency,
    retiredOn: r.retiredOn,
  }));
}

export const toRequiredItemRow = (r: typeof requiredItems.$inferSelect): RequiredItemRow => ({
  id: String(r.id),
  ownerId: r.ownerId == null ? null : String(r.ownerId),
  code: r.code,
  name: r.name,
  kinds: r.kinds,
  frequency: r.frequency,
  description: r.description,
  retiredOn: r.retiredOn,
});

/** The lists as stored, retired items included (`retiredOn` set): hub-wide first, then by owner, then code. */
export async function requiredItemRows(db: Db): Promise<RequiredItemRow[]> {
  return (
    await db
      .select()
      .from(requiredItems)
      .orderBy(sql`${requiredItems.ownerId} nulls first`, asc(requiredItems.code))
  ).map(toRequiredItemRow);
}

/**
 * Creates the item (owner, code) or changes it (and, with `reinstate`, clears its retirement), and
 * keeps the change. Written as a look-up then an insert or update: the unique key is on
 * coalesce(owner_id, 0) (migration 0005), which ON CONFLICT cannot name.
 */
export async function upsertRequiredItem(
  db: Db,
  ownerId: string | null,
  item: Omit<RequiredItemSpec, 'owner'>,
  who: Identity,
  operation: 'DEFINE' | 'IMPORT',
  reinstate: boolean,
): Promise<RequiredItemRow> {
  const owner = ownerId == null ? null : Number(ownerId);
  const fields = {
    name: item.name,
    kinds: item.kinds,
    frequency: item.frequency,
    description: item.description,
    ...(reinstate ? { retiredOn: null } : {}),
  };
  const [current] = await db
    .select({ id: requiredItems.id })
    .from(requiredItems)
    .where(
      and(
        owner == null ? sql`${requiredItems.ownerId} is null` : eq(requiredItems.ownerId, owner),
        eq(requiredItems.code, item.code),
      ),
    );
  const [row] = current
    ? await db
        .update(requiredItems)
        .set({ ...fields, updatedAt: sql`now()` })
        .where(eq(requiredItems.id, current.id))
        .returning()
    : await db
        .insert(requiredItems)
        .values({ ...fields, ownerId: owner, code: item.code })
        .returning();
  await recordItemChange(db, row, operation, who);
  return toRequiredItemRow(row);
}

/** Keeps a change of a responsibility list: the item as it now stands, who, when. */
export async function recordItemChange(
  db: Db,
  row: typeof requiredItems.$inferSelect,
  operation: 'DEFINE' | 'RETIRE' | 'IMPORT',
  who: Identity,
): Promise<void> {
  await db.insert(requiredItemChanges).values({
    itemId: row.id,
    code: row.code,
    operation,
    bySubject: who.subject,
    byBody: who.body,
    requestId: who.requestId ?? null,
    item: toRequiredItemRow(row),
  });
}

/** Retires an item not yet retired, from `day`, and keeps the change; null when it was retired meanwhile. */
export async function retireItem(db: Db, id: string, day: string, who: Identity): Promise<RequiredItemRow | null> {
  const [row] = await db
    .update(requiredItems)
    .set({ retiredOn: day, updatedAt: sql`now()` })
    .where(and(eq(requiredItems.id, Number(id)), sql`${requiredItems.retiredOn} is null`))
    .returning();
  if (!row) return null;
  await recordItemChange(db, row, 'RETIRE', who);
  return toRequiredItemRow(row);
}

/** Gives a new item the retirement a file recorded, kept as retireRequiredItem keeps it. */
export async function setRetiredOn(db: Db, id: string, day: string, who: Identity): Promise<void> {
  const [retired] = await db
    .update(requiredItems)
    .set({ retiredOn: day })
    .where(sql`${requiredItems.id} = ${Number(id)}`)
    .returning();
  await recordItemChange(db, retired, 'RETIRE', who);
}
