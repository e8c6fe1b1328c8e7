/**
 * An import of any size as a job (issue 20 item 9; docs/interchange.md "Imports as jobs").
 *
 * 1. `startImport(kind, chunks, dryRun)` makes the job (RECEIVING) for its creator: an EDITOR or above.
 * 2. `appendImportChunk(jobId, seq, text)` takes the file's text in `chunks` pieces, each under the gateway's body
 *    limit, in order: chunk `seq` is taken when `seq` = `received`; one already taken is taken once (sent again
 *    with the same text it answers the job as it is; with another text, CONFLICT). A client that died asks
 *    `importJob(id)` and goes on from `received`. The chunks are kept in the database, so an upload also resumes
 *    across a restart of the subgraph.
 * 3. With the last chunk the job runs in this process, after the request has answered: the text is parsed
 *    (CHECKING), checked as importTasks checks a file, then written in ONE transaction (COMMITTING) that also moves
 *    the job to DONE, or the job is FAILED with every problem at its path and nothing written. `processed` counts
 *    the file's tasks written so far; the chunks are dropped when the job ends.
 *
 * A job being checked or committed when its process stopped is FAILED at the next start of a tasks process
 * (failInterruptedJobs: nothing of it was written); start it again. Only the job's creator (same subject, same
 * body) and the hub's operator see a job; anyone else is answered NOT_FOUND, as if there were none. Only the creator
 * (same subject, body and role) sends its chunks, so the job runs as its creator: the operator is FORBIDDEN to.
 *
 * Memory: the chunks are read one at a time and joined once for the parse: the process holds the file's text and
 * the parsed document while the job is checked (what importTasks' all-or-nothing check needs), never the rows.
 */
import { randomUUID } from 'node:crypto';
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  requireRole,
  type Db,
  type ImportReport,
} from '@tiaokuai/platform';
import type { TasksContext } from '../../request';
import { importTasks } from '../interchange/interchange.service';
import {
  chunkText,
  chunksOf,
  deleteChunks,
  failInterruptedJobs,
  insertJob,
  jobById,
  moveJob,
  saveProgress,
  takeChunk,
  type ImportJobRow,
} from './import-job.store';

export type { ImportJobRow, ImportJobState } from './import-job.store';

/** What a job may import: the tasks subgraph's sections (requiredItems, tasks). */
export const IMPORT_KINDS = ['TASKS'] as const;
/**
 * Largest chunk, in characters: at most 3 bytes each in UTF-8 (Chinese), 12 MB, under the gateway's 25 MB body
 * limit with the request around it.
 */
export const MAX_CHUNK_CHARS = 4_000_000;
/** Most chunks a job may have (a 40 GB file at the largest chunk size: far beyond a province's year). */
export const MAX_CHUNKS = 10_000;

/** Jobs this process is running, as they stand now (PGlite answers nothing else while a commit holds it). */
const running = new Map<string, ImportJobRow>();
/** The jobs started by this process, settled when each ends (tests wait on them; nothing else needs to). */
const finishing = new Map<string, Promise<void>>();

export const INTERRUPTED =
  '导入中断：处理它的进程已停止，未写入任何内容，请重新导入 (the process stopped; nothing written)';

const isCreator = (ctx: TasksContext, job: ImportJobRow) =>
  job.creator.subject === ctx.identity.subject &&
  job.creator.body === ctx.identity.body &&
  job.creator.role === ctx.identity.role &&
  job.creator.hubAdmin === ctx.identity.hubAdmin;
const sees = (ctx: TasksContext, job: ImportJobRow) =>
  ctx.identity.hubAdmin || (job.creator.subject === ctx.identity.subject && job.creator.body === ctx.identity.body);

/** The job if the caller may see it; NOT_FOUND otherwise (another's job answers as a missing one). */
export async function importJob(ctx: TasksContext, id: string): Promise<ImportJobRow> {
  const job = running.get(id) ?? (isUuid(id) ? await jobById(ctx.db, id) : null);
  if (!job || !sees(ctx, job)) throw new NotFoundError('id', `没有导入作业 ${id} (no such import job)`);
  return job;
}

