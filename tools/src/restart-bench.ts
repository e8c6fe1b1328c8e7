/**
 * npm run restart-bench [-- --db postgres|pglite --units 2000 --assignments 20000 --kills 5
 *                          --targets org,tasks --busy 1 --baseline /path/to/another/checkout]
 *
 * Where the time from a subgraph's SIGKILL to its answering again goes (RELIABILITY.md,
 * "Recovery after a kill"). Loads a synthetic province once (as the hostile run does), starts
 * the hub supervised, as deployed, then kills each target `--kills` times (SIGKILL, the
 * supervisor restarts it) and reports, per kill and as medians:
 *
 * - `readyMs`: from the kill to the first 200 of the process's own `/readyz`, polled every
 *   25 ms (the hostile run's figure, polled every 100 ms there);
 * - `delayMs`: the supervisor's wait before the restart (launcher.ts);
 * - `phasesMs`: the restarted process's own `ready` line (platform's startup.ts): modules,
 *   database open and migration check, schema, server, first readiness check;
 * - `cpuMs`: the CPU the restarted process had used by then (/proc): what a start costs, whatever
 *   else the machine is doing (wall time on a shared machine mostly measures the others);
 * - `gatewayMs`: from the kill to the first successful answer through the gateway to a query
 *   that needs the target.
 *
 * `--busy N` runs N busy loops (`node -e 'for(;;){}'`) beside, for a loaded machine.
 * `--baseline PATH` first measures another checkout's build (its processes, this driver) on the
 * same database, then this one's: before and after from one run.
 * Between kills the hub stands still for `--settle` ms (default 4000), so the warmers are done;
 * the supervisor counts each kill as a first crash (its backoff's reset is the settle time), so
 * every restart waits its first delay, 250 ms, as a single crash does when deployed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { median as medianOf } from './stats';
import { loadDemoIfEmpty } from './demo';
import { bearer, gql, startHub } from './launcher';
import { loadProvince } from './reliability/hostile';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A query through the gateway that needs each target subgraph (and only what it needs). */
const PROBES: Record<string, string> = {
  org: '{ units(first: 1) { totalCount } }',
  tasks: '{ task(id: "00000000-0000-0000-0000-000000000000") { id } }',
  assessments: '{ schemes(first: 1) { totalCount } }',
};

export interface KillMeasure {
  target: string;
  build: string;
  readyMs: number | null;
  gatewayMs: number | null;
  delayMs?: number;
  phasesMs?: Record<string, number>;
  totalMs?: number;
  /** CPU the restarted process had used when it first answered (/proc/<pid>/stat: user + system). */
  cpuMs?: number;
}

/** CPU time a live process has used (ms), from /proc (Linux): robust to a busy machine, unlike wall time. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in clock ticks of 10 ms (USER_HZ 100)
  } catch {
    return undefined;
  }
}

/** The median of the numbers in whole milliseconds (null when none): stats.ts's median, rounded. */
export function median(xs: number[]): number | null {
  return xs.length === 0 ? null : Math.round(medianOf(xs));
}

/** The `ready` lines (platform's main.ts) in a process's captured output, oldest first. */
export function readyLines(output: string): Array<{ phasesMs: Record<string, number>; totalMs: number }> {
  const out: Array<{ phasesMs: Record<string, number>; totalMs: number }> = [];
  for (const line of output.split('\n')) {
    if (!line.includes('"ready"')) continue;
    try {
      const r = JSON.parse(line) as { msg?: string; phasesMs?: Record<string, number>; totalMs?: number };
      if (r.msg === 'ready' && r.phasesMs) out.push({ phasesMs: r.phasesMs, totalMs: r.totalMs ?? 0 });
    } catch {
      // not a JSON line
    }
  }
  return out;
}

async function poll(until: number, ok: () => Promise<boolean>, every: number): Promise<number | null> {
  while (performance.now() < until) {
    try {
      if (await ok()) return performance.now();
    } catch {
      // down still
    }
    await sleep(every);
  }
  return null;
}

