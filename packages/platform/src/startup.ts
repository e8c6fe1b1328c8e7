/**
 * Where a process's start goes, phase by phase, so that the time from a crash to answering again
 * can be read off one log line (RELIABILITY.md, "Recovery after a kill"): each subgraph logs
 * `{"msg":"ready","subgraph":…,"phasesMs":{…},"totalMs":…}` once it answers `/readyz`.
 *
 * The phases are consecutive and cover the whole start: `modules` is the time from the process's
 * own origin (Node's `performance.timeOrigin`: its bootstrap, then every `require` of the
 * service's code and libraries) until the service's `main` ran; the others are marked by the
 * code that does the work (the database's open and migration check, the schema's build, the
 * HTTP server's start, the first statement on the application's pool).
 */
import { performance } from 'node:perf_hooks';

export class StartupPhases {
  /** Milliseconds per phase, in the order they ran (a phase marked twice adds up). */
  readonly phasesMs: Record<string, number> = {};
  private last: number;
  /** When the first phase started (epoch ms): the process's origin for a service process. */
  readonly startedAt: number;

  /** `since`: where the first phase starts (performance.now() scale; default: now). */
  constructor(since = performance.now()) {
    this.last = since;
    this.startedAt = performance.timeOrigin + since;
  }

  /** Ends the phase running since the last mark and names it. */
  mark(name: string): void {
    const now = performance.now();
    this.phasesMs[name] = Math.round((this.phasesMs[name] ?? 0) + now - this.last);
    this.last = now;
  }

  /** The sum of the phases (ms). */
  get totalMs(): number {
    return Object.values(this.phasesMs).reduce((a, b) => a + b, 0);
  }
}

/**
 * A recorder that starts at the process's origin, its first phase (`modules`) ending now: the
 * `main` of every service process calls it first thing.
 */
export function processStartup(): StartupPhases {
  const phases = new StartupPhases(0);
  phases.mark('modules');
  return phases;
}
