/**
 * Test harness: the real assessments schema over a fresh migrated database, talking to a REAL
 * org subgraph and a REAL tasks subgraph (each its own server and database, seeded through its
 * API) with the same signed service calls as in production. Nothing about org or tasks is
 * faked: leadership and assignments come from their answers.
 */
import { ApolloServer } from '@apollo/server';
import {
  formatSubgraphError,
  gatewayCaller,
  HUB_OPERATOR,
  openTestDatabase,
  serviceClient,
  truncateSchema,
  type Database,
  type Identity,
  type ServiceClient,
  subgraphPlugins,
} from '@tiaokuai/platform';
import {
  APP_ROLE as ORG_ROLE,
  MIGRATIONS as ORG_MIGRATIONS,
  SCHEMA_NAME as ORG_SCHEMA,
  startOrgSubgraph,
} from '@tiaokuai/subgraph-org';
import {
  APP_ROLE as TASKS_ROLE,
  MIGRATIONS as TASKS_MIGRATIONS,
  SCHEMA_NAME as TASKS_SCHEMA,
  startTasksSubgraph,
} from '@tiaokuai/subgraph-tasks';
import { createContext, type AssessmentsContext } from '../context';
import { APP_ROLE, MIGRATIONS, SCHEMA_NAME } from '../index';
import { buildAssessmentsSchema } from '../schema';

export interface GqlResult {
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
}

export interface AssessmentsHarness {
  database: Database;
  run(query: string, variables?: Record<string, unknown>, identity?: Identity): Promise<GqlResult>;
  ok(query: string, variables?: Record<string, unknown>, identity?: Identity): Promise<Record<string, any>>;
  /** Runs against org / tasks (as the gateway would), as the operator. */
  org(query: string, variables?: Record<string, unknown>): Promise<Record<string, any>>;
  tasks(query: string, variables?: Record<string, unknown>): Promise<Record<string, any>>;
  /** Empties the three databases and imports `units` into org. */
  resetTo(units: unknown): Promise<void>;
  /** Service calls assessments made to org and to tasks since the counters were reset. */
  calls: { org: number; tasks: number };
  close(): Promise<void>;
}

const S = {
  orgGateway: 'org-gateway-secret-for-tests-0123',
  tasksGateway: 'tasks-gateway-secret-for-tests-012',
  tasksToOrg: 'tasks-to-org-secret-for-tests-0123',
  assessmentsToOrg: 'assessments-to-org-secret-for-tests',
  assessmentsToTasks: 'assessments-to-tasks-secret-for-tst',
};

export async function assessmentsHarness(): Promise<AssessmentsHarness> {
  const [orgDb, tasksDb, database, { schema }] = await Promise.all([
    openTestDatabase({ schemaName: ORG_SCHEMA, migrationsFolder: ORG_MIGRATIONS, appRole: ORG_ROLE }),
    openTestDatabase({ schemaName: TASKS_SCHEMA, migrationsFolder: TASKS_MIGRATIONS, appRole: TASKS_ROLE }),
    openTestDatabase({ schemaName: SCHEMA_NAME, migrationsFolder: MIGRATIONS, appRole: APP_ROLE }),
    buildAssessmentsSchema(),
  ]);
  const org = await startOrgSubgraph({
    port: 0,
    database: orgDb,
    secret: S.orgGateway,
    serviceSecrets: { tasks: S.tasksToOrg, assessments: S.assessmentsToOrg },
  });
  const tasks = await startTasksSubgraph({
    port: 0,
    database: tasksDb,
    secret: S.tasksGateway,
    org: { url: org.url, secret: S.tasksToOrg },
    serviceSecrets: { assessments: S.assessmentsToTasks },
  });
  const calls = { org: 0, tasks: 0 };
  const counted = (inner: ServiceClient, k: keyof typeof calls): ServiceClient => ({
    query: (d, v, who, grant) => {
      calls[k]++;
      return inner.query(d, v, who, grant);
    },
  });
  const orgClient = counted(
    serviceClient({ service: 'assessments', target: 'org', url: org.url, secret: S.assessmentsToOrg }),
    'org',
  );
  const tasksClient = counted(
    serviceClient({ service: 'assessments', target: 'tasks', url: tasks.url, secret: S.assessmentsToTasks }),
    'tasks',
  );
  const server = new ApolloServer<AssessmentsContext>({
    schema,
    formatError: formatSubgraphError,
    includeStacktraceInErrorResponses: false,
    plugins: subgraphPlugins(),
  });
  await server.start();
  const run = async (
    query: string,
    variables?: Record<string, unknown>,
    identity: Identity = HUB_OPERATOR,
  ): Promise<GqlResult> => {
    const res = await server.executeOperation(
      { query, variables },
      { contextValue: createContext(database, identity, orgClient, tasksClient) },
    );
    if (res.body.kind !== 'single') throw new Error('unexpected incremental result');
    return res.body.singleResult as GqlResult;
  };
  const orgQuery = gatewayCaller(org.url, S.orgGateway, 'org');
  return {
    database,
    run,
    ok: async (query, variables, identity) => {
      const r = await run(query, variables, identity);
      if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors, null, 2)}`);
      return r.data!;
    },
    org: orgQuery,
    tasks: gatewayCaller(tasks.url, S.tasksGateway, 'tasks'),
    resetTo: async (units) => {
      await Promise.all([
        truncateSchema(database, SCHEMA_NAME),
        truncateSchema(tasksDb, TASKS_SCHEMA),
        truncateSchema(orgDb, ORG_SCHEMA),
      ]);
      const r = await orgQuery(`mutation($d: JSON!) { importUnits(document: $d) { ok problems { path message } } }`, {
        d: units,
      });
      if (!r.importUnits.ok) throw new Error(`seed import failed: ${JSON.stringify(r.importUnits.problems)}`);
    },
    calls,
    close: async () => {
      await server.stop();
      await tasks.close();
      await org.close();
      await Promise.all([database.close(), tasksDb.close(), orgDb.close()]);
    },
  };
}
/** Walking a connection page by page (platform's src/testing/paging.ts). */
export { walkPages, type Page } from '@tiaokuai/platform/testing';
