import path from 'node:path';
import { log } from './log';
import { onShutdown } from './shutdown';
import type { RunningServer } from './subgraph';

export interface ServiceStartOptions {
  port: number;
  databaseUrl?: string;
  /** PGlite data folder for this service (or memory://). */
  dataDir: string;
  /** The secret this subgraph shares with the gateway (SUBGRAPH_SECRET). */
  secret: string;
}

/**
 * The `main` of every subgraph process: reads PORT, DATABASE_URL and DATA_DIR, starts the
 * service, and stops it cleanly on SIGTERM/SIGINT (in-flight requests finish first).
 */
export function runServiceMain(name: string, defaultPort: number, start: (opts: ServiceStartOptions) => Promise<RunningServer>): void {
  const port = Number(process.env.PORT ?? defaultPort);
  const dataRoot = process.env.DATA_DIR ?? path.resolve(process.cwd(), 'data');
  const secret = process.env.SUBGRAPH_SECRET ?? '';
  if (secret.length < 16) {
    log.error(`${name} subgraph refuses to start: SUBGRAPH_SECRET (at least 16 characters, shared with the gateway) is not set`);
    process.exit(1);
  }
  start({
    port,
    secret,
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

