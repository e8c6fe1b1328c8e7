/**
 * Starts the whole hub as real processes: one per subgraph and the gateway, each a plain
 * `node dist/main.js`. Used by `npm start`, the end-to-end tests and the benchmark.
 */
import { loadOrCreateDevKey, signDevToken, type DevKey, type TokenRequest } from '@tiaokuai/platform/devkey';
import { HUB_OPERATOR, newSecret } from '@tiaokuai/platform/identity';
import { GATEWAY_KEYID, signRequest } from '@tiaokuai/platform/signature';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export interface HubOptions {
  /** Gateway port (0 = any free port). */
  port?: number;
  /** Subgraph ports by name (0 or absent = any free port). */
  subgraphPorts?: Record<string, number>;
  /** PostgreSQL URL; absent = embedded PGlite under dataDir. */
  databaseUrl?: string;
  /** PGlite data folder, or memory:// for a throw-away hub. */
  dataDir?: string;
  /**
   * Folder of the development signing key (default `<dataDir>/keys`; a temporary folder for an
   * in-memory hub, removed on stop).
   */
  keysDir?: string;
  /** Pass the children's stderr through (npm start) or keep it (tests). */
  inheritOutput?: boolean;
  /**
   * Subgraph name → the URL the gateway is given for it instead of the subgraph's own (tests put
   * a recording proxy between the gateway and a subgraph, to capture its signed requests).
   */
  gatewayUpstreams?: Record<string, string>;
  env?: Record<string, string>;
  /**
   * Restart any process that dies, as `npm start` does (off by default: fault tests kill and
   * restart processes themselves). `true` for the defaults of `SupervisionOptions`.
   */
  supervise?: boolean | SupervisionOptions;
  /**
   * The checkout whose built processes run (default: this one). The restart bench starts a
   * baseline's build with this checkout's driver (restart-bench.ts `--root`).
   */
  root?: string;
}

/**
 * The supervisor's backoff (ARCHITECTURE.md, "Supervision"): the n-th restart in a row waits
 * `initialDelayMs · 2^(n-1)`, at most `maxDelayMs`; a process that stayed up `resetAfterMs`
 * starts again from `initialDelayMs`. Env for `npm start`: SUPERVISE_INITIAL_DELAY_MS,
 * SUPERVISE_MAX_DELAY_MS, SUPERVISE_RESET_AFTER_MS.
 */
export interface SupervisionOptions {
  /** Delay before the first restart (default 250 ms). */
  initialDelayMs?: number;
  /** Cap of the delay (default 30 s). */
  maxDelayMs?: number;
  /** Uptime after which the next crash counts as a first again (default 60 s). */
  resetAfterMs?: number;
}

