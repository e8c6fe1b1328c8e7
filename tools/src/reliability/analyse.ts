/**
 * From what the run recorded to its report (RELIABILITY.md): latency per operation, the periods
 * between and during the faults, the invariants (invariants.ts), and the figures of the
 * verification.
 */
import os from 'node:os';
import { percentile } from '../stats';
import { overlaps, problems, windowsOf } from './faults';
import type { HostileReport } from './hostile';
import { checkInvariants, type Stretch } from './invariants';
import { effectCount, emptyState, type DbState } from './state';
import { OP_KINDS, WRITES, type FaultEvent, type KindStats, type ReliabilityReport, type RequestRecord } from './types';

/** What the load phase left: the records, the faults, and the state read back afterwards. */
export interface RunRecord {
  records: RequestRecord[];
  faults: FaultEvent[];
  /** When the load was over (ms since it began). */
  loadEnd: number;
  /** The state read through the API, or why it could not be read. */
  api: DbState | string;
  db: DbState;
  logs: Record<string, string>;
  alive: Array<{ name: string; exit: number | string | null }>;
  plan?: ReliabilityReport['plan'];
  hostile?: Omit<HostileReport, 'ackedWritesLost'>;
}

/** What the run was asked to do, as the report states it. */
export interface RunFacts {
  database: ReliabilityReport['database'];
  startedAt: string;
  loadAverageAtStart: number;
  clients: number;
  seconds: number;
  timeoutMs: number;
  killOrg: boolean;
  terminations: number;
  keepRecords: boolean;
}

/**
 * Latency per kind (every answered request, errors included: a fast refusal counts too);
 * percentiles as stats.ts reads them, 0 when no request of the kind was answered.
 */
export function latencyByKind(
  records: RequestRecord[],
  faults: FaultEvent[],
  hostile: boolean,
): Record<string, KindStats> {
  const byKind: Record<string, KindStats> = {};
  for (const k of [...OP_KINDS, ...(hostile ? ['findings' as const] : []), 'all' as const]) {
    const rs = k === 'all' ? records : records.filter((r) => r.kind === k);
    const lat = rs.filter((r) => r.end > 0).map((r) => r.end - r.start);
    const at = (p: number) => (lat.length ? percentile(lat, p) : 0);
    const failed = rs.filter((r) => problems(r, faults).length > 0).length;
    byKind[k] = {
      count: rs.length,
      ok: rs.length - failed,
      failed,
      ...(k === 'all' || WRITES.has(k) ? { acked: rs.filter((r) => r.acked).length } : {}),
      p50: at(50),
      p95: at(95),
      p99: at(99),
      max: at(100),
    };
  }
  return byKind;
}

interface Bound {
  name: string;
  start: number;
  end: number;
  fault?: FaultEvent;
}

/** The fault windows and the steady stretches before, between and after them. */
function boundsOf(faults: FaultEvent[], loadEnd: number): Bound[] {
  const bounds: Bound[] = [];
  let cursor = 0;
  faults.forEach((f, n) => {
    bounds.push({
      name: n === 0 ? 'before the first fault' : `after ${faults[n - 1].name}`,
      start: cursor,
      end: f.start,
    });
    bounds.push({ name: `${f.name} (window)`, start: f.start, end: f.windowEnd, fault: f });
    cursor = f.windowEnd;
  });
  bounds.push({
    name: faults.length ? `after ${faults[faults.length - 1].name}` : 'whole run',
    start: cursor,
    end: Math.max(cursor, loadEnd),
  });
  return bounds;
}

const okReads = (rs: RequestRecord[], faults: FaultEvent[]) =>
  rs.filter((r) => !r.write && problems(r, faults).length === 0).length;

/**
 * Errors per period: each request belongs to the first fault window it overlaps, else to the
 * steady stretch it was sent in.
 */
export function periodsOf(
  records: RequestRecord[],
  faults: FaultEvent[],
  loadEnd: number,
): ReliabilityReport['periods'] {
  const bounds = boundsOf(faults, loadEnd);
  const countErrors = (rs: RequestRecord[]) => {
    const c: Record<string, number> = {};
    for (const r of rs)
      for (const p of problems(r, faults)) {
        const k = p.expected ? p.label : `UNEXPECTED ${p.label}`;
        c[k] = (c[k] ?? 0) + 1;
      }
    return c;
  };
  const periodOf = (r: RequestRecord) => {
    const f = faults.find((x) => overlaps(r, x));
    return f
      ? bounds.find((b) => b.fault === f)!
      : (bounds.find((b) => !b.fault && r.start >= b.start && r.start < b.end) ?? bounds[bounds.length - 1]);
  };
  const members = new Map(bounds.map((b) => [b, [] as RequestRecord[]]));
  for (const r of records) members.get(periodOf(r))!.push(r);
  return bounds.map((b) => {
    const rs = members.get(b)!;
    return {
      name: b.name,
      start: b.start,
      end: b.end,
      requests: rs.length,
      ackedWrites: rs.filter((r) => r.acked).length,
      okReads: okReads(rs, faults),
      errors: countErrors(rs),
    };
  });
}

