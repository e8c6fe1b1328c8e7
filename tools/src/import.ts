/**
 * npm run import -- FILE [--dry-run] [--resume JOB_ID]
 * Sends a tiaokuai/v1 file to a running hub through the gateway (GATEWAY_URL, default
 * http://localhost:4000/graphql; TOKEN: bearer token) and prints the report: importUnits' report
 * as before, with `sections` holding the report of each further section and their problems
 * (paths into the file) added to `problems`; `ok` is false when any section was refused.
 *
 * Each section goes to the subgraph that owns it, in order: units and links (importUnits,
 * org), then requiredItems and tasks (an import job: startImport, then the section's text in
 * chunks under the gateway's body limit, with a progress bar on stderr showing the time left;
 * import-job.ts), then assessments (importAssessments). Each is all-or-nothing; a refused
 * section stops the ones after it (the sections before it stay imported: they are in different
 * services, and a later section may refer to their units).
 *
 * The tasks job's id is printed on stderr when it starts. If the upload was interrupted, run the
 * same command with `--resume JOB_ID`: the units section is sent again (unchanged: an import is
 * idempotent), the job goes on from the chunks it has (`received`), and the rest follows.
 * Exits 1 when a section was refused, 2 on a usage or connection error.
 */
import { readFileSync } from 'node:fs';
import { MultiBar, Presets } from 'cli-progress';
import { IMPORT_MUTATION } from './demo';
import { chunksFor, readJob, startJob, uploadRest, waitForJob, type JobClient, type JobState } from './import-job';
import { gql } from './launcher';

const COUNTS = 'ok dryRun created updated unchanged problems { path message }';
const COUNTED = (sections: string[]) => sections.map((k) => `${k} { created updated unchanged }`).join(' ');
const importMutation = (field: string, counted: string[]) =>
  `mutation Import($document: JSON!, $dryRun: Boolean) { ${field}(document: $document, dryRun: $dryRun) { ${COUNTS} ${COUNTED(counted)} } }`;

/** Each section of the file, the subgraph mutation that imports it, in order. */
export const SECTIONS: Array<{ name: string; keys: string[]; mutation: string; field: string; job?: string }> = [
  { name: 'units', keys: ['units', 'links'], mutation: IMPORT_MUTATION, field: 'importUnits' },
  {
    name: 'tasks',
    keys: ['requiredItems', 'tasks'],
    mutation: importMutation('importTasks', ['requiredItems', 'tasks']),
    field: 'importTasks',
    job: 'TASKS',
  },
  {
    name: 'assessments',
    keys: ['assessments'],
    mutation: importMutation('importAssessments', ['schemes', 'submissions']),
    field: 'importAssessments',
  },
];

/**
 * One section through an import job (a new one, or `resume`'s), with two bars on stderr: the upload (chunks) and
 * the commit (tasks written), each with the time left. Answers the job's report (with its id), or, when the job
 * failed before it could check the file, a report of its problems.
 */
async function sectionAsJob(
  c: JobClient,
  kind: string,
  text: string,
  dryRun: boolean,
  resume: string | undefined,
): Promise<Record<string, any>> {
  let job: JobState = resume ? await readJob(c, resume) : await startJob(c, kind, chunksFor(text), dryRun);
  console.error(
    resume
      ? `resuming import job ${job.id}: ${job.state}, ${job.received} of ${job.total} chunks taken`
      : `import job ${job.id} (resume with --resume ${job.id})`,
  );
  const bars = new MultiBar(
    {
      stream: process.stderr,
      format: '{phase} [{bar}] {percentage}% | {value}/{total} | time left {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  );
  try {
    const upload = bars.create(job.total, job.received, { phase: 'upload ' });
    job = await uploadRest(c, job, text, (j) => upload.update(j.received));
    upload.update(job.received);
    let commit: ReturnType<MultiBar['create']> | undefined;
    job = await waitForJob(c, job.id, (j) => {
      if (j.records === null) return;
      commit ??= bars.create(Math.max(j.records, 1), 0, { phase: j.dryRun ? 'check  ' : 'commit ' });
      commit.update(j.state === 'DONE' ? Math.max(j.records, 1) : j.processed);
    });
  } finally {
    bars.stop();
  }
  return { ...(job.report ?? { ok: false, dryRun, problems: job.problems }), job: job.id };
}

async function main() {
  const args = process.argv.slice(2);
  const resumeAt = args.indexOf('--resume');
  const resume = resumeAt >= 0 ? args[resumeAt + 1] : undefined;
  if (resumeAt >= 0 && !resume) {
    console.error('usage: npm run import -- FILE --resume JOB_ID');
    process.exit(2);
  }
  const file = args.find((a, i) => !a.startsWith('--') && !(resumeAt >= 0 && i === resumeAt + 1));
  if (!file) {
    console.error('usage: npm run import -- FILE [--dry-run] [--resume JOB_ID]');
    process.exit(2);
  }
  let document: Record<string, unknown>;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`cannot read ${file} as JSON: ${(e as Error).message}`);
    process.exit(1);
  }
  const url = process.env.GATEWAY_URL ?? 'http://localhost:4000/graphql';
  const headers: Record<string, string> = process.env.TOKEN ? { authorization: `Bearer ${process.env.TOKEN}` } : {};
  const dryRun = args.includes('--dry-run');
  let top: Record<string, any> | null = null;
  const sections: Record<string, unknown> = {};
  const done = (code: number) => {
    console.log(JSON.stringify({ ...top, ...(Object.keys(sections).length ? { sections } : {}) }, null, 2));
    process.exit(code);
  };
  // The units section always goes (it checks the format and the top-level fields); the others when present.
  for (const s of SECTIONS) {
    if (s.name !== 'units' && !s.keys.some((k) => document[k] !== undefined)) continue;
    // A dry run writes no units or links, so later sections (whose checks depend on who leads whom)
    // cannot be checked against what the file would change.
    if (
      dryRun &&
      top &&
      ((top.changedCodes?.length ?? 0) > 0 || (top.links?.created ?? 0) + (top.links?.updated ?? 0) > 0)
    ) {
      sections[s.name] = {
        ok: null,
        skipped:
          'dry run: the file changes units or links this section is checked against; check it after importing them',
      };
      continue;
    }
    const part = {
      format: document.format,
      ...Object.fromEntries(s.keys.filter((k) => document[k] !== undefined).map((k) => [k, document[k]])),
    };
    let report: Record<string, any>;
    if (s.job) {
      try {
        report = await sectionAsJob({ url, headers }, s.job, JSON.stringify(part), dryRun, resume);
      } catch (e) {
        if (top) console.log(JSON.stringify({ ...top, sections }, null, 2));
        console.error(`${s.name}: ${(e as Error).message}`);
        process.exit(1);
      }
    } else {
      const r = await gql(url, s.mutation, { document: s.name === 'units' ? document : part, dryRun }, headers);
      if (r.errors) {
        if (top) console.log(JSON.stringify({ ...top, sections }, null, 2));
        console.error(`${s.name}: ${JSON.stringify(r.errors, null, 2)}`);
        process.exit(1);
      }
      report = r.data[s.field];
    }
    if (!top) top = report;
    else {
      sections[s.name] = report;
      top.problems = [...top.problems, ...report.problems];
      top.ok = top.ok && report.ok;
    }
    if (!report.ok) {
      console.error(
        `${s.name} section refused: nothing of it was written${top !== report ? ' (the sections before it were imported)' : ''}`,
      );
      done(1);
    }
  }
  done(0);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`import failed: ${(e as Error).message}`);
    process.exit(2);
  });
}
