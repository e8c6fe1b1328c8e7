/** Every statement on assessments.inspections and joint_inspections (多头检查 → 基层一次迎检; DOMAIN.md "Assessments (考核评价)"). */
import { rowsOf, type Db } from '@tiaokuai/platform';
import { sql } from 'drizzle-orm';
import { inspections, jointInspections } from '../../db/schema';
import { day, idList, json, type Row } from '../shared/rows';

export interface InspectionRecord {
  id: string;
  inspectorId: string;
  unitId: string;
  key: string | null;
  title: string;
  startsOn: string;
  endsOn: string;
  schemeId: string | null;
  indicators: Array<{ code: string; name: string }>;
  jointId: string | null;
  createdBy: string;
}

export interface JointInspectionRecord {
  id: string;
  unitId: string;
  leadId: string;
  bodyIds: string[];
  startsOn: string;
  endsOn: string;
  indicators: Array<{ code: string; name: string; bodyIds: string[] }>;
  note: string | null;
  acceptedBy: string;
  acceptedFor: string | null;
  acceptedAt: Date;
}

export function toInspection(r: Row): InspectionRecord {
  return {
    id: String(r.id),
    inspectorId: String(r.inspector_id),
    unitId: String(r.unit_id),
    key: r.key ?? null,
    title: r.title,
    startsOn: day(r.starts_on),
    endsOn: day(r.ends_on),
    schemeId: r.scheme_id == null ? null : String(r.scheme_id),
    indicators: json(r.indicators),
    jointId: r.joint_id == null ? null : String(r.joint_id),
    createdBy: r.created_by,
  };
}

export function toJoint(r: Row): JointInspectionRecord {
  return {
    id: String(r.id),
    unitId: String(r.unit_id),
    leadId: String(r.lead_id),
    bodyIds: (r.bodies as number[]).map(String),
    startsOn: day(r.starts_on),
    endsOn: day(r.ends_on),
    indicators: json(r.indicators),
    note: r.note ?? null,
    acceptedBy: r.accepted_by,
    acceptedFor: r.accepted_for ?? null,
    acceptedAt: new Date(r.accepted_at),
  };
}

export const inspectionsByIds = async (db: Db, ids: readonly string[]): Promise<InspectionRecord[]> =>
  (await rowsOf<Row>(db, sql`select * from assessments.inspections where id = any(${idList(ids)}::int[])`)).map(
    toInspection,
  );

export const jointsByIds = async (db: Db, ids: readonly string[]): Promise<JointInspectionRecord[]> =>
  (await rowsOf<Row>(db, sql`select * from assessments.joint_inspections where id = any(${idList(ids)}::int[])`)).map(
    toJoint,
  );

/** Inspections of a unit beginning in `year`, by start. */
export const inspectionsOfUnit = async (db: Db, unitId: string, year: number): Promise<InspectionRecord[]> =>
  (
    await rowsOf<Row>(
      db,
      sql`select * from assessments.inspections where unit_id = ${Number(unitId)}
    and starts_on between ${`${year}-01-01`} and ${`${year}-12-31`} order by starts_on, id`,
    )
  ).map(toInspection);

/** The inspector's inspection of the unit under `key`, if any (in `tx`). */
export const inspectionByKey = async (
  tx: Db,
  inspectorId: string,
  key: string,
  unitId: string,
): Promise<InspectionRecord | null> => {
  const [hit] = await rowsOf<Row>(
    tx,
    sql`select * from assessments.inspections
    where inspector_id = ${Number(inspectorId)} and key = ${key} and unit_id = ${Number(unitId)}`,
  );
  return hit ? toInspection(hit) : null;
};

export interface NewInspection {
  inspectorId: string;
  unitId: string;
  key: string | null;
  title: string;
  startsOn: string;
  endsOn: string;
  schemeId: number | null;
  indicators: Array<{ code: string; name: string }>;
  createdBy: string;
}

export async function insertInspection(tx: Db, i: NewInspection): Promise<InspectionRecord> {
  const [row] = await tx
    .insert(inspections)
    .values({ ...i, inspectorId: Number(i.inspectorId), unitId: Number(i.unitId) })
    .returning();
  return toInspection({
    ...row,
    inspector_id: row.inspectorId,
    unit_id: row.unitId,
    starts_on: row.startsOn,
    ends_on: row.endsOn,
    scheme_id: row.schemeId,
    joint_id: row.jointId,
    created_by: row.createdBy,
  });
}

/** Serializes acceptances of one unit's joint inspection for one quarter (until `tx` ends). */
export async function lockJointQuarter(tx: Db, unitId: string, quarter: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tiaokuai:joint:${unitId}:${quarter}`}))`);
}

/** A joint inspection of the unit beginning in [from, to] that covers every one of `bodyIds`, if any. */
export const jointCovering = async (tx: Db, unitId: string, from: string, to: string, bodyIds: readonly string[]) => {
  const [taken] = await rowsOf<{ id: number }>(
    tx,
    sql`select id from assessments.joint_inspections
    where unit_id = ${Number(unitId)} and starts_on between ${from} and ${to} and bodies @> ${`{${bodyIds.join(',')}}`}::int[]`,
  );
  return taken ?? null;
};

/** A joint inspection to store: the record without what the database assigns. */
export type NewJoint = Omit<JointInspectionRecord, 'id' | 'acceptedAt'>;

export async function insertJoint(tx: Db, j: NewJoint): Promise<JointInspectionRecord> {
  const [row] = await tx
    .insert(jointInspections)
    .values({
      unitId: Number(j.unitId),
      leadId: Number(j.leadId),
      bodies: j.bodyIds.map(Number),
      startsOn: j.startsOn,
      endsOn: j.endsOn,
      indicators: j.indicators,
      note: j.note,
      acceptedBy: j.acceptedBy,
      acceptedFor: j.acceptedFor,
    })
    .returning();
  return toJoint({
    ...row,
    unit_id: row.unitId,
    lead_id: row.leadId,
    starts_on: row.startsOn,
    ends_on: row.endsOn,
    accepted_by: row.acceptedBy,
    accepted_for: row.acceptedFor,
    accepted_at: row.acceptedAt,
  });
}

/** Marks the inspections as merged into `jointId`, those not merged yet: the ids marked. */
export async function mergeInspections(
  tx: Db,
  ids: readonly string[],
  jointId: string,
): Promise<Array<{ id: number }>> {
  return tx
    .update(inspections)
    .set({ jointId: Number(jointId) })
    .where(
      sql`${inspections.id} in (${sql.join(
        ids.map((i) => sql`${Number(i)}`),
        sql`, `,
      )}) and ${inspections.jointId} is null`,
    )
    .returning({ id: inspections.id });
}
