/**
 * The hostile run of `npm run reliability -- --hostile` (RELIABILITY.md, "The hostile run"): what
 * the actors that behave as a probing client would (hostile-load.ts, beside the ordinary mixed
 * load of load.ts) send and check, and the figures of the issue's table.
 *
 * - a synthetic province (synthetic.ts, synthetic-tasks.ts, the bench's assessments) loaded
 *   through the gateway, as `npm run bench` loads it;
 * - VIEWERs of bodies inside the province walking scope-wide findings in pages of 500, each page
 *   checked for its shape and each finished walk for its sum (ARCHITECTURE.md, "Bounded answers");
 * - clients posting 20 MB bodies without a token, which the gateway must refuse (401) after a
 *   small prefix (ARCHITECTURE.md, "The edge");
 * - a recording proxy between the gateway and org, and clients replaying what it captured to org
 *   straight, as it was and with another body, which org must refuse (ARCHITECTURE.md,
 *   "Security"), including right after org was killed and came back with an empty nonce cache;
 * - the gateway's memory, read from /proc/<pid>/status while the run lasts;
 * - every process's captured output, scanned for lines longer than 4 KB.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { IMPORT_MUTATION } from '../demo';
import { bearer, gql, type RunningHub } from '../launcher';
import { measureAssessments } from '../bench-assessments';
import { syntheticProvince } from '../synthetic';
import { syntheticTasks, taskChunks } from '../synthetic-tasks';

export interface HostileOptions {
  /** Units of the synthetic province (default 20,000). */
  units?: number;
  /** Assignments of the synthetic tasks (default 400,000; 0 = none). */
  assignments?: number;
  /** Load the bench's assessments too (default true): assessmentFindings then has findings. */
  assessments?: boolean;
  /** VIEWERs paging findings (default 8). */
  viewers?: number;
  /** Clients posting big bodies without a token (default 4). */
  bigBodies?: number;
  /** Size of those bodies (default 20 MB). */
  bigBodyBytes?: number;
  /** Clients replaying captured signatures (default 2). */
  replayers?: number;
}

/** The province's top committee and its work committee (synthetic.ts): the VIEWERs' bodies and scopes. */
export const VIEWER_BODIES = ['P-SW', 'P-GW'];
export const FINDINGS_YEAR = 2026;
/** P-GW's name in synthetic.ts: a replayed write would change it. */
export const PROVINCE_WORK_COMMITTEE_NAME = '某省直机关工委';
/** The longest log line the issue allows (bytes). */
export const LOG_LINE_LIMIT = 4096;

export interface ProvinceLoad {
  units: number;
  links: number;
  tasks: number;
  assignments: number;
  submissions: number;
  loadMs: number;
}

/** Loads the synthetic province through the gateway as the operator (the bench's way, smaller task files). */
export async function loadProvince(
  h: RunningHub,
  opts: HostileOptions,
  log: (l: string) => void,
): Promise<ProvinceLoad> {
  const t0 = performance.now();
  const call = async (query: string, variables: Record<string, unknown>) => {
    const r = await gql(h.gatewayUrl, query, variables, bearer(h.operatorToken));
    if (r.status !== 200 || r.errors)
      throw new Error(`loading the province failed: ${JSON.stringify(r.errors).slice(0, 2000)}`);
    return r.data;
  };
  const doc = syntheticProvince({ units: opts.units ?? 20_000 });
  const imp = await call(IMPORT_MUTATION, { document: { format: doc.format, units: doc.units, links: doc.links } });
  if (!imp.importUnits.ok)
    throw new Error(`importUnits refused the province: ${JSON.stringify(imp.importUnits).slice(0, 2000)}`);
  log(`province: ${doc.units.length} units, ${doc.links.length} links imported`);
  let tasks = 0;
  let assignments = 0;
  if ((opts.assignments ?? 400_000) > 0) {
    const td = syntheticTasks(doc, { assignments: opts.assignments ?? 400_000, year: FINDINGS_YEAR });
    // Files of 20,000 assignments, as the bench's (the loading hub's gateway waits for them).
    const files = taskChunks(td, 20_000);
    for (const [i, file] of files.entries()) {
      const d = await call(
        `mutation($document: JSON!) { importTasks(document: $document) { ok tasks { created } problems { path message } } }`,
        { document: { format: file.format, requiredItems: file.requiredItems, tasks: file.tasks } },
      );
      if (!d.importTasks.ok)
        throw new Error(`importTasks refused file ${i + 1}: ${JSON.stringify(d.importTasks.problems).slice(0, 2000)}`);
      tasks += d.importTasks.tasks.created;
      if ((i + 1) % 5 === 0 || i === files.length - 1) log(`province: task file ${i + 1}/${files.length} imported`);
    }
    assignments = td.assignments;
  }
  let submissions = 0;
  if (opts.assessments !== false) {
    const a = await measureAssessments('hostile', h, doc);
    submissions = a.submissions;
  }
  return {
    units: doc.units.length,
    links: doc.links.length,
    tasks,
    assignments,
    submissions,
    loadMs: performance.now() - t0,
  };
}

