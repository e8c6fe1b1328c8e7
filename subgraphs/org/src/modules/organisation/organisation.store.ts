/**
 * SQL over the whole organisation: every unit, fact version and link at once (the snapshot,
 * timelines and export evaluate them in memory), the walks up the graph from given units, and
 * the organisation's revision that the process's caches are checked against.
 */
import { sql, type SQL } from 'drizzle-orm';
import { revisionOf, rowsOf, type Db } from '@tiaokuai/platform';
import { type Day } from '@tiaokuai/leadership';
import type { Edge } from '../../domain/detectors';
import type { FactVersion, LinkKind, LinkRecord, UnitKind, UnitLevel, UnitRecord } from '../../domain/types';
import { ints } from '../shared/row-ids';
import type { StoredFactVersion } from '../unit/unit.store';

/** org.revision: bumped by every write to units, fact versions and links (migration 0001). */
export const orgRevision = revisionOf('org.revision');

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
    type === 'text' ? `coalesce(to_json(${name})::text, '')` : `coalesce(${name}::text, '')`,
  );
  const [row] = await rowsOf<{ t: string | null }>(
    db,
    sql.raw(`select string_agg(concat_ws(E'\\t', ${fields.join(', ')}), E'\\n') as t from ${table}`),
  );
  if (!row?.t) return [];
  const texts = cols.map(([, type]) => type === 'text');
  return row.t
    .split('\n')
    .map((line) => line.split('\t').map((v, i) => (v === '' ? null : texts[i] ? (JSON.parse(v) as string) : v)));
}

/**
 * The whole organisation: three statements (concurrent on PostgreSQL's pool), evaluated in
 * memory by the callers (anomaly scans, shared units, export). No order: callers sort.
 */
export async function loadAll(
  db: Db,
): Promise<{ units: UnitRecord[]; facts: StoredFactVersion[]; links: LinkRecord[] }> {
  const [u, f, l] = await Promise.all([
    bulk(db, 'org.units', [
      ['id', 'int'],
      ['code', 'text'],
      ['name', 'text'],
      ['kind', 'enum'],
      ['level', 'enum'],
      ['region', 'text'],
      ['valid_from', 'date'],
      ['valid_to', 'date'],
    ]),
    bulk(db, 'org.unit_facts', [
      ['id', 'int'],
      ['unit_id', 'int'],
      ['valid_from', 'date'],
      ['valid_to', 'date'],
      ['party_relation_mode', 'enum'],
      ['business_mode', 'enum'],
      ['competent_department_id', 'int'],
      ['locality_id', 'int'],
    ]),
    bulk(db, 'org.links', [
      ['id', 'int'],
      ['from_id', 'int'],
      ['to_id', 'int'],
      ['kind', 'enum'],
      ['flavour', 'enum'],
      ['valid_from', 'date'],
      ['valid_to', 'date'],
      ['basis', 'text'],
    ]),
  ]);
  return {
    units: u.map(([id, code, name, kind, level, region, validFrom, validTo]) => ({
      id: id!,
      code: code!,
      name: name!,
      kind: kind as UnitKind,
      level: level as UnitLevel,
      region: region!,
      validFrom: validFrom!,
      validTo,
    })),
    facts: f
      .map(([id, unitId, validFrom, validTo, partyRelationMode, businessMode, dept, locality]) => ({
        id: id!,
        unitId: unitId!,
        validFrom: validFrom!,
        validTo,
        partyRelationMode: partyRelationMode as FactVersion['partyRelationMode'],
        businessMode: businessMode as FactVersion['businessMode'],
        competentDepartmentId: dept,
        localityId: locality,
      }))
      .sort((a, b) => Number(a.unitId) - Number(b.unitId) || (a.validFrom < b.validFrom ? -1 : 1)),
    links: l
      .map(([id, fromId, toId, kind, flavour, validFrom, validTo, basis]) => ({
        id: id!,
        fromId: fromId!,
        toId: toId!,
        kind: kind as LinkKind,
        flavour: flavour as LinkRecord['flavour'],
        validFrom: validFrom!,
        validTo,
        basis,
      }))
      .sort((a, b) => Number(a.id) - Number(b.id)),
  };
}

/**
 * The superiors of `up.id` valid on some day of [from, to] (one day for from = to), as a
 * lateral subquery `e(sup)`: the same edges as the pure `superiorEdges` (declared
 * LEADERSHIP/GUIDANCE/AFFILIATION links, and the locality / competent department of the fact
 * versions). `from`/`to` are checked days.
 */
function superiorsOfUp(from: Day, to: Day): SQL {
  const during = (t: string) =>
    `${t}.valid_from <= '${to}'::date and (${t}.valid_to is null or ${t}.valid_to >= '${from}'::date)`;
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
  const rows = await rowsOf<{ sup: number; sub: number }>(
    db,
    sql`${walkUp(list, asOf, asOf)}
    select e.sup, up.id as sub from up ${superiorsOfUp(asOf, asOf)}`,
  );
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
