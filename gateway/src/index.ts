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
import { signIdentity, type Identity } from '@tiaokuai/common/dist/identity';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { AuthFailure, type Authenticator } from './auth';
import { BUILT_IN_DOCUMENTS, DOWNLOAD_PREFIXES, downloads } from './downloads';
import { createMetrics } from '@tiaokuai/common/dist/metrics';
import { drainable } from '@tiaokuai/common/dist/shutdown';
import { maskError } from './errors';
import { DEFAULT_LIMITS, limitPlugins, type Limits } from './limits';
import { documentId, loadTrustedDocuments, persistedDocumentsOption, type TrustedDocumentsSettings } from './trusted-documents';
import { log } from '@tiaokuai/common/dist/log';
import { readinessCheck, subgraphUrlsOf, type ReadinessOptions } from './readiness';

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
  /** Answer introspection queries (default true; EXPLORER needs it). */
  introspection?: boolean;
  /** Depth, cost, aliases, tokens, body size (limits.ts). */
  limits?: Limits;
  /**
   * Query planner: Hive's Rust planner (@graphql-hive/router-runtime, a native binary shipped
   * inside the npm package; the default: it passed every end-to-end test and costs about a
   * millisecond less per request) or its JavaScript planner. Env: GATEWAY_QUERY_PLANNER=rust|js.
   */
  queryPlanner?: 'js' | 'rust';
  /** Verifies bearer tokens (auth.ts). */
  authenticator: Authenticator;
  /** Subgraph name → the secret it shares with the gateway; every subgraph needs one. */
  subgraphSecrets: Record<string, string>;
  /**
   * Run only the documents registered in this manifest (trusted-documents.ts); absent = any
   * query. Env: TRUSTED_DOCUMENTS, TRUSTED_DOCUMENTS_ALLOW_ARBITRARY.
   */
  trustedDocuments?: TrustedDocumentsSettings;
  /** `/readyz`: how each subgraph's own readiness is asked (readiness.ts). */
  readiness?: Omit<ReadinessOptions, 'subgraphs'>;
}

/** Subgraph name → the value of the environment variable `variable(NAME)`, where set. */
function perSubgraphEnv(env: NodeJS.ProcessEnv, variable: (upperName: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['org', 'tasks', 'assessments']) {
    const value = env[variable(name.toUpperCase())];
    if (value) out[name] = value;
  }
  return out;
}

/** Subgraph secrets from the environment: SUBGRAPH_SECRET_ORG, SUBGRAPH_SECRET_TASKS, ... */
export const subgraphSecretsFromEnv = (env: NodeJS.ProcessEnv = process.env) => perSubgraphEnv(env, (n) => `SUBGRAPH_SECRET_${n}`);

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'www-authenticate': 'Bearer' } } } });
}

/** Replaces `@join__graph(name: "org", url: "...")` URLs, so one composed file serves every deployment. */
export function withSubgraphUrls(sdl: string, urls: Record<string, string>): string {
  return sdl.replace(/@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole);
}