// ---------------------------------------------------------------------------------------------
// Findings, page by page

export type FindingsList = 'taskConflicts' | 'leadershipAnomalies' | 'assessmentFindings';
export const FINDINGS_LISTS: FindingsList[] = ['taskConflicts', 'leadershipAnomalies', 'assessmentFindings'];
export const PAGE_SIZE = 500;

/** The page query of each list: the summary beside a page of 500 (`first` a variable, as a dashboard sends it). */
export const FINDINGS_QUERY: Record<FindingsList, string> = {
  taskConflicts: `query RelConflictsPage($scope: String!, $n: Int!, $after: String) { taskConflicts(scope: $scope, from: "${FINDINGS_YEAR}-01-01", to: "${FINDINGS_YEAR}-12-31", first: $n, after: $after) {
    totalCount summary { total byKind { kind count } } nodes { kind unit { code } } pageInfo { hasNextPage endCursor } } }`,
  leadershipAnomalies: `query RelAnomaliesPage($scope: String!, $n: Int!, $after: String) { leadershipAnomalies(scope: $scope, first: $n, after: $after) {
    totalCount summary { total byCode { code count } } nodes { code unit { code } } pageInfo { hasNextPage endCursor } } }`,
  assessmentFindings: `query RelFindingsPage($scope: String!, $n: Int!, $after: String) { assessmentFindings(scope: $scope, year: ${FINDINGS_YEAR}, first: $n, after: $after) {
    totalCount summary { total byKind { kind count } } nodes { kind unit { code } } pageInfo { hasNextPage endCursor } } }`,
};

/** One walk's state: what the pages so far added up to. */
export interface Walk {
  list: FindingsList;
  pages: number;
  items: number;
  byKind: Map<string, number>;
  totalCount?: number;
  summary?: string;
}

/**
 * What is wrong with one page of a walk (empty: nothing). A page is well formed when it holds at
 * most `first` items, exactly `first` unless it is the last, a cursor to go on from when there is
 * more, every node with its kind and unit, and the same total and summary as the walk's first
 * page; the summary's counts add up to the total. `walk` is updated with the page.
 */
export function checkFindingsPage(walk: Walk, conn: any): string[] {
  const bad: string[] = [];
  if (!conn || !Array.isArray(conn.nodes) || !conn.pageInfo || typeof conn.totalCount !== 'number')
    return ['not a connection'];
  const n = conn.nodes.length;
  if (n > PAGE_SIZE) bad.push(`${n} items in a page of ${PAGE_SIZE}`);
  if (conn.pageInfo.hasNextPage && n !== PAGE_SIZE) bad.push(`${n} items in a page that is not the last`);
  if (conn.pageInfo.hasNextPage && !conn.pageInfo.endCursor) bad.push('no endCursor before the next page');
  const kindOf = (x: any) => x?.kind ?? x?.code;
  if (conn.nodes.some((x: any) => !kindOf(x) || !x.unit?.code)) bad.push('a node without its kind or unit');
  const counts = (walk.list === 'leadershipAnomalies' ? conn.summary?.byCode : conn.summary?.byKind) as
    Array<{ kind?: string; code?: string; count: number }> | undefined;
  if (!counts || conn.summary.total !== conn.totalCount) bad.push('no summary of the whole list beside the page');
  else if (counts.reduce((a, c) => a + c.count, 0) !== conn.totalCount)
    bad.push(`summary adds up to ${counts.reduce((a, c) => a + c.count, 0)}, totalCount ${conn.totalCount}`);
  const summary = JSON.stringify(counts ?? null);
  if (walk.pages === 0) {
    walk.totalCount = conn.totalCount;
    walk.summary = summary;
  } else if (walk.totalCount !== conn.totalCount || walk.summary !== summary)
    bad.push('totalCount or summary changed between pages of one walk');
  walk.pages++;
  walk.items += n;
  for (const x of conn.nodes) walk.byKind.set(kindOf(x), (walk.byKind.get(kindOf(x)) ?? 0) + 1);
  return bad;
}

