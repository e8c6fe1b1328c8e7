import path from 'node:path';
import { log } from './log';
import { onShutdown } from './shutdown';
import type { RunningServer } from './subgraph';

export interface ServiceStartOptions {
  port: number;
  databaseUrl?: string;
  /** PGlite data folder for this service (or memory://). */
  dataDir: string;
}

/**
 * The `main` of every subgraph process: reads PORT, DATABASE_URL and DATA_DIR, starts the
 * service, and stops it cleanly on SIGTERM/SIGINT (in-flight requests finish first).
 */
export function runServiceMain(name: string, defaultPort: number, start: (opts: ServiceStartOptions) => Promise<RunningServer>): void {
  const port = Number(process.env.PORT ?? defaultPort);
  const dataRoot = process.env.DATA_DIR ?? path.resolve(process.cwd(), 'data');
  start({
    port,
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: dataRoot.startsWith('memory://') ? dataRoot : path.join(dataRoot, name),
  }).then((server) => {
    log.info(`${name} subgraph ready`, { url: server.url });
    onShutdown(() => server.close());
  }).catch((e) => {
    log.error(`${name} subgraph failed to start`, { error: (e as Error).stack });
    process.exit(1);
  });
}