async function main() {
  const db = arg('db', process.env.DATABASE_URL ? 'postgres' : 'pglite');
  const kills = Number(arg('kills', '5'));
  const targets = arg('targets', 'org').split(',');
  const busy = Number(arg('busy', '0'));
  const settle = Number(arg('settle', '4000'));
  const baseline = arg('baseline', '');
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  let databaseUrl: string | undefined;
  let dbName: string | undefined;
  let dataDir: string | undefined;
  if (db === 'postgres') {
    dbName = `tk_restart_${process.pid}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database ${dbName}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'tk-restart-'));
  }
  const log = (l: string) => process.stderr.write(`${l}\n`);
  const loops: ChildProcess[] = [];
  /** Starts the hub of `root` (this checkout: ''), kills each target `kills` times, stops it. */
  const killAndMeasure = async (root: string): Promise<KillMeasure[]> => {
    const hub = await startHub({
      port: 0,
      dataDir: dataDir ?? 'memory://',
      databaseUrl,
      env: { LOG_LEVEL: 'info' },
      supervise: { resetAfterMs: Math.min(settle, 60_000) },
      ...(root ? { root } : {}),
    });
    const measures: KillMeasure[] = [];
    try {
      await sleep(settle);
      for (let k = 0; k < kills; k++) {
        for (const target of targets) {
          const port = hub.processes.get(target)!.port;
          const before = readyLines(hub.output(target)).length;
          const restartsBefore = hub.restarts.length;
          const t0 = performance.now();
          await hub.crash(target);
          let cpuMs: number | undefined;
          const ready = poll(
            t0 + 60_000,
            async () => {
              const ok = (await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(1_000) })).ok;
              if (ok) cpuMs = processCpuMs(hub.processes.get(target)!.child.pid!);
              return ok;
            },
            25,
          );
          const gateway = poll(
            t0 + 60_000,
            async () => {
              const r = await gql(hub.gatewayUrl, PROBES[target], {}, bearer(hub.operatorToken));
              return r.status === 200 && !r.errors;
            },
            25,
          );
          const [r, g] = await Promise.all([ready, gateway]);
          await sleep(200); // the ready line is written just after the first 200
          const lines = readyLines(hub.output(target));
          const line = lines.length > before ? lines[lines.length - 1] : undefined;
          const m: KillMeasure = {
            target,
            build: root || 'this checkout',
            readyMs: r === null ? null : Math.round(r - t0),
            gatewayMs: g === null ? null : Math.round(g - t0),
            delayMs: hub.restarts[restartsBefore]?.delayMs,
            phasesMs: line?.phasesMs,
            totalMs: line?.totalMs,
            cpuMs,
          };
          measures.push(m);
          log(JSON.stringify(m));
          await sleep(settle);
        }
      }
    } finally {
      await hub.stop();
    }
    return measures;
  };
  try {
    const loader = await startHub({
      port: 0,
      dataDir: dataDir ?? 'memory://',
      databaseUrl,
      env: { LOG_LEVEL: 'error', UPSTREAM_TIMEOUT_MS: '900000' },
    });
    try {
      await loadDemoIfEmpty(loader.gatewayUrl, loader.operatorToken);
      const p = await loadProvince(
        loader,
        { units: Number(arg('units', '2000')), assignments: Number(arg('assignments', '20000')) },
        log,
      );
      log(`province loaded in ${(p.loadMs / 1000).toFixed(0)} s: ${p.units} units, ${p.assignments} assignments`);
    } finally {
      await loader.stop();
    }
    for (let i = 0; i < busy; i++) loops.push(spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
    // Each checkout in turn on the same loaded database: the baseline (--baseline) first, then this one.
    for (const root of [...(baseline ? [baseline] : []), '']) {
      const measures = await killAndMeasure(root);
      for (const target of targets) {
        const mine = measures.filter((m) => m.target === target);
        const phases = [...new Set(mine.flatMap((m) => Object.keys(m.phasesMs ?? {})))];
        const summary = {
          target,
          db,
          busy,
          kills: mine.length,
          build: root || 'this checkout',
          readyMs: median(mine.flatMap((m) => (m.readyMs === null ? [] : [m.readyMs]))),
          maxReadyMs: Math.max(...mine.map((m) => m.readyMs ?? Infinity)),
          gatewayMs: median(mine.flatMap((m) => (m.gatewayMs === null ? [] : [m.gatewayMs]))),
          cpuMs: median(mine.flatMap((m) => (m.cpuMs === undefined ? [] : [m.cpuMs]))),
          phasesMs: Object.fromEntries(
            phases.map((ph) => [
              ph,
              median(mine.flatMap((m) => (m.phasesMs?.[ph] === undefined ? [] : [m.phasesMs[ph]]))),
            ]),
          ),
          loadAverage: os.loadavg()[0],
        };
        process.stdout.write(`${JSON.stringify(summary)}\n`);
      }
    }
  } finally {
    for (const l of loops) l.kill('SIGKILL');
    if (dbName) {
      const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
      await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
      await admin.end();
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
}
