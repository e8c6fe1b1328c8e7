/**
 * Imports as jobs through the gateway (docs/interchange.md "Imports as jobs"): a tasks file larger than the
 * gateway's body limit goes in chunks, is committed all or nothing (a bad task near its end: nothing written, the
 * problem at its path), reports its progress, resumes after the client stopped (the library `npm run import
 * --resume` uses, and the command itself), and is seen by nobody but its creator and the operator.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  APPEND_CHUNK,
  bearer,
  chunkOf,
  chunksFor,
  readJob,
  startJob,
  uploadRest,
  waitForJob,
  type JobClient,
  type JobState,
} from '@tiaokuai/tools';
import { UNITS } from './fixtures';
import { startTestHub, type TestHub } from './hub';

/** graphql-yoga's body limit in the gateway (gateway/src/limits.ts YOGA_MAX_BODY_BYTES): no request may be larger. */
const GATEWAY_BODY_LIMIT = 25_000_000;
const ROOT = path.resolve(__dirname, '..', '..');

let t: TestHub;
let operator: JobClient;
let dir: string;
beforeAll(async () => {
  t = await startTestHub();
  operator = { url: t.url, headers: bearer(t.hub.operatorToken) };
  const r = await t.gql(`mutation($d: JSON!) { importUnits(document: $d) { ok } }`, { d: UNITS });
  expect(r.data?.importUnits.ok).toBe(true);
  dir = mkdtempSync(path.join(tmpdir(), 'tk-jobs-'));
}, 120_000);
afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A task of 四川省直机关工委 to 四川省地震局, with a long description (the bulk of a real file). */
const task = (key: string, description: string, over: Record<string, unknown> = {}) => ({
  issuer: 'SC-JGGW',
  key,
  title: `任务 ${key}`,
  description,
  category: 'ORGANIZATIONAL',
  priority: 'ROUTINE',
  startsOn: '2026-03-01',
  dueOn: '2026-06-30',
  targets: ['SC-DZJ'],
  ...over,
});
/** The text of a file of `n` tasks, keys prefixed `prefix`, the task `bad` (if any) with an impossible due day. */
function fileText(prefix: string, n: number, descriptionChars: number, bad?: number): string {
  const description = '党建引领基层治理'.repeat(Math.ceil(descriptionChars / 8)).slice(0, descriptionChars);
  const parts = ['{"format":"tiaokuai/v1","tasks":['];
  for (let i = 0; i < n; i++)
    parts.push(
      (i ? ',' : '') +
        JSON.stringify(task(`${prefix}${i}`, `${description}${i}`, i === bad ? { dueOn: '2026-02-30' } : {})),
    );
  parts.push(']}');
  return parts.join('');
}
const assignmentsOfDzj = async () =>
  (await t.gql(`{ unit(by: { code: "SC-DZJ" }) { assignments(from: "2026-01-01", to: "2026-12-31") { totalCount } } }`))
    .data!.unit.assignments.totalCount as number;

async function uploadAll(c: JobClient, text: string, dryRun = false): Promise<JobState> {
  return uploadRest(c, await startJob(c, 'TASKS', chunksFor(text), dryRun), text);
}