/** The delay before restart number `attempt` (1-based) of a run of crashes. */
export function restartDelay(attempt: number, opts: SupervisionOptions = {}): number {
  const initial = opts.initialDelayMs ?? 250;
  const max = opts.maxDelayMs ?? 30_000;
  return Math.min(max, initial * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
}

/** Supervision settings from the environment (npm start). */
export function supervisionFromEnv(env: NodeJS.ProcessEnv = process.env): SupervisionOptions {
  const num = (v: string | undefined) =>
    v !== undefined && Number.isFinite(Number(v)) && Number(v) >= 0 ? Number(v) : undefined;
  return {
    initialDelayMs: num(env.SUPERVISE_INITIAL_DELAY_MS),
    maxDelayMs: num(env.SUPERVISE_MAX_DELAY_MS),
    resetAfterMs: num(env.SUPERVISE_RESET_AFTER_MS),
  };
}

export interface HubProcess {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
}

export interface RunningHub {
  gatewayUrl: string;
  processes: Map<string, HubProcess>;
  /**
   * Kills one process (SIGKILL), for fault tests: it stays down (even when supervised) until
   * `restart`.
   */
  kill(name: string): Promise<void>;
  /** Starts a killed process again on the same port. */
  restart(name: string): Promise<void>;
  /**
   * Kills one process (SIGKILL) as a crash would: a supervised hub restarts it by itself.
   * Resolves when it died.
   */
  crash(name: string): Promise<void>;
  /** Restarts made by the supervisor so far, in order (each was also logged as a JSON line). */
  restarts: RestartEvent[];
  stop(): Promise<void>;
  /** Collected stderr of a process (when output is not inherited). */
  output(name: string): string;
  /** A bearer token the hub accepts (signed with its development key). */
  token(req: TokenRequest): Promise<string>;
  /** A token for the hub's operator (sees and manages everything). */
  operatorToken: string;
  /**
   * Headers that let a caller POST `body` to a subgraph directly, as the gateway would for the
   * operator: signed over that body and the subgraph's URL (or `url`), with a fresh nonce each
   * call, so they serve one request only (platform's signature.ts).
   */
  subgraphHeaders(name: string, body: string, url?: string): Record<string, string>;
  /**
   * Starts a stand-in for the gateway beside the hub (gateway/src/floor.ts: the bare runtime, or
   * a plain HTTP forwarder to org), for the bench's measure of what a gateway costs at least.
   * Stopped with the hub.
   */
  floor(kind: 'bare' | 'proxy'): Promise<string>;
  /**
   * Starts another process of subgraph `name` beside the hub's, on the same database with the same secrets (a
   * replica; the gateway still sends to the first): its GraphQL URL. For replicas to hear each other's writes, the
   * hub needs NATS_URL (docs/live-updates.md); on the embedded PGlite each process has its own database.
   */
  replica(name: string): Promise<string>;
  keysDir: string;
}

/** One restart by the supervisor, as logged. */
export interface RestartEvent {
  process: string;
  /** Exit code, or null when a signal ended it. */
  code: number | null;
  signal: string | null;
  /** How long it had run (ms). */
  uptimeMs: number;
  /** Restarts in a row, this one included (1 after a long enough uptime). */
  attempt: number;
  delayMs: number;
}

/** `{ authorization: 'Bearer …' }` */
export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

export const SUBGRAPH_NAMES = ['org', 'tasks', 'assessments'] as const;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

export async function waitFor(url: string, timeoutMs = 60_000, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`process exited with code ${child.exitCode} before ${url} was ready`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${url} (${last})`);
}

function script(name: string, root = ROOT): string {
  if (name.startsWith('floor-')) return path.join(root, 'gateway', 'dist', 'floor.js');
  return name === 'gateway'
    ? path.join(root, 'gateway', 'dist', 'main.js')
    : path.join(root, 'subgraphs', name, 'dist', 'main.js');
}

/** The environment every process of one hub shares, and the folder of its signing key. */
function hubEnvironment(opts: HubOptions): { baseEnv: Record<string, string>; keysDir: string; tempKeys: boolean } {
  // This process's environment passes through: NATS_URL among it, when set, puts every process on NATS (events.ts).
  const baseEnv: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ...(opts.env ?? {}),
    DATA_DIR: opts.dataDir ?? path.join(ROOT, 'data'),
  };
  if (opts.databaseUrl) baseEnv.DATABASE_URL = opts.databaseUrl;
  else delete baseEnv.DATABASE_URL;
  const dataDir = baseEnv.DATA_DIR;
  const tempKeys = !opts.keysDir && dataDir.startsWith('memory://');
  const keysDir =
    opts.keysDir ?? (tempKeys ? mkdtempSync(path.join(os.tmpdir(), 'tk-keys-')) : path.join(dataDir, 'keys'));
  return { baseEnv, keysDir, tempKeys };
}

/** The shared secrets of one hub (platform's signature.ts and service.ts). */
interface HubSecrets {
  /** Per subgraph: it trusts only this gateway. */
  secrets: Record<string, string>;
  /** Subgraphs that read leadership from org directly (service.ts). */
  orgReaders: string[];
  /** Per org reader: its own secret towards org. */
  serviceSecrets: Record<string, string>;
  /** assessments reads tasks (assignments given to units), with a secret of its own. */
  assessmentsToTasks: string;
}

/** Fresh per hub: each subgraph trusts only this gateway, and only while this hub runs. */
function hubSecrets(): HubSecrets {
  const orgReaders = SUBGRAPH_NAMES.filter((n) => n !== 'org');
  return {
    secrets: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, newSecret()])),
    orgReaders,
    serviceSecrets: Object.fromEntries(orgReaders.map((n) => [n, newSecret()])),
    assessmentsToTasks: newSecret(),
  };
}

/** The secrets (and the URLs of the subgraphs it reads) a process is started with. */
function secretEnvOf(name: string, h: HubSecrets, keysDir: string, ports: Map<string, number>): Record<string, string> {
  const { secrets, orgReaders, serviceSecrets, assessmentsToTasks } = h;
  if (name === 'gateway' || name.startsWith('floor-'))
    return {
      ...Object.fromEntries(SUBGRAPH_NAMES.map((n) => [`SUBGRAPH_SECRET_${n.toUpperCase()}`, secrets[n]])),
      HUB_KEYS_DIR: keysDir,
    };
  if (name === 'org')
    return {
      SUBGRAPH_SECRET: secrets.org,
      ...Object.fromEntries(orgReaders.map((n) => [`SERVICE_SECRET_${n.toUpperCase()}`, serviceSecrets[n]])),
    };
  const toOrg = {
    SUBGRAPH_SECRET: secrets[name],
    ORG_SUBGRAPH_URL: `http://127.0.0.1:${ports.get('org')}/graphql`,
    ORG_SERVICE_SECRET: serviceSecrets[name],
  };
  // assessments also reads tasks (assignments given to units), with a secret of its own.
  if (name === 'tasks') return { ...toOrg, SERVICE_SECRET_ASSESSMENTS: assessmentsToTasks };
  if (name === 'assessments')
    return {
      ...toOrg,
      TASKS_SUBGRAPH_URL: `http://127.0.0.1:${ports.get('tasks')}/graphql`,
      TASKS_SERVICE_SECRET: assessmentsToTasks,
    };
  return toOrg;
}

