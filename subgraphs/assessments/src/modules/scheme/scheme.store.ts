/** Every statement on assessments.schemes (DOMAIN.md "Assessments (考核评价)"). */
import { rowsOf, type Db } from '@tiaokuai/platform';
import { sql } from 'drizzle-orm';
import { schemes } from '../../db/schema';
import type { SchemeDefinition } from '../../domain/scheme/definition';
import type { Scheme } from '../../domain/scheme/scheme';
import { idList, json, type Row } from '../shared/rows';

export interface SchemeRecord {
  id: string;
  issuerId: string;
  key: string | null;
  year: number;
  name: string;
  scheme: Scheme;
  createdBy: string;
  createdAt: Date;
}

/** A scheme row as stored (snake_case columns, the definition as the driver gives it). */
export type SchemeRow = Row & { id: unknown; year: unknown; name: unknown; definition: unknown };

export function toScheme(r: Row, issuerCode = ''): SchemeRecord {
  const d = json<SchemeDefinition>(r.definition);
  return {
    id: String(r.id),
    issuerId: String(r.issuer_id),
    key: r.key ?? null,
    year: Number(r.year),
    name: r.name,
    scheme: {
      issuer: issuerCode,
      key: r.key ?? null,
      year: Number(r.year),
      name: r.name,
      ...d,
      opinionWeight: d.opinionWeight ?? 0,
    },
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
  };
}

export const schemesByIds = async (db: Db, ids: readonly string[]): Promise<SchemeRecord[]> =>
  (await rowsOf<Row>(db, sql`select * from assessments.schemes where id = any(${idList(ids)}::int[])`)).map((r) =>
    toScheme(r),
  );

/** The issuer's scheme under `key`, as stored (its definition as the row holds it). */
export const schemeRowByKey = async (db: Db, issuerId: string, key: string): Promise<SchemeRow | undefined> =>
  (
    await rowsOf<SchemeRow>(
      db,
      sql`select * from assessments.schemes where issuer_id = ${Number(issuerId)} and key = ${key}`,
    )
  )[0];

/** Schemes of `issuerId` and of `year` (each when given): newest year first, then by id. */
export const schemesWhere = async (
  db: Db,
  issuerId: string | null,
  year: number | null | undefined,
): Promise<SchemeRecord[]> =>
  (
    await rowsOf<Row>(
      db,
      sql`select * from assessments.schemes where true
    ${issuerId ? sql`and issuer_id = ${Number(issuerId)}` : sql``} ${year != null ? sql`and year = ${year}` : sql``}
    order by year desc, id`,
    )
  ).map((r) => toScheme(r));

/** Every scheme with a key, as stored (an import identifies schemes by issuer and key). */
export const keyedSchemeRows = (db: Db): Promise<SchemeRow[]> =>
  rowsOf<SchemeRow>(db, sql`select * from assessments.schemes where key is not null`);

/** Every scheme, of `year` when given (an export). */
export const schemesOfYear = async (db: Db, year: number | null): Promise<SchemeRecord[]> =>
  (
    await rowsOf<Row>(db, sql`select * from assessments.schemes ${year != null ? sql`where year = ${year}` : sql``}`)
  ).map((r) => toScheme(r));

export interface NewScheme {
  issuerId: string;
  key: string | null;
  year: number;
  name: string;
  definition: SchemeDefinition;
  createdBy: string;
}

/** Inserts a scheme (in `tx`, the caller's transaction); `issuerCode` fills the record's scheme. */
export async function insertScheme(tx: Db, s: NewScheme, issuerCode = ''): Promise<SchemeRecord> {
  const [row] = await tx
    .insert(schemes)
    .values({ ...s, issuerId: Number(s.issuerId) })
    .returning();
  return toScheme(
    { ...row, issuer_id: row.issuerId, created_by: row.createdBy, created_at: row.createdAt },
    issuerCode,
  );
}
