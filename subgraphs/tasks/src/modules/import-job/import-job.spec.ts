/**
 * Imports as jobs (docs/interchange.md "Imports as jobs"): a file in chunks, taken once each and resumable,
 * checked and committed all or nothing, with its progress, seen by its creator and the operator only. On PGlite,
 * or PostgreSQL with DATABASE_URL.
 */
import { HUB_OPERATOR, type Identity } from '@tiaokuai/platform';
import { sql } from 'drizzle-orm';
import { province } from '../../testing/fixtures';
import { tasksHarness, type TasksHarness } from '../../testing';
import { createContext } from '../../context';
import { importTasks } from '../interchange/interchange.service';
import { failInterrupted, jobsSettled } from './import-job.service';

let h: TasksHarness;
beforeAll(async () => {
  h = await tasksHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.resetTo(province());
});

const JOB = 'id kind state dryRun received total receivedBytes records processed problems { path message } finishedAt';
const START = `mutation($n: Int!, $dry: Boolean) { startImport(kind: TASKS, chunks: $n, dryRun: $dry) { ${JOB} } }`;
const APPEND = `mutation($id: ID!, $seq: Int!, $text: String!) { appendImportChunk(jobId: $id, seq: $seq, text: $text) { ${JOB} } }`;
const GET = `query($id: ID!) { importJob(id: $id) { ${JOB} report { ok created tasks { created } } } }`;

const editorOf = (body: string): Identity => ({ subject: `editor@${body}`, body, role: 'EDITOR', hubAdmin: false });
const task = (key: string, over: Record<string, unknown> = {}) => ({
  issuer: 'SC-JGGW',
  key,
  title: `任务 ${key}`,
  category: 'ORGANIZATIONAL',
  priority: 'ROUTINE',
  startsOn: '2026-03-01',
  dueOn: '2026-06-30',
  targets: ['SC-YJT-DZ'],
  ...over,
});
const file = (n: number, over: (i: number) => Record<string, unknown> = () => ({})) =>
  JSON.stringify({ format: 'tiaokuai/v1', tasks: Array.from({ length: n }, (_, i) => task(`k${i}`, over(i))) });
/** The text in `n` pieces (not at JSON boundaries: a chunk is only text). */
const pieces = (text: string, n: number) => {
  const size = Math.ceil(text.length / n);
  return Array.from({ length: n }, (_, i) => text.slice(i * size, (i + 1) * size));
};
const storedTasks = async () =>
  Number((await h.database.rows<{ n: string }>(sql`select count(*)::text as n from tasks.tasks`))[0].n);
const chunkRows = async () =>
  Number((await h.database.rows<{ n: string }>(sql`select count(*)::text as n from tasks.import_chunks`))[0].n);

async function upload(parts: string[], who: Identity = HUB_OPERATOR, dryRun = false) {
  const job = (await h.ok(START, { n: parts.length, dry: dryRun }, who)).startImport;
  let last = job;
  for (let seq = 0; seq < parts.length; seq++)
    last = (await h.ok(APPEND, { id: job.id, seq, text: parts[seq] }, who)).appendImportChunk;
  return last;
}
async function finished(id: string, who: Identity = HUB_OPERATOR) {
  await jobsSettled();
  return (await h.ok(GET, { id }, who)).importJob;
}

test('a file in chunks is committed as one import: every task written, progress at its end, chunks dropped', async () => {
  const parts = pieces(file(12), 5);
  const last = await upload(parts);
  expect(last).toMatchObject({ received: 5, total: 5 });
  expect(['CHECKING', 'COMMITTING', 'DONE']).toContain(last.state);
  const job = await finished(last.id);
  expect(job).toMatchObject({ state: 'DONE', records: 12, processed: 12, problems: [] });
  expect(job.report).toMatchObject({ ok: true, created: 12, tasks: { created: 12 } });
  expect(job.receivedBytes).toBe(Buffer.byteLength(parts.join(''), 'utf8'));
  expect(job.finishedAt).not.toBeNull();
  expect(await storedTasks()).toBe(12);
  expect(await chunkRows()).toBe(0);
});

test('a dry run checks the whole file and writes nothing', async () => {
  const last = await upload(pieces(file(4), 2), HUB_OPERATOR, true);
  const job = await finished(last.id);
  expect(job).toMatchObject({ state: 'DONE', dryRun: true, records: 4 });
  expect(job.report).toMatchObject({ ok: true, created: 4 });
  expect(await storedTasks()).toBe(0);
});

test('a bad task near the end: FAILED, nothing written, every problem at its path', async () => {
  const text = file(30, (i) => (i === 28 ? { dueOn: '2026-02-30' } : i === 29 ? { tasks: 1 } : {}));
  const last = await upload(pieces(text, 4));
  const job = await finished(last.id);
  expect(job).toMatchObject({ state: 'FAILED', records: 30, processed: 0 });
  const paths = job.problems.map((p: { path: string }) => p.path);
  expect(paths).toEqual(expect.arrayContaining(['tasks[28].dueOn', 'tasks[29].tasks']));
  expect(paths.every((p: string) => p.startsWith('tasks[28]') || p.startsWith('tasks[29]'))).toBe(true);
  expect(await storedTasks()).toBe(0);
  expect(await chunkRows()).toBe(0);
});

test('a text that is not JSON fails at $', async () => {
  const last = await upload(['{"format": "tiaokuai/v1", "tasks": [', '{]']);
  const job = await finished(last.id);
  expect(job.state).toBe('FAILED');
  expect(job.problems[0].path).toBe('$');
  expect(await storedTasks()).toBe(0);
});

