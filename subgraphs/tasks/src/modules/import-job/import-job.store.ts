/**
 * SQL for import jobs (migration 0006): the job rows and the chunks of their files.
 */
import { rowsOf, type Db, type Identity } from '@tiaokuai/platform';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { importChunks, importJobs } from '../../db/schema';

export type ImportJobState = 'RECEIVING' | 'CHECKING' | 'COMMITTING' | 'DONE' | 'FAILED';

export interface ImportJobRow {
  id: string;
  kind: string;
  state: ImportJobState;
  dryRun: boolean;
  creator: Identity;
  total: number;
  received: number;
  receivedBytes: number;
  records: number | null;
  processed: number;
  problems: Array<{ path: string; message: string }>;
  report: Record<string, unknown> | null;
  startedAt: Date;
  finishedAt: Date | null;
}

const toJob = (r: typeof importJobs.$inferSelect): ImportJobRow => ({
  id: r.id,
  kind: r.kind,
  state: r.state as ImportJobState,
  dryRun: r.dryRun,
  creator: r.creator as Identity,
  total: r.total,
  received: r.received,
  receivedBytes: Number(r.receivedBytes),
  records: r.records,
  processed: r.processed,
  problems: r.problems as ImportJobRow['problems'],
  report: r.report as ImportJobRow['report'],
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
});

export async function insertJob(
  db: Db,
  job: { id: string; kind: string; dryRun: boolean; creator: Identity; total: number },
): Promise<ImportJobRow> {
  const [r] = await db
    .insert(importJobs)
    .values({
      id: job.id,
      kind: job.kind,
      state: 'RECEIVING',
      dryRun: job.dryRun,
      creator: job.creator,
      creatorSubject: job.creator.subject,
      total: job.total,
    })
    .returning();
  return toJob(r);
}

export async function jobById(db: Db, id: string): Promise<ImportJobRow | null> {
  const [r] = await db.select().from(importJobs).where(eq(importJobs.id, id));
  return r ? toJob(r) : null;
}

/** The text of chunk `seq` of a job, if taken. */
export async function chunkText(db: Db, jobId: string, seq: number): Promise<string | null> {
  const [r] = await db
    .select({ text: importChunks.text })
    .from(importChunks)
    .where(and(eq(importChunks.jobId, jobId), eq(importChunks.seq, seq)));
  return r?.text ?? null;
}

/**
 * Takes chunk `seq` if it is the next one the job expects (`received` = seq): the chunk stored and `received`
 * advanced in one statement each, in the caller's transaction. Null when another request took it first.
 */
export async function takeChunk(db: Db, jobId: string, seq: number, text: string): Promise<ImportJobRow | null> {
  const inserted = await db
    .insert(importChunks)
    .values({ jobId, seq, text })
    .onConflictDoNothing()
    .returning({ seq: importChunks.seq });
  if (inserted.length === 0) return null;
  const [r] = await db
    .update(importJobs)
    .set({
      received: sql`${importJobs.received} + 1`,
      receivedBytes: sql`${importJobs.receivedBytes} + ${Buffer.byteLength(text, 'utf8')}`,
    })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.received, seq), eq(importJobs.state, 'RECEIVING')))
    .returning();
  return r ? toJob(r) : null;
}

/** The chunks' texts in order, one at a time (a file is held once, as the parse needs it, never twice in rows). */
export async function* chunksOf(db: Db, jobId: string, total: number): AsyncGenerator<string> {
  for (let seq = 0; seq < total; seq++) {
    const text = await chunkText(db, jobId, seq);
    if (text === null) throw new Error(`import job ${jobId}: chunk ${seq} missing`);
    yield text;
  }
}

export async function deleteChunks(db: Db, jobId: string): Promise<void> {
  await db.delete(importChunks).where(eq(importChunks.jobId, jobId));
}

/** Moves a job from one of `from` to `state`, with the fields given; null when it was in none of them. */
export async function moveJob(
  db: Db,
  id: string,
  from: ImportJobState[],
  state: ImportJobState,
  fields: Partial<{
    records: number;
    processed: number;
    problems: ImportJobRow['problems'];
    report: Record<string, unknown>;
    runner: string;
    finished: boolean;
  }> = {},
): Promise<ImportJobRow | null> {
  const { finished, ...rest } = fields;
  const [r] = await db
    .update(importJobs)
    .set({ state, ...rest, ...(finished ? { finishedAt: sql`now()` } : {}) })
    .where(and(eq(importJobs.id, id), inArray(importJobs.state, from)))
    .returning();
  return r ? toJob(r) : null;
}

/** The tasks a committing job has written so far (never lowered; a job that ended is left alone). */
export async function saveProgress(db: Db, id: string, processed: number): Promise<void> {
  await db
    .update(importJobs)
    .set({ processed: sql`greatest(${importJobs.processed}, ${processed})` })
    .where(and(eq(importJobs.id, id), eq(importJobs.state, 'COMMITTING')));
}

/**
 * Jobs a process was checking or committing when it stopped: FAILED (their commit is one transaction, so nothing
 * of them was written), their chunks dropped. Jobs still RECEIVING are kept: their upload resumes.
 */
export async function failInterruptedJobs(db: Db, message: string): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`update tasks.import_jobs set state = 'FAILED', finished_at = now(),
          problems = jsonb_build_array(jsonb_build_object('path', '$', 'message', ${message}::text))
        where state in ('CHECKING', 'COMMITTING') returning id`,
  );
  if (rows.length)
    await db.delete(importChunks).where(
      inArray(
        importChunks.jobId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => r.id);
}
