/**
 * npm run bench [-- --units N --samples N --only pglite|postgres --planner js|rust --tasks N --task-chunk N
 *                   --task-import files|job --no-append]
 * npm run bench -- --throughput [--clients 50 --requests 1500 --rounds 3 --no-append]   (the demo, throughput only)
 * --throughput-requests N: answers per route and round in the full run's throughput figures (default 1500)
 * --rounds N: how many times each throughput route is measured, the routes taking turns (default 3)
 * Generates a synthetic province, starts the real hub on PGlite and on PostgreSQL
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test as admin connection),
 * and measures: import through the gateway, the full-scope anomaly scan, and p50/p99 of a
 * `unit { partyBuilding }` query through the gateway beside the same query sent straight to
 * the org subgraph.
 * Then the tasks (DOMAIN.md "Tasks (任务)"; unless `--tasks 0`): a year of synthetic tasks making N assignments
 * (default 400,000; synthetic-tasks.ts) loaded through the gateway with `importTasks`, in files
 * of at most `--task-chunk` assignments (default 50,000), or with `--task-import job` as ONE import job (the
 * whole file in chunks: docs/interchange.md "Imports as jobs"); the province-wide conflict scan
 * (`taskConflicts(scope: "P-SW")` over the year: the first, then the median of 5 more) and p50/p99 of a unit's
 * `taskConflicts` through the gateway. Appends the results to BENCHMARKS.md with date and machine.
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { bearer, gql as rawGql, startHub, type RunningHub } from './launcher';
import { chunksFor, startJob, uploadRest, waitForJob } from './import-job';
import { IMPORT_MUTATION } from './demo';
import { syntheticProvince } from './synthetic';
import { syntheticTasks, taskChunks, type SyntheticTasks } from './synthetic-tasks';
import { measureAssessments, timed, type AssessmentResult } from './bench-assessments';
import { measureThroughput, throughputTable, type ThroughputRow } from './bench-throughput';
import { loadDemoIfEmpty } from './demo';
import { median, percentile } from './stats';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};

interface Result {
  db: string;
  importMs: number;
  scanMs: number[];
  anomalies: number;
  gateway: { p50: number; p99: number };
  direct: { p50: number; p99: number };
  /**
   * The same query through Hive Gateway's runtime with nothing of ours, and through a plain HTTP forwarder
   * (gateway/src/floor.ts).
   */
  bare: { p50: number; p99: number };
  proxy: { p50: number; p99: number };
  /** 50 clients at once on each route (bench-throughput.ts). */
  throughput: ThroughputRow[];
}

const PB = `query($id: ID!) { unit(by: { id: $id }) { code partyBuilding { rule leaders { code name } guides { code name } explanation anomalies { code message } } } }`;

