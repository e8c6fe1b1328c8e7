/**
 * Proof under load and faults (RELIABILITY.md): a mixed read/write load through the gateway
 * from N concurrent clients while the driver SIGKILLs and restarts subgraphs and, on
 * PostgreSQL, terminates the hub's database backends, and a side actor sends bursts of
 * mutually conflicting writes; then a check, against the database and through the API, that
 * every acknowledged write is present exactly once (its audit record too), that unacknowledged
 * writes are present at most once, that of each burst at most one write won, and that every
 * answer that was not a success is one of the failures a fault explains.
 *
 * Used by `npm run reliability` (reliability-cli.ts) and test/src/load.e2e.spec.ts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { loadDemoIfEmpty } from './demo';
import { bearer, freePort, gql, startHub, type RunningHub } from './launcher';
import {
  answeringAgain, checkFindingsPage, hostileMarkdown, checkFinishedWalk, FINDINGS_LISTS, FINDINGS_QUERY, gatewayMemorySampler, hostileRows, loadProvince, longLogLines,
  PAGE_SIZE, postBigBody, PROVINCE_WORK_COMMITTEE_NAME, recordingProxy, replay, REPLAY_OTHER_BODY, VIEWER_BODIES,
  type BigBodyStats, type HostileOptions, type HostileReport, type ProvinceLoad, type ReplayStats, type Walk,
} from './reliability/hostile';

/** The hostile run's big-body client, for the end-to-end test of the gateway's lingering close. */
export { postBigBody };

const ROOT = path.resolve(__dirname, '..', '..');

/** `findings`: a hostile VIEWER's page of scope-wide findings (never picked by the mixed clients). */
export type OpKind = 'unit' | 'units' | 'anomalies' | 'federated' | 'createUnit' | 'changeUnitFacts' | 'createLink' | 'findings';
export const OP_KINDS: Array<Exclude<OpKind, 'findings'>> = ['unit', 'units', 'anomalies', 'federated', 'createUnit', 'changeUnitFacts', 'createLink'];
const WRITES = new Set<OpKind>(['createUnit', 'changeUnitFacts', 'createLink']);

/** Relative weight of each operation in a client's picks (a write that needs the client's own unit first creates one). */
export const DEFAULT_MIX: Record<Exclude<OpKind, 'findings'>, number> = {
  unit: 28, units: 10, anomalies: 8, federated: 12, createUnit: 18, changeUnitFacts: 15, createLink: 9,
};

export type WriteTarget =
  | { op: 'createUnit'; code: string }
  | { op: 'changeUnitFacts'; code: string; validFrom: string }
  | { op: 'createLink'; from: string; to: string; kind: string; validFrom: string };

export interface ErrorSeen {
  code?: string;
  service?: string;
  path?: string;
  message: string;
}

/** One request of the load, as the client saw it. Times are ms since the load started. */
export interface RequestRecord {
  id: string;
  client: number;
  kind: OpKind;
  write: boolean;
  as: 'operator' | 'ADMIN' | 'EDITOR' | 'VIEWER';
  start: number;
  end: number;
  /** HTTP status; 0 when no answer came (network error or client-side timeout). */
  status: number;
  failure?: 'timeout' | 'network' | 'non-json';
  failureDetail?: string;
  hasData: boolean;
  errors: ErrorSeen[];
  /** The answer carried the same x-request-id. */
  echoed: boolean;
  /** Writes: HTTP 200, no errors, the mutation's field present. */
  acked: boolean;
  target?: WriteTarget;
  /** A read of the client's own acknowledged unit that did not find it. */
  lostRead?: boolean;
  /** One of a burst of concurrent writes with the same key (see `contention`): CONFLICT is the expected refusal. */
  burst?: number;
  /** The plan's segment the request belongs to (a planned run: `ReliabilityOptions.plan`). */
  segment?: number;
}

export interface FaultEvent {
  name: string;
  kind: 'kill' | 'terminate';
  /** The subgraph killed, or `postgres`. */
  target: string;
  start: number;
  /** Killed and restarted (readiness answered), or backends terminated. */
  end: number;
  /** `end` plus the grace period: errors the fault explains may be answered until then. */
  windowEnd: number;
  detail: string;
}