const isRunning = (p: HubProcess) => p.child.exitCode === null && p.child.signalCode === null;

/**
 * The processes of one hub: launched with their environment, their output kept, restarted by
 * the supervisor when asked for, killed and restarted for fault tests, and stopped.
 */
class HubProcesses {
  readonly processes = new Map<string, HubProcess>();
  readonly logs = new Map<string, string[]>();
  /** Restarts made by the supervisor so far, in order. */
  readonly restarts: RestartEvent[] = [];
  /** From the end of start-up until stop. */
  supervising = false;
  private stopping = false;
  /** Processes killed on purpose with kill(): not restarted until restart(). */
  private readonly held = new Set<string>();
  private readonly attempts = new Map<string, number>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly supervision: SupervisionOptions | undefined;
  private readonly shutdownMs: number;

  constructor(
    private readonly opts: HubOptions,
    private readonly baseEnv: Record<string, string>,
    private readonly secretEnv: (name: string) => Record<string, string>,
  ) {
    this.supervision = opts.supervise ? (opts.supervise === true ? {} : opts.supervise) : undefined;
    // Each process stops by itself within SHUTDOWN_TIMEOUT_MS (shutdown.ts); SIGKILL is the
    // backstop for one that cannot (hung beyond its own hard deadline).
    this.shutdownMs = Number(baseEnv.SHUTDOWN_TIMEOUT_MS) > 0 ? Number(baseEnv.SHUTDOWN_TIMEOUT_MS) : 8_000;
  }

  /** `name` is a process's name; `tasks@2` is a replica of tasks (its script and secrets, its own port). */
  launch(name: string, port: number, extra: Record<string, string> = {}, args: string[] = []): HubProcess {
    const { opts } = this;
    const kind = name.split('@')[0];
    const child = spawn(process.execPath, [script(kind, opts.root), ...args], {
      env: { ...this.baseEnv, ...extra, ...this.secretEnv(kind), PORT: String(port), HUB_SUPERVISED: '1' },
      stdio: ['pipe', opts.inheritOutput ? 'inherit' : 'pipe', opts.inheritOutput ? 'inherit' : 'pipe'],
    });
    if (!opts.inheritOutput) {
      const buf = this.logs.get(name) ?? [];
      this.logs.set(name, buf);
      child.stdout?.on('data', (d) => buf.push(String(d)));
      child.stderr?.on('data', (d) => buf.push(String(d)));
    }
    const p: HubProcess = { name, port, url: `http://127.0.0.1:${port}/graphql`, child };
    this.processes.set(name, p);
    const startedAt = Date.now();
    child.once('exit', (code, signal) => this.supervisor(p, startedAt, code, signal, extra, args));
    return p;
  }

