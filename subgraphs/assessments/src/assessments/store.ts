/**
 * Reading the assessments schema: records as the services and resolvers use them (ids as
 * strings, days as 'YYYY-MM-DD'). Every read here is one statement for any number of ids.
 */
import { rowsOf, type Db } from '@tiaokuai/platform';
import { sql } from 'drizzle-orm';
import type { Combination, EvaluatorGroup, GradeBand, Indicator, Scheme } from '../domain/scheme';
import type { ScoreResult, Submission } from '../domain/scoring';

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

/** What `definition` holds (the rest of a Scheme is in columns). */
export interface SchemeDefinition {
  indicators: Indicator[];
  evaluatorGroups: EvaluatorGroup[];
  gradeBands: GradeBand[];
  combination: Combination;
  opinionWeight: number;
}

export type SubmissionRole = 'GRADING' | 'OPINION';

export interface SubmissionRecord {
  id: string;
  schemeId: string;
  unitId: string;
  assessorId: string;
  role: SubmissionRole;
  assessedOn: string;
  input: Submission;
  result: ScoreResult;
  note: string | null;
  version: number;
  submittedBy: string;
  submittedFor: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface RevisionRecord {
  submissionId: string;
  version: number;
  role: SubmissionRole;
  assessedOn: string;
  input: Submission;
  result: ScoreResult;
  note: string | null;
  bySubject: string;
  byBody: string | null;
  at: Date;
}

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

/** Ids as an int[] literal; anything that is not an int4 id (too large, not a number) is simply unknown. */
const idList = (ids: readonly string[]) => `{${ids.map(Number).filter((n) => Number.isInteger(n) && n > 0 && n <= 2_147_483_647).join(',')}}`;
/** An id the tables could hold (int4). */
export const isId = (id: string) => /^\d{1,10}$/.test(id) && Number(id) > 0 && Number(id) <= 2_147_483_647;
const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export function toScheme(r: Record<string, any>, issuerCode = ''): SchemeRecord {
  const d = json<SchemeDefinition>(r.definition);
  return {
    id: String(r.id), issuerId: String(r.issuer_id), key: r.key ?? null, year: Number(r.year), name: r.name,
    scheme: { issuer: issuerCode, key: r.key ?? null, year: Number(r.year), name: r.name, ...d, opinionWeight: d.opinionWeight ?? 0 },
    createdBy: r.created_by, createdAt: new Date(r.created_at),
  };
}

export function toSubmission(r: Record<string, any>): SubmissionRecord {
  return {
    id: String(r.id), schemeId: String(r.scheme_id), unitId: String(r.unit_id), assessorId: String(r.assessor_id), role: r.role,
    assessedOn: day(r.assessed_on), input: json(r.input), result: json(r.result), note: r.note ?? null, version: Number(r.version),
    submittedBy: r.submitted_by, submittedFor: r.submitted_for ?? null, createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at),
  };
}

export function toInspection(r: Record<string, any>): InspectionRecord {
  return {
    id: String(r.id), inspectorId: String(r.inspector_id), unitId: String(r.unit_id), key: r.key ?? null, title: r.title,
    startsOn: day(r.starts_on), endsOn: day(r.ends_on), schemeId: r.scheme_id == null ? null : String(r.scheme_id),
    indicators: json(r.indicators), jointId: r.joint_id == null ? null : String(r.joint_id), createdBy: r.created_by,
  };
}

export function toJoint(r: Record<string, any>): JointInspectionRecord {
  return {
    id: String(r.id), unitId: String(r.unit_id), leadId: String(r.lead_id), bodyIds: (r.bodies as number[]).map(String),
    startsOn: day(r.starts_on), endsOn: day(r.ends_on), indicators: json(r.indicators), note: r.note ?? null,
    acceptedBy: r.accepted_by, acceptedFor: r.accepted_for ?? null, acceptedAt: new Date(r.accepted_at),
  };
}

export const schemesByIds = async (db: Db, ids: readonly string[]) =>
  (await rowsOf<Record<string, any>>(db, sql`select * from assessments.schemes where id = any(${idList(ids)}::int[])`)).map((r) => toScheme(r));

export const submissionsByIds = async (db: Db, ids: readonly string[]) =>
  (await rowsOf<Record<string, any>>(db, sql`select * from assessments.submissions where id = any(${idList(ids)}::int[])`)).map(toSubmission);

export const revisionsOf = async (db: Db, ids: readonly string[]): Promise<RevisionRecord[]> =>
  (await rowsOf<Record<string, any>>(db, sql`select * from assessments.submission_revisions where submission_id = any(${idList(ids)}::int[]) order by submission_id, version`))
    .map((r) => ({
      submissionId: String(r.submission_id), version: Number(r.version), role: r.role, assessedOn: day(r.assessed_on), input: json(r.input),
      result: json(r.result), note: r.note ?? null, bySubject: r.by_subject, byBody: r.by_body ?? null, at: new Date(r.at),
    }));

export const inspectionsByIds = async (db: Db, ids: readonly string[]) =>
  (await rowsOf<Record<string, any>>(db, sql`select * from assessments.inspections where id = any(${idList(ids)}::int[])`)).map(toInspection);

export const jointsByIds = async (db: Db, ids: readonly string[]) =>
  (await rowsOf<Record<string, any>>(db, sql`select * from assessments.joint_inspections where id = any(${idList(ids)}::int[])`)).map(toJoint);

/** Every submission under one scheme (ranking reads them all: one statement, the scores only). */
export const submissionsOfScheme = async (db: Db, schemeId: string) =>
  (await rowsOf<Record<string, any>>(db, sql`select * from assessments.submissions where scheme_id = ${Number(schemeId)} order by id`)).map(toSubmission);

/**
 * What the findings of `unitIds` in `year` need: the submissions under that year's schemes
 * (with the scheme year: a grading may be made early the next year), the inspections and
 * accepted joint inspections beginning in the year.
 */
export async function yearOfUnits(db: Db, unitIds: readonly string[], year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const units = idList(unitIds);
  const [subs, insp, joints] = await Promise.all([
    rowsOf<Record<string, any>>(db, sql`select s.* from assessments.submissions s join assessments.schemes c on c.id = s.scheme_id
      where s.unit_id = any(${units}::int[]) and c.year = ${year}`),
    rowsOf<Record<string, any>>(db, sql`select * from assessments.inspections where unit_id = any(${units}::int[]) and starts_on between ${from} and ${to}`),
    rowsOf<Record<string, any>>(db, sql`select * from assessments.joint_inspections where unit_id = any(${units}::int[]) and starts_on between ${from} and ${to}`),
  ]);
  return { submissions: subs.map(toSubmission), inspections: insp.map(toInspection), joints: joints.map(toJoint) };
}

/** Submissions of units under schemes of `year` (a unit's assessments). */
export const submissionsOfUnits = async (db: Db, unitIds: readonly string[], year: number) =>
  (await rowsOf<Record<string, any>>(db, sql`select s.* from assessments.submissions s join assessments.schemes c on c.id = s.scheme_id
    where s.unit_id = any(${idList(unitIds)}::int[]) and c.year = ${year} order by s.scheme_id, s.id`)).map(toSubmission);

/** Inspections of a unit beginning in `year`, by start. */
export const inspectionsOfUnit = async (db: Db, unitId: string, year: number) =>
  (await rowsOf<Record<string, any>>(db, sql`select * from assessments.inspections where unit_id = ${Number(unitId)}
    and starts_on between ${`${year}-01-01`} and ${`${year}-12-31`} order by starts_on, id`)).map(toInspection);
