/**
 * SQL of an import (interchange.service.ts): units, fact histories and links written in chunks
 * (PostgreSQL's protocol carries at most 65,535 parameters per statement), and the planner's
 * statistics refreshed after a large one. Reads go through the unit and link stores.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Db } from '@tiaokuai/platform';
import { links, unitFacts, units } from '../../db/schema';
import type { UnitRecord } from '../../domain/types';
import { toUnit, type FactValues, type UnitValues } from '../unit/unit.store';
import type { LinkValues } from '../link/link.store';

const CHUNK = 1000;
function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** New units, a statement per chunk; the stored records, ids included. */
export async function insertUnits(tx: Db, values: UnitValues[]): Promise<UnitRecord[]> {
  const out: UnitRecord[] = [];
  for (const part of chunks(values)) out.push(...(await tx.insert(units).values(part).returning()).map(toUnit));
  return out;
}

/** Every field of the unit with this code, as the file states it. */
export async function updateUnitByCode(tx: Db, code: string, fields: Omit<UnitValues, 'code'>): Promise<void> {
  await tx
    .update(units)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(units.code, code));
}

/** Deletes every fact version of these units (their histories are replaced). */
export async function deleteFactsOf(tx: Db, unitIds: number[]): Promise<void> {
  for (const part of chunks(unitIds)) await tx.delete(unitFacts).where(inArray(unitFacts.unitId, part));
}

export async function insertFactRows(tx: Db, rows: FactValues[]): Promise<void> {
  for (const part of chunks(rows)) await tx.insert(unitFacts).values(part);
}

/** The fields an import may change on a stored link (its identity stays). */
export async function updateImportedLink(
  tx: Db,
  id: string,
  fields: Pick<LinkValues, 'validTo' | 'flavour' | 'basis'>,
): Promise<void> {
  await tx
    .update(links)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(and(eq(links.id, Number(id))));
}

export async function insertLinkRows(tx: Db, rows: LinkValues[]): Promise<void> {
  for (const part of chunks(rows)) await tx.insert(links).values(part);
}

/**
 * After a large import the planner's statistics describe the tables as they were (often
 * empty): PostgreSQL then picks plans that turn a 2 ms lookup into half a second until
 * autovacuum catches up. Runs as the schema's owner (ANALYZE needs it).
 */
export async function analyzeOrganisation(db: Db): Promise<void> {
  await db.execute(sql`analyze org.units, org.unit_facts, org.links`);
}