  private launcherLog(level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown>): void {
    const line = JSON.stringify({ time: new Date().toISOString(), level, msg, component: 'launcher', ...fields });
    if (this.opts.inheritOutput) process.stderr.write(`${line}\n`);
    else {
      const buf = this.logs.get('launcher') ?? [];
      this.logs.set('launcher', buf);
      buf.push(`${line}\n`);
    }
  }

  /**
   * Supervision: a process that exits when nobody asked it to is started again on its port,
   * after a delay that doubles with each crash in a row (restartDelay), logged as one JSON line.
   */
  private supervisor(
    p: HubProcess,
    startedAt: number,
    code: number | null,
    signal: NodeJS.Signals | null,
    extra: Record<string, string>,
    args: string[],
  ): void {
    const { supervision } = this;
    if (!supervision || !this.supervising || this.stopping || this.held.has(p.name) || this.processes.get(p.name) !== p)
      return;
    const uptimeMs = Date.now() - startedAt;
    const attempt = uptimeMs >= (supervision.resetAfterMs ?? 60_000) ? 1 : (this.attempts.get(p.name) ?? 0) + 1;
    this.attempts.set(p.name, attempt);
    const delayMs = restartDelay(attempt, supervision);
    const event: RestartEvent = { process: p.name, code, signal, uptimeMs, attempt, delayMs };
    this.restarts.push(event);
    this.launcherLog('warn', 'process exited; restarting', event as unknown as Record<string, unknown>);
    this.pending.set(
      p.name,
      setTimeout(() => {
        this.pending.delete(p.name);
        if (this.stopping || this.held.has(p.name)) return;
        // The same port, the same environment: the others find it where it was.
        this.launch(p.name, p.port, extra, args);
      }, delayMs),
    );
  }

  ready(p: HubProcess): Promise<void> {
    return waitFor(`http://127.0.0.1:${p.port}/readyz`, 90_000, p.child);
  }

  private terminate(p: HubProcess): Promise<void> {
    return new Promise<void>((resolve) => {
      if (p.child.exitCode !== null || p.child.signalCode !== null) return resolve();
      const timer = setTimeout(() => p.child.kill('SIGKILL'), this.shutdownMs + 2_000);
      p.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      p.child.kill('SIGTERM');
    });
  }

  /**
   * The gateway first: its requests in flight still reach the subgraphs while it drains; then the subgraphs, together.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    const gateway = this.processes.get('gateway');
    if (gateway) await this.terminate(gateway);
    await Promise.all([...this.processes.values()].filter((p) => p.name !== 'gateway').map((p) => this.terminate(p)));
  }

  async kill(name: string): Promise<void> {
    this.held.add(name);
    clearTimeout(this.pending.get(name));
    this.pending.delete(name);
    const p = this.processes.get(name);
    if (!p || !isRunning(p)) return;
    await new Promise<void>((resolve) => {
      p.child.once('exit', () => resolve());
      p.child.kill('SIGKILL');
    });
  }

  async crash(name: string): Promise<void> {
    const p = this.processes.get(name);
    if (!p || !isRunning(p)) return;
    await new Promise<void>((resolve) => {
      p.child.once('exit', () => resolve());
      p.child.kill('SIGKILL');
    });
  }

  /** The subgraphs' URLs as the gateway (or a floor) is given them. */
  subgraphUrls(): Record<string, string> {
    return Object.fromEntries(
      SUBGRAPH_NAMES.map((s) => [`${s.toUpperCase()}_SUBGRAPH_URL`, this.processes.get(s)!.url]),
    );
  }

  async restart(name: string, upstreams: Record<string, string>): Promise<void> {
    const p = this.processes.get(name);
    if (!p) throw new Error(`no process ${name}`);
    if (isRunning(p)) throw new Error(`${name} is running: restart() starts a process stopped with kill()`);
    this.held.delete(name);
    clearTimeout(this.pending.get(name)); // a supervised restart due: this one replaces it
    this.pending.delete(name);
    const again = this.launch(name, p.port, name === 'gateway' ? { ...this.subgraphUrls(), ...upstreams } : {});
    await this.ready(again);
  }