test('a chunk sent twice is taken once; one out of order or changed is refused naming the field', async () => {
  const parts = pieces(file(6), 3);
  const job = (await h.ok(START, { n: 3 })).startImport;
  expect(job).toMatchObject({ state: 'RECEIVING', received: 0, total: 3 });
  const first = (await h.ok(APPEND, { id: job.id, seq: 0, text: parts[0] })).appendImportChunk;
  const again = (await h.ok(APPEND, { id: job.id, seq: 0, text: parts[0] })).appendImportChunk;
  expect(first.received).toBe(1);
  expect(again.received).toBe(1);
  expect(again.receivedBytes).toBe(first.receivedBytes);

  const skip = await h.run(APPEND, { id: job.id, seq: 2, text: parts[2] });
  expect(skip.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'seq' });
  const changed = await h.run(APPEND, { id: job.id, seq: 0, text: parts[0] + ' ' });
  expect(changed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'text' });
  const range = await h.run(APPEND, { id: job.id, seq: 3, text: 'x' });
  expect(range.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'seq' });

  for (const seq of [1, 2]) await h.ok(APPEND, { id: job.id, seq, text: parts[seq] });
  expect(await finished(job.id)).toMatchObject({ state: 'DONE', records: 6 });
  expect(await storedTasks()).toBe(6);
  const late = await h.run(APPEND, { id: job.id, seq: 2, text: parts[2] });
  expect(late.errors).toBeUndefined();
  expect(await storedTasks()).toBe(6);
});

test('an upload resumes from `received` after the client stopped', async () => {
  const parts = pieces(file(9), 4);
  const job = (await h.ok(START, { n: 4 })).startImport;
  for (const seq of [0, 1]) await h.ok(APPEND, { id: job.id, seq, text: parts[seq] });
  // A new client knows only the job's id.
  const seen = (await h.ok(GET, { id: job.id })).importJob;
  expect(seen).toMatchObject({ state: 'RECEIVING', received: 2, total: 4 });
  for (let seq = seen.received; seq < seen.total; seq++) await h.ok(APPEND, { id: job.id, seq, text: parts[seq] });
  expect(await finished(job.id)).toMatchObject({ state: 'DONE', records: 9, processed: 9 });
  expect(await storedTasks()).toBe(9);
});

test("only the job's creator and the operator see it; another body's editor is answered NOT_FOUND", async () => {
  const mine = editorOf('SC-JGGW');
  const other = editorOf('JS-SW');
  const job = (await h.ok(START, { n: 2 }, mine)).startImport;
  expect((await h.ok(GET, { id: job.id }, mine)).importJob.id).toBe(job.id);
  expect((await h.ok(GET, { id: job.id }, HUB_OPERATOR)).importJob.id).toBe(job.id);
  const read = await h.run(GET, { id: job.id }, other);
  expect(read.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  const write = await h.run(APPEND, { id: job.id, seq: 0, text: 'x' }, other);
  expect(write.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'jobId' });
  const sameBodyOtherPerson = await h.run(GET, { id: job.id }, { ...mine, subject: 'someone-else' });
  expect(sameBodyOtherPerson.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  const byOperator = await h.run(APPEND, { id: job.id, seq: 0, text: 'x' }, HUB_OPERATOR);
  expect(byOperator.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'jobId' });
  expect((await h.ok(GET, { id: job.id }, mine)).importJob.received).toBe(0);
  const viewer = await h.run(START, { n: 1 }, { ...mine, role: 'VIEWER' });
  expect(viewer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const none = await h.run(START, { n: 0 });
  expect(none.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'chunks' });
});

test("an editor's job runs as that editor: tasks out of its reach fail the job, nothing written", async () => {
  const last = await upload(
    pieces(
      file(3, (i) => (i === 2 ? { issuer: 'JS-SW' } : {})),
      2,
    ),
    editorOf('SC-JGGW'),
  );
  const job = await finished(last.id, editorOf('SC-JGGW'));
  expect(job.state).toBe('FAILED');
  expect(job.problems.map((p: { path: string }) => p.path)).toContain('tasks[2].issuer');
  expect(await storedTasks()).toBe(0);
});

test('progress: the commit reports each task written, rising from 0 to every task of the file', async () => {
  const seen: number[] = [];
  const ctx = createContext(h.database, HUB_OPERATOR, h.orgClient);
  const report = await importTasks(ctx, JSON.parse(file(7)), false, { progress: (n) => seen.push(n) });
  expect(report.ok).toBe(true);
  expect(seen[0]).toBe(0);
  expect(seen[seen.length - 1]).toBe(7);
  for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
  expect(new Set(seen).size).toBe(8);
});

test('a restart fails the jobs a stopped process was running, and keeps uploads that can resume', async () => {
  const a = (await h.ok(START, { n: 2 })).startImport;
  const b = (await h.ok(START, { n: 2 })).startImport;
  await h.ok(APPEND, { id: b.id, seq: 0, text: '{' });
  await h.database.db.execute(sql`update tasks.import_jobs set state = 'COMMITTING' where id = ${a.id}::uuid`);
  expect(await failInterrupted(h.database.db)).toEqual([a.id]);
  const failed = (await h.ok(GET, { id: a.id })).importJob;
  expect(failed.state).toBe('FAILED');
  expect(failed.problems[0].path).toBe('$');
  expect((await h.ok(GET, { id: b.id })).importJob).toMatchObject({ state: 'RECEIVING', received: 1 });
});