/** What is wrong with a finished walk: its pages must add up to the total and to the summary, kind by kind. */
export function checkFinishedWalk(
  walk: Walk,
  lastSummary: Array<{ kind?: string; code?: string; count: number }>,
): string[] {
  const bad: string[] = [];
  if (walk.items !== walk.totalCount)
    bad.push(`${walk.items} items over ${walk.pages} pages, totalCount ${walk.totalCount}`);
  for (const c of lastSummary) {
    const k = (c.kind ?? c.code)!;
    if ((walk.byKind.get(k) ?? 0) !== c.count) bad.push(`${k}: ${walk.byKind.get(k) ?? 0} items, summary ${c.count}`);
  }
  return bad;
}

// ---------------------------------------------------------------------------------------------
// Big bodies without a token

export interface BigBodyStats {
  sent: number;
  /** Not answered nor closed within 30 s. */
  timedOut: number;
  /** Answers by HTTP status (0: the connection ended without an answer). */
  byStatus: Record<string, number>;
  /**
   * The most bytes one request had handed to the socket when its answer came: an upper bound of what the gateway read
   * (loopback buffers hold the rest).
   */
  maxBytesBeforeAnswer: number;
  medianBytesBeforeAnswer: number;
  bytesBeforeAnswer: number[];
}

const CHUNK = Buffer.alloc(64 * 1024, 'a');

/**
 * POSTs `size` bytes (a JSON prefix, then padding) without authorization, in 64 KB chunks,
 * stopping as soon as an answer arrives; resolves with the status and the bytes written by then.
 */
export function postBigBody(
  gatewayUrl: string,
  size: number,
  timeoutMs = 30_000,
): Promise<{ status: number; written: number; timedOut: boolean }> {
  const u = new URL(gatewayUrl);
  return new Promise((resolve) => {
    let written = 0;
    let done = false;
    let answered = 0;
    const finish = (status: number, timedOut = false) => {
      if (!done) {
        done = true;
        clearTimeout(timer);
        resolve({ status, written, timedOut });
        req.destroy();
      }
    };
    const req = http.request(
      {
        host: u.hostname === 'localhost' ? '127.0.0.1' : u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(size), connection: 'close' },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        answered = status;
        res.resume();
        res.on('end', () => finish(status));
        res.on('error', () => finish(status));
      },
    );
    const timer = setTimeout(() => finish(0, true), timeoutMs);
    // The gateway closing mid-upload is the point: the write side's EPIPE/ECONNRESET is expected,
    // and the answer may still be read; only a close without one counts as no answer.
    req.on('error', () => undefined);
    req.on('close', () => setImmediate(() => finish(answered)));
    const prefix = Buffer.from('{"query":"{ __typename }","variables":{"pad":"');
    const pump = () => {
      while (!done && written < size) {
        const chunk = written === 0 ? prefix : CHUNK.subarray(0, Math.min(CHUNK.length, size - written));
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!done && written >= size) req.end();
    };
    pump();
  });
}

// ---------------------------------------------------------------------------------------------
// Captured signatures

export interface Captured {
  at: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** org answered it: replayed before, a replay could win the race with the original. */
  answered: boolean;
  replayed?: boolean;
}

/**
 * A proxy between the gateway and org that forwards every request as it is and keeps the last
 * `keep` signed ones. When org is down it drops the gateway's connection, as a dead org would, so
 * the gateway answers as it does without the proxy.
 */
