/**
 * The faults of the reliability run (RELIABILITY.md): SIGKILLs and restarts of subgraphs (or,
 * supervised, waiting until the supervisor brought them back), terminations of the hub's
 * PostgreSQL backends, on a timed schedule or at a plan's segment bounds; and the fault windows:
 * which failures a fault a request overlaps explains.
 */
import postgres from 'postgres';
import type { RunningHub } from '../launcher';
import { answeringAgain, type HostileReport } from './hostile';
import type { HostileActors } from './hostile-load';
import { burstKind, sleep, type Bursts, type Load } from './load';
import type { FaultEvent, OpKind, ReliabilityReport, RequestRecord } from './types';

export interface PlannedFault {
  /** When, as a share of the planned load (timed runs). */
  at: number;
  name: string;
  kind: 'kill' | 'terminate';
  /** The subgraph killed, or `postgres`. */
  target: string;
}

/** org killed at 20 % of the load, tasks at 45 %, then the backend terminations spread over 60–90 %. */
export function faultPlan(o: { killOrg: boolean; killTasks: boolean; terminations: number }): PlannedFault[] {
  const plan: PlannedFault[] = [];
  if (o.killOrg) plan.push({ at: 0.2, name: 'kill org', kind: 'kill', target: 'org' });
  if (o.killTasks) plan.push({ at: 0.45, name: 'kill tasks', kind: 'kill', target: 'tasks' });
  for (let k = 0; k < o.terminations; k++) {
    const at = 0.6 + (0.3 * k) / Math.max(1, o.terminations);
    plan.push({ at, name: `terminate backends #${k + 1}`, kind: 'terminate', target: 'postgres' });
  }
  return plan;
}

export interface FaultDriver {
  hub: RunningHub;
  load: Load;
  /** Every fault, in order, as it happened. */
  faults: FaultEvent[];
  log: (line: string) => void;
  /** How long a killed subgraph stays down before the restart begins (timed, unsupervised). */
  downMs: number;
  graceMs: number;
  /** Terminates the hub's PostgreSQL backends; what it did. */
  terminate: () => Promise<string>;
  /** The hostile run: the hub is supervised, and org's return is met with replays. */
  hostile?: {
    actors: HostileActors;
    /** The kills the run caused (a supervisor restart of anything else is a death it did not cause). */
    caused: string[];
    recoveries: HostileReport['recoveries'];
  };
}

const secondsAt = (t: number) => (t / 1000).toFixed(1);

function over(d: FaultDriver, p: PlannedFault, start: number, detail: string): FaultEvent {
  const end = d.load.now();
  const event: FaultEvent = {
    name: p.name,
    kind: p.kind,
    target: p.target,
    start,
    end,
    windowEnd: end + d.graceMs,
    detail,
  };
  d.faults.push(event);
  d.log(`${secondsAt(end)} s: ${p.name} over: ${detail}`);
  return event;
}

/**
 * A timed run: each fault at its share of the planned `loadMs`, and between faults, and after
 * the last, a steady stretch in which the hub must show it recovered. Sets the load's stop.
 */
export async function timedSchedule(d: FaultDriver, plan: PlannedFault[], loadMs: number): Promise<void> {
  const { load } = d;
  const waitUntil = async (t: number) => {
    while (load.now() < t) await sleep(Math.min(200, t - load.now()));
  };
  const gap = Math.max(3000, loadMs * 0.08);
  let free = 0;
  for (const p of plan) {
    await waitUntil(Math.max(p.at * loadMs, free));
    const start = load.now();
    let detail: string;
    if (p.kind === 'kill' && d.hostile) detail = await supervisedKill(d, p, start);
    else if (p.kind === 'kill') detail = await killAndRestart(d, p, start);
    else detail = await d.terminate();
    free = over(d, p, start, detail).end + d.graceMs + gap;
  }
  load.stopAt = Math.max(loadMs, free);
}

/** Supervised: killed as a crash would, then nothing but waiting until it answers. */
async function supervisedKill(d: FaultDriver, p: PlannedFault, start: number): Promise<string> {
  const hostile = d.hostile!;
  const port = d.hub.processes.get(p.target)!.port;
  // Replayed already or not: what counts is whether org, with its nonces gone, takes it.
  const before = hostile.actors.answered();
  hostile.caused.push(p.target);
  await d.hub.crash(p.target);
  d.log(`${secondsAt(start)} s: ${p.target} killed (SIGKILL); the supervisor brings it back`);
  const back = await answeringAgain(port, 60_000);
  const seconds = back === undefined ? null : (back - d.load.t0 - start) / 1000;
  hostile.recoveries.push({ process: p.target, at: start, seconds });
  if (p.target === 'org') hostile.actors.replayAfterRestart(before);
  return seconds === null
    ? 'not answering 60 s after the kill'
    : `answering again ${seconds.toFixed(1)} s after the kill, restarted by the supervisor`;
}

async function killAndRestart(d: FaultDriver, p: PlannedFault, start: number): Promise<string> {
  await d.hub.kill(p.target);
  d.log(`${secondsAt(start)} s: ${p.target} killed (SIGKILL)`);
  await sleep(d.downMs);
  const r0 = d.load.now();
  await d.hub.restart(p.target);
  return `down ${Math.round(r0 - start)} ms, restart to ready ${Math.round(d.load.now() - r0)} ms`;
}

