import 'reflect-metadata';
import path from 'node:path';
import {
  eventBusFromEnv,
  openDatabase,
  serviceClient,
  startSubgraphServer,
  startWarmer,
  type Database,
  type EventBus,
  type RunningServer,
  type StartupPhases,
  type ServiceClient,
} from '@tiaokuai/platform';
import { sql } from 'drizzle-orm';
import { cachesOf, createContext } from './context';
import { rowRevision } from './modules/finding/finding.store';
import { failInterrupted } from './modules/import-job/import-job.service';
import { buildTasksSchema } from './schema';

export const SCHEMA_NAME = 'tasks';
export const MIGRATIONS = path.join(__dirname, '..', 'migrations');
/** The role the tasks subgraph's statements run as (migration 0001: row-level security). */
export const APP_ROLE = 'tiaokuai_tasks';

export { buildTasksSchema } from './schema';
export { createContext } from './context';

export interface TasksServiceOptions {
  port: number;
  databaseUrl?: string;
  dataDir?: string;
  database?: Database;
  /** Shared with the gateway (SUBGRAPH_SECRET). */
  secret: string;
  /** The org subgraph, asked directly for units and leadership (ORG_SUBGRAPH_URL, ORG_SERVICE_SECRET). */
  org?: { url: string; secret: string };
  /** Services allowed to read from tasks directly (SERVICE_SECRET_ASSESSMENTS: the assessments subgraph). */
  serviceSecrets?: Record<string, string>;
  /** Instead of `org`: a client built by the caller (tests). */
  orgClient?: ServiceClient;
  /**
   * Read the current year's (and recently scanned) assignments ahead of scans, and what each write changed after it
   * (platform's warmer.ts).
   */
  warm?: boolean;
  /** Where the start's phases are marked (platform's startup.ts; the process's `ready` line). */
  phases?: StartupPhases;
  /** The event bus (events.ts): writes announced, live subscriptions woken. Default: eventBusFromEnv (NATS_URL). */
  events?: EventBus;
}

export async function startTasksSubgraph(opts: TasksServiceOptions): Promise<RunningServer & { database: Database }> {
  const client =
    opts.orgClient ??
    (opts.org
      ? serviceClient({ service: 'tasks', target: 'org', url: opts.org.url, secret: opts.org.secret })
      : undefined);
  if (!client)
    throw new Error('tasks subgraph: ORG_SUBGRAPH_URL and ORG_SERVICE_SECRET are required (leadership comes from org)');
  const database =
    opts.database ??
    (await openDatabase({
      url: opts.databaseUrl,
      dataDir: opts.dataDir,
      schemaName: SCHEMA_NAME,
      migrationsFolder: MIGRATIONS,
      appRole: APP_ROLE,
      phases: opts.phases,
    }));
  // Import jobs this database's tasks process was running when it stopped (modules/import-job).
  await failInterrupted(database.db);
  const { schema } = await buildTasksSchema();
  opts.phases?.mark('schema');
  const events = opts.events ?? (await eventBusFromEnv());
  // Before any request: the live watches listen on this bus.
  const scans = cachesOf(database, events).scans;
  const server = await startSubgraphServer(
    {
      name: 'tasks',
      phases: opts.phases,
      schema,
      secret: opts.secret,
      serviceSecrets: opts.serviceSecrets,
      events,
      context: (_req, identity) => createContext(database, identity, client),
      ready: async () => {
        await database.db.execute(sql`select 1`);
        return true;
      },
    },
    opts.port,
  );
  const warmer = opts.warm
    ? startWarmer({
        name: 'tasks scans',
        revision: async () => {
          const r = await rowRevision(database.db);
          return `${r.epoch}:${r.n}`;
        },
        warm: () => scans.warm(database.db),
      })
    : undefined;
  return {
    ...server,
    database,
    close: async () => {
      await warmer?.stop();
      await server.close();
      if (!opts.events && events.kind === 'nats') await events.close();
      if (!opts.database) await database.close();
    },
  };
}
