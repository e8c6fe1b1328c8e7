/**
 * Test harness: the real tasks schema over a fresh migrated database, talking to a REAL org
 * subgraph (its own server and database, seeded through its API) with the same signed service
 * calls as in production. Nothing about org is faked: authority comes from its answers.
 */
import { ApolloServer } from '@apollo/server';
import { parse, subscribe, type ExecutionResult } from 'graphql';
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
import { createContext, type TasksContext } from '../context';
import { APP_ROLE, MIGRATIONS, SCHEMA_NAME } from '../index';
import { buildTasksSchema } from '../schema';

export interface GqlResult {
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
}

export interface TasksHarness {
  database: Database;
  /** Runs against tasks, as the operator or as `identity`. */
  run(query: string, variables?: Record<string, unknown>, identity?: Identity): Promise<GqlResult>;
  ok(query: string, variables?: Record<string, unknown>, identity?: Identity): Promise<Record<string, any>>;
  /** A subscription against tasks (graphql-js's subscribe, as the subgraph's SSE endpoint runs it), as `identity`. */
  subscribe(
    query: string,
    variables?: Record<string, unknown>,
    identity?: Identity,
  ): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult>;
  /** Runs against org (as the gateway would), as the operator. */
  org(query: string, variables?: Record<string, unknown>): Promise<Record<string, any>>;
  /** Empties both databases and imports `units` into org. */
  resetTo(units: unknown): Promise<void>;
  /** How many service calls tasks made to org since the last reset of the counter. */
  orgCalls: { count: number };
  /** The real org subgraph's URL and the secret tasks signs its calls to it with (tests of those calls). */
  orgService: { url: string; secret: string };
  /** The service client tasks asks org through (a context built outside a request: createContext). */
  orgClient: ServiceClient;
  close(): Promise<void>;
}

const ORG_SECRET = 'org-gateway-secret-for-tests-0123';
const TASKS_TO_ORG = 'tasks-to-org-secret-for-tests-0123';

export async function tasksHarness(): Promise<TasksHarness> {
  const [orgDb, database, { schema }] = await Promise.all([
    openTestDatabase({ schemaName: ORG_SCHEMA, migrationsFolder: ORG_MIGRATIONS, appRole: ORG_ROLE }),
    openTestDatabase({ schemaName: SCHEMA_NAME, migrationsFolder: MIGRATIONS, appRole: APP_ROLE }),
    buildTasksSchema(),
  ]);
  const org = await startOrgSubgraph({
    port: 0,
    database: orgDb,
    secret: ORG_SECRET,
    serviceSecrets: { tasks: TASKS_TO_ORG },
  });
  const inner = serviceClient({ service: 'tasks', target: 'org', url: org.url, secret: TASKS_TO_ORG });
  const orgCalls = { count: 0 };
  const client: ServiceClient = {
    query: (d, v, who, grant) => {
      orgCalls.count++;
      return inner.query(d, v, who, grant);
    },
  };
  const server = new ApolloServer<TasksContext>({
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
      { contextValue: createContext(database, identity, client) },
    );
    if (res.body.kind !== 'single') throw new Error('unexpected incremental result');
    return res.body.singleResult as GqlResult;
  };
  const orgQuery = gatewayCaller(org.url, ORG_SECRET, 'org');
  return {
    database,
    run,
    ok: async (query, variables, identity) => {
      const r = await run(query, variables, identity);
      if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors, null, 2)}`);
      return r.data!;
    },
    subscribe: async (query, variables, identity = HUB_OPERATOR) =>
      subscribe({
        schema,
        document: parse(query),
        variableValues: variables,
        contextValue: createContext(database, identity, client),
      }),
    org: orgQuery,
    resetTo: async (units) => {
      await Promise.all([truncateSchema(database, SCHEMA_NAME), truncateSchema(orgDb, ORG_SCHEMA)]);
      const r = await orgQuery(`mutation($d: JSON!) { importUnits(document: $d) { ok problems { path message } } }`, {
        d: units,
      });
      if (!r.importUnits.ok) throw new Error(`seed import failed: ${JSON.stringify(r.importUnits.problems)}`);
    },
    orgCalls,
    orgService: { url: org.url, secret: TASKS_TO_ORG },
    orgClient: client,
    close: async () => {
      await server.stop();
      await org.close();
      await Promise.all([database.close(), orgDb.close()]);
    },
  };
}

/** Walking a connection page by page (platform's src/testing/paging.ts). */
export { walkPages, type Page } from '@tiaokuai/platform/testing';
