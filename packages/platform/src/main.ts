import path from 'node:path';
import { log, logProcessWarnings } from './log';
import { installProcessFaultHandlers } from './process-faults';
import { onShutdown } from './shutdown';
import { processStartup, type StartupPhases } from './startup';
import { warmingWanted } from './warmer';
import type { RunningServer } from './subgraph';

export interface ServiceStartOptions {
  port: number;
  databaseUrl?: string;
  /** PGlite data folder for this service (or memory://). */
  dataDir: string;
  /** The secret this subgraph shares with the gateway (SUBGRAPH_SECRET). */
  secret: string;
  /** Services allowed to read from this one directly: SERVICE_SECRET_<NAME> (service.ts). */
  serviceSecrets?: Record<string, string>;
  /** Where this service reaches the org subgraph directly: ORG_SUBGRAPH_URL and ORG_SERVICE_SECRET. */
  org?: { url: string; secret: string };
  /** Where this service reaches the tasks subgraph directly: TASKS_SUBGRAPH_URL and TASKS_SERVICE_SECRET. */
  tasks?: { url: string; secret: string };
  /** Keep this service's expensive views warm in the background (warmer.ts; HUB_WARM=off: no). */
  warm?: boolean;
  /** Where the start's phases are marked (startup.ts); logged in the `ready` line. */
  phases?: StartupPhases;
}

/** SERVICE_SECRET_TASKS=… → { tasks: … } */
export function serviceSecretsFromEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    const m = /^SERVICE_SECRET_([A-Z]+)$/.exec(k);
    if (m && v) out[m[1].toLowerCase()] = v;
  }
  return out;
}

/**
 * The `main` of every subgraph process: reads PORT, DATABASE_URL and DATA_DIR, starts the
 * service, logs `ready` with the start's phases (startup.ts) and stops it cleanly on
 * SIGTERM/SIGINT (in-flight requests finish first). Errors nobody caught are logged as JSON
 * and end the process only when fatal (process-faults.ts: a lost database connection under an
 * unawaited promise does not).
 */
export function runServiceMain(
  name: string,
  defaultPort: number,
  start: (opts: ServiceStartOptions) => Promise<RunningServer>,
): void {
  const phases = processStartup();
  logProcessWarnings();
  installProcessFaultHandlers(`${name} subgraph`);
  const port = Number(process.env.PORT ?? defaultPort);
  const dataRoot = process.env.DATA_DIR ?? path.resolve(process.cwd(), 'data');
  const secret = process.env.SUBGRAPH_SECRET ?? '';
  if (secret.length < 16) {
    log.error(
      `${name} subgraph refuses to start: SUBGRAPH_SECRET (at least 16 characters, shared with the gateway) is not set`,
    );
    process.exit(1);
  }
  start({
    port,
    secret,
    serviceSecrets: serviceSecretsFromEnv(),
    org:
      process.env.ORG_SUBGRAPH_URL && process.env.ORG_SERVICE_SECRET
        ? { url: process.env.ORG_SUBGRAPH_URL, secret: process.env.ORG_SERVICE_SECRET }
        : undefined,
    tasks:
      process.env.TASKS_SUBGRAPH_URL && process.env.TASKS_SERVICE_SECRET
        ? { url: process.env.TASKS_SUBGRAPH_URL, secret: process.env.TASKS_SERVICE_SECRET }
        : undefined,
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: dataRoot.startsWith('memory://') ? dataRoot : path.join(dataRoot, name),
    warm: warmingWanted(),
    phases,
  })
    .then((server) => {
      // One line per start: where the time from spawn to answering went (startup.ts).
      // `cpuMs` beside `totalMs`: a start much longer than its CPU waited for a busy machine.
      const cpu = process.cpuUsage();
      log.info('ready', {
        subgraph: name,
        url: server.url,
        phasesMs: phases.phasesMs,
        totalMs: phases.totalMs,
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      });
      onShutdown(() => server.close());
    })
    .catch((e) => {
      log.error(`${name} subgraph failed to start`, { error: (e as Error).stack });
      process.exit(1);
    });
}