async function measure(
  db: string,
  hub: RunningHub,
  doc: ReturnType<typeof syntheticProvince>,
  samples: number,
): Promise<Result> {
  const url = hub.gatewayUrl;
  const org = hub.processes.get('org')!.url;
  // Through the gateway as the operator; straight to org signed as the gateway would sign it (one signature per
  // request).
  const gql = (target: string, query: string, variables?: Record<string, unknown>) =>
    rawGql(
      target,
      query,
      variables,
      target === org ? hub.subgraphHeaders('org', JSON.stringify({ query, variables })) : bearer(hub.operatorToken),
    );
  const [imp, importMs] = await timed(() =>
    gql(url, IMPORT_MUTATION, { document: { format: doc.format, units: doc.units, links: doc.links } }),
  );
  if (imp.errors || !imp.data.importUnits.ok)
    throw new Error(`import failed: ${JSON.stringify(imp.errors ?? imp.data.importUnits.problems).slice(0, 2000)}`);
  const scanMs: number[] = [];
  let anomalies = 0;
  for (let i = 0; i < 5; i++) {
    // The scan behind the list, and its first page of 500 (the largest a client may ask for).
    // `first` travels as a variable: the gateway's cost limit multiplies by a literal page size.
    const [r, ms] = await timed(() =>
      gql(url, `query($n: Int) { leadershipAnomalies(first: $n) { totalCount nodes { code unit { code } } } }`, {
        n: 500,
      }),
    );
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    anomalies = r.data.leadershipAnomalies.totalCount;
    scanMs.push(ms);
  }
  // Sample unit ids, then the same query in turn through the gateway, through the two stand-ins
  // for what any gateway costs at least (floor.ts), and straight to org.
  const page = await gql(url, `{ units(first: 500) { nodes { id } } }`);
  const ids: string[] = page.data.units.nodes.map((n: { id: string }) => n.id);
  const [bare, proxy] = [await hub.floor('bare'), await hub.floor('proxy')];
  const routes: Array<(id: string) => Promise<unknown>> = [
    (id) => gql(url, PB, { id }),
    (id) => rawGql(bare, PB, { id }),
    (id) => rawGql(proxy, PB, { id }),
    (id) => gql(org, PB, { id }),
  ];
  const asked = async (route: (id: string) => Promise<unknown>, id: string) => {
    const r = (await route(id)) as { errors?: unknown };
    if (r.errors) throw new Error(JSON.stringify(r.errors).slice(0, 2000));
  };
  for (let i = 0; i < 50; i++) for (const route of routes) await asked(route, ids[i % ids.length]); // warm-up
  const times: number[][] = routes.map(() => []);
  for (let i = 0; i < samples; i++) {
    const id = ids[(i * 7) % ids.length];
    for (const [k, route] of routes.entries()) times[k].push((await timed(() => asked(route, id)))[1]);
  }
  const [viaGateway, viaBare, viaProxy, direct] = times.map((t) => ({
    p50: percentile(t, 50),
    p99: percentile(t, 99),
  }));
  const throughput = await measureThroughput(hub, {
    unitIds: ids,
    requests: Number(arg('throughput-requests', '1500')),
    rounds: Number(arg('rounds', '3')),
  });
  return {
    db,
    importMs,
    scanMs: scanMs.sort((a, b) => a - b),
    anomalies,
    gateway: viaGateway,
    direct,
    bare: viaBare,
    proxy: viaProxy,
    throughput,
  };
}

interface TaskResult {
  db: string;
  /** importTasks calls, tasks and assignments loaded, and how long loading took in all. */
  files: number;
  tasks: number;
  assignments: number;
  /** Assignments counted in the database afterwards (PostgreSQL only). */
  counted: number | null;
  loadMs: number;
  /** The slowest importTasks call. */
  slowestFileMs: number;
  /**
   * The first scan after loading (org evaluates the organisation for the period), apart from the next five (scanMs,
   * sorted).
   */
  firstScanMs: number;
  /**
   * p50 of a walk's second page (after the first page's endCursor: no scan), over five per scan; null without findings.
   */
  nextPageMs: number | null;
  scanMs: number[];
  findings: number;
  byKind: Record<string, number>;
  unit: { p50: number; p99: number };
  /** Findings per sampled unit, on average. */
  unitFindings: number;
  /** Units in the scanned scope, and their assignments in the window (PostgreSQL only). */
  scopeUnits: number;
  scopeAssignments: number | null;
}

const TASK_IMPORT = `mutation($document: JSON!) { importTasks(document: $document) { ok tasks { created unchanged } requiredItems { created unchanged } problems { path message } } }`;
const YEAR = 2026;
const WINDOW = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
/** The whole province's top committee (synthetic.ts). */
const PROVINCE_SCOPE = 'P-SW';
/**
 * The scan's page of 500 findings with their units and tasks weighs more than the gateway's
 * default cost limit allows (GraphQL Armor counts `first`); the benchmark measures that page.
 */
const PAGE_COST = { LIMIT_MAX_COST: '100000' };
/** The scan answers a page of 500 findings (the largest page) with the summary of them all. */
const SCOPE_SCAN = `query($from: Date!, $to: Date!, $after: String) { taskConflicts(scope: "${PROVINCE_SCOPE}", from: $from, to: $to, first: 500, after: $after) {
  totalCount summary { byKind { kind count } } pageInfo { endCursor } nodes { kind message unit { id } tasks { id } } } }`;