export async function startImport(
  ctx: TasksContext,
  kind: string,
  chunks: number,
  dryRun: boolean,
): Promise<ImportJobRow> {
  requireRole(ctx.identity, 'EDITOR', '导入任务');
  if (!(IMPORT_KINDS as readonly string[]).includes(kind))
    throw new BadInputError('kind', `不支持的导入类别：${kind} (unknown kind)`);
  if (!Number.isInteger(chunks) || chunks < 1 || chunks > MAX_CHUNKS)
    throw new BadInputError('chunks', `分块数应为 1 至 ${MAX_CHUNKS}，实为 ${chunks} (chunks out of range)`);
  const { requestId: _request, ...creator } = ctx.identity;
  return insertJob(ctx.db, { id: randomUUID(), kind, dryRun, creator, total: chunks });
}

export async function appendImportChunk(
  ctx: TasksContext,
  jobId: string,
  seq: number,
  text: string,
): Promise<ImportJobRow> {
  const job = await importJob(ctx, jobId).catch(() => {
    throw new NotFoundError('jobId', `没有导入作业 ${jobId} (no such import job)`);
  });
  // The job runs as the identity that sends its last chunk: its creator's, never another's (the operator included).
  if (!isCreator(ctx, job))
    throw new ForbiddenError('只有作业的创建者可以上传分块 (only the job’s creator sends its chunks)', {
      field: 'jobId',
    });
  if (!Number.isInteger(seq) || seq < 0 || seq >= job.total)
    throw new BadInputError('seq', `分块序号应为 0 至 ${job.total - 1}，实为 ${seq} (seq out of range)`);
  if (text.length > MAX_CHUNK_CHARS)
    throw new BadInputError('text', `分块过大：${text.length} 字符，至多 ${MAX_CHUNK_CHARS} (chunk too large)`);
  if (seq < job.received) return sameChunk(ctx, job, seq, text);
  if (job.state !== 'RECEIVING')
    throw new ConflictError(
      'jobId',
      `作业已${job.state === 'FAILED' ? '失败' : '收齐'}，不再接收分块 (state ${job.state})`,
    );
  if (seq > job.received)
    throw new BadInputError('seq', `应先发送第 ${job.received} 块，实为第 ${seq} 块 (expected seq ${job.received})`);
  const taken = await ctx.db.transaction((tx) => takeChunk(tx as unknown as Db, jobId, seq, text));
  // Another request took this seq at the same moment: answered as a repeat.
  if (!taken) return sameChunk(ctx, (await jobById(ctx.db, jobId))!, seq, text);
  if (taken.received < taken.total) return taken;
  return begin(ctx, taken);
}

/** A chunk sent again: taken once. The same text answers the job as it is; another text is a CONFLICT. */
async function sameChunk(ctx: TasksContext, job: ImportJobRow, seq: number, text: string): Promise<ImportJobRow> {
  // The chunks of a job that ended are dropped; a repeat then can only be answered with the job.
  if (job.state === 'RECEIVING') {
    const stored = await chunkText(ctx.db, job.id, seq);
    if (stored !== null && stored !== text)
      throw new ConflictError('text', `第 ${seq} 块已收到，内容不同 (chunk ${seq} was taken with another text)`);
  }
  return running.get(job.id) ?? job;
}

/** The last chunk is in: the job is checked and committed in this process, after this request has answered. */
async function begin(ctx: TasksContext, job: ImportJobRow): Promise<ImportJobRow> {
  const checking = await moveJob(ctx.db, job.id, ['RECEIVING'], 'CHECKING', { runner: RUNNER });
  if (!checking) return (await jobById(ctx.db, job.id))!;
  running.set(job.id, checking);
  finishing.set(
    job.id,
    run(ctx, checking).finally(() => {
      running.delete(job.id);
      finishing.delete(job.id);
    }),
  );
  return checking;
}

