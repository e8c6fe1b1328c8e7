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
  const num = (v: string | undefined) => (v !== undefined && Number.isFinite(Number(v)) && Number(v) >= 0 ? Number(v) : undefined);
  return { initialDelayMs: num(env.SUPERVISE_INITIAL_DELAY_MS), maxDelayMs: num(env.SUPERVISE_MAX_DELAY_MS), resetAfterMs: num(env.SUPERVISE_RESET_AFTER_MS) };
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
    if (child && child.exitCode !== null) throw new Error(`process exited with code ${child.exitCode} before ${url} was ready`);
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
  return name === 'gateway' ? path.join(root, 'gateway', 'dist', 'main.js') : path.join(root, 'subgraphs', name, 'dist', 'main.js');
}

export async function startHub(opts: HubOptions = {}): Promise<RunningHub> {
  const processes = new Map<string, HubProcess>();
  const logs = new Map<string, string[]>();
  const baseEnv: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ...(opts.env ?? {}),
    DATA_DIR: opts.dataDir ?? path.join(ROOT, 'data'),
  };
  if (opts.databaseUrl) baseEnv.DATABASE_URL = opts.databaseUrl;
  else delete baseEnv.DATABASE_URL;
  const dataDir = baseEnv.DATA_DIR;
  const tempKeys = !opts.keysDir && dataDir.startsWith('memory://');
  const keysDir = opts.keysDir ?? (tempKeys ? mkdtempSync(path.join(os.tmpdir(), 'tk-keys-')) : path.join(dataDir, 'keys'));
  const key: DevKey = await loadOrCreateDevKey(keysDir);
  // Fresh per hub: each subgraph trusts only this gateway, and only while this hub runs.
  const secrets = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, newSecret()]));
  // Subgraphs that read leadership from org directly (service.ts), each with its own secret.
  const orgReaders = SUBGRAPH_NAMES.filter((n) => n !== 'org');
  const serviceSecrets = Object.fromEntries(orgReaders.map((n) => [n, newSecret()]));
  const assessmentsToTasks = newSecret();
  const ports = new Map<string, number>();
  const upstreams = Object.fromEntries(Object.entries(opts.gatewayUpstreams ?? {}).map(([n, u]) => [`${n.toUpperCase()}_SUBGRAPH_URL`, u]));
  const secretEnv = (name: string): Record<string, string> => {
    if (name === 'gateway' || name.startsWith('floor-')) return { ...Object.fromEntries(SUBGRAPH_NAMES.map((n) => [`SUBGRAPH_SECRET_${n.toUpperCase()}`, secrets[n]])), HUB_KEYS_DIR: keysDir };
    if (name === 'org') return { SUBGRAPH_SECRET: secrets.org, ...Object.fromEntries(orgReaders.map((n) => [`SERVICE_SECRET_${n.toUpperCase()}`, serviceSecrets[n]])) };
    const toOrg = { SUBGRAPH_SECRET: secrets[name], ORG_SUBGRAPH_URL: `http://127.0.0.1:${ports.get('org')}/graphql`, ORG_SERVICE_SECRET: serviceSecrets[name] };
    // assessments also reads tasks (assignments given to units), with a secret of its own.
    if (name === 'tasks') return { ...toOrg, SERVICE_SECRET_ASSESSMENTS: assessmentsToTasks };
    if (name === 'assessments') return { ...toOrg, TASKS_SUBGRAPH_URL: `http://127.0.0.1:${ports.get('tasks')}/graphql`, TASKS_SERVICE_SECRET: assessmentsToTasks };
    return toOrg;
  };

  const launch = (name: string, port: number, extra: Record<string, string> = {}, args: string[] = []): HubProcess => {
    const child = spawn(process.execPath, [script(name, opts.root), ...args], {
      env: { ...baseEnv, ...extra, ...secretEnv(name), PORT: String(port), HUB_SUPERVISED: '1' },
      stdio: ['pipe', opts.inheritOutput ? 'inherit' : 'pipe', opts.inheritOutput ? 'inherit' : 'pipe'],
    });
    if (!opts.inheritOutput) {
      const buf = logs.get(name) ?? [];
      logs.set(name, buf);
      child.stdout?.on('data', (d) => buf.push(String(d)));
      child.stderr?.on('data', (d) => buf.push(String(d)));
    }
    const p: HubProcess = { name, port, url: `http://127.0.0.1:${port}/graphql`, child };
    processes.set(name, p);
    const startedAt = Date.now();
    child.once('exit', (code, signal) => supervisor(p, startedAt, code, signal, extra, args));
    return p;
  };

  // Supervision: a process that exits when nobody asked it to is started again on its port,
  // after a delay that doubles with each crash in a row (restartDelay), logged as one JSON line.
  const supervision = opts.supervise ? (opts.supervise === true ? {} : opts.supervise) : undefined;
  let supervising = false; // from the end of start-up until stop
  let stopping = false;
  /** Processes killed on purpose with kill(): not restarted until restart(). */
  const held = new Set<string>();
  const attempts = new Map<string, number>();
  const pending = new Map<string, NodeJS.Timeout>();
  const restarts: RestartEvent[] = [];
  const launcherLog = (level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown>) => {
    const line = JSON.stringify({ time: new Date().toISOString(), level, msg, component: 'launcher', ...fields });
    if (opts.inheritOutput) process.stderr.write(`${line}\n`);
    else {
      const buf = logs.get('launcher') ?? [];
      logs.set('launcher', buf);
      buf.push(`${line}\n`);
    }
  };
  function supervisor(p: HubProcess, startedAt: number, code: number | null, signal: NodeJS.Signals | null, extra: Record<string, string>, args: string[]) {
    if (!supervision || !supervising || stopping || held.has(p.name) || processes.get(p.name) !== p) return;
    const uptimeMs = Date.now() - startedAt;
    const attempt = uptimeMs >= (supervision.resetAfterMs ?? 60_000) ? 1 : (attempts.get(p.name) ?? 0) + 1;
    attempts.set(p.name, attempt);
    const delayMs = restartDelay(attempt, supervision);
    const event: RestartEvent = { process: p.name, code, signal, uptimeMs, attempt, delayMs };
    restarts.push(event);
    launcherLog('warn', 'process exited; restarting', event as unknown as Record<string, unknown>);
    pending.set(p.name, setTimeout(() => {
      pending.delete(p.name);
      if (stopping || held.has(p.name)) return;
      // The same port, the same environment: the others find it where it was.
      launch(p.name, p.port, extra, args);
    }, delayMs));
  }

  const ready = async (p: HubProcess) => waitFor(`http://127.0.0.1:${p.port}/readyz`, 90_000, p.child);
  // Each process stops by itself within SHUTDOWN_TIMEOUT_MS (shutdown.ts); SIGKILL is the
  // backstop for one that cannot (hung beyond its own hard deadline).
  const shutdownMs = Number(baseEnv.SHUTDOWN_TIMEOUT_MS) > 0 ? Number(baseEnv.SHUTDOWN_TIMEOUT_MS) : 8_000;
  const terminate = (p: HubProcess) => new Promise<void>((resolve) => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) return resolve();
    const timer = setTimeout(() => p.child.kill('SIGKILL'), shutdownMs + 2_000);
    p.child.once('exit', () => { clearTimeout(timer); resolve(); });
    p.child.kill('SIGTERM');
  });
  // The gateway first: its requests in flight still reach the subgraphs while it drains; then
  // the subgraphs, together.
  const stop = async () => {
    stopping = true;
    for (const t of pending.values()) clearTimeout(t);
    pending.clear();
    const gateway = processes.get('gateway');
    if (gateway) await terminate(gateway);
    await Promise.all([...processes.values()].filter((p) => p.name !== 'gateway').map(terminate));
    if (tempKeys) rmSync(keysDir, { recursive: true, force: true });
  };

  try {
    for (const name of SUBGRAPH_NAMES) ports.set(name, opts.subgraphPorts?.[name] || (await freePort()));
    const subgraphs = SUBGRAPH_NAMES.map((name) => launch(name, ports.get(name)!));
    await Promise.all(subgraphs.map(ready));
    const gatewayPort = opts.port === undefined ? 4000 : opts.port || (await freePort());
    const urls = Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_SUBGRAPH_URL`, s.url]));
    const gateway = launch('gateway', gatewayPort, { ...urls, ...upstreams, HOST: '127.0.0.1' });
    await waitFor(`http://127.0.0.1:${gatewayPort}/healthz`, 60_000, gateway.child);
    supervising = true;
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
    subgraphHeaders: (name, body, url) => signRequest({ method: 'POST', url: url ?? processes.get(name)!.url, body }, { keyid: GATEWAY_KEYID, secret: secrets[name], target: name, identity: HUB_OPERATOR }),
    floor: async (kind) => {
      // One of each kind per hub: a second launch would take the first's place in `processes`,
      // and stop() would leave the first running (the bench asked twice and never exited).
      const running = processes.get(`floor-${kind}`);
      if (running && running.child.exitCode === null && running.child.signalCode === null) return running.url;
      const urls = Object.fromEntries(SUBGRAPH_NAMES.map((s) => [`${s.toUpperCase()}_SUBGRAPH_URL`, processes.get(s)!.url]));
      const p = launch(`floor-${kind}`, await freePort(), urls, [kind]);
      await waitFor(`http://127.0.0.1:${p.port}/healthz`, 30_000, p.child);
      return p.url;
    },
    keysDir,
    restarts,
    kill: async (name) => {
      held.add(name);
      clearTimeout(pending.get(name));
      pending.delete(name);
      const p = processes.get(name);
      if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
      await new Promise<void>((resolve) => { p.child.once('exit', () => resolve()); p.child.kill('SIGKILL'); });
    },
    crash: async (name) => {
      const p = processes.get(name);
      if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
      await new Promise<void>((resolve) => { p.child.once('exit', () => resolve()); p.child.kill('SIGKILL'); });
    },
    restart: async (name) => {
      const p = processes.get(name);
      if (!p) throw new Error(`no process ${name}`);
      if (p.child.exitCode === null && p.child.signalCode === null) throw new Error(`${name} is running: restart() starts a process stopped with kill()`);
      held.delete(name);
      clearTimeout(pending.get(name)); // a supervised restart due: this one replaces it
      pending.delete(name);
      const again = launch(name, p.port, name === 'gateway'
        ? { ...Object.fromEntries(SUBGRAPH_NAMES.map((s) => [`${s.toUpperCase()}_SUBGRAPH_URL`, processes.get(s)!.url])), ...upstreams }
        : {});
      await ready(again);
    },
    stop,
  };
}

/** POSTs a GraphQL operation; returns the parsed body (throws on a non-JSON answer). */
export async function gql<T = any>(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, any>; path?: unknown[] }>; status: number }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  try {
    return { ...JSON.parse(text), status: res.status };
  } catch {
    throw new Error(`non-JSON answer (HTTP ${res.status}): ${text.slice(0, 500)}`);
  }
}
