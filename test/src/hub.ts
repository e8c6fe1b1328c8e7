/**
 * Starts the real hub (three subgraph processes and the gateway) for one test file: in-memory
 * PGlite, or a fresh throw-away PostgreSQL database when DATABASE_URL is set.
 */
import { bearer, gql, startHub, type HubOptions, type RunningHub } from '@tiaokuai/tools';
import postgres from 'postgres';

export interface TestHub {
  hub: RunningHub;
  url: string;
  /** The throw-away PostgreSQL database of this hub (absent on PGlite). */
  databaseUrl?: string;
  /** A GraphQL request through the gateway, as the hub's operator unless a token is given. */
  gql(query: string, variables?: Record<string, unknown>, token?: string): ReturnType<typeof gql<any>>;
  close(): Promise<void>;
}

/**
 * `opts.databaseUrl`: run on this database as it is (created, kept and dropped by the caller).
 * `opts.supervise`: restart processes that die, as `npm start` does (launcher.ts).
 * `opts.hub`: the launcher's ports and upstream overrides (a recording proxy between gateway and subgraph).
 */
export async function startTestHub(
  env: Record<string, string> = {},
  opts: {
    databaseUrl?: string;
    supervise?: HubOptions['supervise'];
    hub?: Pick<HubOptions, 'subgraphPorts' | 'gatewayUpstreams'>;
  } = {},
): Promise<TestHub> {
  const base = opts.databaseUrl ? undefined : process.env.DATABASE_URL;
  let databaseUrl = opts.databaseUrl;
  let name: string | undefined;
  if (base) {
    name = `tk_e2e_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(base, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
  }
  const hub = await startHub({
    ...opts.hub,
    port: 0,
    dataDir: 'memory://',
    databaseUrl,
    env: { LOG_LEVEL: 'error', ...env },
    supervise: opts.supervise,
  });
  return {
    hub,
    url: hub.gatewayUrl,
    databaseUrl,
    gql: (query, variables, token) => gql(hub.gatewayUrl, query, variables, bearer(token ?? hub.operatorToken)),
    close: async () => {
      await hub.stop();
      if (base && name) {
        const admin = postgres(base, { max: 1, onnotice: () => undefined });
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  };
}
