import 'reflect-metadata';
import path from 'node:path';
import {
  openDatabase,
  eventBusFromEnv,
  startSubgraphServer,
  startWarmer,
  type Database,
  type RunningServer,
  type StartupPhases,
} from '@tiaokuai/platform';
import { sql } from 'drizzle-orm';
import { createContext, newOrgCaches } from './context';
import { buildOrgSchema } from './schema';
import { orgRevision } from './modules/organisation/organisation.store';

export const SCHEMA_NAME = 'org';
export const MIGRATIONS = path.join(__dirname, '..', 'migrations');
/** The role the org subgraph's statements run as (migration 0003: row-level security). */
export const APP_ROLE = 'tiaokuai_org';

export { buildOrgSchema } from './schema';
export { createContext } from './context';

export interface OrgServiceOptions {
  port: number;
  databaseUrl?: string;
  dataDir?: string;
  database?: Database;
  /** Shared with the gateway (SUBGRAPH_SECRET). */
  secret: string;
  /** Subgraphs allowed to read directly (tasks, assessments): SERVICE_SECRET_<NAME>. */
  serviceSecrets?: Record<string, string>;
  /**
   * Evaluate the current year's (and recently asked) timelines ahead of questions, again after writes (platform's
   * warmer.ts).
   */
  warm?: boolean;
  /** Where the start's phases are marked (platform's startup.ts; the process's `ready` line). */
  phases?: StartupPhases;
}

/** Starts the org subgraph: database (migrated), schema, HTTP server. */
export async function startOrgSubgraph(opts: OrgServiceOptions): Promise<RunningServer & { database: Database }> {
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
  const { schema } = await buildOrgSchema();
  opts.phases?.mark('schema');
  const events = await eventBusFromEnv();
  // Before any request: the live watches (anomaliesChanged) listen on this bus.
  const caches = newOrgCaches(events);
  const server = await startSubgraphServer(
    {
      name: 'org',
      phases: opts.phases,
      // Org's writes announced: its own anomaly watches listen; tasks' live findings over NATS (events.ts).
      events,
      schema,
      secret: opts.secret,
      serviceSecrets: opts.serviceSecrets,
      context: (_req, identity) => createContext(database, identity, caches),
      ready: async () => {
        await database.db.execute(sql`select 1`);
        return true;
      },
    },
    opts.port,
  );
  const warmer = opts.warm
    ? startWarmer({
        name: 'org timelines',
        revision: () => orgRevision(database.db),
        warm: () => caches.timelines.warm(database.db),
      })
    : undefined;
  return {
    ...server,
    database,
    close: async () => {
      await warmer?.stop();
      await server.close();
      if (events.kind === 'nats') await events.close();
      if (!opts.database) await database.close();
    },
  };
}
