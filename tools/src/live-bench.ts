/**
 * Live updates bench (docs/live-updates.md): N subscribers to one scope's task findings, over SSE
 * through the gateway, and W writes one after another, each making one finding appear. For each
 * write, each subscriber's delivery time is taken from the write's request: p50 and p99 over all
 * deliveries, per bus (in-process, then NATS when reachable).
 *
 *   npm run live-bench -- [--subscribers 1000] [--writes 10] [--bus in-process,nats] [--append]
 *
 * Memory stays bounded: a subscriber keeps no event, only how many CHANGED it has seen; the
 * bench keeps one latency per delivery (N × W numbers). The subscribers ask
 * for tasks' own fields only (`unit { id }`): a field of org (`unit { code }`) would cost one
 * call to org per subscriber per event at the gateway, which is a different measure.
 * `--append` adds the table to BENCHMARKS.md with the date and the machine.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEMO_FILE, IMPORT_MUTATION } from './demo';
import { bearer, gql, startHub, type RunningHub } from './launcher';
import { percentile } from './stats';
import { sseFrames } from './sse-frames';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const SUBSCRIBERS = Number(arg('subscribers', '1000'));
const WRITES = Number(arg('writes', '10'));
const BUSES = arg('bus', 'in-process,nats').split(',');
const NATS_URL = process.env.NATS_URL || 'nats://127.0.0.1:4222';
const APPEND = process.argv.includes('--append');

const SUBSCRIPTION = `subscription { taskFindingsChanged(scope: "SC-JGGW", from: "2026-01-01", to: "2026-12-31") {
  kind total appeared { kind unit { id } } } }`;

/** One subscriber: counts CHANGED events; calls `onChanged(n)` with the count at each. */
async function subscriber(url: string, token: string, onChanged: (n: number) => void, signal: AbortSignal) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: SUBSCRIPTION }),
    signal,
  });
  if (res.status !== 200) throw new Error(`subscription refused: HTTP ${res.status}`);
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  let changed = 0;
  void (async () => {
    for await (const msg of sseFrames(res.body!)) {
      if (msg.includes('"kind":"READY"')) ready();
      else if (msg.includes('"kind":"CHANGED"')) onChanged(++changed);
      else if (msg.includes('"errors"')) throw new Error(`subscription error: ${msg.slice(0, 300)}`);
    }
  })().catch((e: unknown) => {
    if (!signal.aborted) console.error(String(e));
  });
  await isReady;
}

function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect(Number(u.port || 4222), u.hostname);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

interface Result {
  bus: string;
  subscribers: number;
  writes: number;
  delivered: number;
  p50: number;
  p99: number;
  max: number;
  writeP50: number;
  gatewayRssMb: number;
  tasksRssMb: number;
}

function rssMb(hub: RunningHub, name: string): number {
  const pid = hub.processes.get(name)?.child.pid;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
  } catch {
    return NaN;
  }
}

async function run(bus: string): Promise<Result> {
  const env: Record<string, string> = { LOG_LEVEL: 'error', HUB_TODAY: '2026-06-30' };
  if (bus === 'nats') env.NATS_URL = NATS_URL;
  const hub = await startHub({ port: 0, dataDir: 'memory://', databaseUrl: process.env.DATABASE_URL, env });
  const ctrl = new AbortController();
  try {
    const auth = bearer(hub.operatorToken);
    const loaded = await gql(
      hub.gatewayUrl,
      IMPORT_MUTATION,
      { document: JSON.parse(readFileSync(DEMO_FILE, 'utf8')), dryRun: false },
      auth,
    );
    if (loaded.errors) throw new Error(`demo import failed: ${JSON.stringify(loaded.errors)}`);
    const viewer = await hub.token({ body: 'SC-JGGW', role: 'VIEWER', ttl: '2h' });
    // Per write: when it was sent, and each subscriber's delivery (ms after it was sent).
    const sentAt: number[] = [];
    const latencies: number[] = [];
    const waiting: number[] = [];
    let release: (() => void) | undefined;
    const onChanged = (n: number) => {
      latencies.push(performance.now() - sentAt[n - 1]);
      if (--waiting[n - 1] === 0) release?.();
    };
    // Subscribers join 50 at a time (the first compute is shared: one watch).
    for (let i = 0; i < SUBSCRIBERS; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, SUBSCRIBERS - i) }, () =>
          subscriber(hub.gatewayUrl, viewer, onChanged, ctrl.signal),
        ),
      );
    }
    const writeMs: number[] = [];
    let delivered = 0;
    for (let k = 0; k < WRITES; k++) {
      waiting[k] = SUBSCRIBERS;
      const all = new Promise<void>((r) => (release = r));
      sentAt[k] = performance.now();
      const issued = await gql(
        hub.gatewayUrl,
        `mutation($k: String!) { issueTask(input: { issuer: "SC-JGGW", key: $k, title: "实时推送压测", category: OTHER,
        priority: ROUTINE, startsOn: "2026-03-01", dueOn: "2026-06-30", targets: ["SC-DZJ"] }) { id } }`,
        { k: `LIVE-BENCH-${k}` },
        auth,
      );
      writeMs.push(performance.now() - sentAt[k]);
      if (issued.errors) throw new Error(`write failed: ${JSON.stringify(issued.errors)}`);
      // Every subscriber's event, or 30 s: the missing are counted, not waited for.
      await Promise.race([all, new Promise((r) => setTimeout(r, 30_000))]);
      delivered += SUBSCRIBERS - waiting[k];
    }
    return {
      bus,
      subscribers: SUBSCRIBERS,
      writes: WRITES,
      delivered,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: Math.max(...latencies),
      writeP50: percentile(writeMs, 50),
      gatewayRssMb: rssMb(hub, 'gateway'),
      tasksRssMb: rssMb(hub, 'tasks'),
    };
  } finally {
    ctrl.abort();
    await hub.stop();
  }
}

async function main() {
  const results: Result[] = [];
  for (const bus of BUSES) {
    if (bus === 'nats' && !(await reachable(NATS_URL))) {
      console.error(`nats skipped: ${NATS_URL} cannot be reached`);
      continue;
    }
    const r = await run(bus);
    console.log(JSON.stringify(r));
    results.push(r);
  }
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const table = [
    `| bus | subscribers | writes | delivered | p50 write→delivery | p99 | max | write itself (p50) | RSS gateway / tasks |`,
    `|---|---|---|---|---|---|---|---|---|`,
    ...results.map(
      (r) =>
        `| ${r.bus} | ${r.subscribers} | ${r.writes} | ${r.delivered} / ${r.subscribers * r.writes} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${ms(r.writeP50)} | ${r.gatewayRssMb} / ${r.tasksRssMb} MB |`,
    ),
  ].join('\n');
  console.log(table);
  if (APPEND) {
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`;
    appendFileSync(
      path.resolve(__dirname, '..', '..', 'BENCHMARKS.md'),
      `\n## Live updates: ${SUBSCRIBERS} subscribers to one scope (${new Date().toISOString().slice(0, 10)})\n\n` +
        `\`node tools/dist/live-bench.js --subscribers ${SUBSCRIBERS} --writes ${WRITES}\` on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}; ` +
        `machine: ${machine} (shared with other work). Each write (issueTask through the gateway) makes one task ` +
        `finding appear in 四川's scope; a subscriber (SSE through the gateway, \`appeared { kind unit { id } }\`) ` +
        `counts from the write's request to its event. All subscribers are the same VIEWER: one watch, one recompute per ` +
        `write (docs/live-updates.md).\n\n${table}\n`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