const UNIT_CONFLICTS = `query($id: ID!, $from: Date!, $to: Date!) { unit(by: { id: $id }) { taskConflicts(from: $from, to: $to, first: 500) { totalCount nodes { kind message tasks { id } } } } }`;

async function measureTasks(
  db: string,
  hub: RunningHub,
  province: ReturnType<typeof syntheticProvince>,
  doc: SyntheticTasks,
  samples: number,
  chunk: number,
  databaseUrl?: string,
): Promise<TaskResult> {
  const url = hub.gatewayUrl;
  const gql = (query: string, variables?: Record<string, unknown>) =>
    rawGql(url, query, variables, bearer(hub.operatorToken));
  // leadershipTimeline is internal (@inaccessible: not served by the gateway): asked of org directly, signed as the
  // gateway would sign it.
  const orgUrl = hub.processes.get('org')!.url;
  const orgGql = (query: string, variables?: Record<string, unknown>) =>
    rawGql(orgUrl, query, variables, hub.subgraphHeaders('org', JSON.stringify({ query, variables })));
  // Load: each file through the gateway as the operator, one after the other; or the whole as one job.
  const asJob = arg('task-import', 'files') === 'job';
  const files = asJob ? [] : taskChunks(doc, chunk);
  let slowestFileMs = 0;
  let created = 0;
  const [, loadMs] = await timed(async () => {
    if (asJob) {
      const c = { url, headers: bearer(hub.operatorToken) };
      const text = JSON.stringify({ format: doc.format, requiredItems: doc.requiredItems, tasks: doc.tasks });
      const [job, uploadMs] = await timed(async () =>
        uploadRest(c, await startJob(c, 'TASKS', chunksFor(text), false), text),
      );
      console.log(`  [${db}] import job ${job.id}: ${job.total} chunks uploaded in ${(uploadMs / 1000).toFixed(1)} s`);
      let state = '';
      const done = await waitForJob(
        c,
        job.id,
        (j) => {
          if (j.state !== state) console.log(`  [${db}] import job: ${(state = j.state)}`);
        },
        1000,
      );
      if (done.state !== 'DONE')
        throw new Error(`import job ${job.id} ${done.state}: ${JSON.stringify(done.problems).slice(0, 2000)}`);
      created = done.report?.tasks.created ?? 0;
      files.push({ ...doc, assignments: doc.assignments });
    }
    for (const [i, file] of (asJob ? [] : files).entries()) {
      const [r, ms] = await timed(() =>
        gql(TASK_IMPORT, { document: { format: file.format, requiredItems: file.requiredItems, tasks: file.tasks } }),
      );
      if (r.errors || !r.data.importTasks.ok)
        throw new Error(
          `importTasks (file ${i + 1}/${files.length}) failed: ${JSON.stringify(r.errors ?? r.data.importTasks.problems).slice(0, 2000)}`,
        );
      created += r.data.importTasks.tasks.created;
      slowestFileMs = Math.max(slowestFileMs, ms);
      console.log(
        `  [${db}] importTasks ${i + 1}/${files.length}: ${file.tasks.length} tasks, ${file.assignments} assignments, ${(ms / 1000).toFixed(1)} s`,
      );
    }
  });
  if (asJob) slowestFileMs = loadMs; // the one job is the one "file"
  if (created !== doc.tasks.length)
    throw new Error(`importTasks created ${created} tasks, expected ${doc.tasks.length}`);
  let counted: number | null = null;
  if (databaseUrl) {
    const c = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
    counted = Number((await c.unsafe(`select count(*)::int as n from tasks.assignments`))[0].n);
    await c.end();
    if (counted !== doc.assignments)
      console.warn(
        `  [${db}] WARNING: ${counted} assignments in the database, the generator expected ${doc.assignments}`,
      );
  }
  // The province-wide scan over the year: the first one apart (org evaluates the whole
  // organisation for the period then, and keeps it until the next write), then five more.
  const scanMs: number[] = [];
  let firstScanMs = 0;
  let found: {
    totalCount: number;
    summary: { byKind: Array<{ kind: string; count: number }> };
    pageInfo: { endCursor: string | null };
  } = { totalCount: 0, summary: { byKind: [] }, pageInfo: { endCursor: null } };
  // After each first page, its walk's second page, five times: cut from the walk's list (platform's walks.ts), no scan.
  const nextPageMs: number[] = [];
  for (let i = 0; i < 6; i++) {
    const [r, ms] = await timed(() => gql(SCOPE_SCAN, WINDOW));
    if (r.errors) throw new Error(`taskConflicts(scope) failed: ${JSON.stringify(r.errors).slice(0, 2000)}`);
    found = r.data.taskConflicts;
    if (i === 0) firstScanMs = ms;
    else scanMs.push(ms);
    const after = found.pageInfo.endCursor;
    for (let k = 0; after && k < 5; k++) {
      const [next, nextMs] = await timed(() => gql(SCOPE_SCAN, { ...WINDOW, after }));
      if (next.errors)
        throw new Error(`taskConflicts(scope, after) failed: ${JSON.stringify(next.errors).slice(0, 2000)}`);
      if (next.data.taskConflicts.totalCount !== found.totalCount)
        throw new Error("the walk's second page disagrees with its first on totalCount");
      nextPageMs.push(nextMs);
    }
    console.log(
      `  [${db}] taskConflicts(scope: ${PROVINCE_SCOPE}, first: 500): ${found.totalCount} findings, ${ms.toFixed(0)} ms; its next page ${nextPageMs.length ? percentile(nextPageMs, 50).toFixed(0) : '–'} ms (p50 so far)`,
    );
  }
  const byKind: Record<string, number> = {};
  for (const k of found.summary.byKind) if (k.count > 0) byKind[k.kind] = k.count;
  // What the scan covers: the scope's units (org's answer), and on PostgreSQL their assignments in the window.
  const tl = await orgGql(
    `query($from: Date!, $to: Date!) { leadershipTimeline(scope: "${PROVINCE_SCOPE}", from: $from, to: $to) { unit { id } requested } }`,
    WINDOW,
  );
  if (tl.errors) throw new Error(`leadershipTimeline(scope) failed: ${JSON.stringify(tl.errors).slice(0, 2000)}`);
  const members: number[] = tl.data.leadershipTimeline
    .filter((r: { requested: boolean }) => r.requested)
    .map((r: { unit: { id: string } }) => Number(r.unit.id));
  let scopeAssignments: number | null = null;
  if (databaseUrl) {
    const c = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
    scopeAssignments = Number(
      (
        await c.unsafe(
          `select count(*)::int as n from tasks.assignments a join tasks.tasks t on t.id = a.task_id
      where a.unit_id = any($1::int[]) and t.starts_on <= $3 and t.due_on >= $2`,
          [members, WINDOW.from, WINDOW.to],
        )
      )[0].n,
    );
    await c.end();
  }
  // A unit's findings: 500 units spread evenly over the province (every kind), sampled as above.
  const step = Math.max(1, Math.floor(province.units.length / 500));
  const codes = province.units
    .filter((_, i) => i % step === 0)
    .slice(0, 500)
    .map((u) => u.code);
  const page = await gql(`query($codes: [String!]!) { unitsByCode(codes: $codes) { id } }`, { codes });
  const ids: string[] = page.data.unitsByCode.filter((u: { id: string } | null) => u).map((u: { id: string }) => u.id);
  const ask = async (id: string) => {
    const r = await gql(UNIT_CONFLICTS, { id, ...WINDOW });
    if (r.errors) throw new Error(`unit.taskConflicts failed: ${JSON.stringify(r.errors).slice(0, 2000)}`);
    return r.data.unit.taskConflicts.totalCount as number;
  };
  for (let i = 0; i < 50; i++) await ask(ids[i % ids.length]); // warm-up
  const unitMs: number[] = [];
  let unitFindings = 0;
  for (let i = 0; i < samples; i++) {
    const [n, ms] = await timed(() => ask(ids[(i * 7) % ids.length]));
    unitMs.push(ms);
    unitFindings += n;
  }
  return {
    db,
    files: files.length,
    tasks: doc.tasks.length,
    assignments: doc.assignments,
    counted,
    loadMs,
    slowestFileMs,
    firstScanMs,
    scanMs: scanMs.sort((a, b) => a - b),
    nextPageMs: nextPageMs.length ? percentile(nextPageMs, 50) : null,
    findings: found.totalCount,
    byKind,
    unit: { p50: percentile(unitMs, 50), p99: percentile(unitMs, 99) },
    unitFindings: unitFindings / samples,
    scopeUnits: members.length,
    scopeAssignments,
  };
}