export function recordingProxy(
  port: number,
  keep = 200,
): { server: http.Server; captured: Captured[]; total: () => number } {
  const captured: Captured[] = [];
  let total = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      let entry: Captured | undefined;
      if (headers.signature) {
        total++;
        entry = {
          at: Date.now(),
          method: req.method!,
          path: req.url!,
          headers,
          body: body.toString('utf8'),
          answered: false,
        };
        captured.push(entry);
        if (captured.length > keep) captured.splice(0, captured.length - keep);
      }
      const up = http.request({ host: '127.0.0.1', port, path: req.url, method: req.method, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', () => {
          if (entry && (answer.statusCode ?? 0) < 300) entry.answered = true;
        });
        answer.on('error', () => res.destroy());
      });
      up.on('error', () => req.socket.destroy());
      up.end(body);
    });
  });
  server.keepAliveTimeout = 5_000;
  return { server, captured, total: () => total };
}

export interface ReplayStats {
  /** Replays sent, by how: as captured, or the captured headers with another body. */
  sent: { same: number; other: number; afterRestart: number };
  /** Replays org answered with 2xx: each one a request someone could replay. Must stay 0. */
  accepted: number;
  byStatus: Record<string, number>;
  examples: string[];
}

/** A write on org with another body under captured headers (the incident's `updateUnit`). */
export const REPLAY_OTHER_BODY = JSON.stringify({
  query: 'mutation { updateUnit(input: { code: "P-GW", name: "篡改" }) { code } }',
});