export interface KindStats {
  count: number;
  ok: number;
  acked?: number;
  failed: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface Invariant {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ReliabilityReport {
  database: 'pglite' | 'postgres';
  startedAt: string;
  machine: { cpus: number; cpu: string; memGiB: number; node: string; os: string; loadAverageAtStart: number };
  clients: number;
  /** Clients acting for the body (ADMIN, EDITOR); the rest act as the operator. */
  identities: Record<string, number>;
  plannedSeconds: number;
  /**
   * A planned run (`ReliabilityOptions.plan`): its segments in order, what each was (steady,
   * or during a fault), the operations each client ran in it and the bursts run in it.
   */
  plan?: Array<{ segment: number; during?: string; operations: number; bursts: OpKind[] }>;
  requestTimeoutMs: number;
  /** Wall time of the load phase (ms): longer than planned when a restart was slow. */
  loadMs: number;
  faults: FaultEvent[];
  totals: {
    requests: number;
    reads: number;
    writes: number;
    ackedWrites: number;
    unackedWrites: number;
    unackedCommitted: number;
    requestsPerSecond: number;
    ackedWritesPerSecond: number;
  };
  byKind: Record<string, KindStats>;
  /** Errors per period: the fault windows and the steady periods between them. */
  periods: Array<{ name: string; start: number; end: number; requests: number; ackedWrites: number; okReads: number; errors: Record<string, number> }>;
  verification: {
    acked: { createUnit: number; changeUnitFacts: number; createLink: number };
    auditRowsOfRun: number;
    unitsOfRun: number;
    /** Bursts of conflicting writes by kind, and how many of them had one write acknowledged. */
    bursts: Record<string, { bursts: number; oneAcknowledged: number }>;
    /** Writes that were not acknowledged but did commit (their answer was lost), with the fault they met. */
    committedUnacknowledged: Array<{ id: string; kind: OpKind; start: number; end: number; error: string; fault: string }>;
  };
  invariants: Invariant[];
  /** Up to 25 responses no fault explains, for the record. */
  unexpected: Array<Pick<RequestRecord, 'id' | 'kind' | 'start' | 'end' | 'status' | 'failure' | 'failureDetail' | 'errors'>>;
  ok: boolean;
  /** Last lines of each process's log, when something failed. */
  logs?: Record<string, string>;
  /** Every request (with `keepRecords`). */
  records?: RequestRecord[];
  /** The hostile run's figures (`ReliabilityOptions.hostile`). */
  hostile?: HostileReport;
}

export interface ReliabilityOptions {
  /** Concurrent clients (default 50). */
  clients?: number;
  /** Planned length of the load phase in seconds (default 30). */
  seconds?: number;
  /**
   * PostgreSQL URL of a server on which a throw-away database is created (and dropped after);
   * absent = PGlite, file-backed in a temporary folder (a killed org must find its data again).
   */
  adminDatabaseUrl?: string;
  /** SIGKILL and restart the org subgraph (default true). */
  killOrg?: boolean;
  /** SIGKILL and restart the tasks subgraph (default true): partial answers. */
  killTasks?: boolean;
  /** How many times to terminate the hub's PostgreSQL backends (PostgreSQL only; default 2). */
  terminations?: number;
  /** How long a killed subgraph stays down before the restart begins (default 1000 ms). */
  downMs?: number;
  /** After a fault is over, how long errors it explains are still expected (default 2000 ms). */
  graceMs?: number;
  /**
   * A request not answered within this is a hang (default 35000 ms: the gateway's own bound on
   * a subgraph call, UPSTREAM_TIMEOUT_MS 30 s, plus 5 s; a slower answer is the gateway failing
   * to bound it, not a slow subgraph).
   */
  requestTimeoutMs?: number;
  /**
   * Share of the clients acting for 四川省直机关工委 (half as ADMIN, half as EDITOR) rather than as
   * the hub's operator (default 0.5). Their requests check the jurisdiction, which is recomputed
   * after every write.
   */
  scopedShare?: number;
  mix?: Partial<Record<OpKind, number>>;
  /**
   * Every this many ms (default 1000; 0 = never), a burst of 8 concurrent writes that conflict
   * with each other, as the operator: the same new fact version of one unit, overlapping links
   * into one unit, or the same new unit code. At most one of each burst may be acknowledged.
   */
  burstEveryMs?: number;
  /**
   * Run a fixed plan instead of a timed load (the test in `npm test`: what it checks does not
   * depend on how fast the machine is). The run is a sequence of segments: steady, then for
   * each planned fault one segment during it and one steady after it. In every segment each
   * client runs exactly `operationsPerSegment` operations (its own seeded sequence); a fault
   * begins only once every client finished the segment before it, and a killed subgraph is
   * restarted only once every client finished the segment during its absence. Each steady
   * segment also runs one burst of each kind (createUnit, changeUnitFacts, createLink), so
   * every kind runs, outside every fault, as many times as there are steady segments.
   * `seconds` and `burstEveryMs` are then unused.
   */
  plan?: { operationsPerSegment: number };
  /** Put every request's record into the report. */
  keepRecords?: boolean;
  /**
   * The hostile run (RELIABILITY.md, "The hostile run"; timed runs only): a synthetic province
   * loaded first, the hub supervised (killed processes come back by themselves), and beside the
   * mixed clients VIEWERs paging findings, clients posting big bodies without a token and
   * clients replaying captured signatures; `clients` counts them all.
   */
  hostile?: HostileOptions;
  log?: (line: string) => void;
}

// ---------------------------------------------------------------------------------------------
// Operations

const Q_UNIT = `query RelUnit($code: String!) { unit(code: $code) { code name partyBuilding { rule leaders { code } guides { code } anomalies { code } } } }`;
const Q_UNITS = `query RelUnits { units(first: 20, filter: { under: "SC-JGGW" }) { totalCount nodes { code name } pageInfo { hasNextPage endCursor } } }`;
const Q_ANOMALIES = `query RelAnomalies { leadershipAnomalies(scope: "SC-JGGW", first: 50) { totalCount summary { byCode { code count } } nodes { code unit { code } } pageInfo { hasNextPage endCursor } } }`;
const Q_FEDERATED = `query RelFederated($code: String!) { unit(code: $code) { code name } task(id: "1") { id } scheme(id: "1") { id } }`;
const M_CREATE_UNIT = `mutation RelCreateUnit($input: CreateUnitInput!) { createUnit(input: $input) { id code } }`;
const M_CHANGE_FACTS = `mutation RelChangeFacts($input: ChangeFactsInput!) { changeUnitFacts(input: $input) { id code } }`;
const M_CREATE_LINK = `mutation RelCreateLink($input: CreateLinkInput!) { createLink(input: $input) { id } }`;

/** Demo units inside 四川省直机关工委's jurisdiction (every client may read them). */
const DEMO_READS = ['SC-DZJ', 'SC-QXJ', 'SC-KSJ', 'SC-SWJ', 'SC-TJD', 'SC-XFZD', 'SC-SLXF', 'SC-CDHG', 'SC-JGGW'];
/** The demo body the scoped clients act for, and the locality of every unit the load creates. */
const BODY = 'SC-JGGW';
const UNIT_FROM = '2020-01-01';

const day = (offset: number) => new Date(Date.UTC(2020, 0, 1 + offset)).toISOString().slice(0, 10);

/** Error text a client must never see: stacks, SQL, driver messages, internal addresses. */
const LEAK_RE = /\n\s+at |stack|\bselect\b[^"]*\bfrom\b|\binsert into\b|\bupdate\b[^"]*\bset\b|ECONN|EPIPE|socket hang up|127\.0\.0\.1|localhost|postgres|pglite|drizzle|terminating connection|sqlstate/i;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// ---------------------------------------------------------------------------------------------
// The database, read directly (the owner's view: superuser, no row-level security)

interface DbState {
  units: Map<string, number>;
  facts: Map<string, number>;
  links: Map<string, number>;
  audit: Map<string, Array<{ operation: string; target: string }>>;
  /** Pairs of fact versions of one unit, or of links with the same ends and kind, whose intervals overlap (database only). */
  overlaps: string[];
}

const factKey = (code: string, validFrom: string) => `${code}|${validFrom}`;
const linkKey = (from: string, to: string, kind: string, validFrom: string) => `${from}|${to}|${kind}|${validFrom}`;

function stateQueries(unitPrefix: string, ridPrefix: string): Record<string, string> {
  if (!/^[A-Za-z0-9-]+$/.test(unitPrefix + ridPrefix)) throw new Error('unsafe prefix');
  return {
    units: `select code, count(*)::int as n from org.units where code like '${unitPrefix}%' group by code`,
    facts: `select u.code, f.valid_from::text as valid_from, count(*)::int as n from org.unit_facts f join org.units u on u.id = f.unit_id
      where u.code like '${unitPrefix}%' group by u.code, f.valid_from`,
    links: `select fu.code as from_code, tu.code as to_code, l.kind::text as kind, l.valid_from::text as valid_from, count(*)::int as n
      from org.links l join org.units fu on fu.id = l.from_id join org.units tu on tu.id = l.to_id
      where tu.code like '${unitPrefix}%' group by 1, 2, 3, 4`,
    audit: `select request_id, operation, target from org.audit_log where request_id like '${ridPrefix}%'`,
    overlaps: `select 'facts ' || u.code || ' ' || a.valid_from || '/' || b.valid_from as what from org.unit_facts a
        join org.unit_facts b on a.unit_id = b.unit_id and a.id < b.id join org.units u on u.id = a.unit_id
        where u.code like '${unitPrefix}%' and daterange(a.valid_from, a.valid_to, '[]') && daterange(b.valid_from, b.valid_to, '[]')
      union all
      select 'links ' || fu.code || '→' || tu.code || ' ' || a.kind || ' ' || a.valid_from || '/' || b.valid_from from org.links a
        join org.links b on a.from_id = b.from_id and a.to_id = b.to_id and a.kind = b.kind and a.id < b.id
        join org.units fu on fu.id = a.from_id join org.units tu on tu.id = a.to_id
        where tu.code like '${unitPrefix}%' and daterange(a.valid_from, a.valid_to, '[]') && daterange(b.valid_from, b.valid_to, '[]')`,
  };
}

function toState(rows: Record<string, Array<Record<string, unknown>>>): DbState {
  const s: DbState = { units: new Map(), facts: new Map(), links: new Map(), audit: new Map(), overlaps: rows.overlaps.map((r) => String(r.what)) };
  for (const r of rows.units) s.units.set(String(r.code), Number(r.n));
  for (const r of rows.facts) s.facts.set(factKey(String(r.code), String(r.valid_from)), Number(r.n));
  for (const r of rows.links) s.links.set(linkKey(String(r.from_code), String(r.to_code), String(r.kind), String(r.valid_from)), Number(r.n));
  for (const r of rows.audit) {
    const list = s.audit.get(String(r.request_id)) ?? [];
    list.push({ operation: String(r.operation), target: String(r.target) });
    s.audit.set(String(r.request_id), list);
  }
  return s;
}

async function postgresState(url: string, queries: Record<string, string>): Promise<DbState> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    const rows: Record<string, Array<Record<string, unknown>>> = {};
    for (const [name, q] of Object.entries(queries)) rows[name] = [...(await sql.unsafe(q))];
    return toState(rows);
  } finally {
    await sql.end();
  }
}

/** PGlite, after the hub stopped, in a child process (PGlite needs ES modules, which jest's sandbox lacks). */
function pgliteState(dataDir: string, queries: Record<string, string>): Promise<DbState> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'tools', 'dist', 'reliability-pglite.js')], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`reading the PGlite folder failed (exit ${code}): ${err.slice(-2000)}`));
      try {
        resolve(toState(JSON.parse(out)));
      } catch (e) {
        reject(e);
      }
    });
    child.stdin.end(JSON.stringify({ dataDir, queries }));
  });
}

