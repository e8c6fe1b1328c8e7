/**
 * Keeps a subgraph's expensive per-process views warm (org's whole-organisation timelines,
 * tasks' year of active assignments), so the first question after a write or a restart does not
 * pay for building them: each process watches its database's revision (one cheap statement a
 * second) and, once the revision has stood still for a whole interval, runs `warm`, which
 * asks its caches for what they should hold. A revision that keeps moving (a long import, a
 * busy afternoon) is left alone until it settles: nobody gains from a view stale at once.
 *
 * Writes by other processes are seen too (the revision is the database's). Warming is only ever
 * work ahead of time: every question still checks its cache against the revision itself, so a
 * question arriving before the warmer finishes is answered as without it.
 *
 * On by default in the services' processes (`HUB_WARM=off` turns it off); test harnesses start
 * subgraphs without it, so statement counts in tests are not disturbed.
 */
import { today } from './dates';
import { log } from './log';
import { closeTimeoutMs } from './shutdown';

export interface Warmer {
  /** Completed warm-ups (for tests and logs). */
  readonly runs: number;
  stop(): Promise<void>;
}

export interface WarmerOptions {
  /** For the logs. */
  name: string;
  /** The revision the views depend on (revision-cache.ts `revisionOf`, or a composite). */
  revision: () => Promise<string>;
  /** Brings the views up to date (asking the caches is enough: they load what they lack). */
  warm: () => Promise<void>;
  /** How often the revision is read, and how long it must stand still (default 1000 ms). */
  intervalMs?: number;
}

export function startWarmer(opts: WarmerOptions): Warmer {
  const interval = opts.intervalMs ?? 1000;
  let warmed: string | undefined;
  let seen: string | undefined;
  let runs = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      const revision = await opts.revision();
      if (revision === seen && revision !== warmed) {
        const started = performance.now();
        await opts.warm();
        warmed = revision;
        runs++;
        log.debug('warmed', { cache: opts.name, revision, ms: Math.round(performance.now() - started) });
      }
      seen = revision;
    } catch (e) {
      // A database restarting, a service not up yet: the next tick tries again.
      log.debug('warming failed; trying again', { cache: opts.name, error: String((e as Error)?.message ?? e) });
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, interval);
    timer.unref();
  };
  schedule();
  return {
    get runs() {
      return runs;
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      // A province's warm run can take seconds: wait for it within the shutdown budget only
      // (shutdown.ts), then let the database's close end it.
      let bound: NodeJS.Timeout | undefined;
      await Promise.race([
        running,
        new Promise<void>((r) => {
          bound = setTimeout(r, closeTimeoutMs());
        }),
      ]);
      clearTimeout(bound);
    },
  };
}

/** HUB_WARM=off turns the warmers of a service process off. */
export const warmingWanted = (env: NodeJS.ProcessEnv = process.env) => env.HUB_WARM !== 'off';

/**
 * What a cache keyed by spans of days (`from|to`) loads when warmed: the current year (the span
 * a scan of this year asks), then each span it held, one after the other.
 */
export async function warmSpans(
  held: Iterable<string>,
  load: (from: string, to: string) => Promise<unknown>,
): Promise<void> {
  const year = today().slice(0, 4);
  for (const key of new Set([`${year}-01-01|${year}-12-31`, ...held])) {
    const [from, to] = key.split('|');
    await load(from, to);
  }
}
