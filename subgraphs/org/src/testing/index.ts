/** Test harness: the real schema over a fresh migrated database (PGlite, or PostgreSQL with DATABASE_URL). */
import { ApolloServer } from '@apollo/server';
import {
  formatSubgraphError,
  HUB_OPERATOR,
  type Identity,
  openTestDatabase,
  truncateSchema,
  type Database,
  subgraphPlugins,
} from '@tiaokuai/platform';
import { createContext, newOrgCaches, type OrgCaches } from '../context';
import type { OrgContext } from '../request';
import { APP_ROLE, MIGRATIONS, SCHEMA_NAME } from '../index';
import { buildOrgSchema } from '../schema';

export interface GqlResult {
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
}

export interface OrgHarness {
  database: Database;
  /** The caches the harness's requests share, as one org process's do. */
  caches: OrgCaches;
  /** Runs as the hub's operator, or as `identity`. */
  run(query: string, variables?: Record<string, unknown>, identity?: Identity): Promise<GqlResult>;
  /** Runs and fails the test on any GraphQL error. */
  ok(query: string, variables?: Record<string, unknown>): Promise<Record<string, any>>;
  reset(): Promise<void>;
  /** `reset`, then imports `doc` as the operator; throws unless the import succeeded. */
  resetTo(doc: unknown): Promise<void>;
  close(): Promise<void>;
}

export async function orgHarness(): Promise<OrgHarness> {
  const database = await openTestDatabase({ schemaName: SCHEMA_NAME, migrationsFolder: MIGRATIONS, appRole: APP_ROLE });
  const { schema } = await buildOrgSchema();
  const server = new ApolloServer<OrgContext>({
    schema,
    formatError: formatSubgraphError,
    includeStacktraceInErrorResponses: false,
    plugins: subgraphPlugins(),
  });
  await server.start();
  const caches = newOrgCaches();
  const run = async (
    query: string,
    variables?: Record<string, unknown>,
    identity: Identity = HUB_OPERATOR,
  ): Promise<GqlResult> => {
    const res = await server.executeOperation(
      { query, variables },
      { contextValue: createContext(database, identity, caches) },
    );
    if (res.body.kind !== 'single') throw new Error('unexpected incremental result');
    return res.body.singleResult as GqlResult;
  };
  return {
    database,
    caches,
    run,
    ok: async (query, variables) => {
      const r = await run(query, variables);
      if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors, null, 2)}`);
      return r.data!;
    },
    reset: () => truncateSchema(database, SCHEMA_NAME),
    resetTo: async (doc) => {
      await truncateSchema(database, SCHEMA_NAME);
      const r = await run(`mutation($d: JSON!) { importUnits(document: $d) { ok problems { path message } } }`, {
        d: doc,
      });
      if (r.errors?.length || !r.data?.importUnits.ok)
        throw new Error(`seed import failed: ${JSON.stringify(r.errors ?? r.data?.importUnits.problems)}`);
    },
    close: async () => {
      await server.stop();
      await database.close();
    },
  };
}

/** A connection as tests read it: nodes and the cursors to go on. */
interface Page {
  nodes: any[];
  totalCount?: number;
  pageInfo: {
    hasNextPage?: boolean;
    hasPreviousPage?: boolean;
    startCursor?: string | null;
    endCursor?: string | null;
  };
}

/**
 * Every node of a connection, page by page: forwards, `query` takes `$after: String` (and its
 * page size as the caller wrote it); backwards, `$before: String`, and the nodes come back in
 * the list's order. `pick` finds the connection in the answer. Fails the test on any error.
 */
export async function walkPages(
  run: OrgHarness['run'],
  query: string,
  variables: Record<string, unknown>,
  pick: (data: any) => Page,
  opts: { identity?: Identity; backwards?: boolean } = {},
): Promise<any[]> {
  const pages: any[][] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 10_000; i++) {
    const r = await run(query, { ...variables, [opts.backwards ? 'before' : 'after']: cursor }, opts.identity);
    if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors, null, 2)}`);
    const c = pick(r.data);
    pages.push(c.nodes);
    const more = opts.backwards ? c.pageInfo.hasPreviousPage : c.pageInfo.hasNextPage;
    if (!more) return (opts.backwards ? pages.reverse() : pages).flat();
    cursor = (opts.backwards ? c.pageInfo.startCursor : c.pageInfo.endCursor) ?? null;
  }
  throw new Error('more than 10,000 pages');
}