/** Sends a captured request to org straight (content-length recomputed for another body). */
export async function replay(orgUrl: string, c: Captured, body = c.body): Promise<number> {
  const { host: _h, 'content-length': _l, connection: _c, 'transfer-encoding': _t, ...headers } = c.headers;
  try {
    const res = await fetch(`${new URL(orgUrl).origin}${c.path}`, {
      method: c.method,
      headers,
      body,
      signal: AbortSignal.timeout(30_000),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Measures

/** VmRSS and VmHWM (peak) of a process, in bytes; undefined once it is gone. */
export function processMemory(pid: number | undefined): { rss: number; hwm: number } | undefined {
  if (!pid) return undefined;
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** Bytes a process read through read() and its kin so far (`rchar` of /proc/<pid>/io: sockets included). */
export function bytesReadBy(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    return Number(/^rchar:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

/**
 * Samples the gateway's memory every `everyMs` until stopped; the peak is the largest VmHWM seen (every gateway
 * process, if it was restarted).
 */
export function gatewayMemorySampler(
  h: RunningHub,
  everyMs = 250,
): { stop(): { peakBytes: number; baselineBytes: number; lastBytes: number; samples: number; bytesRead: number } } {
  const pid0 = h.processes.get('gateway')?.child.pid;
  const first = processMemory(pid0);
  const read0 = bytesReadBy(pid0);
  let peak = first?.hwm ?? 0;
  let last = first?.rss ?? 0;
  let samples = 0;
  const timer = setInterval(() => {
    const m = processMemory(h.processes.get('gateway')?.child.pid);
    if (!m) return;
    samples++;
    peak = Math.max(peak, m.hwm, m.rss);
    last = m.rss;
  }, everyMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      const pid = h.processes.get('gateway')?.child.pid;
      return {
        peakBytes: peak,
        baselineBytes: first?.rss ?? 0,
        lastBytes: last,
        samples,
        bytesRead: pid === pid0 ? bytesReadBy(pid) - read0 : Number.NaN,
      };
    },
  };
}

/** Lines longer than `limit` bytes in each process's captured output (stdout and stderr). */
export function longLogLines(
  h: RunningHub,
  names: string[],
  limit = LOG_LINE_LIMIT,
): {
  lines: number;
  over: Record<string, number>;
  longest: number;
  example?: string;
  errors: string[];
  nonJson: Record<string, number>;
} {
  const over: Record<string, number> = {};
  const errors: string[] = [];
  const nonJson: Record<string, number> = {};
  let lines = 0;
  let longest = 0;
  let example: string | undefined;
  for (const n of names) {
    for (const line of h.output(n).split('\n')) {
      if (!line) continue;
      lines++;
      const bytes = Buffer.byteLength(line);
      longest = Math.max(longest, bytes);
      const json = line.startsWith('{');
      if (!json) nonJson[n] = (nonJson[n] ?? 0) + 1;
      if (errors.length < 12 && (!json || /"level":"(error|fatal)"/.test(line)))
        errors.push(`${n}: ${line.slice(0, 400)}`);
      if (bytes > limit) {
        over[n] = (over[n] ?? 0) + 1;
        example ??= `${n}: ${line.slice(0, 200)}…`;
      }
    }
  }
  return { lines, over, longest, example, errors, nonJson };
}

/**
 * Polls a process's /readyz until it answers 200 (every 100 ms, at most `boundMs`); resolves with
 * the time it answered (performance.now()), or undefined past the bound. Nothing here restarts
 * anything: the hub's supervisor does (ARCHITECTURE.md, "Supervision").
 */
export async function answeringAgain(port: number, boundMs = 60_000): Promise<number | undefined> {
  const until = performance.now() + boundMs;
  while (performance.now() < until) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(1_000) });
      await res.arrayBuffer();
      if (res.ok) return performance.now();
    } catch {
      // down still
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The table

export interface HostileReport {
  province: ProvinceLoad;
  viewers: {
    count: number;
    bodies: string[];
    pages: number;
    walksFinished: Record<string, number>;
    malformedPages: number;
    examples: string[];
    findings: Record<string, number>;
  };
  bigBodies: BigBodyStats & { clients: number; bytes: number };
  replays: ReplayStats & { clients: number; captured: number };
  /** Killed processes and the seconds until each answered again, untouched. */
  recoveries: Array<{ process: string; at: number; seconds: number | null }>;
  /** Deaths the run did not cause: supervisor restarts beyond the run's own kills, and processes dead at the end. */
  uncausedDeaths: string[];
  /**
   * `bytesRead`: everything the gateway process read during the load (/proc/<pid>/io rchar: every request, every
   * subgraph answer).
   */
  gatewayMemory: { peakBytes: number; baselineBytes: number; lastBytes: number; samples: number; bytesRead: number };
  /**
   * `errors`: the first lines logged at error or fatal, or not JSON at all (a crash's stack), for the record;
   * `nonJson`: such lines per process.
   */
  logs: {
    lines: number;
    over: Record<string, number>;
    longest: number;
    example?: string;
    errors: string[];
    nonJson: Record<string, number>;
  };
  /** Acknowledged writes absent from the database. */
  ackedWritesLost: number;
}

const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;

/** The issue's figures and targets; `ok` per row. */
export function hostileRows(
  r: HostileReport,
): Array<{ figure: string; value: string; target: string; ok: boolean | null }> {
  const worst = Math.max(0, ...r.recoveries.map((x) => x.seconds ?? Number.POSITIVE_INFINITY));
  const overLines = Object.values(r.logs.over).reduce((a, n) => a + n, 0);
  return [
    {
      figure: 'process deaths that the test did not cause',
      value: String(r.uncausedDeaths.length),
      target: '0',
      ok: r.uncausedDeaths.length === 0,
    },
    {
      figure: 'seconds for every killed process to answer again, untouched',
      value:
        r.recoveries.map((x) => `${x.process} ${x.seconds === null ? 'never' : x.seconds.toFixed(1)}`).join(', ') ||
        'none killed',
      target: '5 at most',
      ok: r.recoveries.length > 0 && worst <= 5,
    },
    {
      figure: 'gateway peak memory',
      value: mb(r.gatewayMemory.peakBytes),
      target: 'under 600 MB',
      ok: r.gatewayMemory.peakBytes > 0 && r.gatewayMemory.peakBytes < 600 * 2 ** 20,
    },
    {
      figure: 'replayed requests accepted',
      value: `${r.replays.accepted} of ${r.replays.sent.same + r.replays.sent.other}`,
      target: '0',
      ok: r.replays.accepted === 0 && r.replays.sent.same > 0 && r.replays.sent.other > 0,
    },
    { figure: 'log lines over 4 KB', value: `${overLines} of ${r.logs.lines}`, target: '0', ok: overLines === 0 },
    { figure: 'acknowledged writes lost', value: String(r.ackedWritesLost), target: '0', ok: r.ackedWritesLost === 0 },
    {
      figure: "gateway throughput ÷ bare runtime's, 50 clients, same run",
      value: 'see BENCHMARKS.md',
      target: 'at least 0.8',
      ok: null,
    },
  ];
}

/** The hostile run's part of a RELIABILITY.md section. */
export function hostileMarkdown(r: HostileReport): string {
  const lines: string[] = [];
  const p = r.province;
  lines.push(
    `Province: ${p.units} units, ${p.links} links, ${p.tasks} tasks making ${p.assignments} assignments, ${p.submissions} assessment submissions, loaded through the gateway in ${(p.loadMs / 1000).toFixed(0)} s before the load.`,
  );
  lines.push(
    `Hostile clients: ${r.viewers.count} VIEWERs (${r.viewers.bodies.join(', ')}) walked ${r.viewers.pages} pages of ${PAGE_SIZE} (whole walks: ${
      Object.entries(r.viewers.walksFinished)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || 'none'
    }; items in a whole walk: ${
      Object.entries(r.viewers.findings)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || 'none'
    }; ${r.viewers.malformedPages} malformed pages${r.viewers.examples.length ? `: ${r.viewers.examples.join('; ')}` : ''}); ` +
      `${r.bigBodies.clients} clients sent ${r.bigBodies.sent} bodies of ${mb(r.bigBodies.bytes)} without a token (answers ${Object.entries(
        r.bigBodies.byStatus,
      )
        .map(([s, n]) => `${s === '0' ? 'none' : `HTTP ${s}`} ×${n}`)
        .join(
          ', ',
        )}; bytes handed to the socket before the answer: median ${(r.bigBodies.medianBytesBeforeAnswer / 1024).toFixed(0)} KB, most ${(r.bigBodies.maxBytesBeforeAnswer / 1024).toFixed(0)} KB, loopback buffers included; the gateway read ${Number.isNaN(r.gatewayMemory.bytesRead) ? 'an unknown amount' : mb(r.gatewayMemory.bytesRead)} in all during the load, every other request and subgraph answer included, against ${mb(r.bigBodies.sent * r.bigBodies.bytes)} offered in these bodies); ` +
      `${r.replays.clients} clients replayed ${r.replays.sent.same} captured gateway→org requests as they were and ${r.replays.sent.other} with another body (${r.replays.sent.afterRestart} of them right after org came back; answers ${Object.entries(
        r.replays.byStatus,
      )
        .map(([s, n]) => `${s === '0' ? 'none' : `HTTP ${s}`} ×${n}`)
        .join(', ')}).`,
  );
  lines.push(
    `Gateway memory (VmRSS / VmHWM from /proc): ${mb(r.gatewayMemory.baselineBytes)} before the load, peak ${mb(r.gatewayMemory.peakBytes)}, ${mb(r.gatewayMemory.lastBytes)} at the end (${r.gatewayMemory.samples} samples). Log lines: ${r.logs.lines}, the longest ${r.logs.longest} bytes; not JSON: ${
      Object.entries(r.logs.nonJson)
        .map(([n, c]) => `${n} ${c}`)
        .join(', ') || 'none'
    }.`,
  );
  if (r.uncausedDeaths.length) lines.push(`Deaths the run did not cause: ${r.uncausedDeaths.join('; ')}.`);
  if (r.logs.errors.length)
    lines.push(
      `First lines logged at error or fatal, or not JSON: ${r.logs.errors.map((l) => `\`${l.replace(/`/g, "'").slice(0, 300)}\``).join('; ')}.`,
    );
  lines.push('');
  lines.push('| figure | this run | target | met |');
  lines.push('|---|---|---|---|');
  for (const row of hostileRows(r))
    lines.push(
      `| ${row.figure} | ${row.value} | ${row.target} | ${row.ok === null ? '–' : row.ok ? 'yes' : '**no**'} |`,
    );
  lines.push('');
  return lines.join('\n');
}