/** Terminates every backend the hub holds on database `dbName` (as the admin URL's user); what it did. */
export async function terminateBackends(adminDatabaseUrl: string, dbName: string): Promise<string> {
  const admin = postgres(adminDatabaseUrl, { max: 1, onnotice: () => undefined });
  try {
    const rows = await admin`select application_name, pg_terminate_backend(pid) as ok from pg_stat_activity
      where datname = ${dbName} and application_name like 'tiaokuai-%' and pid <> pg_backend_pid()`;
    const names = new Map<string, number>();
    for (const r of rows) if (r.ok) names.set(r.application_name, (names.get(r.application_name) ?? 0) + 1);
    return `${rows.filter((r) => r.ok).length} backends terminated (${[...names].map(([n, c]) => `${n}: ${c}`).join(', ') || 'none open'})`;
  } finally {
    await admin.end();
  }
}

export interface PlanDriver {
  gate: NonNullable<Load['gate']>;
  /** The clients that run the segments. */
  clients: number;
  bursts: Bursts;
  /** The plan's record, a segment at a time. */
  planLog: NonNullable<ReliabilityReport['plan']>;
}

/**
 * The plan (`ReliabilityOptions.plan`): steady, then per fault a segment during it and a steady
 * one after. Faults begin and end at the segments' bounds, which every client reaches by itself:
 * what runs where is fixed by the plan, whatever the machine's speed.
 */
export async function plannedSchedule(d: FaultDriver, plan: PlannedFault[], pd: PlanDriver): Promise<void> {
  const { load } = d;
  const state = { seg: 0, burstNo: 0 };
  await steadySegment(pd, state);
  for (const p of plan) {
    const start = load.now();
    let detail = '';
    if (p.kind === 'kill') {
      await d.hub.kill(p.target);
      d.log(`${secondsAt(start)} s: ${p.target} killed (SIGKILL)`);
    } else {
      detail = await d.terminate();
    }
    pd.gate.open(state.seg);
    await pd.gate.allFinished(state.seg, pd.clients);
    pd.planLog.push({ segment: state.seg, during: p.name, operations: pd.gate.operationsPerSegment, bursts: [] });
    state.seg++;
    if (p.kind === 'kill') {
      const r0 = load.now();
      await d.hub.restart(p.target);
      detail = `down for one segment (${Math.round(r0 - start)} ms), restart to ready ${Math.round(load.now() - r0)} ms`;
    }
    over(d, p, start, detail);
    await steadySegment(pd, state);
  }
  load.stopAt = 0;
}

/** A steady segment: one burst of each kind, in turn, while the clients run the segment. */
async function steadySegment(pd: PlanDriver, state: { seg: number; burstNo: number }): Promise<void> {
  pd.gate.open(state.seg);
  const kinds: OpKind[] = [];
  for (let k = 0; k < 3; k++) {
    const b = ++state.burstNo;
    if (await pd.bursts.burst(b, true)) kinds.push(burstKind(b));
  }
  await pd.gate.allFinished(state.seg, pd.clients);
  pd.planLog.push({ segment: state.seg, operations: pd.gate.operationsPerSegment, bursts: kinds });
  state.seg++;
}

// ---------------------------------------------------------------------------------------------
// Fault windows

/** The request overlaps the fault's window (from its start to the end of its grace period). */
export const overlaps = (r: RequestRecord, f: FaultEvent) => r.start <= f.windowEnd && r.end >= f.start;
export const windowsOf = (r: RequestRecord, faults: FaultEvent[]) => faults.filter((f) => overlaps(r, f));

export interface Problem {
  label: string;
  /** A fault the request overlaps explains it (or, in a burst, CONFLICT is the expected refusal). */
  expected: boolean;
}

/** Why a response is not a success, and whether a fault it overlaps explains it. */
export function problems(r: RequestRecord, faults: FaultEvent[]): Problem[] {
  const out: Problem[] = [];
  const ws = windowsOf(r, faults);
  const orgDown = ws.some((f) => f.kind === 'kill' && f.target === 'org');
  const dbDown = ws.some((f) => f.kind === 'terminate');
  if (r.failure)
    out.push({
      label: r.failure === 'timeout' ? 'TIMEOUT (hang)' : r.failure === 'network' ? 'NETWORK' : 'NON_JSON',
      expected: false,
    });
  else if (r.status !== 200) out.push({ label: `HTTP ${r.status}`, expected: false });
  if (!r.failure && r.status > 0 && !r.echoed) out.push({ label: 'X_REQUEST_ID_NOT_ECHOED', expected: false });
  for (const e of r.errors) {
    const label = `${e.code ?? 'NO_CODE'}${e.service ? `(${e.service})` : ''}`;
    let expected = false;
    if (r.burst && e.code === 'CONFLICT') expected = true;
    else if (e.code === 'SUBGRAPH_UNAVAILABLE' && e.service)
      expected = ws.some((f) => f.kind === 'kill' && f.target === e.service);
    else if (e.code === 'INTERNAL_SERVER_ERROR' && e.service === 'org') expected = orgDown || dbDown;
    out.push({ label, expected });
  }
  if (r.lostRead) out.push({ label: 'OWN_UNIT_NOT_FOUND', expected: false });
  if (!r.failure && r.status === 200 && r.errors.length === 0 && !r.hasData)
    out.push({ label: 'NO_DATA', expected: false });
  return out;
}
