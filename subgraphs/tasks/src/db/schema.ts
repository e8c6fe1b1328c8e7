import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  primaryKey,
} from 'drizzle-orm/pg-core';
import { FREQUENCIES, TASK_CATEGORIES } from '../domain/types';

/**
 * The tasks subgraph owns this PostgreSQL schema; no other service reads it. Units are the org
 * subgraph's: `issuer_id` and `unit_id` hold org unit ids and nothing else about them (no
 * names, no links, no authority: those are asked of org when a question needs them).
 */
export const tasksSchema = pgSchema('tasks');

export const taskCategory = tasksSchema.enum('task_category', TASK_CATEGORIES);
export const taskPriority = tasksSchema.enum('task_priority', ['KEY', 'ROUTINE']);
export const frequency = tasksSchema.enum('frequency', FREQUENCIES);
export const assignmentStatus = tasksSchema.enum('assignment_status', [
  'ASSIGNED',
  'IN_PROGRESS',
  'DONE',
  'WITHDRAWN',
  'MERGED',
]);
export const settlementKind = tasksSchema.enum('settlement_kind', ['MERGE', 'WITHDRAW']);

/**
 * 责任清单: routine items every unit of some kinds must carry, per year, quarter or month. An
 * item belongs to a body (`ownerId`, an org unit id) or, with none, to the whole hub; it is known
 * by (owner, code) (migration 0005: unique on coalesce(owner_id, 0), code).
 */
export const requiredItems = tasksSchema.table('required_items', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  /**
   * The issuing body (work committee, party group, organ party committee); null: hub-wide (the regulation's own
   * duties).
   */
  ownerId: integer('owner_id'),
  code: text('code').notNull(),
  name: text('name').notNull(),
  kinds: text('kinds').array().notNull(),
  frequency: frequency('frequency').notNull(),
  description: text('description'),
  /** No longer required from this day on (kept: tasks refer to it). */
  retiredOn: date('retired_on', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const tasks = tasksSchema.table(
  'tasks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    issuerId: integer('issuer_id').notNull(),
    key: text('key'),
    title: text('title').notNull(),
    description: text('description'),
    category: taskCategory('category').notNull(),
    priority: taskPriority('priority').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    deliverable: text('deliverable'),
    requiredItemId: integer('required_item_id').references(() => requiredItems.id),
    binding: boolean('binding').notNull(),
    /** The scope as given (unit code, relation, kinds), for the record; targets are the assignments. */
    scope: jsonb('scope'),
    /** What is measured (指标, e.g. 「主题党日开展次数」) and the target value (目标值) each unit should reach. */
    indicator: text('indicator'),
    target: doublePrecision('target'),
    incompatibleWith: integer('incompatible_with')
      .array()
      .notNull()
      .default(sql`'{}'`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
    requestId: text('request_id'),
  },
  (t) => [
    uniqueIndex('tasks_issuer_key').on(t.issuerId, t.key),
    index('tasks_period_idx').on(t.startsOn, t.dueOn),
    check('tasks_period', sql`${t.dueOn} >= ${t.startsOn}`),
  ],
);

export const assignments = tasksSchema.table(
  'assignments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    unitId: integer('unit_id').notNull(),
    status: assignmentStatus('status').notNull().default('ASSIGNED'),
    progress: smallint('progress').notNull().default(0),
    note: text('note'),
    /** Optimistic concurrency: every change of status or progress bumps it. */
    version: integer('version').notNull().default(1),
    mergedInto: integer('merged_into'),
    /** The indicator's value as last reported, the day it was reported DONE, the day of the last report. */
    value: doublePrecision('value'),
    doneOn: date('done_on', { mode: 'string' }),
    reportedOn: date('reported_on', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [
    uniqueIndex('assignments_task_unit').on(t.taskId, t.unitId),
    index('assignments_unit_idx').on(t.unitId),
    check('assignments_progress', sql`${t.progress} between 0 and 100`),
  ],
);

/** Who made a kept record, for which body, when, in which request (fresh column builders per table). */
const recorded = () => ({
  bySubject: text('by_subject').notNull(),
  byBody: text('by_body'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  requestId: text('request_id'),
});

/** Who settled what, when: merges and withdrawals are recorded, never deleted. */
export const settlements = tasksSchema.table(
  'settlements',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: settlementKind('kind').notNull(),
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => assignments.id),
    keptId: integer('kept_id').references(() => assignments.id),
    note: text('note'),
    ...recorded(),
  },
  (t) => [index('settlements_assignment_idx').on(t.assignmentId)],
);

/** Every progress report as made (the assignment row holds the latest): never updated or deleted. */
export const progressReports = tasksSchema.table(
  'progress_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => assignments.id),
    /** The assignment's version this report produced. */
    version: integer('version').notNull(),
    status: assignmentStatus('status').notNull(),
    progress: smallint('progress').notNull(),
    value: doublePrecision('value'),
    note: text('note'),
    /** The day the report speaks for. */
    on: date('on', { mode: 'string' }).notNull(),
    ...recorded(),
  },
  (t) => [
    index('progress_reports_assignment_idx').on(t.assignmentId),
    uniqueIndex('progress_reports_version').on(t.assignmentId, t.version),
  ],
);

/** Every change of the responsibility list (define, retire, import), with who made it: never updated or deleted. */
export const requiredItemChanges = tasksSchema.table(
  'required_item_changes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer('item_id')
      .notNull()
      .references(() => requiredItems.id),
    /** The item's code when changed (its owner is the item's). */
    code: text('code').notNull(),
    /** DEFINE, RETIRE or IMPORT. */
    operation: text('operation').notNull(),
    /** The item as it stood after the change. */
    item: jsonb('item').notNull(),
    ...recorded(),
  },
  (t) => [index('required_item_changes_code_idx').on(t.code), index('required_item_changes_item_idx').on(t.itemId)],
);

/**
 * An import as a job (migration 0006, modules/import-job): its state and progress, read by importJob(id). `creator`
 * is the identity that started it (the job runs as it); `received` counts the chunks taken, `records` the tasks in
 * the file once parsed, `processed` those checked or written so far.
 */
export const importJobs = tasksSchema.table(
  'import_jobs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    state: text('state').notNull(),
    dryRun: boolean('dry_run').notNull().default(false),
    creator: jsonb('creator').notNull(),
    creatorSubject: text('creator_subject').notNull(),
    total: integer('total').notNull(),
    received: integer('received').notNull().default(0),
    receivedBytes: bigint('received_bytes', { mode: 'number' }).notNull().default(0),
    records: integer('records'),
    processed: integer('processed').notNull().default(0),
    problems: jsonb('problems').notNull().default([]),
    report: jsonb('report'),
    runner: text('runner'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_jobs_creator_idx').on(t.creatorSubject)],
);

/** The chunks of a job's file, kept until the job finishes; (job, seq) taken once. */
export const importChunks = tasksSchema.table(
  'import_chunks',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.seq] })],
);
