/**
 * SQL for units, fact versions and links. Every read takes a batch of ids and costs one
 * statement, whatever the batch size (DataLoader hands it whole batches).
 */
import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db, type Day } from '@tiaokuai/common';
import { links, unitFacts, units } from '../db/schema';
import type { Edge } from '../domain/detectors';
import type { FactVersion, LinkKind, LinkRecord, UnitKind, UnitLevel, UnitRecord } from '../domain/types';

type UnitRow = typeof units.$inferSelect;
type FactRow = typeof unitFacts.$inferSelect;
type LinkRow = typeof links.$inferSelect;

export interface StoredFactVersion extends FactVersion {
  id: string;
  unitId: string;
}

export const toUnit = (r: UnitRow): UnitRecord => ({
  id: String(r.id), code: r.code, name: r.name, kind: r.kind, level: r.level, region: r.region,
  validFrom: r.validFrom, validTo: r.validTo,
});

export const toFacts = (r: FactRow): StoredFactVersion => ({
  id: String(r.id), unitId: String(r.unitId), validFrom: r.validFrom, validTo: r.validTo,
  partyRelationMode: r.partyRelationMode, businessMode: r.businessMode,
  competentDepartmentId: r.competentDepartmentId == null ? null : String(r.competentDepartmentId),
  localityId: r.localityId == null ? null : String(r.localityId),
});

export const toLink = (r: LinkRow): LinkRecord => ({
  id: String(r.id), fromId: String(r.fromId), toId: String(r.toId), kind: r.kind, flavour: r.flavour,
  validFrom: r.validFrom, validTo: r.validTo, basis: r.basis,
});

const ints = (ids: readonly string[]) => ids.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0 && n < 2 ** 31);

export async function unitsByIds(db: Db, ids: readonly string[]): Promise<UnitRecord[]> {
  const list = ints(ids);
  if (list.length === 0) return [];
  return (await db.select().from(units).where(inArray(units.id, list))).map(toUnit);
}

export async function unitsByCodes(db: Db, codes: readonly string[]): Promise<UnitRecord[]> {
  if (codes.length === 0) return [];
  return (await db.select().from(units).where(inArray(units.code, [...codes]))).map(toUnit);
}

export async function factsByUnitIds(db: Db, ids: readonly string[]): Promise<StoredFactVersion[]> {
  const list = ints(ids);
  if (list.length === 0) return [];
  return (await db.select().from(unitFacts).where(inArray(unitFacts.unitId, list)).orderBy(asc(unitFacts.validFrom))).map(toFacts);
}

export async function linksInto(db: Db, ids: readonly string[]): Promise<LinkRecord[]> {
  const list = ints(ids);
  if (list.length === 0) return [];
  return (await db.select().from(links).where(inArray(links.toId, list)).orderBy(asc(links.validFrom), asc(links.id))).map(toLink);
}

export async function linksOutOf(db: Db, ids: readonly string[]): Promise<LinkRecord[]> {
  const list = ints(ids);
  if (list.length === 0) return [];
  return (await db.select().from(links).where(inArray(links.fromId, list)).orderBy(asc(links.validFrom), asc(links.id))).map(toLink);
}

export async function linkById(db: Db, id: string): Promise<LinkRecord | null> {
  const [n] = ints([id]);
  if (n === undefined) return null;
  const [row] = await db.select().from(links).where(eq(links.id, n));
  return row ? toLink(row) : null;
}

/**
 * The whole organisation: three statements, evaluated in memory (anomaly scans, shared units,
 * export). Each table comes back as ONE JSON text value built by the server (`json_agg`) and
 * parsed natively: row-by-row decoding of 100,000 rows costs seconds on PGlite, this ~0.1 s.
 */
export async function loadAll(db: Db): Promise<{ units: UnitRecord[]; facts: StoredFactVersion[]; links: LinkRecord[] }> {
  const agg = async <T>(query: SQL): Promise<T[]> => {
    const [row] = await rowsOf<{ j: string }>(db, query);
    return JSON.parse(row.j) as T[];
  };
  const u = await agg<[number, string, string, UnitKind, UnitLevel, string, string, string | null]>(sql`
    select coalesce(json_agg(json_build_array(id, code, name, kind, level, region, valid_from, valid_to) order by code), '[]')::text as j from org.units`);
  const f = await agg<[number, number, string, string | null, FactVersion['partyRelationMode'], FactVersion['businessMode'], number | null, number | null]>(sql`
    select coalesce(json_agg(json_build_array(id, unit_id, valid_from, valid_to, party_relation_mode, business_mode, competent_department_id, locality_id) order by unit_id, valid_from), '[]')::text as j from org.unit_facts`);
  const l = await agg<[number, number, number, LinkKind, LinkRecord['flavour'], string, string | null, string | null]>(sql`
    select coalesce(json_agg(json_build_array(id, from_id, to_id, kind, flavour, valid_from, valid_to, basis) order by id), '[]')::text as j from org.links`);
  const str = (n: number | null) => (n == null ? null : String(n));
  return {
    units: u.map(([id, code, name, kind, level, region, validFrom, validTo]) => ({ id: String(id), code, name, kind, level, region, validFrom, validTo })),
    facts: f.map(([id, unitId, validFrom, validTo, partyRelationMode, businessMode, dept, locality]) => ({
      id: String(id), unitId: String(unitId), validFrom, validTo, partyRelationMode, businessMode, competentDepartmentId: str(dept), localityId: str(locality),
    })),
    links: l.map(([id, fromId, toId, kind, flavour, validFrom, validTo, basis]) => ({
      id: String(id), fromId: String(fromId), toId: String(toId), kind, flavour, validFrom, validTo, basis,
    })),
  };
}

