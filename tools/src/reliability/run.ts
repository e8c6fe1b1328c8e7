/**
 * The load phase of the reliability run on a running hub (RELIABILITY.md): the mixed clients,
 * the bursts, the faults and (hostile) the hostile actors all at once; then the state read back
 * through the API while the hub runs and from the database itself, and the analysis.
 */
import path from 'node:path';
import { bearer, gql, type RunningHub } from '../launcher';
import { analyse, type RunFacts, type RunRecord } from './analyse';
import { faultPlan, plannedSchedule, terminateBackends, timedSchedule, type FaultDriver } from './faults';
import {
  gatewayMemorySampler,
  longLogLines,
  PROVINCE_WORK_COMMITTEE_NAME,
  VIEWER_BODIES,
  type HostileOptions,
  type HostileReport,
  type ProvinceLoad,
} from './hostile';
import { HostileActors } from './hostile-load';
import type { HubPlace } from './hub';
import { BODY, Bursts, contention, Load, mixedClient, SegmentGate, type LoadSettings } from './load';
import { percentile } from '../stats';
import { apiState, pgliteState, postgresState, stateQueries, type DbState } from './state';
import type { FaultEvent, ReliabilityReport } from './types';

/** `ReliabilityOptions` with every default filled in, and the run's tag. */
export interface RunSettings extends RunFacts {
  downMs: number;
  graceMs: number;
  scopedShare: number;
  mix: LoadSettings['mix'];
  killTasks: boolean;
  burstEveryMs: number;
  plan?: { operationsPerSegment: number };
  hostile?: HostileOptions;
  tag: string;
  unitPrefix: string;
  ridPrefix: string;
  log: (line: string) => void;
}

/** The hostile run's clients that are not mixed ones. */
function hostileCounts(s: RunSettings) {
  const h = s.hostile;
  return {
    viewers: h ? (h.viewers ?? 8) : 0,
    bigClients: h ? (h.bigBodies ?? 4) : 0,
    replayers: h ? (h.replayers ?? 2) : 0,
  };
}

/** Runs the load with its faults on hub `h`, reads back what it wrote, and reports. */
export async function runLoad(
  h: RunningHub,
  s: RunSettings,
  place: HubPlace,
  province: ProvinceLoad | undefined,
): Promise<ReliabilityReport> {
  const tokens = {
    operator: h.operatorToken,
    ADMIN: await h.token({ body: BODY, role: 'ADMIN', subject: 'rel-admin', ttl: '2h' }),
    EDITOR: await h.token({ body: BODY, role: 'EDITOR', subject: 'rel-editor', ttl: '2h' }),
    VIEWER: '',
  };
  const viewerTokens = s.hostile
    ? await Promise.all(
        VIEWER_BODIES.map((body) =>
          h.token({ body, role: 'VIEWER', subject: `rel-viewer-${body.toLowerCase()}`, ttl: '2h' }),
        ),
      )
    : [];
  const { viewers, bigClients, replayers } = hostileCounts(s);
  const mixedClients = s.clients - viewers - bigClients - replayers;
  if (mixedClients < 1) {
    throw new Error(
      `${s.clients} clients leave none for the mixed load after ${viewers + bigClients + replayers} hostile ones`,
    );
  }
  const memory = s.hostile ? gatewayMemorySampler(h) : undefined;
  const segments = 1 + 2 * ((s.killOrg ? 1 : 0) + (s.killTasks ? 1 : 0) + s.terminations);
  const gate = s.plan ? new SegmentGate(s.plan.operationsPerSegment, segments) : undefined;
  const load = new Load(
    {
      url: h.gatewayUrl,
      tokens,
      timeoutMs: s.timeoutMs,
      tag: s.tag,
      unitPrefix: s.unitPrefix,
      ridPrefix: s.ridPrefix,
      scopedShare: s.scopedShare,
      mix: s.mix,
    },
    gate,
  );
  const bigBodyBytes = s.hostile?.bigBodyBytes ?? 20 * 2 ** 20;
  const actors = s.hostile
    ? new HostileActors(load, {
        viewerTokens,
        bigBodyBytes,
        proxy: place.proxy!,
        orgUrl: `http://127.0.0.1:${place.orgPort}/graphql`,
      })
    : undefined;
  const faults: FaultEvent[] = [];
  const planLog: NonNullable<ReliabilityReport['plan']> = [];
  const caused: string[] = [];
  const recoveries: HostileReport['recoveries'] = [];
  const driver: FaultDriver = {
    hub: h,
    load,
    faults,
    log: s.log,
    downMs: s.downMs,
    graceMs: s.graceMs,
    terminate: () => terminateBackends(place.adminDatabaseUrl!, place.dbName!),
    ...(actors ? { hostile: { actors, caused, recoveries } } : {}),
  };
  const plan = faultPlan(s);
  const bursts = new Bursts(load);
  const schedule = gate
    ? plannedSchedule(driver, plan, { gate, clients: mixedClients, bursts, planLog })
    : timedSchedule(driver, plan, s.seconds * 1000);
  await drive(load, s.log, [
    schedule.catch((e) => {
      load.stopAt = 0;
      throw e;
    }),
    ...Array.from({ length: mixedClients }, (_, i) => mixedClient(load, i)),
    contention(load, bursts, s.burstEveryMs),
    ...(actors
      ? [
          ...Array.from({ length: viewers }, (_, v) => actors.viewer(v)),
          ...Array.from({ length: bigClients }, () => actors.bigBodies()),
          ...Array.from({ length: replayers }, () => actors.replayer()),
        ]
      : []),
  ]);
  await actors?.settled();
  const gatewayMemory = memory?.stop();
  const renamed = actors ? await replayedRename(h, actors) : false;
  const loadEnd = load.now();
  s.log(`load over after ${(loadEnd / 1000).toFixed(1)} s: ${load.records.length} requests`);
  const alive = [...h.processes.values()].map((p) => ({ name: p.name, exit: p.child.exitCode ?? p.child.signalCode }));
  const api = await apiState(h.gatewayUrl, h.operatorToken, s.unitPrefix, s.ridPrefix).catch((e: Error) => e.message);
  const logs = Object.fromEntries(['gateway', 'org', 'tasks', 'assessments'].map((n) => [n, h.output(n).slice(-4000)]));
  const hostile =
    actors &&
    hostileFigures(h, actors, {
      province: province!,
      counts: { viewers, bigClients, replayers },
      bigBodyBytes,
      renamed,
      captured: place.proxy!.total(),
      recoveries,
      uncausedDeaths: uncausedDeaths(h, alive, caused),
      gatewayMemory: gatewayMemory!,
    });
  const db = await readDatabase(h, place, stateQueries(s.unitPrefix, s.ridPrefix));
  const run: RunRecord = {
    records: load.records,
    faults,
    loadEnd,
    api,
    db,
    logs,
    alive,
    plan: gate ? planLog : undefined,
    hostile,
  };
  return analyse(run, s);
}