const machine = () =>
  `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;

/**
 * `--throughput`: the throughput figures alone, on the demo (PGlite, in memory), in a minute or
 * two: what to run while working on the gateway's cost per request.
 */
async function throughputOnly(): Promise<void> {
  const hub = await startHub({ port: 0, dataDir: 'memory://', env: { LOG_LEVEL: 'error' } });
  try {
    await loadDemoIfEmpty(hub.gatewayUrl, hub.operatorToken);
    const r = await rawGql(hub.gatewayUrl, '{ units(first: 500) { nodes { id } } }', {}, bearer(hub.operatorToken));
    const rows = await measureThroughput(hub, {
      unitIds: r.data.units.nodes.map((u: { id: string }) => u.id),
      clients: Number(arg('clients', '50')),
      requests: Number(arg('requests', '1500')),
      rounds: Number(arg('rounds', '3')),
    });
    const lines = [
      '',
      `## ${new Date().toISOString().slice(0, 10)}: throughput on the demo (PGlite), ${rows[0].clients} clients`,
      '',
      `Machine: ${machine()}. ${rows[0].requests} answers per route after a warm-up, each client sending again as soon as its answer is read; client, gateway and subgraphs share the machine, so only the ratios within this run compare.`,
      '',
      ...throughputTable(rows),
      '',
    ];
    console.log(lines.join('\n'));
    if (!process.argv.includes('--no-append'))
      appendFileSync(path.resolve(__dirname, '..', '..', 'BENCHMARKS.md'), lines.join('\n'));
  } finally {
    await hub.stop();
  }
}