describe('an import larger than the gateway takes in one request', () => {
  // 3,000 tasks of ~3,000 characters of Chinese (3 bytes each in UTF-8): about 27 MB.
  const N = 3000;
  let text: string;
  beforeAll(() => {
    text = fileText('big', N, 3000, N - 2);
  });

  it('is refused as one request, and as a job fails whole on one bad task near its end', async () => {
    expect(Buffer.byteLength(text, 'utf8')).toBeGreaterThan(GATEWAY_BODY_LIMIT);
    const whole = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...operator.headers },
      body: `{"query":"mutation($d: JSON!) { importTasks(document: $d) { ok } }","variables":{"d":${text}}}`,
    });
    expect(whole.status).toBe(413);
    await whole.text();
    const before = await assignmentsOfDzj();
    const job = await uploadAll(operator, text);
    expect(job.total).toBeGreaterThan(1);
    expect(job.received).toBe(job.total);
    const done = await waitForJob(operator, job.id, () => undefined, 200);
    expect(done.state).toBe('FAILED');
    expect(done.problems.map((p) => p.path)).toEqual([`tasks[${N - 2}].dueOn`]);
    expect(done.records).toBe(N);
    expect(await assignmentsOfDzj()).toBe(before);
  }, 600_000);

  it('without the bad task: committed whole, its progress never going back, every task written', async () => {
    const good = text.replace('"dueOn":"2026-02-30"', '"dueOn":"2026-06-30"');
    expect(good).not.toBe(text);
    const before = await assignmentsOfDzj();
    const job = await uploadAll(operator, good);
    const seen: Array<{ state: string; processed: number }> = [];
    const done = await waitForJob(operator, job.id, (j) => seen.push({ state: j.state, processed: j.processed }), 200);
    expect(done).toMatchObject({ state: 'DONE', records: N, processed: N, problems: [] });
    expect(done.report).toMatchObject({ ok: true, created: N, tasks: { created: N } });
    for (let i = 1; i < seen.length; i++) expect(seen[i].processed).toBeGreaterThanOrEqual(seen[i - 1].processed);
    expect(await assignmentsOfDzj()).toBe(before + N);
  }, 600_000);
});

describe('resume and access', () => {
  it('a client that stopped resumes from `received`; a different file is refused', async () => {
    const text = fileText('resume', 40, 200);
    const job = await startJob(operator, 'TASKS', 5, false);
    // The first client sent two chunks, the second one twice (a retry), then stopped.
    for (const seq of [0, 1, 1]) {
      const r = await t.gql(APPEND_CHUNK, { id: job.id, seq, text: chunkOf(text, 5, seq) });
      expect(r.errors).toBeUndefined();
    }
    const seen = await readJob(operator, job.id);
    expect(seen).toMatchObject({ state: 'RECEIVING', received: 2, total: 5 });
    await expect(uploadRest(operator, seen, fileText('other', 40, 200))).rejects.toThrow(/not the same file/);
    const before = await assignmentsOfDzj();
    await uploadRest(operator, seen, text);
    expect(await waitForJob(operator, job.id, () => undefined, 100)).toMatchObject({ state: 'DONE', processed: 40 });
    expect(await assignmentsOfDzj()).toBe(before + 40);
  }, 120_000);

  it("another committee's caller can neither read nor feed a job; its creator can", async () => {
    const mine: JobClient = { url: t.url, headers: bearer(await t.hub.token({ body: 'SC-JGGW', role: 'EDITOR' })) };
    const other = await t.hub.token({ body: 'JS-SW', role: 'ADMIN' });
    const job = await startJob(mine, 'TASKS', 2, true);
    expect((await readJob(mine, job.id)).id).toBe(job.id);
    const read = await t.gql(`query($id: ID!) { importJob(id: $id) { id state } }`, { id: job.id }, other);
    expect(read.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const feed = await t.gql(APPEND_CHUNK, { id: job.id, seq: 0, text: '{' }, other);
    expect(feed.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'jobId' });
    expect((await readJob(mine, job.id)).received).toBe(0);
  }, 120_000);

  it('npm run import --resume finishes an upload another run started', async () => {
    const file = path.join(dir, 'resume.json');
    const text = fileText('cli', 30, 100);
    writeFileSync(file, text);
    const section = JSON.stringify(JSON.parse(text)); // the section the command sends: the file's tasks, re-serialised
    const job = await startJob(operator, 'TASKS', 3, false);
    await t.gql(APPEND_CHUNK, { id: job.id, seq: 0, text: chunkOf(section, 3, 0) });
    const before = await assignmentsOfDzj();
    const r = await promisify(execFile)(
      process.execPath,
      [path.join(ROOT, 'tools', 'dist', 'import.js'), file, '--resume', job.id],
      { env: { ...process.env, GATEWAY_URL: t.url, TOKEN: t.hub.operatorToken } },
    );
    const report = JSON.parse(r.stdout);
    expect(report.sections.tasks).toMatchObject({ ok: true, job: job.id, tasks: { created: 30 } });
    expect(r.stderr).toContain(`resuming import job ${job.id}`);
    expect(await assignmentsOfDzj()).toBe(before + 30);
  }, 120_000);
});
