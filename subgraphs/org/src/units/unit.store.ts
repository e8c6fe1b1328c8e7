/**
 * SQL for units, fact versions and links. Every read takes a batch of ids and costs one
 * statement, whatever the batch size (DataLoader hands it whole batches).
 */
import { and, asc, desc, eq, gt, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db, type PageWindow } from '@tiaokuai/platform';
import { type Day } from '@tiaokuai/leadership';
import { links, unitFacts, units } from '../db/schema';
import type { Edge } from '../domain/detectors';
import { CODE_RE } from '../interchange/validate';
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

/**
 * Units by code, in one statement whatever the number of codes: they travel as ONE text[]
 * parameter (PostgreSQL's protocol carries at most 65,535 parameters, and PGlite binds
 * thousands of separate ones slowly: 4.6 s against 0.2 s for 70,000 codes). A string that is
 * no valid code (CODE_RE, checked on every write) names no unit and is left out; it could
 * also break the statement (PostgreSQL refuses a NUL character in a parameter). Valid codes
 * hold no quote, backslash, comma or brace, so the array literal needs no escaping; each is
 * quoted so that a unit coded `NULL` stays a code.
 */
export async function unitsByCodes(db: Db, codes: readonly string[]): Promise<UnitRecord[]> {
  const list = [...new Set(codes)].filter((c) => typeof c === 'string' && CODE_RE.test(c));
  if (list.length === 0) return [];
  const array = `{${list.map((c) => `"${c}"`).join(',')}}`;
  return (await db.select().from(units).where(sql`${units.code} = any(${array}::text[])`)).map(toUnit);
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

/** A column of a bulk read: `text` columns may hold any character, the others never a tab or newline. */
type Col = [name: string, type: 'int' | 'enum' | 'date' | 'text'];

/**
 * One table as ONE text value built by the server, a line per row and a tab between fields
 * (an empty field is NULL; free text travels as a JSON string literal, so a tab or newline
 * inside it cannot break the framing). Row-by-row decoding of 100,000 rows costs seconds on
 * PGlite, and `json_agg(json_build_array(...))` costs the server twice this (benchmarked on
 * the 20,000-unit province: 70 ms against 160 ms for the links).
 */
async function bulk(db: Db, table: string, cols: Col[]): Promise<Array<Array<string | null>>> {
  const fields = cols.map(([name, type]) =>
    type === 'text' ? `coalesce(to_json(${name})::text, '')` : `coalesce(${name}::text, '')`);
  const [row] = await rowsOf<{ t: string | null }>(db, sql.raw(`select string_agg(concat_ws(E'\\t', ${fields.join(', ')}), E'\\n') as t from ${table}`));
  if (!row?.t) return [];
  const texts = cols.map(([, type]) => type === 'text');
  return row.t.split('\n').map((line) => line.split('\t').map((v, i) => (v === '' ? null : texts[i] ? (JSON.parse(v) as string) : v)));
}

/**
 * The whole organisation: three statements (concurrent on PostgreSQL's pool), evaluated in
 * memory by the callers (anomaly scans, shared units, export). No order: callers sort.
 */
export async function loadAll(db: Db): Promise<{ units: UnitRecord[]; facts: StoredFactVersion[]; links: LinkRecord[] }> {
  const [u, f, l] = await Promise.all([
    bulk(db, 'org.units', [['id', 'int'], ['code', 'text'], ['name', 'text'], ['kind', 'enum'], ['level', 'enum'], ['region', 'text'], ['valid_from', 'date'], ['valid_to', 'date']]),
    bulk(db, 'org.unit_facts', [['id', 'int'], ['unit_id', 'int'], ['valid_from', 'date'], ['valid_to', 'date'], ['party_relation_mode', 'enum'], ['business_mode', 'enum'], ['competent_department_id', 'int'], ['locality_id', 'int']]),
    bulk(db, 'org.links', [['id', 'int'], ['from_id', 'int'], ['to_id', 'int'], ['kind', 'enum'], ['flavour', 'enum'], ['valid_from', 'date'], ['valid_to', 'date'], ['basis', 'text']]),
  ]);
  return {
    units: u.map(([id, code, name, kind, level, region, validFrom, validTo]) => ({
      id: id!, code: code!, name: name!, kind: kind as UnitKind, level: level as UnitLevel, region: region!, validFrom: validFrom!, validTo,
    })),
    facts: f.map(([id, unitId, validFrom, validTo, partyRelationMode, businessMode, dept, locality]) => ({
      id: id!, unitId: unitId!, validFrom: validFrom!, validTo,
      partyRelationMode: partyRelationMode as FactVersion['partyRelationMode'], businessMode: businessMode as FactVersion['businessMode'],
      competentDepartmentId: dept, localityId: locality,
    })).sort((a, b) => Number(a.unitId) - Number(b.unitId) || (a.validFrom < b.validFrom ? -1 : 1)),
    links: l.map(([id, fromId, toId, kind, flavour, validFrom, validTo, basis]) => ({
      id: id!, fromId: fromId!, toId: toId!, kind: kind as LinkKind, flavour: flavour as LinkRecord['flavour'], validFrom: validFrom!, validTo, basis,
    })).sort((a, b) => Number(a.id) - Number(b.id)),
  };
}

/**
 * The superiors of `up.id` valid on some day of [from, to] (one day for from = to), as a
 * lateral subquery `e(sup)`: the same edges as the pure `superiorEdges` (declared
 * LEADERSHIP/GUIDANCE/AFFILIATION links, and the locality / competent department of the fact
 * versions). `from`/`to` are checked days.
 */
function superiorsOfUp(from: Day, to: Day): SQL {
  const during = (t: string) => `${t}.valid_from <= '${to}'::date and (${t}.valid_to is null or ${t}.valid_to >= '${from}'::date)`;
  return sql.raw(`cross join lateral (
      select l.from_id as sup from org.links l where l.to_id = up.id and l.kind <> 'BUSINESS' and ${during('l')}
      union all select f.locality_id from org.unit_facts f where f.unit_id = up.id and f.locality_id is not null and ${during('f')}
      union all select f.competent_department_id from org.unit_facts f where f.unit_id = up.id and f.competent_department_id is not null and ${during('f')}
    ) e`);
}

/**
 * `up(id)`: the given units and every unit above them over [from, to], walked upwards in one
 * recursive CTE. UNION (not ALL) stops the walk when it meets a unit twice, so a cycle terminates.
 */
const walkUp = (list: number[], from: Day, to: Day): SQL => sql`with recursive up(id) as (
      select unnest(${sql.raw(`array[${list.join(',')}]::int[]`)})
      union
      select e.sup from up ${superiorsOfUp(from, to)}
    )`;

/** Every superior edge above the given units on `asOf`, in one recursive statement. */
export async function ancestorEdges(db: Db, ids: readonly string[], asOf: Day): Promise<Edge[]> {
  const list = ints(ids);
  if (list.length === 0) return [];
  const rows = await rowsOf<{ sup: number; sub: number }>(db, sql`${walkUp(list, asOf, asOf)}
    select e.sup, up.id as sub from up ${superiorsOfUp(asOf, asOf)}`);
  return rows.map((r) => ({ superiorId: String(r.sup), subordinateId: String(r.sub) }));
}

/**
 * The given units and every unit that may stand above them on some day of [from, to], in one
 * recursive statement: a superset of the bodies the rules can name (they name no one else), so
 * a caller can load everything `leadershipTimeline(units:)` needs at once instead of level by level.
 */
export async function unitsAboveOver(db: Db, ids: readonly string[], from: Day, to: Day): Promise<string[]> {
  const list = ints(ids);
  if (list.length === 0) return [];
  const rows = await rowsOf<{ id: number }>(db, sql`${walkUp(list, from, to)} select id from up`);
  return rows.map((r) => String(r.id));
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

/**
 * A page of units by key (id, ascending): at most `w.size + 1` rows strictly between the
 * cursors, in the direction asked (ascending for `first`, descending for `last`), as
 * `connectionFromRows` takes them; one statement for the page, one for the count. Stable
 * under inserts. `after`/`before` are ids.
 */
export async function listUnits(db: Db, filter: UnitFilter, w: PageWindow): Promise<{ rows: UnitRecord[]; total: number }> {
  const where: SQL[] = [];
  if (filter.kinds?.length) where.push(inArray(units.kind, filter.kinds));
  if (filter.levels?.length) where.push(inArray(units.level, filter.levels));
  if (filter.region) where.push(sql`${units.region} like ${filter.region.replace(/0+$/, '') + '%'}`);
  if (filter.ids) where.push(filter.ids.length ? inArray(units.id, ints(filter.ids)) : sql`false`);
  if (filter.existingOn) where.push(sql`${units.validFrom} <= ${filter.existingOn} and (${units.validTo} is null or ${units.validTo} >= ${filter.existingOn})`);
  if (filter.search) where.push(sql`(${units.name} ilike ${'%' + filter.search + '%'} or ${units.code} ilike ${'%' + filter.search + '%'})`);
  const base = where.length ? and(...where) : undefined;
  const keys: SQL[] = [];
  if (w.after !== null) keys.push(gt(units.id, Number(w.after)));
  if (w.before !== null) keys.push(lt(units.id, Number(w.before)));
  const rows = await db.select().from(units)
    .where(keys.length ? and(base, ...keys) : base)
    .orderBy(w.fromEnd ? desc(units.id) : asc(units.id)).limit(w.size + 1);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(units).where(base);
  return { rows: rows.map(toUnit), total: Number(n) };
}

export type LinkKindFilter = LinkKind[] | undefined;