/**
 * Every superior edge above the given units on `asOf`, in one recursive statement: the same
 * edges as the pure `superiorEdges` (declared LEADERSHIP/GUIDANCE/AFFILIATION links in force,
 * and the locality / competent department of the fact version in force). UNION (not ALL)
 * stops the walk when it meets a unit twice, so a cycle terminates.
 */
export async function ancestorEdges(db: Db, ids: readonly string[], asOf: Day): Promise<Edge[]> {
  const list = ints(ids);
  if (list.length === 0) return [];
  const inForce = (t: string) => sql.raw(`${t}.valid_from <= '${asOf}'::date and (${t}.valid_to is null or ${t}.valid_to >= '${asOf}'::date)`);
  const rows = await rowsOf<{ sup: number; sub: number }>(db, sql`
    with recursive up(id) as (
      select unnest(${sql.raw(`array[${list.join(',')}]::int[]`)})
      union
      select e.sup from up cross join lateral (
        select l.from_id as sup from org.links l where l.to_id = up.id and l.kind <> 'BUSINESS' and ${inForce('l')}
        union all select f.locality_id from org.unit_facts f where f.unit_id = up.id and f.locality_id is not null and ${inForce('f')}
        union all select f.competent_department_id from org.unit_facts f where f.unit_id = up.id and f.competent_department_id is not null and ${inForce('f')}
      ) e
    )
    select e.sup, up.id as sub from up cross join lateral (
      select l.from_id as sup from org.links l where l.to_id = up.id and l.kind <> 'BUSINESS' and ${inForce('l')}
      union all select f.locality_id from org.unit_facts f where f.unit_id = up.id and f.locality_id is not null and ${inForce('f')}
      union all select f.competent_department_id from org.unit_facts f where f.unit_id = up.id and f.competent_department_id is not null and ${inForce('f')}
    ) e`);
  return rows.map((r) => ({ superiorId: String(r.sup), subordinateId: String(r.sub) }));
}

export interface UnitFilter {
  kinds?: UnitKind[];
  levels?: UnitLevel[];
  /** GB/T 2260 prefix match: "51" is 四川 and everything in it, "5101" 成都. */
  region?: string;
  /** Restrict to these ids (a scope computed by the service). */
  ids?: string[];
  /** Only units existing on this day. */
  existingOn?: Day;
  /** Case-insensitive substring of the name or code. */
  search?: string;
}

/** Keyset pagination by id: stable under inserts, one statement per page. */
export async function listUnits(db: Db, filter: UnitFilter, afterId: number | null, limit: number): Promise<{ rows: UnitRecord[]; total: number }> {
  const where: SQL[] = [];
  if (filter.kinds?.length) where.push(inArray(units.kind, filter.kinds));
  if (filter.levels?.length) where.push(inArray(units.level, filter.levels));
  if (filter.region) where.push(sql`${units.region} like ${filter.region.replace(/0+$/, '') + '%'}`);
  if (filter.ids) where.push(filter.ids.length ? inArray(units.id, ints(filter.ids)) : sql`false`);
  if (filter.existingOn) where.push(sql`${units.validFrom} <= ${filter.existingOn} and (${units.validTo} is null or ${units.validTo} >= ${filter.existingOn})`);
  if (filter.search) where.push(sql`(${units.name} ilike ${'%' + filter.search + '%'} or ${units.code} ilike ${'%' + filter.search + '%'})`);
  const base = where.length ? and(...where) : undefined;
  const rows = await db.select().from(units)
    .where(afterId ? and(base, gt(units.id, afterId)) : base)
    .orderBy(asc(units.id)).limit(limit + 1);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(units).where(base);
  return { rows: rows.map(toUnit), total: Number(n) };
}

export type LinkKindFilter = LinkKind[] | undefined;