/** Runs every actor at once, logging progress every 5 s. */
async function drive(load: Load, log: (line: string) => void, actors: Array<Promise<unknown>>): Promise<void> {
  const progress = setInterval(() => {
    const done = load.records.filter((r) => r.end > 0);
    const acked = done.filter((r) => r.acked).length;
    const failed = done.filter((r) => r.errors.length || r.failure || r.status !== 200).length;
    log(
      `${(load.now() / 1000).toFixed(0)} s: ${done.length} answered, ${acked} writes acknowledged, ${failed} with errors`,
    );
  }, 5000);
  progress.unref();
  try {
    await Promise.all(actors);
  } finally {
    clearInterval(progress);
  }
}

/**
 * The write replayed with captured headers (REPLAY_OTHER_BODY) renames P-GW: whatever the
 * answers said, P-GW's name tells whether one ran.
 */
async function replayedRename(h: RunningHub, actors: HostileActors): Promise<boolean> {
  const r = await gql(
    h.gatewayUrl,
    '{ unit(by: { code: "P-GW" }) { name } }',
    undefined,
    bearer(h.operatorToken),
  ).catch(() => undefined);
  const renamed = r?.data?.unit?.name !== PROVINCE_WORK_COMMITTEE_NAME;
  if (renamed) actors.replays.examples.push(`P-GW is named ${JSON.stringify(r?.data?.unit?.name)} after the run`);
  return renamed;
}

/** The big bodies' figures: the bytes handed to the socket before the answer, as median (stats.ts's p50) and most. */
function bigBodyFigures(actors: HostileActors) {
  const { big } = actors;
  const written = big.bytesBeforeAnswer;
  return {
    ...big,
    bytesBeforeAnswer: [],
    maxBytesBeforeAnswer: written.length ? percentile(written, 100) : 0,
    medianBytesBeforeAnswer: written.length ? percentile(written, 50) : 0,
  };
}

/** The hostile run's figures (HostileReport but for the acknowledged writes lost, which the analysis counts). */
function hostileFigures(
  h: RunningHub,
  actors: HostileActors,
  f: {
    province: ProvinceLoad;
    counts: ReturnType<typeof hostileCounts>;
    bigBodyBytes: number;
    /** P-GW was renamed: a replayed write ran. */
    renamed: boolean;
    /** Requests the proxy captured. */
    captured: number;
    recoveries: HostileReport['recoveries'];
    uncausedDeaths: string[];
    gatewayMemory: HostileReport['gatewayMemory'];
  },
): Omit<HostileReport, 'ackedWritesLost'> {
  const { viewers, bigClients, replayers } = f.counts;
  return {
    province: f.province,
    viewers: { count: viewers, bodies: VIEWER_BODIES, ...actors.viewerStats },
    bigBodies: { ...bigBodyFigures(actors), clients: bigClients, bytes: f.bigBodyBytes },
    replays: {
      ...actors.replays,
      accepted: actors.replays.accepted + (f.renamed ? 1 : 0),
      clients: replayers,
      captured: f.captured,
    },
    recoveries: f.recoveries,
    uncausedDeaths: f.uncausedDeaths,
    gatewayMemory: f.gatewayMemory,
    logs: longLogLines(h, ['gateway', 'org', 'tasks', 'assessments', 'launcher']),
  };
}

/** Every supervisor restart the run's own kills do not account for is a death it did not cause. */
function uncausedDeaths(h: RunningHub, alive: RunRecord['alive'], caused: string[]): string[] {
  const expected = [...caused];
  const deaths: string[] = [];
  for (const r of h.restarts) {
    const i = expected.indexOf(r.process);
    if (i >= 0) expected.splice(i, 1);
    else
      deaths.push(`${r.process} exited (${r.signal ?? `code ${r.code}`}) after ${(r.uptimeMs / 1000).toFixed(1)} s up`);
  }
  for (const p of alive) if (p.exit !== null) deaths.push(`${p.name} not running at the end (${p.exit})`);
  return deaths;
}

/**
 * The database itself: PostgreSQL while the hub runs; PGlite has one session, inside org: read
 * once org let go of it.
 */
async function readDatabase(h: RunningHub, place: HubPlace, queries: Record<string, string>): Promise<DbState> {
  if (place.databaseUrl) return postgresState(place.databaseUrl, queries);
  await h.stop();
  return pgliteState(path.join(place.dataDir!, 'org'), queries);
}