/**
 * Recovery: requests sent in each steady stretch (answered then or later) that succeeded.
 * A planned run's stretches are its steady segments, whatever their length in time.
 */
export function stretchesOf(run: RunRecord): Stretch[] {
  const { records, faults, plan } = run;
  if (plan) {
    return plan
      .filter((p) => !p.during)
      .map((p) => {
        const rs = records.filter((r) => r.segment === p.segment);
        const after = plan.find((q) => q.segment === p.segment - 1)?.during;
        const name = after ? `after ${after}` : 'before the first fault';
        return { name, ackedWrites: rs.filter((r) => r.acked).length, okReads: okReads(rs, faults) };
      });
  }
  return boundsOf(faults, run.loadEnd)
    .filter((b) => !b.fault)
    .map((b) => {
      const rs = records.filter((r) => r.start >= b.start && r.start < b.end);
      return { name: b.name, ackedWrites: rs.filter((r) => r.acked).length, okReads: okReads(rs, faults) };
    });
}

const machine = (loadAverageAtStart: number): ReliabilityReport['machine'] => ({
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  os: `${os.platform()} ${os.release()}`,
  loadAverageAtStart,
});

/** The run's report: figures, invariants, and the responses no fault explains. */
export function analyse(run: RunRecord, facts: RunFacts): ReliabilityReport {
  const { records, faults, loadEnd, db } = run;
  const apiError = typeof run.api === 'string' ? run.api : undefined;
  const api: DbState = typeof run.api === 'string' ? emptyState() : run.api;
  const unexpected = records.filter((r) => problems(r, faults).some((p) => !p.expected));
  const writes = records.filter((r) => r.write);
  const acked = writes.filter((r) => r.acked);
  const unacked = writes.filter((r) => !r.acked);
  const hostile: HostileReport | undefined = run.hostile && {
    ...run.hostile,
    ackedWritesLost: acked.filter((r) => effectCount(db, r.target!) === 0).length,
  };
  const checked = checkInvariants({
    records,
    faults,
    db,
    api,
    apiError,
    alive: run.alive,
    stretches: stretchesOf(run),
    unexpected,
    timeoutMs: facts.timeoutMs,
    killOrg: facts.killOrg,
    terminations: facts.terminations,
    hostile,
  });
  const ok = checked.invariants.every((i) => i.ok);
  const seconds = loadEnd / 1000;
  const ackedOf = (kind: string) => acked.filter((r) => r.kind === kind).length;
  return {
    database: facts.database,
    startedAt: facts.startedAt,
    machine: machine(facts.loadAverageAtStart),
    clients: facts.clients,
    identities: Object.fromEntries(
      ['operator', 'ADMIN', 'EDITOR', 'VIEWER']
        .filter((k) => k !== 'VIEWER' || run.hostile)
        .map((k) => [k, new Set(records.filter((r) => r.as === k).map((r) => r.client)).size]),
    ),
    plannedSeconds: run.plan ? 0 : facts.seconds,
    ...(run.plan ? { plan: run.plan } : {}),
    requestTimeoutMs: facts.timeoutMs,
    loadMs: loadEnd,
    faults,
    totals: {
      requests: records.length,
      reads: records.length - writes.length,
      writes: writes.length,
      ackedWrites: acked.length,
      unackedWrites: unacked.length,
      unackedCommitted: unacked.filter((r) => db.audit.has(r.id)).length, // its audit record commits with it (checked)
      requestsPerSecond: records.length / seconds,
      ackedWritesPerSecond: acked.length / seconds,
    },
    byKind: latencyByKind(records, faults, !!run.hostile),
    periods: periodsOf(records, faults, loadEnd),
    verification: {
      acked: {
        createUnit: ackedOf('createUnit'),
        changeUnitFacts: ackedOf('changeUnitFacts'),
        createLink: ackedOf('createLink'),
      },
      auditRowsOfRun: [...db.audit.values()].reduce((a, l) => a + l.length, 0),
      unitsOfRun: db.units.size,
      bursts: checked.bursts,
      committedUnacknowledged: unacked
        .filter((r) => db.audit.has(r.id))
        .slice(0, 20)
        .map((r) => ({
          id: r.id,
          kind: r.kind,
          start: r.start,
          end: r.end,
          error: r.failure ?? r.errors.map((e) => `${e.code}${e.service ? `(${e.service})` : ''}`).join(', '),
          fault:
            windowsOf(r, faults)
              .map((f) => f.name)
              .join(', ') || 'none',
        })),
    },
    invariants: checked.invariants,
    unexpected: unexpected.slice(0, 25).map(({ id, kind, start, end, status, failure, failureDetail, errors }) => ({
      id,
      kind,
      start,
      end,
      status,
      failure,
      failureDetail,
      errors,
    })),
    ok,
    ...(ok ? {} : { logs: run.logs }),
    ...(facts.keepRecords ? { records } : {}),
    ...(hostile ? { hostile } : {}),
  };
}
