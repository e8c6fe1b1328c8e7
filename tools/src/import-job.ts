/**
 * The client side of an import job (docs/interchange.md "Imports as jobs"): a section's text in chunks under the
 * gateway's body limit (startImport, appendImportChunk), resumed from the job's `received`, then followed through
 * `importJob(id)` until it is DONE or FAILED. `npm run import` (import.ts) sends the tasks section this way.
 */
import { gql } from './launcher';

/** Characters per chunk by default: 2 million (at most 6 MB of UTF-8), well under the gateway's 25 MB. */
export const CHUNK_CHARS = 2_000_000;

const JOB_FIELDS = 'id state dryRun received total receivedBytes records processed problems { path message }';
const COUNTS = 'created updated unchanged';
const REPORT = `report { ok dryRun created updated unchanged problems { path message } requiredItems { ${COUNTS} } tasks { ${COUNTS} } }`;
export const START_IMPORT = `mutation StartImport($kind: ImportKind!, $chunks: Int!, $dryRun: Boolean) { startImport(kind: $kind, chunks: $chunks, dryRun: $dryRun) { ${JOB_FIELDS} } }`;
export const APPEND_CHUNK = `mutation AppendImportChunk($id: ID!, $seq: Int!, $text: String!) { appendImportChunk(jobId: $id, seq: $seq, text: $text) { ${JOB_FIELDS} } }`;
export const IMPORT_JOB = `query ImportJob($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} finishedAt ${REPORT} } }`;

export interface JobState {
  id: string;
  state: 'RECEIVING' | 'CHECKING' | 'COMMITTING' | 'DONE' | 'FAILED';
  dryRun: boolean;
  received: number;
  total: number;
  receivedBytes: number;
  records: number | null;
  processed: number;
  problems: Array<{ path: string; message: string }>;
  report?: Record<string, any> | null;
}

export interface JobClient {
  url: string;
  headers: Record<string, string>;
}

/** How a text is cut into `total` chunks: the same text and total always give the same chunks (resume relies on it). */
export function chunkOf(text: string, total: number, seq: number): string {
  const size = Math.ceil(text.length / total);
  return text.slice(seq * size, (seq + 1) * size);
}

export const chunksFor = (text: string, chunkChars = CHUNK_CHARS) => Math.max(1, Math.ceil(text.length / chunkChars));

async function call<T>(c: JobClient, query: string, variables: Record<string, unknown>, field: string): Promise<T> {
  const r = await gql(c.url, query, variables, c.headers);
  if (r.errors?.length) {
    const e = r.errors[0];
    throw Object.assign(new Error(`${field}: ${e.message} (${JSON.stringify(e.extensions ?? {})})`), {
      extensions: e.extensions,
    });
  }
  return r.data[field] as T;
}

export const startJob = (c: JobClient, kind: string, chunks: number, dryRun: boolean) =>
  call<JobState>(c, START_IMPORT, { kind, chunks, dryRun }, 'startImport');
export const readJob = (c: JobClient, id: string) => call<JobState>(c, IMPORT_JOB, { id }, 'importJob');

/**
 * Sends the chunks the job has not taken yet, from its `received` on (a new job, or one whose client stopped).
 * Refuses a text that is not the one the job was receiving (its taken bytes differ from this text's first chunks).
 */
export async function uploadRest(
  c: JobClient,
  job: JobState,
  text: string,
  onChunk: (job: JobState) => void = () => undefined,
): Promise<JobState> {
  if (job.state !== 'RECEIVING') return job;
  let bytes = 0;
  for (let seq = 0; seq < job.received; seq++) bytes += Buffer.byteLength(chunkOf(text, job.total, seq), 'utf8');
  if (bytes !== job.receivedBytes)
    throw new Error(
      `job ${job.id} took ${job.receivedBytes} bytes in its first ${job.received} chunks; this file has ${bytes} there: not the same file`,
    );
  let now = job;
  for (let seq = job.received; seq < job.total; seq++) {
    now = await call<JobState>(
      c,
      APPEND_CHUNK,
      { id: job.id, seq, text: chunkOf(text, job.total, seq) },
      'appendImportChunk',
    );
    onChunk(now);
  }
  return now;
}

/** Asks `importJob(id)` every `everyMs` until the job is DONE or FAILED; `onPoll` sees each answer. */
export async function waitForJob(
  c: JobClient,
  id: string,
  onPoll: (job: JobState) => void = () => undefined,
  everyMs = 500,
): Promise<JobState> {
  for (;;) {
    const job = await readJob(c, id);
    onPoll(job);
    if (job.state === 'DONE' || job.state === 'FAILED') return job;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
