/** Every statement on assessments.submissions and submission_revisions (ARCHITECTURE.md "Assessments"). */
import { rowsOf, type Db } from '@tiaokuai/platform';
import { sql } from 'drizzle-orm';
import { submissionRevisions, submissions } from '../../db/schema';
import type { ScoreResult, Submission } from '../../domain/scoring';
import { day, idList, json, type Row } from '../shared/rows';

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

export function toSubmission(r: Row): SubmissionRecord {
  return {
    id: String(r.id),
    schemeId: String(r.scheme_id),
    unitId: String(r.unit_id),
    assessorId: String(r.assessor_id),
    role: r.role,
    assessedOn: day(r.assessed_on),
    input: json(r.input),
    result: json(r.result),
    note: r.note ?? null,
    version: Number(r.version),
    submittedBy: r.submitted_by,
    submittedFor: r.submitted_for ?? null,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

/** drizzle's returned row (camelCase) as a record. */
function fromRow(r: typeof submissions.$inferSelect): SubmissionRecord {
  return toSubmission({
    id: r.id,
    scheme_id: r.schemeId,
    unit_id: r.unitId,
    assessor_id: r.assessorId,
    role: r.role,
    assessed_on: r.assessedOn,
    input: r.input,
    result: r.result,
    note: r.note,
    version: r.version,
    submitted_by: r.submittedBy,
    submitted_for: r.submittedFor,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  });
}

export const submissionsByIds = async (db: Db, ids: readonly string[]): Promise<SubmissionRecord[]> =>
  (await rowsOf<Row>(db, sql`select * from assessments.submissions where id = any(${idList(ids)}::int[])`)).map(
    toSubmission,
  );

export const revisionsOf = async (db: Db, ids: readonly string[]): Promise<RevisionRecord[]> =>
  (
    await rowsOf<Row>(
      db,
      sql`select * from assessments.submission_revisions
    where submission_id = any(${idList(ids)}::int[]) order by submission_id, version`,
    )
  ).map((r) => ({
    submissionId: String(r.submission_id),
    version: Number(r.version),
    role: r.role,
    assessedOn: day(r.assessed_on),
    input: json(r.input),
    result: json(r.result),
    note: r.note ?? null,
    bySubject: r.by_subject,
    byBody: r.by_body ?? null,
    at: new Date(r.at),
  }));

/** Every submission under one scheme (ranking reads them all: one statement, the scores only). */
export const submissionsOfScheme = async (db: Db, schemeId: string): Promise<SubmissionRecord[]> =>
  (
    await rowsOf<Row>(db, sql`select * from assessments.submissions where scheme_id = ${Number(schemeId)} order by id`)
  ).map(toSubmission);

/** Submissions of units under schemes of `year` (a unit's assessments). */
export const submissionsOfUnits = async (
  db: Db,
  unitIds: readonly string[],
  year: number,
): Promise<SubmissionRecord[]> =>
  (
    await rowsOf<Row>(
      db,
      sql`select s.* from assessments.submissions s join assessments.schemes c on c.id = s.scheme_id
    where s.unit_id = any(${idList(unitIds)}::int[]) and c.year = ${year} order by s.scheme_id, s.id`,
    )
  ).map(toSubmission);

/** The one submission of `assessorId` about `unitId` under `schemeId`, if any. */
export const submissionOf = async (
  db: Db,
  schemeId: string,
  unitId: string,
  assessorId: string,
): Promise<SubmissionRecord | null> => {
  const [r] = await rowsOf<Row>(
    db,
    sql`select * from assessments.submissions
    where scheme_id = ${Number(schemeId)} and unit_id = ${Number(unitId)} and assessor_id = ${Number(assessorId)}`,
  );
  return r ? toSubmission(r) : null;
};

/** The grading of `unitId` under `schemeId` other than `self` (migration 0002: one per scheme and unit), if any. */
export const otherGrading = async (db: Db, schemeId: string, unitId: string, self: string | null) => {
  const [r] = await rowsOf<Row>(
    db,
    sql`select id, assessor_id, version from assessments.submissions
    where scheme_id = ${Number(schemeId)} and unit_id = ${Number(unitId)} and role = 'GRADING'
    ${self ? sql`and id <> ${Number(self)}` : sql``}`,
  );
  return r ? { id: String(r.id), assessorId: String(r.assessor_id), version: Number(r.version) } : null;
};

/** What a version of a submission holds (the submission's columns and its revision's). */
export interface SubmissionVersion {
  role: SubmissionRole;
  assessedOn: string;
  input: Submission;
  result: ScoreResult;
  note: string | null;
}

/** Who writes a version (the revision's columns). */
export interface Writer {
  subject: string;
  body: string | null;
  requestId?: string | null;
}

const columns = (v: SubmissionVersion) => ({
  role: v.role,
  assessedOn: v.assessedOn,
  input: v.input,
  result: v.result,
  partyScore: v.result.partyScore,
  businessScore: v.result.businessScore,
  finalScore: v.result.finalScore,
  grade: v.result.grade,
  note: v.note,
});

/** Inserts a submission (version 1), in `tx`. */
export async function insertSubmission(
  tx: Db,
  ids: { schemeId: string; unitId: string; assessorId: string },
  v: SubmissionVersion,
  by: Writer,
): Promise<SubmissionRecord> {
  const [row] = await tx
    .insert(submissions)
    .values({
      schemeId: Number(ids.schemeId),
      unitId: Number(ids.unitId),
      assessorId: Number(ids.assessorId),
      ...columns(v),
      submittedBy: by.subject,
      submittedFor: by.body,
    })
    .returning();
  return fromRow(row);
}

/**
 * Writes the next version of submission `id` if it is still at `version`, in `tx`: null when it is not (no row
 * changed).
 */
export async function updateSubmission(
  tx: Db,
  id: string,
  version: number,
  v: SubmissionVersion,
): Promise<SubmissionRecord | null> {
  const [row] = await tx
    .update(submissions)
    .set({ ...columns(v), version: sql`${submissions.version} + 1`, updatedAt: sql`now()` })
    .where(sql`${submissions.id} = ${Number(id)} and ${submissions.version} = ${version}`)
    .returning();
  return row ? fromRow(row) : null;
}

/** Keeps a version in submission_revisions, in `tx`. */
export async function insertRevision(
  tx: Db,
  s: { id: string; version: number },
  v: SubmissionVersion,
  by: Writer,
): Promise<void> {
  await tx.insert(submissionRevisions).values({
    submissionId: Number(s.id),
    version: s.version,
    role: v.role,
    assessedOn: v.assessedOn,
    input: v.input,
    result: v.result,
    note: v.note,
    bySubject: by.subject,
    byBody: by.body,
    requestId: by.requestId ?? null,
  });
}
