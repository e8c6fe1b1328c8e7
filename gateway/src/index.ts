/**
 * The hub's gateway: Hive Gateway's runtime (MIT) serving the supergraph composed at build
 * time (schema/supergraph.graphql). Offline by construction: the explorer is GraphiQL bundled
 * from @graphql-yoga/render-graphiql (no CDN), and the supergraph is a local file.
 */
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import http from '@graphql-mesh/transport-http';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { Kind, parse, type DocumentNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { maskError } from './errors';

export const DEFAULT_SUPERGRAPH = path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql');

export interface GatewayOptions {
  port: number;
  host?: string;
  /** Supergraph SDL; defaults to the checked-in schema/supergraph.graphql. */
  supergraphSdl?: string;
  /** Subgraph name → URL, overriding the loopback defaults composed into the supergraph. */
  subgraphUrls?: Record<string, string>;
  /** Per-subgraph request timeout (ms). */
  upstreamTimeoutMs?: number;
  /** Serve the GraphiQL explorer at the endpoint (default true). */
  explorer?: boolean;
  /**
   * Query planner: Hive's Rust planner (@graphql-hive/router-runtime, a native binary shipped
   * inside the npm package; the default: it passed every end-to-end test and costs about a
   * millisecond less per request) or its JavaScript planner. Env: GATEWAY_QUERY_PLANNER=rust|js.
   */
  queryPlanner?: 'js' | 'rust';
}

/** Replaces `@join__graph(name: "org", url: "...")` URLs, so one composed file serves every deployment. */
export function withSubgraphUrls(sdl: string, urls: Record<string, string>): string {
  return sdl.replace(/@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole);
}

/** Subgraph URLs from the environment: ORG_SUBGRAPH_URL, TASKS_SUBGRAPH_URL, ASSESSMENTS_SUBGRAPH_URL. */
export function subgraphUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['org', 'tasks', 'assessments']) {
    const url = env[`${name.toUpperCase()}_SUBGRAPH_URL`];
    if (url) out[name] = url;
  }
  return out;
}

function isQuery(document: DocumentNode | undefined, operationName?: string): boolean {
  if (!document) return false;
  const ops = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const op = ops.find((d) => !operationName || d.name?.value === operationName) ?? ops[0];
  return op?.kind === Kind.OPERATION_DEFINITION && op.operation === 'query';
}

/** Loaded only when asked for, so the JS planner does not pay for the native module. */
function rustPlanner() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('@graphql-hive/router-runtime') as typeof import('@graphql-hive/router-runtime')).unifiedGraphHandler;
}

export function createGateway(opts: GatewayOptions): GatewayRuntime {
  const sdl = withSubgraphUrls(opts.supergraphSdl ?? readFileSync(DEFAULT_SUPERGRAPH, 'utf8'), opts.subgraphUrls ?? {});
  parse(sdl); // fail fast on a broken file, before the first request
  return createGatewayRuntime({
    supergraph: sdl,
    ...(opts.queryPlanner !== 'js' ? { unifiedGraphHandler: rustPlanner() } : {}),
    transports: { http },
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: opts.explorer === false ? false : { title: 'Tiaokuai Hub 条块' },
    renderGraphiQL,
    healthCheckEndpoint: '/healthz',
    readinessCheckEndpoint: '/readyz',
    // Unexpected errors are masked; subgraph GraphQL errors keep their extensions (code, field).
    maskedErrors: { isDev: false, maskError },
    // Per-subgraph timeout in the HTTP transport itself: the runtime's `upstreamTimeout` option
    // adds an abort listener per request to a long-lived signal (MaxListenersExceededWarning,
    // a leak under load), this one does not.
    transportEntries: { '*.http': { options: { timeout: opts.upstreamTimeoutMs ?? 30_000 } } },
    // Retry only reads: a mutation retried after a lost response could be applied twice.
    upstreamRetry: ({ executionRequest }) =>
      isQuery(executionRequest.document, executionRequest.operationName) ? { maxRetries: 2, retryDelay: 100 } : undefined,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ 'x-request-id': request.headers.get('x-request-id') ?? undefined }),
    },
    logging: process.env.LOG_LEVEL === 'debug' ? 'debug' : 'warn',
  });
}

export interface RunningGateway {
  url: string;
  port: number;
  runtime: GatewayRuntime;
  close(): Promise<void>;
}

export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const runtime = createGateway(opts);
  const server: Server = createServer(runtime);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    url: `http://${opts.host === '0.0.0.0' ? 'localhost' : opts.host ?? 'localhost'}:${port}/graphql`,
    port,
    runtime,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await runtime.dispose();
    },
  };
}
