/**
 * The reliability run's vocabulary (RELIABILITY.md): what it is asked to do, what each request
 * and fault left on record, and the report it hands back.
 */
import type { HostileOptions, HostileReport } from './hostile';

/** `findings`: a hostile VIEWER's page of scope-wide findings (never picked by the mixed clients). */
export type OpKind =
  'unit' | 'units' | 'anomalies' | 'federated' | 'createUnit' | 'changeUnitFacts' | 'createLink' | 'findings';
export const OP_KINDS: Array<Exclude<OpKind, 'findings'>> = [
  'unit',
  'units',
  'anomalies',
  'federated',
  'createUnit',
  'changeUnitFacts',
  'createLink',
];
/** The operations that write (their effect is checked exactly once). */
export const WRITES = new Set<OpKind>(['createUnit', 'changeUnitFacts', 'createLink']);

/**
 * Relative weight of each operation in a client's picks (a write that needs the client's own unit first creates one).
 */
export const DEFAULT_MIX: Record<Exclude<OpKind, 'findings'>, number> = {
  unit: 28,
  units: 10,
  anomalies: 8,
  federated: 12,
  createUnit: 18,
  changeUnitFacts: 15,
  createLink: 9,
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
  periods: Array<{
    name: string;
    start: number;
    end: number;
    requests: number;
    ackedWrites: number;
    okReads: number;
    errors: Record<string, number>;
  }>;
  verification: {
    acked: { createUnit: number; changeUnitFacts: number; createLink: number };
    auditRowsOfRun: number;
    unitsOfRun: number;
    /** Bursts of conflicting writes by kind, and how many of them had one write acknowledged. */
    bursts: Record<string, { bursts: number; oneAcknowledged: number }>;
    /** Writes that were not acknowledged but did commit (their answer was lost), with the fault they met. */
    committedUnacknowledged: Array<{
      id: string;
      kind: OpKind;
      start: number;
      end: number;
      error: string;
      fault: string;
    }>;
  };
  invariants: Invariant[];
  /** Up to 25 responses no fault explains, for the record. */
  unexpected: Array<
    Pick<RequestRecord, 'id' | 'kind' | 'start' | 'end' | 'status' | 'failure' | 'failureDetail' | 'errors'>
  >;
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