/** Subgraph URLs from the environment: ORG_SUBGRAPH_URL, TASKS_SUBGRAPH_URL, ASSESSMENTS_SUBGRAPH_URL. */
export const subgraphUrlsFromEnv = (env: NodeJS.ProcessEnv = process.env) => perSubgraphEnv(env, (n) => `${n}_SUBGRAPH_URL`);

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
  for (const m of sdl.matchAll(/@join__graph\(name: "([^"]+)"/g)) {
    if (!opts.subgraphSecrets[m[1]]) throw new Error(`no secret for subgraph ${m[1]} (SUBGRAPH_SECRET_${m[1].toUpperCase()})`);
  }
  const loaded = opts.trustedDocuments && loadTrustedDocuments(opts.trustedDocuments); // throws naming the file
  // The downloads' own queries are always registered (downloads.ts).
  const trusted = loaded && { ...loaded, documents: new Map([...loaded.documents, ...BUILT_IN_DOCUMENTS]) };
  // The verified caller of each client request, for the headers sent to the subgraphs.
  const callers = new WeakMap<Request, Identity>();
  // Request ids: the client's x-request-id when it is a sane token, else a fresh UUID; sent to
  // the subgraphs (inside the signed identity too) and back to the client.
  const requestIds = new WeakMap<Request, string>();
  const requestIdOf = (request: Request): string => {
    let rid = requestIds.get(request);
    if (!rid) {
      const given = request.headers.get('x-request-id');
      rid = given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
      requestIds.set(request, rid);
    }
    return rid;
  };
  const verify = async (request: Request): Promise<void> => {
    const header = request.headers.get('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw unauthenticated('需要身份令牌：请求头 Authorization: Bearer <token>');
    try {
      const identity = await opts.authenticator.verify(m[1]);
      callers.set(request, { ...identity, requestId: requestIdOf(request) });
    } catch (e) {
      if (!(e instanceof AuthFailure)) throw e;
      // Expired, forged, wrong issuer or audience: one answer, no hint which.
      throw unauthenticated('身份令牌无效或已过期');
    }
  };
  // Once per request: the trusted-documents plugin, which the runtime runs before ours, asks first.
  const authentications = new WeakMap<Request, Promise<void>>();
  const authenticate = (request: Request): Promise<void> => {
    let done = authentications.get(request);
    if (!done) authentications.set(request, done = verify(request));
    return done;
  };
  const persisted = trusted && persistedDocumentsOption(trusted, authenticate);
  if (trusted) {
    log.info('trusted documents', { file: trusted.file, documents: trusted.documents.size, arbitrary: trusted.allowArbitrary ? 'allowed and logged' : 'refused' });
  }
  const onParams = async ({ request, params }: { request: Request; params: { query?: string; operationName?: string } }) => {
    await authenticate(request);
    if (persisted && typeof params.query === 'string' && !persisted.served(request)) {
      // Only reached with TRUSTED_DOCUMENTS_ALLOW_ARBITRARY=true: the strict mode refused it.
      const caller = callers.get(request);
      log.warn('arbitrary document (not a trusted document)', {
        requestId: caller?.requestId, subject: caller?.subject, body: caller?.body,
        operationName: params.operationName, documentId: documentId(params.query),
      });
    }
  };
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
    requestId: false, // ours below: validated, and the same id inside the signed identity
    ...(opts.introspection === false ? { disableIntrospection: {} } : {}),
    ...(persisted ? { persistedDocuments: persisted.option } : {}),
    plugins: () => [...limitPlugins(opts.limits ?? DEFAULT_LIMITS), {
      onParams,
      onResponse: ({ request, response }: { request: Request; response: Response }) => { response.headers.set('x-request-id', requestIdOf(request)); },
      // Every request to a subgraph, each retry included, carries the request id and the
      // caller signed for that subgraph, set here on the fetch itself. Not `propagateHeaders`:
      // the HTTP executor takes propagated headers off the execution request on the first
      // attempt, so a retried query went out without them, and a subgraph back from a crash
      // answered it 401, which reached the client as UNAUTHENTICATED (RELIABILITY.md).
      onFetch: ({ executionRequest, options, setOptions }) => {
        const request = (executionRequest?.context as { request?: Request } | undefined)?.request;
        const subgraphName = executionRequest?.subgraphName;
        const caller = request && callers.get(request);
        // No caller: never reached for a GraphQL request (onParams refused it); the subgraph would answer 401.
        if (!caller || !subgraphName || !opts.subgraphSecrets[subgraphName]) return;
        setOptions({
          ...options,
          headers: { ...options.headers, 'x-request-id': caller.requestId!, ...signIdentity(opts.subgraphSecrets[subgraphName], subgraphName, caller) },
        });
      },
    }],
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
  const maxBody = (opts.limits ?? DEFAULT_LIMITS).maxBodyBytes;
  const refuse = (res: import('node:http').ServerResponse, status: number, message: string) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
    res.end(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }));
  };
  // The body limit is enforced before the runtime reads a byte: a POST must declare its
  // length (every GraphQL client and browser does), and one over the limit is refused.
  const metrics = createMetrics('gateway');
  const files = downloads(runtime, { trustedDocuments: opts.trustedDocuments !== undefined });
  // Readiness: not ready while draining or while a subgraph of the supergraph is not (readiness.ts).
  const subgraphsReady = readinessCheck({
    ...opts.readiness,
    subgraphs: subgraphUrlsOf(withSubgraphUrls(opts.supergraphSdl ?? readFileSync(DEFAULT_SUPERGRAPH, 'utf8'), opts.subgraphUrls ?? {})),
  });
  const server: Server = createServer(async (req, res) => {
    if (await metrics.serve(req, res)) return;
    if (req.url === '/readyz' || req.url?.startsWith('/readyz?')) {
      const report = drain.draining ? { ready: false, draining: true, down: {} } : await subgraphsReady();
      res.writeHead(report.ready ? 200 : 503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ status: report.ready ? 'ready' : 'not ready', ...report }));
      return;
    }
    if (DOWNLOAD_PREFIXES.some((p) => req.url?.startsWith(p))) {
      try {
        if (await files(req, res)) return;
      } catch (e) {
        log.error('download failed', { url: req.url?.replace(/token=[^&]*/, 'token=…'), error: String((e as Error)?.stack ?? e) });
        if (!res.headersSent) { res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }); res.end('文件生成失败\n'); }
        return;
      }
    }
    if (req.method === 'POST') {
      const length = req.headers['content-length'];
      if (length === undefined) return refuse(res, 411, '请求须带 Content-Length');
      if (Number(length) > maxBody) return refuse(res, 413, `请求体过大（上限 ${maxBody} 字节）`);
    }
    return runtime(req, res);
  });
  const drain = drainable(server);
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
      // Graceful: refuse new connections, finish requests in flight (bounded), drop idle ones.
      const { cut } = await drain.close();
      if (cut > 0) log.error('shutdown: requests still unanswered at the deadline were cut', { cut });
      await runtime.dispose();
    },
  };
}