/** This process, as the runner of the jobs it checks and commits. */
const RUNNER = randomUUID();

async function run(ctx: TasksContext, job: ImportJobRow): Promise<void> {
  const update = (fields: Partial<ImportJobRow>) => running.set(job.id, { ...running.get(job.id)!, ...fields });
  try {
    let document: unknown;
    try {
      const parts: string[] = [];
      for await (const text of chunksOf(ctx.db, job.id, job.total)) parts.push(text);
      document = JSON.parse(parts.join(''));
    } catch (e) {
      await fail(ctx, job.id, [{ path: '$', message: `不是有效的 JSON：${(e as Error).message}` }]);
      return;
    }
    const tasks = (document as { tasks?: unknown } | null)?.tasks;
    const records = Array.isArray(tasks) ? tasks.length : 0;
    update({ records });
    // On PostgreSQL the row follows the commit too, every hundredth of the file, through another connection than
    // the commit's (a later subscription reads the row). PGlite's one connection is the commit's until it ends.
    const step = Math.max(1, Math.floor(records / 100));
    const rowFollows = ctx.database.driver === 'postgres';
    const report = await importTasks(ctx, document, job.dryRun, {
      progress: (done) => {
        update({ processed: done });
        if (rowFollows && done > 0 && done % step === 0) void saveProgress(ctx.db, job.id, done).catch(() => undefined);
      },
      beforeCommit: async () => {
        const moved = await moveJob(ctx.db, job.id, ['CHECKING'], 'COMMITTING', { records });
        if (!moved) throw new ConflictError('id', INTERRUPTED);
        update({ state: 'COMMITTING' });
      },
      // The job becomes DONE in the commit's own transaction: DONE if and only if written. A job another process
      // marked FAILED meanwhile (failInterruptedJobs) rolls the import back.
      inCommit: async (tx, r) => {
        const done = await moveJob(tx, job.id, ['COMMITTING'], 'DONE', {
          records,
          processed: records,
          report: reportJson(r),
          finished: true,
        });
        if (!done) throw new ConflictError('id', INTERRUPTED);
      },
    });
    document = undefined;
    if (!report.ok) {
      await fail(ctx, job.id, report.problems, report, records);
      return;
    }
    if (report.dryRun)
      await moveJob(ctx.db, job.id, ['CHECKING'], 'DONE', {
        records,
        processed: records,
        report: reportJson(report),
        finished: true,
      });
    await deleteChunks(ctx.db, job.id);
  } catch (e) {
    const ext = (e as { extensions?: { field?: unknown; problems?: unknown } }).extensions;
    const problems = Array.isArray(ext?.problems)
      ? (ext.problems as ImportJobRow['problems'])
      : [{ path: typeof ext?.field === 'string' ? ext.field : '$', message: (e as Error).message }];
    await fail(ctx, job.id, problems, undefined, running.get(job.id)?.records ?? undefined).catch(() => undefined);
  }
}

async function fail(
  ctx: TasksContext,
  id: string,
  problems: ImportJobRow['problems'],
  report?: ImportReport,
  records?: number,
): Promise<void> {
  await moveJob(ctx.db, id, ['RECEIVING', 'CHECKING', 'COMMITTING'], 'FAILED', {
    problems: problems.map(({ path, message }) => ({ path, message })),
    ...(report ? { report: reportJson(report) } : {}),
    ...(records !== undefined ? { records } : {}),
    finished: true,
  });
  await deleteChunks(ctx.db, id);
}

const reportJson = (r: ImportReport) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>;

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** At a tasks process's start: the jobs a stopped process was running are FAILED (store's failInterruptedJobs). */
export function failInterrupted(db: Db): Promise<string[]> {
  return failInterruptedJobs(db, INTERRUPTED);
}

/** Settles when every job this process is running has ended (tests; a graceful stop could wait on it too). */
export async function jobsSettled(): Promise<void> {
  while (finishing.size) await Promise.all([...finishing.values()]);
}
