import 'reflect-metadata';
import path from 'node:path';
import {
  openDatabase,
  serviceClient,
  startSubgraphServer,
  type Database,
  type RunningServer,
  type StartupPhases,
  type ServiceClient,
} from '@tiaokuai/platform';
import { sql } from 'drizzle-orm';
import { createContext } from './context';
import { buildAssessmentsSchema } from './schema';

export const SCHEMA_NAME = 'assessments';
export const MIGRATIONS = path.join(__dirname, '..', 'migrations');
/** The role the assessments subgraph's statements run as (migration 0001: row-level security). */
export const APP_ROLE = 'tiaokuai_assessments';

export { buildAssessmentsSchema } from './schema';
export { createContext } from './context';

export interface AssessmentsServiceOptions {
  port: number;
  databaseUrl?: string;
  dataDir?: string;
  database?: Database;
  /** Shared with the gateway (SUBGRAPH_SECRET). */
  secret: string;
  /** The org subgraph, asked directly for units and leadership (ORG_SUBGRAPH_URL, ORG_SERVICE_SECRET). */
  org?: { url: string; secret: string };
  /** The tasks subgraph, asked for the assignments given to units (TASKS_SUBGRAPH_URL, TASKS_SERVICE_SECRET). */
  tasks?: { url: string; secret: string };
  /** Instead of `org` / `tasks`: clients built by the caller (tests). */
  orgClient?: ServiceClient;
  tasksClient?: ServiceClient;
  /** Where the start's phases are marked (platform's startup.ts; the process's `ready` line). */
  phases?: StartupPhases;
}

export async function startAssessmentsSubgraph(
  opts: AssessmentsServiceOptions,
): Promise<RunningServer & { database: Database }> {
  const org =
    opts.orgClient ??
    (opts.org
      ? serviceClient({ service: 'assessments', target: 'org', url: opts.org.url, secret: opts.org.secret })
      : undefined);
  const tasks =
    opts.tasksClient ??
    (opts.tasks
      ? serviceClient({ service: 'assessments', target: 'tasks', url: opts.tasks.url, secret: opts.tasks.secret })
      : undefined);
  if (!org)
    throw new Error(
      'assessments subgraph: ORG_SUBGRAPH_URL and ORG_SERVICE_SECRET are required (leadership comes from org)',
    );
  if (!tasks)
    throw new Error(
      'assessments subgraph: TASKS_SUBGRAPH_URL and TASKS_SERVICE_SECRET are required (assignments come from tasks)',
    );
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
  const { schema } = await buildAssessmentsSchema();
  opts.phases?.mark('schema');
  const server = await startSubgraphServer(
    {
      name: 'assessments',
      phases: opts.phases,
      schema,
      secret: opts.secret,
      context: (_req, identity) => createContext(database, identity, org, tasks),
      ready: async () => {
        await database.db.execute(sql`select 1`);
        return true;
      },
    },
    opts.port,
  );
  return {
    ...server,
    database,
    close: async () => {
      await server.close();
      if (!opts.database) await database.close();
    },
  };
}
