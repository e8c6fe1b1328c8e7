/**
 * Proof under load and faults (RELIABILITY.md): a mixed read/write load through the gateway
 * from N concurrent clients while the driver SIGKILLs and restarts subgraphs and, on
 * PostgreSQL, terminates the hub's database backends, and a side actor sends bursts of
 * mutually conflicting writes; then a check, against the database and through the API, that
 * every acknowledged write is present exactly once (its audit record too), that unacknowledged
 * writes are present at most once, that of each burst at most one write won, and that every
 * answer that was not a success is one of the failures a fault explains.
 *
 * Used by `npm run reliability` (reliability-cli.ts) and test/src/load.e2e.spec.ts. The parts:
 * hub.ts (the hub and its data), load.ts (the mixed clients and the bursts), hostile-load.ts
 * and hostile.ts (the hostile run), faults.ts (kills, restarts, terminations, fault windows),
 * state.ts (what was written, read back), invariants.ts and analyse.ts (the checks and the
 * figures), report.ts (the RELIABILITY.md section).
 */
import os from 'node:os';
import type { RunningHub } from '../launcher';
import { postBigBody } from './hostile';
import { prepareHubPlace, removeHub, startHubUnderTest } from './hub';
import { runLoad, type RunSettings } from './run';
import { DEFAULT_MIX, type ReliabilityOptions, type ReliabilityReport } from './types';

export { reportMarkdown } from './report';
export { DEFAULT_MIX, OP_KINDS } from './types';
export type {
  ErrorSeen,
  FaultEvent,
  Invariant,
  KindStats,
  OpKind,
  ReliabilityOptions,
  ReliabilityReport,
  RequestRecord,
  WriteTarget,
} from './types';
/** The hostile run's big-body client, for the end-to-end test of the gateway's lingering close. */
export { postBigBody };

/** The options with every default filled in, and a fresh tag for the run's unit codes and request ids. */
function settingsOf(opts: ReliabilityOptions): RunSettings {
  const pg = !!opts.adminDatabaseUrl;
  const tag = Math.random().toString(36).slice(2, 8).toUpperCase();
  return {
    database: pg ? 'postgres' : 'pglite',
    startedAt: new Date().toISOString(),
    loadAverageAtStart: os.loadavg()[0],
    clients: opts.clients ?? 50,
    seconds: opts.seconds ?? 30,
    timeoutMs: opts.requestTimeoutMs ?? 35_000,
    killOrg: opts.killOrg !== false,
    killTasks: opts.killTasks !== false,
    terminations: pg ? (opts.terminations ?? 2) : 0,
    keepRecords: !!opts.keepRecords,
    downMs: opts.downMs ?? 1000,
    graceMs: opts.graceMs ?? 2000,
    scopedShare: opts.scopedShare ?? 0.5,
    mix: { ...DEFAULT_MIX, ...(opts.mix ?? {}) },
    burstEveryMs: opts.burstEveryMs ?? 1000,
    plan: opts.plan,
    hostile: opts.hostile,
    tag,
    unitPrefix: `RL-${tag}-`,
    ridPrefix: `rl-${tag.toLowerCase()}-`,
    log: opts.log ?? (() => undefined),
  };
}

export async function runReliability(opts: ReliabilityOptions = {}): Promise<ReliabilityReport> {
  const s = settingsOf(opts);
  if (s.hostile && s.plan) throw new Error('the hostile run is timed: no plan');
  // A hub of its own: a throw-away PostgreSQL database, or a PGlite folder on disk.
  const place = await prepareHubPlace(opts.adminDatabaseUrl, s.tag, !!s.hostile);
  let hub: RunningHub | undefined;
  try {
    const started = await startHubUnderTest(place, s.hostile, s.log);
    hub = started.hub;
    const on = place.dbName ? `PostgreSQL (${place.dbName})` : `PGlite (${place.dataDir})`;
    s.log(`hub up on ${on}, demo loaded; run ${s.tag}: ${s.clients} clients, ${s.seconds} s`);
    return await runLoad(hub, s, place, started.province);
  } finally {
    await removeHub(place, hub);
  }
}
