import { date, doublePrecision, integer, jsonb, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The assessments subgraph owns this PostgreSQL schema; no other service reads it. Units are the
 * org subgraph's: `issuer_id`, `unit_id`, `assessor_id`, `inspector_id` hold org unit ids and
 * nothing else about them; who leads whom is asked of org when a question needs it.
 * (The SQL migrations in ../migrations are the source; this mirrors them for typed queries.)
 */
export const assessmentsSchema = pgSchema('assessments');

export const submissionRole = assessmentsSchema.enum('submission_role', ['GRADING', 'OPINION']);

/** 考核方案: `definition` holds the validated indicators, evaluator groups, bands and 双百分 rule. */
export const schemes = assessmentsSchema.table('schemes', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  issuerId: integer('issuer_id').notNull(),
  key: text('key'),
  year: integer('year').notNull(),
  name: text('name').notNull(),
  definition: jsonb('definition').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 基层一次迎检: several bodies' inspections of one unit, merged into one visit (accepted, kept). */
export const jointInspections = assessmentsSchema.table('joint_inspections', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  unitId: integer('unit_id').notNull(),
  leadId: integer('lead_id').notNull(),
  bodies: integer('bodies').array().notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  indicators: jsonb('indicators').notNull(),
  note: text('note'),
  acceptedBy: text('accepted_by').notNull(),
  acceptedFor: text('accepted_for'),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One body's inspection (检查) of one unit over a window; `joint_id` once merged. */
export const inspections = assessmentsSchema.table('inspections', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  inspectorId: integer('inspector_id').notNull(),
  unitId: integer('unit_id').notNull(),
  key: text('key'),
  title: text('title').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  schemeId: integer('scheme_id'),
  indicators: jsonb('indicators').notNull(),
  jointId: integer('joint_id'),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One body's assessment of one unit under a scheme (one per scheme, unit and assessor; corrected
 * in place with a version, every version kept in submission_revisions). `role` was decided by
 * org's answer on `assessed_on`: GRADING (the body led the unit) or OPINION (it guided it).
 */
export const submissions = assessmentsSchema.table('submissions', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  schemeId: integer('scheme_id').notNull(),
  unitId: integer('unit_id').notNull(),
  assessorId: integer('assessor_id').notNull(),
  role: submissionRole('role').notNull(),
  assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
  input: jsonb('input').notNull(),
  result: jsonb('result').notNull(),
  partyScore: doublePrecision('party_score').notNull(),
  businessScore: doublePrecision('business_score').notNull(),
  finalScore: doublePrecision('final_score'),
  grade: text('grade').notNull(),
  note: text('note'),
  version: integer('version').notNull().default(1),
  submittedBy: text('submitted_by').notNull(),
  submittedFor: text('submitted_for'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const submissionRevisions = assessmentsSchema.table('submission_revisions', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  submissionId: integer('submission_id').notNull(),
  version: integer('version').notNull(),
  role: submissionRole('role').notNull(),
  assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
  input: jsonb('input').notNull(),
  result: jsonb('result').notNull(),
  note: text('note'),
  bySubject: text('by_subject').notNull(),
  byBody: text('by_body'),
  requestId: text('request_id'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});