/** The same facts through the API (the operator, through the gateway). */
async function apiState(url: string, token: string, unitPrefix: string, ridPrefix: string): Promise<DbState> {
  const s: DbState = { units: new Map(), facts: new Map(), links: new Map(), audit: new Map(), overlaps: [] };
  const call = async (query: string, variables: Record<string, unknown>) => {
    const r = await gql(url, query, variables, bearer(token));
    if (r.status !== 200 || r.errors) throw new Error(`verification query failed (HTTP ${r.status}): ${JSON.stringify(r.errors).slice(0, 1000)}`);
    return r.data;
  };
  // `first` travels as a variable: the gateway's cost limit multiplies by a literal page size.
  let after: string | null = null;
  for (;;) {
    const d: any = await call(`query RelVerifyUnits($n: Int!, $after: String, $s: String!) {
      units(first: $n, after: $after, filter: { search: $s }) {
        nodes { code factVersions { validFrom } links(direction: IN, kinds: [BUSINESS]) { nodes { kind validFrom from { code } } pageInfo { hasNextPage } } }
        pageInfo { hasNextPage endCursor } } }`, { n: 500, after, s: unitPrefix });
    for (const n of d.units.nodes) {
      if (!n.code.startsWith(unitPrefix)) continue;
      s.units.set(n.code, (s.units.get(n.code) ?? 0) + 1);
      for (const f of n.factVersions) s.facts.set(factKey(n.code, f.validFrom), (s.facts.get(factKey(n.code, f.validFrom)) ?? 0) + 1);
      // A unit's business links: a few, within the default page of 50 (checked, never cut short silently).
      if (n.links.pageInfo.hasNextPage) throw new Error(`verification: ${n.code} has more than one page of business links`);
      for (const l of n.links.nodes) {
        const k = linkKey(l.from?.code ?? '?', n.code, l.kind, l.validFrom);
        s.links.set(k, (s.links.get(k) ?? 0) + 1);
      }
    }
    if (!d.units.pageInfo.hasNextPage) break;
    after = d.units.pageInfo.endCursor;
  }
  after = null;
  for (;;) {
    const d: any = await call(`query RelVerifyAudit($n: Int!, $after: String) { auditLog(first: $n, after: $after) {
      nodes { id requestId operation target } pageInfo { hasNextPage endCursor } } }`, { n: 500, after });
    for (const e of d.auditLog.nodes) {
      if (!e.requestId?.startsWith(ridPrefix)) continue;
      const list = s.audit.get(e.requestId) ?? [];
      list.push({ operation: e.operation, target: e.target });
      s.audit.set(e.requestId, list);
    }
    if (!d.auditLog.pageInfo.hasNextPage) break;
    after = d.auditLog.pageInfo.endCursor;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// The run

interface OwnUnit {
  code: string;
  nextDay: number;
  linkTried: boolean;
}

export async function runReliability(opts: ReliabilityOptions = {}): Promise<ReliabilityReport> {
  const clients = opts.clients ?? 50;
  const seconds = opts.seconds ?? 30;
  const downMs = opts.downMs ?? 1000;
  const graceMs = opts.graceMs ?? 2000;
  const timeoutMs = opts.requestTimeoutMs ?? 35_000;
  const scopedShare = opts.scopedShare ?? 0.5;
  const mix = { ...DEFAULT_MIX, ...(opts.mix ?? {}) };
  const log = opts.log ?? (() => undefined);
  const pg = !!opts.adminDatabaseUrl;
  const terminations = pg ? (opts.terminations ?? 2) : 0;
  const tag = Math.random().toString(36).slice(2, 8).toUpperCase();
  const unitPrefix = `RL-${tag}-`;
  const ridPrefix = `rl-${tag.toLowerCase()}-`;
  const startedAt = new Date().toISOString();
  const loadAtStart = os.loadavg()[0];

  // A hub of its own: a throw-away PostgreSQL database, or a PGlite folder on disk.
  let databaseUrl: string | undefined;
  let dbName: string | undefined;
  let dataDir: string | undefined;
  if (pg) {
    dbName = `tk_rel_${process.pid}_${tag.toLowerCase()}`;
    const admin = postgres(opts.adminDatabaseUrl!, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database ${dbName}`);
    await admin.end();
    const u = new URL(opts.adminDatabaseUrl!);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'tk-rel-'));
  }
  const hostile = opts.hostile;
  if (hostile && opts.plan) throw new Error('the hostile run is timed: no plan');
  let hub: RunningHub | undefined;
  // Hostile: a recording proxy between the gateway and org captures the signed requests the
  // clients replay (org keeps its port across restarts, so the proxy finds it again).
  const orgPort = hostile ? await freePort() : 0;
  const proxy = hostile ? recordingProxy(orgPort) : undefined;
  let province: ProvinceLoad | undefined;
  try {
    let hubOpts: Parameters<typeof startHub>[0] = { port: 0, dataDir: dataDir ?? 'memory://', databaseUrl, env: { LOG_LEVEL: 'error' } };
    if (hostile && proxy) {
      await new Promise<void>((r) => proxy.server.listen(0, '127.0.0.1', () => r()));
      const proxyUrl = `http://127.0.0.1:${(proxy.server.address() as { port: number }).port}/graphql`;
      // As deployed: supervised, logging at info (every process's lines are scanned afterwards).
      hubOpts = { ...hubOpts, env: { LOG_LEVEL: 'info' }, supervise: true, subgraphPorts: { org: orgPort }, gatewayUpstreams: { org: proxyUrl } };
    }
    if (hostile) {
      // The province is loaded by a hub of its own on the same database, whose gateway waits
      // for long imports (UPSTREAM_TIMEOUT_MS, as `npm run bench` does); the hub under test then
      // starts on the loaded database with every default.
      const loader = await startHub({ port: 0, dataDir: dataDir ?? 'memory://', databaseUrl, env: { LOG_LEVEL: 'error', UPSTREAM_TIMEOUT_MS: '900000' } });
      try {
        const demo = await loadDemoIfEmpty(loader.gatewayUrl, loader.operatorToken);
        if (!demo.loaded) throw new Error('the fresh hub was not empty');
        province = await loadProvince(loader, hostile, log);
      } finally {
        await loader.stop();
      }
    }
    hub = await startHub(hubOpts);
    if (!hostile) {
      const demo = await loadDemoIfEmpty(hub.gatewayUrl, hub.operatorToken);
      if (!demo.loaded) throw new Error('the fresh hub was not empty');
    }
    log(`hub up on ${pg ? `PostgreSQL (${dbName})` : `PGlite (${dataDir})`}, demo loaded; run ${tag}: ${clients} clients, ${seconds} s`);
    const report = await load(hub);
    return report;
  } finally {
    if (hub) await hub.stop().catch(() => undefined);
    proxy?.server.close();
    proxy?.server.closeAllConnections();
    if (dbName) {
      const admin = postgres(opts.adminDatabaseUrl!, { max: 1, onnotice: () => undefined });
      await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
      await admin.end();
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }

  async function load(h: RunningHub): Promise<ReliabilityReport> {
    const url = h.gatewayUrl;
    const tokens = {
      operator: h.operatorToken,
      ADMIN: await h.token({ body: BODY, role: 'ADMIN', subject: 'rel-admin', ttl: '2h' }),
      EDITOR: await h.token({ body: BODY, role: 'EDITOR', subject: 'rel-editor', ttl: '2h' }),
      VIEWER: '',
    };
    const viewerTokens = hostile
      ? await Promise.all(VIEWER_BODIES.map((body) => h.token({ body, role: 'VIEWER', subject: `rel-viewer-${body.toLowerCase()}`, ttl: '2h' })))
      : [];
    // Hostile: the clients that are not mixed ones.
    const viewers = hostile ? (hostile.viewers ?? 8) : 0;
    const bigClients = hostile ? (hostile.bigBodies ?? 4) : 0;
    const replayers = hostile ? (hostile.replayers ?? 2) : 0;
    const mixedClients = clients - viewers - bigClients - replayers;
    if (mixedClients < 1) throw new Error(`${clients} clients leave none for the mixed load after ${viewers + bigClients + replayers} hostile ones`);
    const recoveries: HostileReport['recoveries'] = [];
    const caused: string[] = [];
    const bigBytes = hostile?.bigBodyBytes ?? 20 * 2 ** 20;
    const big: BigBodyStats = { sent: 0, timedOut: 0, byStatus: {}, maxBytesBeforeAnswer: 0, medianBytesBeforeAnswer: 0, bytesBeforeAnswer: [] };
    const replays: ReplayStats = { sent: { same: 0, other: 0, afterRestart: 0 }, accepted: 0, byStatus: {}, examples: [] };
    const viewerStats = { pages: 0, malformedPages: 0, walksFinished: {} as Record<string, number>, findings: {} as Record<string, number>, examples: [] as string[] };
    const memory = hostile ? gatewayMemorySampler(h) : undefined;
    const records: RequestRecord[] = [];
    const faults: FaultEvent[] = [];
    const planLog: NonNullable<ReliabilityReport['plan']> = [];
    const t0 = performance.now();
    const now = () => performance.now() - t0;
    let stopAt = Number.POSITIVE_INFINITY; // set when the fault schedule is done
    const loadMs = seconds * 1000;

    async function send(rec: RequestRecord, query: string, variables: Record<string, unknown>, token: string, boundMs = timeoutMs): Promise<any> {
      rec.start = now();
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
            authorization: `Bearer ${token}`,
            'x-request-id': rec.id,
          },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(boundMs),
        });
        rec.status = res.status;
        rec.echoed = res.headers.get('x-request-id') === rec.id;
        const text = await res.text();
        rec.end = now();
        let body: any;
        try {
          body = JSON.parse(text);
        } catch {
          rec.failure = 'non-json';
          rec.failureDetail = text.slice(0, 300);
          return undefined;
        }
        rec.hasData = body.data != null;
        rec.errors = (body.errors ?? []).map((e: any) => ({
          code: e.extensions?.code, service: e.extensions?.serviceName, path: e.path?.join('.'), message: String(e.message),
        }));
        const leak = (body.errors ?? []).find((e: any) => LEAK_RE.test(JSON.stringify(e)));
        if (leak) rec.errors.push({ code: 'LEAK', message: JSON.stringify(leak).slice(0, 500) });
        return body;
      } catch (e) {
        rec.end = now();
        const err = e as Error & { cause?: { code?: string } };
        rec.failure = err.name === 'TimeoutError' || err.name === 'AbortError' ? 'timeout' : 'network';
        rec.failureDetail = `${err.name}: ${err.message}${err.cause?.code ? ` (${err.cause.code})` : ''}`;
        return undefined;
      }
    }

    const newRecord = (id: string, client: number, kind: OpKind, target?: WriteTarget, burst?: number, as: RequestRecord['as'] = 'operator'): RequestRecord => {
      const rec: RequestRecord = {
        id, client, kind, write: WRITES.has(kind), as, start: 0, end: 0, status: 0, hasData: false, errors: [], echoed: false, acked: false,
        ...(target ? { target } : {}), ...(burst ? { burst } : {}), ...(planned ? { segment: phase } : {}),
      };
      records.push(rec);
      return rec;
    };
    /** Sends a mutation; acknowledged = HTTP 200, no errors, the mutation's field present. */
    const write = async (rec: RequestRecord, query: string, input: Record<string, unknown>) => {
      const body = await send(rec, query, { input }, tokens[rec.as]);
      rec.acked = rec.status === 200 && !rec.failure && rec.errors.length === 0 && body?.data?.[rec.kind] != null;
      return rec.acked;
    };
    const unitInput = (code: string) => ({
      code, name: `负载验证单位 ${code}`, kind: 'GRASSROOTS_UNIT', level: 'PROVINCIAL', region: '510000', validFrom: UNIT_FROM,
      facts: { partyRelationMode: 'TERRITORIAL', businessMode: 'TERRITORIAL', locality: BODY },
    });

    // A planned run (opts.plan): the segment every client may run now, and how many clients
    // finished each segment. A client waits (on a promise, not a clock) for its next segment.
    const planned = opts.plan;
    const segments = 1 + 2 * ((opts.killOrg !== false ? 1 : 0) + (opts.killTasks !== false ? 1 : 0) + terminations);
    let phase = -1;
    let phaseOpened: () => void = () => undefined;
    let phaseOpen = new Promise<void>((r) => { phaseOpened = r; });
    const finished = new Array<number>(segments).fill(0);
    let segmentDone: () => void = () => undefined;
    const openPhase = (s: number) => {
      phase = s;
      const was = phaseOpened;
      phaseOpen = new Promise<void>((r) => { phaseOpened = r; });
      was();
    };
    /** Planned: true while client `i` has operations left, after waiting for their segment. */
    const nextPlanned = async (i: number, done: number): Promise<boolean> => {
      const per = planned!.operationsPerSegment;
      const segment = Math.floor(done / per);
      if (done > 0 && done % per === 0) {
        finished[segment - 1]++;
        segmentDone();
      }
      if (segment >= segments) return false;
      while (phase < segment) await phaseOpen;
      return true;
    };

    async function client(i: number): Promise<void> {
      const rnd = mulberry32(0x9e3779b9 ^ (i * 7919));
      // Spread evenly: client i acts for the body when the scoped share crosses an integer at i.
      const scoped = Math.floor((i + 1) * scopedShare) > Math.floor(i * scopedShare);
      const as: RequestRecord['as'] = !scoped ? 'operator' : Math.floor(i * scopedShare) % 2 === 0 ? 'ADMIN' : 'EDITOR';
      const token = tokens[as];
      const own: OwnUnit[] = [];
      const total = OP_KINDS.reduce((a, k) => a + mix[k], 0);
      let seq = 0;
      let created = 0;
      while (planned ? await nextPlanned(i, seq) : now() < stopAt) {
        let x = rnd() * total;
        let kind = OP_KINDS.find((k) => (x -= mix[k]) < 0) ?? 'unit';
        if (kind === 'createLink' && as === 'EDITOR') kind = 'changeUnitFacts'; // links are the ADMIN's
        const linkable = own.filter((u) => !u.linkTried);
        if ((kind === 'changeUnitFacts' && own.length === 0) || (kind === 'createLink' && linkable.length === 0)) kind = 'createUnit';
        const id = `${ridPrefix}c${i}-${++seq}`;
        switch (kind) {
          case 'unit':
          case 'federated': {
            // Now and then the client's own acknowledged unit: read-your-writes.
            const ownRead = own.length && rnd() < 0.3 ? own[Math.floor(rnd() * own.length)].code : undefined;
            const rec = newRecord(id, i, kind, undefined, undefined, as);
            const body = await send(rec, kind === 'unit' ? Q_UNIT : Q_FEDERATED, { code: ownRead ?? DEMO_READS[Math.floor(rnd() * DEMO_READS.length)] }, token);
            if (ownRead && rec.status === 200 && rec.errors.length === 0 && body?.data?.unit?.code !== ownRead) rec.lostRead = true;
            break;
          }
          case 'units':
          case 'anomalies':
            await send(newRecord(id, i, kind, undefined, undefined, as), kind === 'units' ? Q_UNITS : Q_ANOMALIES, {}, token);
            break;
          case 'createUnit': {
            const code = `${unitPrefix}C${i}-${++created}`;
            if (await write(newRecord(id, i, kind, { op: 'createUnit', code }, undefined, as), M_CREATE_UNIT, unitInput(code))) {
              own.push({ code, nextDay: 1, linkTried: false });
            }
            break;
          }
          case 'changeUnitFacts': {
            // A date never used before for this unit, even after a failure: an unacknowledged
            // version that did commit can never make the next one a conflict.
            const u = own[Math.floor(rnd() * own.length)];
            const validFrom = day(u.nextDay++);
            await write(newRecord(id, i, kind, { op: 'changeUnitFacts', code: u.code, validFrom }, undefined, as), M_CHANGE_FACTS,
              { unit: u.code, validFrom, partyRelationMode: 'TERRITORIAL', businessMode: u.nextDay % 2 ? 'VERTICAL' : 'TERRITORIAL', locality: BODY });
            break;
          }
          case 'createLink': {
            const u = linkable[Math.floor(rnd() * linkable.length)];
            u.linkTried = true; // once per unit, acknowledged or not
            await write(newRecord(id, i, kind, { op: 'createLink', from: BODY, to: u.code, kind: 'BUSINESS', validFrom: UNIT_FROM }, undefined, as), M_CREATE_LINK,
              { from: BODY, to: u.code, kind: 'BUSINESS', validFrom: UNIT_FROM, basis: `reliability ${tag}` });
            break;
          }
        }
      }
    }

    /**
     * Bursts of 8 concurrent writes that conflict with each other, as the operator: the same new
     * fact version of one unit, 8 overlapping links into one fresh unit, or one new unit code 8
     * times. At most one of each may be acknowledged; the others must be refused (CONFLICT).
     */
    let setups = 0;
    const setup = (code: string) => write(newRecord(`${ridPrefix}s${++setups}`, -1, 'createUnit', { op: 'createUnit', code }), M_CREATE_UNIT, unitInput(code));
    const hot = `${unitPrefix}HOT`;
    let hotReady = false;
    /** Planned runs: a setup write is sent again (a new request) until acknowledged, at most 10 times. */
    const setupSurely = async (code: string) => {
      for (let n = 0; n < 10; n++) if (await setup(code)) return true;
      return false;
    };
    /**
     * Burst number `b`: kind b % 3 (1 the hot unit's facts, 2 links, 0 a unit code). False when
     * its setup write failed and the burst was not sent.
     */
    async function burst(b: number, surely = false): Promise<boolean> {
      const eight = (f: (j: number) => Promise<unknown>) => Promise.all(Array.from({ length: 8 }, (_, j) => f(j)));
      const make = surely ? setupSurely : setup;
      if (b % 3 === 1) {
        if (!hotReady && !(hotReady = await make(hot))) return false;
        const validFrom = day(1000 + b);
        await eight((j) => write(newRecord(`${ridPrefix}b${b}-${j}`, -1, 'changeUnitFacts', { op: 'changeUnitFacts', code: hot, validFrom }, b), M_CHANGE_FACTS,
          { unit: hot, validFrom, partyRelationMode: 'TERRITORIAL', businessMode: j % 2 ? 'VERTICAL' : 'TERRITORIAL', locality: BODY }));
      } else if (b % 3 === 2) {
        const to = `${unitPrefix}HL${b}`;
        if (!(await make(to))) return false;
        await eight((j) => write(newRecord(`${ridPrefix}b${b}-${j}`, -1, 'createLink', { op: 'createLink', from: BODY, to, kind: 'BUSINESS', validFrom: day(10 + j) }, b), M_CREATE_LINK,
          { from: BODY, to, kind: 'BUSINESS', validFrom: day(10 + j), basis: `reliability ${tag} burst ${b}` }));
      } else {
        const code = `${unitPrefix}HU${b}`;
        await eight((j) => write(newRecord(`${ridPrefix}b${b}-${j}`, -1, 'createUnit', { op: 'createUnit', code }, b), M_CREATE_UNIT, unitInput(code)));
      }
      return true;
    }

    async function contention(): Promise<void> {
      const every = opts.burstEveryMs ?? 1000;
      if (!every || planned) return;
      for (let b = 1; ; b++) {
        await sleep(every);
        if (now() >= stopAt) return;
        await burst(b);
      }
    }
    const waitUntil = async (t: number) => { while (now() < t) await sleep(Math.min(200, t - now())); };
    async function schedule(): Promise<void> {
      const plan: Array<{ at: number; name: string; kind: 'kill' | 'terminate'; target: string }> = [];
      if (opts.killOrg !== false) plan.push({ at: 0.2, name: 'kill org', kind: 'kill', target: 'org' });
      if (opts.killTasks !== false) plan.push({ at: 0.45, name: 'kill tasks', kind: 'kill', target: 'tasks' });
      for (let k = 0; k < terminations; k++) {
        plan.push({ at: 0.6 + (0.3 * k) / Math.max(1, terminations), name: `terminate backends #${k + 1}`, kind: 'terminate', target: 'postgres' });
      }
      if (planned) return plannedSchedule(plan);
      // Between faults, and after the last, the hub must show it recovered: a steady stretch.
      const gap = Math.max(3000, loadMs * 0.08);
      let free = 0;
      for (const p of plan) {
        await waitUntil(Math.max(p.at * loadMs, free));
        const start = now();
        let detail = '';
        if (p.kind === 'kill' && hostile) {
          // Supervised: killed as a crash would, then nothing but waiting until it answers.
          const port = h.processes.get(p.target)!.port;
          // Replayed already or not: what counts is whether org, with its nonces gone, takes it.
          const before = proxy!.captured.filter((c) => c.answered);
          caused.push(p.target);
          await h.crash(p.target);
          log(`${(start / 1000).toFixed(1)} s: ${p.target} killed (SIGKILL); the supervisor brings it back`);
          const back = await answeringAgain(port, 60_000);
          const seconds = back === undefined ? null : (back - t0 - start) / 1000;
          recoveries.push({ process: p.target, at: start, seconds });
          detail = seconds === null ? 'not answering 60 s after the kill' : `answering again ${seconds.toFixed(1)} s after the kill, restarted by the supervisor`;
          if (p.target === 'org') {
            // org's nonces died with it: what it accepted just before (within the signature's
            // age limit) must still be refused. Sent at once, as an attacker would.
            const last = before.slice(-20);
            for (const c of last) c.replayed = true;
            afterRestart = Promise.all(last.map(async (c) => {
              replays.sent.same++;
              replays.sent.afterRestart++;
              replayAnswer(await replay(orgUrl, c), `as captured, ${((Date.now() - c.at) / 1000).toFixed(1)} s old, after org came back (${c.headers['x-request-id']})`);
            }));
          }
        } else if (p.kind === 'kill') {
          await h.kill(p.target);
          log(`${(start / 1000).toFixed(1)} s: ${p.target} killed (SIGKILL)`);
          await sleep(downMs);
          const r0 = now();
          await h.restart(p.target);
          detail = `down ${Math.round(r0 - start)} ms, restart to ready ${Math.round(now() - r0)} ms`;
        } else {
          detail = await terminateBackends();
        }
        const end = now();
        faults.push({ name: p.name, kind: p.kind, target: p.target, start, end, windowEnd: end + graceMs, detail });
        log(`${(end / 1000).toFixed(1)} s: ${p.name} over: ${detail}`);
        free = end + graceMs + gap;
      }
      stopAt = Math.max(loadMs, free);
    }

    async function terminateBackends(): Promise<string> {
      const admin = postgres(opts.adminDatabaseUrl!, { max: 1, onnotice: () => undefined });
      try {
        const rows = await admin`select application_name, pg_terminate_backend(pid) as ok from pg_stat_activity
          where datname = ${dbName!} and application_name like 'tiaokuai-%' and pid <> pg_backend_pid()`;
        const names = new Map<string, number>();
        for (const r of rows) if (r.ok) names.set(r.application_name, (names.get(r.application_name) ?? 0) + 1);
        return `${rows.filter((r) => r.ok).length} backends terminated (${[...names].map(([n, c]) => `${n}: ${c}`).join(', ') || 'none open'})`;
      } finally {
        await admin.end();
      }
    }

    /** Planned (opts.plan): resolves once every client finished segment `s`. */
    const allFinished = async (s: number) => {
      while (finished[s] < mixedClients) await new Promise<void>((r) => { segmentDone = r; });
    };
    let burstNo = 0;
    /**
     * The plan (opts.plan): steady, then per fault a segment during it and a steady one after.
     * Faults begin and end at the segments' bounds, which every client reaches by itself: what
     * runs where is fixed by the plan, whatever the machine's speed.
     */
    async function plannedSchedule(faultPlan: Array<{ name: string; kind: 'kill' | 'terminate'; target: string }>): Promise<void> {
      let seg = 0;
      const steady = async () => {
        openPhase(seg);
        // One burst of each kind, in turn, while the clients run the segment.
        const kinds: OpKind[] = [];
        for (let k = 0; k < 3; k++) {
          const b = ++burstNo;
          if (await burst(b, true)) kinds.push(b % 3 === 1 ? 'changeUnitFacts' : b % 3 === 2 ? 'createLink' : 'createUnit');
        }
        await allFinished(seg);
        planLog.push({ segment: seg, operations: planned!.operationsPerSegment, bursts: kinds });
        seg++;
      };
      await steady();
      for (const p of faultPlan) {
        const start = now();
        let detail = '';
        if (p.kind === 'kill') {
          await h.kill(p.target);
          log(`${(start / 1000).toFixed(1)} s: ${p.target} killed (SIGKILL)`);
        } else {
          detail = await terminateBackends();
        }
        openPhase(seg);
        await allFinished(seg);
        planLog.push({ segment: seg, during: p.name, operations: planned!.operationsPerSegment, bursts: [] });
        seg++;
        if (p.kind === 'kill') {
          const r0 = now();
          await h.restart(p.target);
          detail = `down for one segment (${Math.round(r0 - start)} ms), restart to ready ${Math.round(now() - r0)} ms`;
        }
        const end = now();
        faults.push({ name: p.name, kind: p.kind, target: p.target, start, end, windowEnd: end + graceMs, detail });
        log(`${(end / 1000).toFixed(1)} s: ${p.name} over: ${detail}`);
        await steady();
      }
      stopAt = 0;
    }

    // ---- the hostile clients (opts.hostile)

    /**
     * A VIEWER of a body inside the province walking one scope-wide list after another in pages
     * of 500 (checkFindingsPage). A page that fails (a fault) is asked again with the same cursor,
     * as a dashboard would, at most 50 times in one walk (a cursor outlives a subgraph's restart:
     * it is a key, not a position). A malformed page or walk is an error on its request
     * (unexpected).
     */
    async function viewer(v: number): Promise<void> {
      const body = VIEWER_BODIES[v % VIEWER_BODIES.length];
      const token = viewerTokens[v % VIEWER_BODIES.length];
      let seq = 0;
      for (let w = v; now() < stopAt; w++) {
        const list = FINDINGS_LISTS[w % FINDINGS_LISTS.length];
        const walk: Walk = { list, pages: 0, items: 0, byKind: new Map() };
        let after: string | null = null;
        let retries = 0;
        while (now() < stopAt) {
          const rec = newRecord(`${ridPrefix}v${v}-${++seq}`, 1000 + v, 'findings', undefined, undefined, 'VIEWER');
          // Two calls one after the other (the findings, then org for their units), each bounded
          // by the gateway's UPSTREAM_TIMEOUT_MS: a hang is no answer within both bounds.
          const answer = await send(rec, FINDINGS_QUERY[list], { scope: body, n: PAGE_SIZE, after }, token, 2 * timeoutMs - 5_000);
          if (rec.failure || rec.status !== 200 || rec.errors.length || !answer?.data) {
            if (++retries > 50) break;
            await sleep(200); // a pause before asking again, not a bound anything depends on
            continue;
          }
          viewerStats.pages++;
          const conn = answer.data[list];
          let bad = checkFindingsPage(walk, conn);
          if (!bad.length && !conn.pageInfo.hasNextPage) {
            bad = checkFinishedWalk(walk, list === 'leadershipAnomalies' ? conn.summary.byCode : conn.summary.byKind);
            if (!bad.length) {
              viewerStats.walksFinished[list] = (viewerStats.walksFinished[list] ?? 0) + 1;
              viewerStats.findings[`${list} of ${body}`] = walk.items;
            }
          }
          if (bad.length) {
            viewerStats.malformedPages++;
            if (viewerStats.examples.length < 5) viewerStats.examples.push(`${list} page ${walk.pages} (${body}): ${bad.join(', ')}`);
            rec.errors.push({ code: 'MALFORMED_PAGE', message: bad.join('; ') });
            break;
          }
          if (!conn.pageInfo.hasNextPage) break;
          after = conn.pageInfo.endCursor;
        }
      }
    }

    /** Posts big bodies without a token, one after another, until the load is over (at most 500 each). */
    async function bigBodies(): Promise<void> {
      for (let n = 0; n < 500 && now() < stopAt; n++) {
        const r = await postBigBody(url, bigBytes);
        big.sent++;
        if (r.timedOut) big.timedOut++;
        big.byStatus[r.status] = (big.byStatus[r.status] ?? 0) + 1;
        big.bytesBeforeAnswer.push(r.written);
      }
    }

    /**
     * Replays the newest captured gateway→org request that org accepted and nobody replayed yet,
     * straight to org: as it was, then its headers with another body (a write). Any 2xx is a
     * replay accepted. At most 2,000 each; a pause of 20 ms between rounds keeps them from
     * spinning when nothing new was captured.
     */
    const orgUrl = `http://127.0.0.1:${orgPort}/graphql`;
    let afterRestart: Promise<unknown> = Promise.resolve();
    const replayAnswer = (status: number, what: string) => {
      replays.byStatus[status] = (replays.byStatus[status] ?? 0) + 1;
      if (status >= 200 && status < 300) {
        replays.accepted++;
        if (replays.examples.length < 5) replays.examples.push(`${what}: HTTP ${status}`);
      }
    };
    async function replayer(): Promise<void> {
      for (let n = 0; n < 2000 && now() < stopAt; n++) {
        const c = [...proxy!.captured].reverse().find((x) => x.answered && !x.replayed);
        if (!c) { await sleep(20); continue; }
        c.replayed = true;
        replays.sent.same++;
        replayAnswer(await replay(orgUrl, c), `as captured (${c.headers['x-request-id']})`);
        replays.sent.other++;
        replayAnswer(await replay(orgUrl, c, REPLAY_OTHER_BODY), `another body (${c.headers['x-request-id']})`);
        await sleep(20);
      }
    }

    const progress = setInterval(() => {
      const done = records.filter((r) => r.end > 0);
      log(`${(now() / 1000).toFixed(0)} s: ${done.length} answered, ${done.filter((r) => r.acked).length} writes acknowledged, ${done.filter((r) => r.errors.length || r.failure || r.status !== 200).length} with errors`);
    }, 5000);
    progress.unref();
    try {
      await Promise.all([schedule().catch((e) => { stopAt = 0; throw e; }), ...Array.from({ length: mixedClients }, (_, i) => client(i)), contention(),
        ...Array.from({ length: viewers }, (_, v) => viewer(v)),
        ...Array.from({ length: bigClients }, () => bigBodies()),
        ...Array.from({ length: replayers }, () => replayer())]);
    } finally {
      clearInterval(progress);
    }
    await afterRestart;
    const gatewayMemory = memory?.stop();
    // The write replayed with captured headers (REPLAY_OTHER_BODY) renames P-GW: whatever the
    // answers said, P-GW's name tells whether one ran.
    let renamed = false;
    if (hostile) {
      const r = await gql(url, '{ unit(code: "P-GW") { name } }', undefined, bearer(h.operatorToken)).catch(() => undefined);
      renamed = r?.data?.unit?.name !== PROVINCE_WORK_COMMITTEE_NAME;
      if (renamed) replays.examples.push(`P-GW is named ${JSON.stringify(r?.data?.unit?.name)} after the run`);
    }
    const loadEnd = now();
    log(`load over after ${(loadEnd / 1000).toFixed(1)} s: ${records.length} requests`);

    // ---- verification: through the API while the hub runs, then the database itself.
    const alive = [...h.processes.values()].map((p) => ({ name: p.name, exit: p.child.exitCode ?? p.child.signalCode }));
    const queries = stateQueries(unitPrefix, ridPrefix);
    let api: DbState | string;
    try {
      api = await apiState(url, h.operatorToken, unitPrefix, ridPrefix);
    } catch (e) {
      api = (e as Error).message;
    }
    const logs = Object.fromEntries(['gateway', 'org', 'tasks', 'assessments'].map((n) => [n, h.output(n).slice(-4000)]));
    let hostileReport: Omit<HostileReport, 'ackedWritesLost'> | undefined;
    if (hostile) {
      // Every supervisor restart the run's own kills do not account for is a death it did not cause.
      const expected = [...caused];
      const uncausedDeaths: string[] = [];
      for (const r of h.restarts) {
        const i = expected.indexOf(r.process);
        if (i >= 0) expected.splice(i, 1);
        else uncausedDeaths.push(`${r.process} exited (${r.signal ?? `code ${r.code}`}) after ${(r.uptimeMs / 1000).toFixed(1)} s up`);
      }
      for (const p of alive) if (p.exit !== null) uncausedDeaths.push(`${p.name} not running at the end (${p.exit})`);
      const sorted = [...big.bytesBeforeAnswer].sort((a, b) => a - b);
      hostileReport = {
        province: province!,
        viewers: { count: viewers, bodies: VIEWER_BODIES, ...viewerStats },
        bigBodies: { ...big, bytesBeforeAnswer: [], maxBytesBeforeAnswer: sorted[sorted.length - 1] ?? 0, medianBytesBeforeAnswer: pct(sorted, 50), clients: bigClients, bytes: bigBytes },
        replays: { ...replays, accepted: replays.accepted + (renamed ? 1 : 0), clients: replayers, captured: proxy!.total() },
        recoveries,
        uncausedDeaths,
        gatewayMemory: gatewayMemory!,
        logs: longLogLines(h, ['gateway', 'org', 'tasks', 'assessments', 'launcher']),
      };
    }
    let db: DbState;
    if (pg) {
      db = await postgresState(databaseUrl!, queries);
    } else {
      await h.stop(); // PGlite has one session, inside org: read the folder once org let go of it
      db = await pgliteState(path.join(dataDir!, 'org'), queries);
    }
    return analyse({ records, faults, loadEnd, api, db, logs, alive, plan: planned ? planLog : undefined, hostile: hostileReport });
  }

  function analyse(input: {
    records: RequestRecord[]; faults: FaultEvent[]; loadEnd: number; api: DbState | string; db: DbState; logs: Record<string, string>;
    alive: Array<{ name: string; exit: number | string | null }>;
    plan?: ReliabilityReport['plan'];
    hostile?: Omit<HostileReport, 'ackedWritesLost'>;
  }): ReliabilityReport {
    const { records, faults, loadEnd, db } = input;
    const apiError = typeof input.api === 'string' ? input.api : undefined;
    const api: DbState = typeof input.api === 'string' ? { units: new Map(), facts: new Map(), links: new Map(), audit: new Map(), overlaps: [] } : input.api;
    const overlaps = (r: RequestRecord, f: FaultEvent) => r.start <= f.windowEnd && r.end >= f.start;
    const windowsOf = (r: RequestRecord) => faults.filter((f) => overlaps(r, f));

    /** Why a response is not a success, and whether a fault it overlaps explains it. */
    const problems = (r: RequestRecord): Array<{ label: string; expected: boolean }> => {
      const out: Array<{ label: string; expected: boolean }> = [];
      const ws = windowsOf(r);
      const orgDown = ws.some((f) => f.kind === 'kill' && f.target === 'org');
      const dbDown = ws.some((f) => f.kind === 'terminate');
      if (r.failure) out.push({ label: r.failure === 'timeout' ? 'TIMEOUT (hang)' : r.failure === 'network' ? 'NETWORK' : 'NON_JSON', expected: false });
      else if (r.status !== 200) out.push({ label: `HTTP ${r.status}`, expected: false });
      if (!r.failure && r.status > 0 && !r.echoed) out.push({ label: 'X_REQUEST_ID_NOT_ECHOED', expected: false });
      for (const e of r.errors) {
        const label = `${e.code ?? 'NO_CODE'}${e.service ? `(${e.service})` : ''}`;
        let expected = false;
        if (r.burst && e.code === 'CONFLICT') expected = true;
        else if (e.code === 'SUBGRAPH_UNAVAILABLE' && e.service) expected = ws.some((f) => f.kind === 'kill' && f.target === e.service);
        else if (e.code === 'INTERNAL_SERVER_ERROR' && e.service === 'org') expected = orgDown || dbDown;
        out.push({ label, expected });
      }
      if (r.lostRead) out.push({ label: 'OWN_UNIT_NOT_FOUND', expected: false });
      if (!r.failure && r.status === 200 && r.errors.length === 0 && !r.hasData) out.push({ label: 'NO_DATA', expected: false });
      return out;
    };

    const unexpectedRecs = records.filter((r) => problems(r).some((p) => !p.expected));
    const writes = records.filter((r) => r.write);
    const acked = writes.filter((r) => r.acked);
    const unacked = writes.filter((r) => !r.acked);

    // Latency per kind (every answered request, errors included: a fast refusal counts too).
    const byKind: Record<string, KindStats> = {};
    for (const k of [...OP_KINDS, ...(input.hostile ? ['findings' as const] : []), 'all' as const]) {
      const rs = k === 'all' ? records : records.filter((r) => r.kind === k);
      const lat = rs.filter((r) => r.end > 0).map((r) => r.end - r.start).sort((a, b) => a - b);
      const failed = rs.filter((r) => problems(r).length > 0).length;
      byKind[k] = {
        count: rs.length, ok: rs.length - failed, failed,
        ...(k === 'all' || WRITES.has(k) ? { acked: rs.filter((r) => r.acked).length } : {}),
        p50: pct(lat, 50), p95: pct(lat, 95), p99: pct(lat, 99), max: lat[lat.length - 1] ?? 0,
      };
    }

    // Periods: each request belongs to the first fault window it overlaps, else to the steady
    // stretch it was sent in.
    const countErrors = (rs: RequestRecord[]) => {
      const c: Record<string, number> = {};
      for (const r of rs) for (const p of problems(r)) { const k = p.expected ? p.label : `UNEXPECTED ${p.label}`; c[k] = (c[k] ?? 0) + 1; }
      return c;
    };
    const bounds: Array<{ name: string; start: number; end: number; fault?: FaultEvent }> = [];
    let cursor = 0;
    faults.forEach((f, n) => {
      bounds.push({ name: n === 0 ? 'before the first fault' : `after ${faults[n - 1].name}`, start: cursor, end: f.start });
      bounds.push({ name: `${f.name} (window)`, start: f.start, end: f.windowEnd, fault: f });
      cursor = f.windowEnd;
    });
    bounds.push({ name: faults.length ? `after ${faults[faults.length - 1].name}` : 'whole run', start: cursor, end: Math.max(cursor, loadEnd) });
    const periodOf = (r: RequestRecord) => {
      const f = faults.find((x) => overlaps(r, x));
      return f ? bounds.find((b) => b.fault === f)! : bounds.find((b) => !b.fault && r.start >= b.start && r.start < b.end) ?? bounds[bounds.length - 1];
    };
    const members = new Map(bounds.map((b) => [b, [] as RequestRecord[]]));
    for (const r of records) members.get(periodOf(r))!.push(r);
    const periods: ReliabilityReport['periods'] = bounds.map((b) => {
      const rs = members.get(b)!;
      return { name: b.name, start: b.start, end: b.end, requests: rs.length, ackedWrites: rs.filter((r) => r.acked).length,
        okReads: rs.filter((r) => !r.write && problems(r).length === 0).length, errors: countErrors(rs) };
    });
    // Recovery: requests sent in each steady stretch (answered then or later) that succeeded.
    // A planned run's stretches are its steady segments, whatever their length in time.
    const stretches = input.plan
      ? input.plan.filter((p) => !p.during).map((p) => {
        const rs = records.filter((r) => r.segment === p.segment);
        const after = input.plan!.find((q) => q.segment === p.segment - 1)?.during;
        return { name: after ? `after ${after}` : 'before the first fault', ackedWrites: rs.filter((r) => r.acked).length, okReads: rs.filter((r) => !r.write && problems(r).length === 0).length };
      })
      : bounds.filter((b) => !b.fault).map((b) => {
        const rs = records.filter((r) => r.start >= b.start && r.start < b.end);
        return { name: b.name, ackedWrites: rs.filter((r) => r.acked).length, okReads: rs.filter((r) => !r.write && problems(r).length === 0).length };
      });

    // ---- invariants
    const inv: Invariant[] = [];
    const check = (name: string, bad: string[], okDetail: string) =>
      inv.push({ name, ok: bad.length === 0, detail: bad.length ? `${bad.length} violations, e.g. ${bad.slice(0, 5).join('; ')}` : okDetail });
    const effectKey = (t: WriteTarget) => (t.op === 'createUnit' ? t.code : t.op === 'changeUnitFacts' ? factKey(t.code, t.validFrom) : linkKey(t.from, t.to, t.kind, t.validFrom));
    const ackedTargets = new Set(acked.map((r) => effectKey(r.target!)));
    const effectCount = (s: DbState, t: WriteTarget) => (t.op === 'createUnit' ? s.units : t.op === 'changeUnitFacts' ? s.facts : s.links).get(effectKey(t)) ?? 0;
    const auditMatches = (r: RequestRecord, e: { operation: string; target: string }) => {
      const t = r.target!;
      if (e.operation !== t.op) return false;
      return t.op === 'createLink' ? e.target.endsWith(`${t.from}→${t.to}`) : e.target === t.code;
    };
    check('every process of the hub is still running when the load is over', input.alive.filter((p) => p.exit !== null).map((p) => `${p.name} exited (${p.exit})`),
      input.alive.map((p) => p.name).join(', '));
    check('the API answers the verification queries after the run', apiError ? [apiError] : [], 'units, fact versions, links and the audit log read through the gateway');
    const sources: Array<readonly ['database' | 'API', DbState]> = apiError ? [['database', db]] : [['database', db], ['API', api]];
    for (const [source, s] of sources) {
      check(`every acknowledged write is present exactly once (${source})`,
        acked.filter((r) => effectCount(s, r.target!) !== 1).map((r) => `${r.id} ${effectKey(r.target!)} ×${effectCount(s, r.target!)}`),
        `${acked.length} acknowledged writes, each found once`);
      check(`every acknowledged write has exactly one audit record with its request id (${source})`,
        acked.filter((r) => { const a = s.audit.get(r.id) ?? []; return a.length !== 1 || !auditMatches(r, a[0]); })
          .map((r) => `${r.id} ${JSON.stringify(s.audit.get(r.id) ?? [])}`),
        `${acked.length} audit records, operation and target matching`);
      check(`every unacknowledged write is present at most once, with its audit record if and only if it committed (${source})`,
        unacked.filter((r) => !r.burst).filter((r) => {
          const n = effectCount(s, r.target!);
          const a = s.audit.get(r.id) ?? [];
          // A setup retried after a failure (a new request for the same unit): the effect may be
          // the retry's; this request then must simply have left no record of its own.
          if (ackedTargets.has(effectKey(r.target!))) return n > 1 || a.length > 0;
          return n > 1 || a.length > 1 || (n === 1) !== (a.length === 1) || (a.length === 1 && !auditMatches(r, a[0]));
        })
          .map((r) => `${r.id} effect ×${effectCount(s, r.target!)}, audit ×${(s.audit.get(r.id) ?? []).length}`),
        `${unacked.filter((r) => !r.burst).length} unacknowledged writes outside the bursts: ${unacked.filter((r) => !r.burst && effectCount(s, r.target!) === 1).length} committed anyway, the rest absent`);
      // Nothing the run did not ask for: no audit record of a read or an unknown id, no unit, fact version or link nobody sent.
      const sent = new Map(writes.map((r) => [r.id, r]));
      const attempted = new Set(writes.map((r) => effectKey(r.target!)));
      const phantoms = [
        ...[...s.audit.keys()].filter((id) => !sent.has(id)).map((id) => `audit ${id}`),
        ...[...s.units.keys()].filter((k) => !attempted.has(k)).map((k) => `unit ${k}`),
        ...[...s.facts.keys()].filter((k) => !attempted.has(k) && !k.endsWith(`|${UNIT_FROM}`)).map((k) => `facts ${k}`),
        ...[...s.links.keys()].filter((k) => !attempted.has(k)).map((k) => `link ${k}`),
      ];
      check(`nothing was written that no request asked for (${source})`, phantoms, 'no audit record, unit, fact version or link without its request');
    }
    const diff = (a: Map<string, unknown>, b: Map<string, unknown>, what: string) =>
      [...new Set([...a.keys(), ...b.keys()])].filter((k) => JSON.stringify(a.get(k)) !== JSON.stringify(b.get(k))).map((k) => `${what} ${k}`);
    if (!apiError) check('the API and the database agree', [...diff(db.units, api.units, 'unit'), ...diff(db.facts, api.facts, 'facts'), ...diff(db.links, api.links, 'link'),
      ...diff(new Map([...db.audit].map(([k, v]) => [k, v.length])), new Map([...api.audit].map(([k, v]) => [k, v.length])), 'audit')],
    `${db.units.size} units, ${db.facts.size} fact versions, ${db.links.size} links, ${db.audit.size} audit records of the run`);

    // Conflicting writes: at most one of each burst acknowledged and stored, audited exactly as stored.
    const byBurst = new Map<number, RequestRecord[]>();
    for (const r of records) if (r.burst) byBurst.set(r.burst, [...(byBurst.get(r.burst) ?? []), r]);
    const burstStats: Record<string, { bursts: number; oneAcknowledged: number }> = {};
    const burstBad: string[] = [];
    for (const [b, rs] of byBurst) {
      const kind = rs[0].kind;
      const stat = (burstStats[kind] ??= { bursts: 0, oneAcknowledged: 0 });
      stat.bursts++;
      const ackedN = rs.filter((r) => r.acked).length;
      if (ackedN === 1) stat.oneAcknowledged++;
      const stored = [...new Set(rs.map((r) => effectKey(r.target!)))].reduce((a, k) => a + effectCount(db, rs.find((r) => effectKey(r.target!) === k)!.target!), 0);
      const audited = rs.reduce((a, r) => a + (db.audit.get(r.id)?.length ?? 0), 0);
      if (ackedN > 1 || stored > 1 || audited !== stored || (ackedN === 1 && stored !== 1)) {
        burstBad.push(`burst ${b} (${kind}): ${ackedN} acknowledged, ${stored} stored, ${audited} audit records`);
      }
    }
    check('of each burst of 8 concurrent conflicting writes at most one is acknowledged and stored, with its one audit record (database)', burstBad,
      Object.entries(burstStats).map(([k, v]) => `${v.bursts} bursts of ${k}: ${v.oneAcknowledged} with one acknowledged, the others none`).join('; ') || 'no bursts');
    check('no two fact versions of a unit overlap, nor two links with the same ends and kind (database)', db.overlaps, 'none overlap');

    const http5xx = records.filter((r) => r.status >= 500);
    check('no HTTP 5xx from the gateway', http5xx.map((r) => `${r.id} HTTP ${r.status} at ${(r.start / 1000).toFixed(1)} s`), `${records.length} requests, none answered 5xx`);
    check('no hanging request (client-side timeout)', records.filter((r) => r.failure === 'timeout').map((r) => `${r.id} ${r.kind} at ${(r.start / 1000).toFixed(1)} s`),
      `none took ${timeoutMs / 1000} s${input.hostile ? ` (a page of findings, two subgraph calls in a row: ${(2 * timeoutMs - 5_000) / 1000} s)` : ''}`);
    check('no stack trace, SQL or internal address in an error', records.filter((r) => r.errors.some((e) => e.code === 'LEAK')).map((r) => `${r.id}: ${r.errors.find((e) => e.code === 'LEAK')!.message}`), 'none');
    check('every failure is one a fault explains (SUBGRAPH_UNAVAILABLE naming the killed subgraph; a masked org error while org or its backends are down)',
      unexpectedRecs.map((r) => `${r.id} ${r.kind} at ${(r.start / 1000).toFixed(1)}–${(r.end / 1000).toFixed(1)} s: ${problems(r).filter((p) => !p.expected).map((p) => p.label).join(', ')}`),
      `${records.filter((r) => problems(r).length > 0).length} failed requests, all inside a fault window and of an expected kind`);
    check('writes are acknowledged and reads succeed before, between and after the faults (the hub recovered each time)',
      stretches.filter((p) => p.ackedWrites === 0 || p.okReads === 0).map((p) => `${p.name}: ${p.ackedWrites} writes acknowledged, ${p.okReads} reads succeeded`),
      stretches.map((p) => `sent ${p.name}: ${p.ackedWrites} writes acknowledged, ${p.okReads} reads succeeded`).join('; '));
    check('the planned faults happened', (opts.killOrg !== false && !faults.some((f) => f.target === 'org') ? ['org not killed'] : [])
      .concat(terminations && !faults.some((f) => f.kind === 'terminate' && !/^0 /.test(f.detail)) ? ['no backend terminated'] : []),
    faults.map((f) => `${f.name} at ${(f.start / 1000).toFixed(1)} s`).join(', ') || 'none planned');

    let hostileReport: HostileReport | undefined;
    if (input.hostile) {
      hostileReport = { ...input.hostile, ackedWritesLost: acked.filter((r) => effectCount(db, r.target!) === 0).length };
      for (const row of hostileRows(hostileReport)) if (row.ok !== null) check(`hostile: ${row.figure} (target ${row.target})`, row.ok ? [] : [row.value], row.value);
      const b = hostileReport.bigBodies;
      // 0: the gateway answered 401 and closed while the body was still coming, and the reset
      // reached the client before it read the answer (RELIABILITY.md, "The hostile run").
      check('hostile: every big body without a token is refused (401, or the connection reset before the answer was read), none waits for an answer',
        [...Object.entries(b.byStatus).filter(([st]) => st !== '401' && st !== '0').map(([st, n]) => `HTTP ${st} ×${n}`), ...(b.timedOut ? [`no answer within 30 s ×${b.timedOut}`] : [])],
        `${b.sent} bodies: ${b.byStatus['401'] ?? 0} answered 401, ${b.byStatus['0'] ?? 0} reset before the client read an answer`);
      const v = hostileReport.viewers;
      check('hostile: every page of findings is well formed, and each whole walk adds up to its total and summary', v.examples,
        `${v.pages} pages; whole walks: ${Object.entries(v.walksFinished).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
      check('hostile: the VIEWERs walked every list to its end at least once', FINDINGS_LISTS.filter((l) => !v.walksFinished[l]).map((l) => `${l}: no whole walk`),
        Object.entries(v.findings).map(([k, n]) => `${k}: ${n} items`).join(', '));
    }
    const ok = inv.every((i) => i.ok);
    const seconds_ = loadEnd / 1000;
    return {
      database: pg ? 'postgres' : 'pglite',
      startedAt,
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, os: `${os.platform()} ${os.release()}`, loadAverageAtStart: loadAtStart },
      clients,
      identities: Object.fromEntries(['operator', 'ADMIN', 'EDITOR', 'VIEWER'].filter((k) => k !== 'VIEWER' || input.hostile).map((k) => [k, new Set(records.filter((r) => r.as === k).map((r) => r.client)).size])),
      plannedSeconds: input.plan ? 0 : seconds,
      ...(input.plan ? { plan: input.plan } : {}),
      requestTimeoutMs: timeoutMs,
      loadMs: loadEnd,
      faults,
      totals: {
        requests: records.length,
        reads: records.length - writes.length,
        writes: writes.length,
        ackedWrites: acked.length,
        unackedWrites: unacked.length,
        unackedCommitted: unacked.filter((r) => db.audit.has(r.id)).length, // its audit record commits with it (checked above)
        requestsPerSecond: records.length / seconds_,
        ackedWritesPerSecond: acked.length / seconds_,
      },
      byKind,
      periods,
      verification: {
        acked: {
          createUnit: acked.filter((r) => r.kind === 'createUnit').length,
          changeUnitFacts: acked.filter((r) => r.kind === 'changeUnitFacts').length,
          createLink: acked.filter((r) => r.kind === 'createLink').length,
        },
        auditRowsOfRun: [...db.audit.values()].reduce((a, l) => a + l.length, 0),
        unitsOfRun: db.units.size,
        bursts: burstStats,
        committedUnacknowledged: unacked.filter((r) => db.audit.has(r.id)).slice(0, 20).map((r) => ({
          id: r.id, kind: r.kind, start: r.start, end: r.end,
          error: r.failure ?? r.errors.map((e) => `${e.code}${e.service ? `(${e.service})` : ''}`).join(', '),
          fault: windowsOf(r).map((f) => f.name).join(', ') || 'none',
        })),
      },
      invariants: inv,
      unexpected: unexpectedRecs.slice(0, 25).map(({ id, kind, start, end, status, failure, failureDetail, errors }) => ({ id, kind, start, end, status, failure, failureDetail, errors })),
      ok,
      ...(ok ? {} : { logs: input.logs }),
      ...(opts.keepRecords ? { records } : {}),
      ...(hostileReport ? { hostile: hostileReport } : {}),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Reporting

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/** A RELIABILITY.md section for one run. */
export function reportMarkdown(r: ReliabilityReport): string {
  const lines: string[] = [];
  lines.push(`### ${r.startedAt.slice(0, 10)}, ${r.database === 'postgres' ? 'PostgreSQL' : 'PGlite (file-backed)'}${r.hostile ? `, hostile, ${r.hostile.province.units} units and ${r.hostile.province.assignments} assignments` : ''}: ${r.clients} clients × ${r.plan ? `a plan of ${r.plan.length} segments` : `${r.plannedSeconds} s`} — ${r.ok ? 'all invariants hold' : '**INVARIANTS VIOLATED**'}`);
  lines.push('');
  lines.push(`Machine: ${r.machine.cpu}, ${r.machine.cpus} cores, ${r.machine.memGiB} GiB, Node ${r.machine.node}, ${r.machine.os}; client, gateway and subgraphs${r.database === 'postgres' ? ' and PostgreSQL' : ''} share it (1-minute load average ${r.machine.loadAverageAtStart.toFixed(2)} when the run began).`);
  lines.push(`Clients: ${Object.entries(r.identities).map(([k, n]) => `${n} as ${k === 'operator' ? 'the operator' : k === 'VIEWER' ? 'VIEWERs (hostile, below)' : `${k} of SC-JGGW`}`).join(', ')}. A request counts as hung after ${(r.requestTimeoutMs / 1000).toFixed(0)} s.`);
  if (r.hostile) {
    lines.push('');
    lines.push(hostileMarkdown(r.hostile));
  }
  lines.push(`Load phase ${(r.loadMs / 1000).toFixed(1)} s: ${r.totals.requests} requests (${r.totals.reads} reads, ${r.totals.writes} writes), ${r.totals.requestsPerSecond.toFixed(0)} requests/s; ${r.totals.ackedWrites} writes acknowledged (${r.totals.ackedWritesPerSecond.toFixed(1)}/s), ${r.totals.unackedWrites} not (${r.totals.unackedCommitted} of those committed anyway).`);
  lines.push('');
  lines.push('Faults:');
  lines.push('');
  for (const f of r.faults) lines.push(`- ${(f.start / 1000).toFixed(1)} s: ${f.name}; over at ${(f.end / 1000).toFixed(1)} s (${f.detail})`);
  lines.push('');
  lines.push('| operation | requests | succeeded | acknowledged | refused or failed | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const [k, s] of Object.entries(r.byKind)) {
    lines.push(`| ${k} | ${s.count} | ${s.ok} | ${s.acked ?? ''} | ${s.failed} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} |`);
  }
  lines.push('');
  lines.push('| period | from (s) | to (s) | requests | writes acknowledged | failures by code |');
  lines.push('|---|---|---|---|---|---|');
  for (const p of r.periods) {
    const errs = Object.entries(p.errors).map(([c, n]) => `${c} ×${n}`).join(', ') || 'none';
    lines.push(`| ${p.name} | ${(p.start / 1000).toFixed(1)} | ${(p.end / 1000).toFixed(1)} | ${p.requests} | ${p.ackedWrites} | ${errs} |`);
  }
  lines.push('');
  const cu = r.verification.committedUnacknowledged;
  if (cu.length) {
    lines.push(`Writes not acknowledged that did commit (the answer was lost, the write was not): ${cu.map((c) => `${c.kind} ${c.id} (${(c.start / 1000).toFixed(1)}–${(c.end / 1000).toFixed(1)} s, ${c.error}, during ${c.fault})`).join('; ')}.`);
    lines.push('');
  }
  lines.push('| invariant | holds | detail |');
  lines.push('|---|---|---|');
  for (const i of r.invariants) lines.push(`| ${i.name} | ${i.ok ? 'yes' : '**no**'} | ${i.detail.replace(/\|/g, '\\|')} |`);
  lines.push('');
  return lines.join('\n');
}