  /** One more process of a subgraph beside the hub's (live-nats e2e: NATS between replicas); stopped with the hub. */
  async replica(name: string): Promise<string> {
    let n = 2;
    while (this.processes.has(`${name}@${n}`)) n++;
    const p = this.launch(`${name}@${n}`, await freePort());
    await this.ready(p);
    return p.url;
  }

  async floor(kind: 'bare' | 'proxy'): Promise<string> {
    // One of each kind per hub: a second launch would take the first's place in `processes`,
    // and stop() would leave the first running (the bench asked twice and never exited).
    const running = this.processes.get(`floor-${kind}`);
    if (running && isRunning(running)) return running.url;
    const p = this.launch(`floor-${kind}`, await freePort(), this.subgraphUrls(), [kind]);
    await waitFor(`http://127.0.0.1:${p.port}/healthz`, 30_000, p.child);
    return p.url;
  }
}

export async function startHub(opts: HubOptions = {}): Promise<RunningHub> {
  const { baseEnv, keysDir, tempKeys } = hubEnvironment(opts);
  const key: DevKey = await loadOrCreateDevKey(keysDir);
  const secrets = hubSecrets();
  const ports = new Map<string, number>();
  const upstreams = Object.fromEntries(
    Object.entries(opts.gatewayUpstreams ?? {}).map(([n, u]) => [`${n.toUpperCase()}_SUBGRAPH_URL`, u]),
  );
  const procs = new HubProcesses(opts, baseEnv, (name) => secretEnvOf(name, secrets, keysDir, ports));
  const { processes, logs } = procs;
  const stop = async () => {
    await procs.stop();
    if (tempKeys) rmSync(keysDir, { recursive: true, force: true });
  };

  try {
    for (const name of SUBGRAPH_NAMES) ports.set(name, opts.subgraphPorts?.[name] || (await freePort()));
    const subgraphs = SUBGRAPH_NAMES.map((name) => procs.launch(name, ports.get(name)!));
    await Promise.all(subgraphs.map((p) => procs.ready(p)));
    const gatewayPort = opts.port === undefined ? 4000 : opts.port || (await freePort());
    const urls = Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_SUBGRAPH_URL`, s.url]));
    const gateway = procs.launch('gateway', gatewayPort, { ...urls, ...upstreams, HOST: '127.0.0.1' });
    await waitFor(`http://127.0.0.1:${gatewayPort}/healthz`, 60_000, gateway.child);
    procs.supervising = true;
  } catch (e) {
    const detail = [...logs.entries()].map(([n, l]) => `--- ${n}\n${l.join('').slice(-4000)}`).join('\n');
    await stop();
    throw new Error(`${(e as Error).message}\n${detail}`);
  }

  return {
    gatewayUrl: `http://localhost:${processes.get('gateway')!.port}/graphql`,
    processes,
    output: (name) => (logs.get(name) ?? []).join(''),
    token: (req) => signDevToken(key, req),
    operatorToken: await signDevToken(key, { hubAdmin: true, ttl: '12h' }), // the gateway's AUTH_MAX_TOKEN_TTL default
    subgraphHeaders: (name, body, url) =>
      signRequest(
        { method: 'POST', url: url ?? processes.get(name)!.url, body },
        { keyid: GATEWAY_KEYID, secret: secrets.secrets[name], target: name, identity: HUB_OPERATOR },
      ),
    floor: (kind) => procs.floor(kind),
    replica: (name) => procs.replica(name),
    keysDir,
    restarts: procs.restarts,
    kill: (name) => procs.kill(name),
    crash: (name) => procs.crash(name),
    restart: (name) => procs.restart(name, upstreams),
    stop,
  };
}

/** POSTs a GraphQL operation; returns the parsed body (throws on a non-JSON answer). */
export async function gql<T = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, any>; path?: unknown[] }>;
  status: number;
}> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  try {
    return { ...JSON.parse(text), status: res.status };
  } catch {
    throw new Error(`non-JSON answer (HTTP ${res.status}): ${text.slice(0, 500)}`);
  }
}