async function main() {
  if (process.argv.includes('--throughput')) return throughputOnly();
  const n = Number(arg('units', '20000'));
  const samples = Number(arg('samples', '500'));
  const only = arg('only', '');
  const planner = arg('planner', process.env.GATEWAY_QUERY_PLANNER ?? 'rust');
  const taskCount = Number(arg('tasks', '400000'));
  const chunk = Number(arg('task-chunk', '50000'));
  const withAssessments = arg('assessments', 'yes') !== 'no';
  const doc = syntheticProvince({ units: n });
  console.log(
    `synthetic province: ${doc.units.length} units, ${doc.links.length} links, planted ${JSON.stringify(doc.planted)}`,
  );
  const tasksDoc = taskCount > 0 ? syntheticTasks(doc, { assignments: taskCount, year: YEAR }) : null;
  if (tasksDoc)
    console.log(
      `synthetic tasks: ${tasksDoc.tasks.length} tasks, ${tasksDoc.assignments} assignments, ${JSON.stringify(tasksDoc.summary)}`,
    );
  const results: Result[] = [];
  const taskResults: TaskResult[] = [];
  const assessmentResults: AssessmentResult[] = [];
  const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  for (const db of ['pglite', 'postgres']) {
    if (only && only !== db) continue;
    let databaseUrl: string | undefined;
    const name = `tk_bench_${Date.now()}`;
    if (db === 'postgres') {
      const a = postgres(admin, { max: 1, onnotice: () => undefined });
      await a.unsafe(`create database ${name}`);
      await a.end();
      const u = new URL(admin);
      u.pathname = `/${name}`;
      databaseUrl = u.toString();
    }
    // A task file with province-wide tasks can take longer than the gateway's default 30 s per subgraph call.
    const timeout: Record<string, string> = tasksDoc ? { UPSTREAM_TIMEOUT_MS: '600000' } : {};
    const hub = await startHub({
      port: 0,
      dataDir: 'memory://',
      databaseUrl,
      env: { LOG_LEVEL: 'error', GATEWAY_QUERY_PLANNER: planner, ...timeout, ...PAGE_COST },
    });
    try {
      const r = await measure(db, hub, doc, samples);
      results.push(r);
      console.log(JSON.stringify(r));
      if (tasksDoc) {
        const t = await measureTasks(db, hub, doc, tasksDoc, samples, chunk, databaseUrl);
        taskResults.push(t);
        console.log(JSON.stringify(t));
      }
      if (withAssessments) {
        const a = await measureAssessments(db, hub, doc);
        assessmentResults.push(a);
        console.log(JSON.stringify(a));
      }
    } finally {
      await hub.stop();
      if (db === 'postgres' && process.argv.includes('--keep'))
        console.log(`kept the database for inspection: ${databaseUrl}`);
      else if (db === 'postgres') {
        const a = postgres(admin, { max: 1, onnotice: () => undefined });
        await a.unsafe(`drop database if exists ${name} with (force)`);
        await a.end();
      }
    }
  }
  const file = path.resolve(__dirname, '..', '..', 'BENCHMARKS.md');
  const f = (x: number) => x.toFixed(1);
  const lines = [
    '',
    `## ${new Date().toISOString().slice(0, 10)}: ${doc.units.length} units, ${doc.links.length} links${tasksDoc ? `, ${tasksDoc.assignments} assignments` : ''}`,
    '',
    `Machine: ${machine()}. Gateway query planner: ${planner}. ${samples} sequential samples per latency figure; client, gateway and subgraphs share the machine. "Bare Hive runtime": the same supergraph and planner with nothing of ours but the signed identity (no authentication, limits, masking, metrics); "plain HTTP forwarder": bytes passed to org as they are (gateway/src/floor.ts).`,
    '',
    '| database | import (s) | full anomaly scan, median of 5 (ms) | anomalies | partyBuilding via gateway p50 / p99 (ms) | direct to org p50 / p99 (ms) | gateway adds at p50 (ms) | bare Hive runtime adds at p50 (ms) | plain HTTP forwarder adds at p50 (ms) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.db} | ${(r.importMs / 1000).toFixed(2)} | ${f(median(r.scanMs))} | ${r.anomalies} | ${f(r.gateway.p50)} / ${f(r.gateway.p99)} | ${f(r.direct.p50)} / ${f(r.direct.p99)} | ${f(r.gateway.p50 - r.direct.p50)} | ${f(r.bare.p50 - r.direct.p50)} | ${f(r.proxy.p50 - r.direct.p50)} |`,
    ),
    '',
    ...results.flatMap((r) => [
      `Throughput, ${r.db}: ${r.throughput[0]?.clients} clients at once, ${r.throughput[0]?.requests} answers per route (bench-throughput.ts).`,
      '',
      ...throughputTable(r.throughput),
      '',
    ]),
  ];
  if (tasksDoc && taskResults.length > 0) {
    const kinds = ['DUPLICATE', 'CONFLICT', 'OVERREACH', 'MISSING', 'CHERRY_PICKING'];
    lines.push(
      `Tasks: ${tasksDoc.tasks.length} tasks making ${tasksDoc.assignments} assignments over ${YEAR} (tools/src/synthetic-tasks.ts: ${tasksDoc.summary.planTasks} tasks of the year plan, ${tasksDoc.summary.scopeTasks} of them by scope, and ${tasksDoc.summary.fillerTasks} monthly branch tasks), loaded through the gateway with \`importTasks\` as the operator in files of at most ${chunk} assignments. Scan: the first page of 500 of \`taskConflicts(scope: "${PROVINCE_SCOPE}", from: "${WINDOW.from}", to: "${WINDOW.to}", first: 500) { totalCount summary { byKind { kind count } } nodes { kind message unit { id } tasks { id } } }\` (the whole list is computed, one page is answered); the walk's next page: the same with \`after\` its \`endCursor\`, five times after each first page (cut from the first page's list: platform's walks.ts). Unit: \`unit(id) { taskConflicts(from, to, first: 500) { totalCount nodes { kind message tasks { id } } } }\` over the same year, ${samples} sequential samples over 500 units spread evenly through the province.`,
      '',
      `| database | load through importTasks (s) | files (slowest, s) | scope: units / assignments in the year | province scan: first / median of the next 5 (ms) | the walk's next page, p50 (ms) | findings (${kinds.map((k) => k.toLowerCase().replace('_', ' ')).join(' / ')}) | unit taskConflicts via gateway p50 / p99 (ms) | findings per sampled unit |`,
      '|---|---|---|---|---|---|---|---|---|',
      ...taskResults.map(
        (t) =>
          `| ${t.db} | ${(t.loadMs / 1000).toFixed(1)} | ${t.files} (${(t.slowestFileMs / 1000).toFixed(1)}) | ${t.scopeUnits} / ${t.scopeAssignments ?? '–'} | ${f(t.firstScanMs)} / ${f(median(t.scanMs))} | ${t.nextPageMs === null ? '–' : f(t.nextPageMs)} | ${t.findings} (${kinds.map((k) => t.byKind[k] ?? 0).join(' / ')}) | ${f(t.unit.p50)} / ${f(t.unit.p99)} | ${t.unitFindings.toFixed(1)} |`,
      ),
      '',
    );
  }
  if (assessmentResults.length > 0) {
    const kinds = ['MULTIPLE_INSPECTIONS', 'EVALUATION_ONLY', 'GRADED_BY_NON_LEADER'];
    lines.push(
      `Assessments: one scheme (issuer P-GW), every unit with a leader graded by (the first of) its leaders on ${'2026-11-10'}, loaded through the gateway with \`importAssessments\` (scored, graded, stored; files of 5,000 submissions); every vertical line unit inspected by its line and by its city's committee in Q2. Ranking: \`scheme(id) { results(first: 100) { totalCount nodes { rank unit { id } finalScore grade } } }\`, median of 5, without a scope (every graded unit) and within scope ZY (org's scope answer included). Findings: \`assessmentFindings(scope: "ZY", year: 2026, first: 500) { totalCount summary { byKind { kind count } } nodes { kind unit { id } bodies { id } } }\`, median of 3${taskResults.length ? ', with the tasks above loaded' : ', without tasks (so every assessor is EVALUATION_ONLY)'}.`,
      '',
      `| database | submissions loaded (s) | inspections | ranking all graded, median (ms) | ranking within ZY, median (ms) | graded | province findings, median (ms) | findings (${kinds.map((k) => k.toLowerCase().replace(/_/g, ' ')).join(' / ')}) |`,
      '|---|---|---|---|---|---|---|---|',
      ...assessmentResults.map(
        (a) =>
          `| ${a.db} | ${a.submissions} (${(a.loadMs / 1000).toFixed(1)}) | ${a.inspections} | ${f(median(a.rankingMs))} | ${f(median(a.rankingScopedMs))} | ${a.graded} | ${f(median(a.findingsMs))} | ${a.findings} (${kinds.map((k) => a.byKind[k] ?? 0).join(' / ')}) |`,
      ),
      '',
    );
  }
  console.log(lines.join('\n'));
  if (process.argv.includes('--no-append')) return; // a trial run: results on the console only
  if (!existsSync(file))
    writeFileSync(
      file,
      '# Benchmarks\n\nResults of `npm run bench`, newest last. Each run: a synthetic province (tools/src/synthetic.ts) imported through the gateway into a fresh hub, then measured through the gateway and straight to the org subgraph.\n',
    );
  appendFileSync(file, lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
