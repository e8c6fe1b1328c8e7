/**
 * The hub's gateway: Hive Gateway's runtime (MIT) serving the supergraph composed at build
 * time (schema/supergraph.graphql). Offline by construction: the explorer is GraphiQL bundled
 * from @graphql-yoga/render-graphiql (no CDN; explorer.ts), and the supergraph is a local file.
 */
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import http from '@graphql-mesh/transport-http';
import { Kind, parse, type DocumentNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Identity } from '@tiaokuai/platform/identity';
import { GATEWAY_KEYID, signRequest } from '@tiaokuai/platform/signature';
import { resignWhenStale } from './resign';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { AuthFailure, type Authenticator } from './auth';
import { apqPlugin, DEFAULT_APQ_CAPACITY } from './apq';
import { EXPLORER_OPTIONS, renderExplorer } from './explorer';
import { applyCors, type CorsSettings } from './cors';
import { BUILT_IN_DOCUMENTS, DOWNLOAD_PREFIXES, downloads } from './downloads';
import { createMetrics } from '@tiaokuai/platform/metrics';
import { drainable } from '@tiaokuai/platform/shutdown';
import { followAbort } from './follow-abort';
import { maskError } from './errors';
import { DEFAULT_LIMITS, limitPlugins, type Limits } from './limits';
import {
  documentId,
  loadTrustedDocuments,
  persistedDocumentsOption,
  type TrustedDocumentsSettings,
} from './trusted-documents';
import { log, throttledLog } from '@tiaokuai/platform/log';
import { refuseLingering, type LingerOptions } from './linger';
import { runtimeLogger } from './logging';
import { responseSizePlugin } from './response-size';
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
  /** Origins whose pages may call the gateway, every path (cors.ts); absent = none. Env: CORS_ORIGINS, CORS_MAX_AGE */
  cors?: CorsSettings;
  /**
   * Automatic persisted queries kept per process (apq.ts; default 1000); 0 turns them off. Not installed with trusted
   * documents, which answer the same extension from their manifest.
   */
  apqCapacity?: number;
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
export const subgraphSecretsFromEnv = (env: NodeJS.ProcessEnv = process.env) =>
  perSubgraphEnv(env, (n) => `SUBGRAPH_SECRET_${n}`);

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'www-authenticate': 'Bearer' } } },
  });
}

/** Replaces `@join__graph(name: "org", url: "...")` URLs, so one composed file serves every deployment. */
export function withSubgraphUrls(sdl: string, urls: Record<string, string>): string {
  return sdl.replace(/@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  );
}

/** Subgraph URLs from the environment: ORG_SUBGRAPH_URL, TASKS_SUBGRAPH_URL, ASSESSMENTS_SUBGRAPH_URL. */
export const subgraphUrlsFromEnv = (env: NodeJS.ProcessEnv = process.env) =>
  perSubgraphEnv(env, (n) => `${n}_SUBGRAPH_URL`);

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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FetchFn = (input: string, init?: any, ...rest: any[]) => Promise<Response> | Response;

/**
 * The per-subgraph timeout, on each fetch: the subgraph must answer, body included, within
 * `ms`, else the fetch is aborted (a TimeoutError, which the error mask turns into
 * SUBGRAPH_UNAVAILABLE). Neither the runtime's `upstreamTimeout` nor the HTTP transport's
 * `timeout` option: both tie an AbortSignal.timeout to the gateway's long-lived signal with
 * @graphql-hive/signal's abortSignalAny, whose listeners on that signal stay until garbage
 * collection, so each request's addEventListener walked a list growing with the load (4% of
 * the gateway's time at 50 clients; BENCHMARKS.md "Throughput"). The caller's signal is that
 * long-lived one (the HTTP executor's dispose signal): a fetch follows it through
 * follow-abort.ts, one listener for all the fetches in flight, and stops following as soon as
 * its answer is read (or fails), when the timer is cleared too.
 */
export function withTimeout<F extends FetchFn>(fetchFn: F, ms: number): F {
  return ((input: string, init?: { signal?: AbortSignal | null }, ...rest: unknown[]) => {
    const outer = init?.signal ?? undefined;
    if (outer?.aborted) return fetchFn(input, init, ...rest);
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      done();
      ctrl.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, ms);
    // One listener on the caller's signal for all fetches in flight (follow-abort.ts).
    const unfollow = outer
      ? followAbort(outer, (reason) => {
          clearTimeout(timer);
          ctrl.abort(reason);
        })
      : undefined;
    const done = () => {
      clearTimeout(timer);
      unfollow?.();
    };
    return Promise.resolve(fetchFn(input, { ...init, signal: ctrl.signal }, ...rest)).then(
      (res) => {
        // A subscription's event stream (text/event-stream) lives as long as its client: the timeout covers its
        // headers only; the caller's signal still ends it.
        if (res.headers?.get?.('content-type')?.includes('text/event-stream')) {
          clearTimeout(timer);
          return res;
        }
        // The timeout covers the body: ended when the body has been read (the HTTP executor reads
        // it with text(); a body read another way keeps the timer until it fires, harmlessly).
        for (const method of ['text', 'json', 'arrayBuffer'] as const) {
          const read = (res[method] as () => Promise<unknown>).bind(res);
          (res as unknown as Record<string, unknown>)[method] = () => read().finally(done);
        }
        return res;
      },
      (e: unknown) => {
        done();
        throw e;
      },
    );
  }) as F;
}

/** What the gateway keeps of one client request (createGateway). */
interface RequestState {
  requestId: string;
  caller?: Identity & { requestId: string };
  auth?: Promise<void>;
}

/**
 * The identity `startGateway`'s server verified before reading the body, on the Node request,
 * with the header it came from: the runtime's check takes it instead of looking the token up
 * again (the header is compared, so nothing but that same header gets that identity).
 */
const PRE_VERIFIED = Symbol('tiaokuai.preVerified');
type PreVerifiedRequest = import('node:http').IncomingMessage & {
  [PRE_VERIFIED]?: { authorization: string; identity: Identity };
};

export function createGateway(opts: GatewayOptions): GatewayRuntime {
  const sdl = withSubgraphUrls(opts.supergraphSdl ?? readFileSync(DEFAULT_SUPERGRAPH, 'utf8'), opts.subgraphUrls ?? {});
  parse(sdl); // fail fast on a broken file, before the first request
  for (const m of sdl.matchAll(/@join__graph\(name: "([^"]+)"/g)) {
    if (!opts.subgraphSecrets[m[1]])
      throw new Error(`no secret for subgraph ${m[1]} (SUBGRAPH_SECRET_${m[1].toUpperCase()})`);
  }
  const loaded = opts.trustedDocuments && loadTrustedDocuments(opts.trustedDocuments); // throws naming the file
  // The downloads' own queries are always registered (downloads.ts).
  const trusted = loaded && { ...loaded, documents: new Map([...loaded.documents, ...BUILT_IN_DOCUMENTS]) };
  // What the gateway keeps of each client request, in one place: its id, its verified caller
  // (for the headers sent to the subgraphs) and the check that found it.
  const states = new WeakMap<Request, RequestState>();
  const stateOf = (request: Request): RequestState => {
    let state = states.get(request);
    if (!state) {
      // Request ids: the client's x-request-id when it is a sane token, else a fresh UUID; sent
      // to the subgraphs (inside the signed identity too) and back to the client.
      const given = request.headers.get('x-request-id');
      state = { requestId: given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID() };
      states.set(request, state);
    }
    return state;
  };
  const requestIdOf = (request: Request): string => stateOf(request).requestId;
  const verify = async (request: Request, state: RequestState): Promise<void> => {
    const header = request.headers.get('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw unauthenticated('需要身份令牌：请求头 Authorization: Bearer <token>');
    try {
      const identity = await opts.authenticator.verify(m[1]);
      state.caller = { ...identity, requestId: state.requestId };
    } catch (e) {
      if (!(e instanceof AuthFailure)) throw e;
      // Expired, forged, wrong issuer or audience: one answer, no hint which.
      throw unauthenticated('身份令牌无效或已过期');
    }
  };
  /**
   * Once per request: the trusted-documents plugin, which the runtime runs before ours, asks
   * first. A request that came through `startGateway`'s server had its token verified before
   * its body was read: that identity is taken as it is (`PRE_VERIFIED` on the Node request),
   * with no second look-up and no promise.
   */
  const authenticate = (request: Request, serverContext?: unknown): Promise<void> | undefined => {
    const state = stateOf(request);
    if (state.caller) return undefined;
    const verified = (serverContext as { req?: PreVerifiedRequest } | undefined)?.req?.[PRE_VERIFIED];
    if (verified && request.headers.get('authorization') === verified.authorization) {
      state.caller = { ...verified.identity, requestId: state.requestId };
      return undefined;
    }
    return (state.auth ??= verify(request, state));
  };
  const upstreamTimeoutMs = opts.upstreamTimeoutMs ?? 30_000;
  const persisted =
    trusted &&
    persistedDocumentsOption(trusted, async (request) => {
      await authenticate(request);
    });
  if (trusted) {
    log.info('trusted documents', {
      file: trusted.file,
      documents: trusted.documents.size,
      arbitrary: trusted.allowArbitrary ? 'allowed and logged' : 'refused',
    });
  }
  const arbitrary = (request: Request, params: { query?: unknown; operationName?: unknown }) => {
    if (persisted && typeof params.query === 'string' && !persisted.served(request)) {
      // Only reached with TRUSTED_DOCUMENTS_ALLOW_ARBITRARY=true: the strict mode refused it.
      const caller = states.get(request)?.caller;
      log.warn('arbitrary document (not a trusted document)', {
        requestId: caller?.requestId,
        subject: caller?.subject,
        body: caller?.body,
        operationName: params.operationName,
        documentId: documentId(params.query as string),
      });
    }
  };
  // Synchronous when the caller is already known (the usual case): no promise per request.
  const onParams = ({
    request,
    params,
    context,
  }: {
    request: Request;
    params: { query?: unknown; operationName?: unknown };
    context?: unknown;
  }): Promise<void> | void => {
    // The runtime checks query, variables and extensions but not operationName: a number there
    // reached the planner and came back INTERNAL_SERVER_ERROR.
    if (params.operationName != null && typeof params.operationName !== 'string') {
      throw new GraphQLError('operationName 须为字符串', {
        extensions: { code: 'BAD_REQUEST', field: 'operationName', http: { status: 400 } },
      });
    }
    const pending = authenticate(request, context);
    if (pending) return pending.then(() => arbitrary(request, params));
    arbitrary(request, params);
  };
  const capacity = opts.apqCapacity ?? DEFAULT_APQ_CAPACITY;
  const apq = !trusted && capacity > 0 ? apqPlugin(capacity).plugin : undefined;
  return createGatewayRuntime({
    supergraph: sdl,
    // The runtime's own CORS reflects any origin with credentials: off; startGateway applies the allowlist (cors.ts).
    cors: false,
    ...(opts.queryPlanner !== 'js' ? { unifiedGraphHandler: rustPlanner() } : {}),
    transports: { http },
    graphqlEndpoint: '/graphql',
    // @defer and @stream accepted (docs/live-updates.md): with the JS planner a deferred fragment is its own fetch and
    // part (multipart/mixed or SSE); the Rust planner answers it with the rest, in one part. Subscriptions need no
    // option: the HTTP transport asks a subgraph for them as server-sent events (platform's sse.ts).
    deferStream: true,
    landingPage: false,
    // The explorer (explorer.ts): titled, a header template and the tour's first query, the schema
    // fetched as soon as a token is pasted.
    graphiql: opts.explorer === false ? false : EXPLORER_OPTIONS,
    renderGraphiQL: renderExplorer,
    healthCheckEndpoint: '/healthz',
    readinessCheckEndpoint: '/readyz',
    // Unexpected errors are masked; subgraph GraphQL errors keep their extensions (code, field).
    maskedErrors: { isDev: false, maskError },
    // Retry only reads: a mutation retried after a lost response could be applied twice.
    upstreamRetry: ({ executionRequest }) =>
      isQuery(executionRequest.document, executionRequest.operationName)
        ? { maxRetries: 2, retryDelay: 100 }
        : undefined,
    requestId: false, // ours below: validated, and the same id inside the signed identity
    ...(opts.introspection === false ? { disableIntrospection: {} } : {}),
    ...(persisted ? { persistedDocuments: persisted.option } : {}),
    plugins: () => [
      ...limitPlugins(opts.limits ?? DEFAULT_LIMITS),
      responseSizePlugin((opts.limits ?? DEFAULT_LIMITS).maxResponseBytes),
      {
        onParams,
        onResponse: ({ request, response }: { request: Request; response: Response }) => {
          response.headers.set('x-request-id', requestIdOf(request));
        },
        // Every request to a subgraph, each retry included, is signed here on the fetch itself
        // (platform's signature.ts, RFC 9421): method, path, the body's digest, the caller's
        // identity and the request id, with a new nonce and time per attempt, so a retry is a new
        // request and a captured one cannot be replayed. Not `propagateHeaders`: the HTTP executor
        // takes propagated headers off the execution request on the first attempt, so a retried
        // query went out without them, and a subgraph back from a crash answered it 401, which
        // reached the client as UNAUTHENTICATED (RELIABILITY.md).
        onFetch: ({ url, executionRequest, options, setOptions, fetchFn: untimed, setFetchFn }) => {
          const fetchFn = withTimeout(untimed, upstreamTimeoutMs);
          setFetchFn(fetchFn);
          const request = (executionRequest?.context as { request?: Request } | undefined)?.request;
          const subgraphName = executionRequest?.subgraphName;
          const caller = request && states.get(request)?.caller;
          // No caller: never reached for a GraphQL request (onParams refused it); the subgraph would answer 401.
          if (!caller || !subgraphName || !opts.subgraphSecrets[subgraphName]) return;
          // The HTTP executor sends the GraphQL request as a JSON string; anything else (a
          // multipart upload, which the hub does not use) goes out unsigned and is refused.
          if (typeof options.body !== 'string' && options.body !== undefined) return;
          const sign = () =>
            signRequest(
              { method: options.method ?? 'GET', url, body: (options.body as string | undefined) ?? '' },
              {
                keyid: GATEWAY_KEYID,
                secret: opts.subgraphSecrets[subgraphName],
                target: subgraphName,
                identity: caller,
                requestId: caller.requestId,
              },
            );
          setOptions({ ...options, headers: { ...options.headers, ...sign() } });
          // Refused as stale by a subgraph too busy to get to it in time: signed afresh and sent again (resign.ts).
          setFetchFn(resignWhenStale(fetchFn, sign));
        },
      },
      // After the one above: a hash is looked up or registered only for an authenticated caller.
      ...(apq ? [apq] : []),
    ],
    // The runtime's own lines as ours: JSON, capped, never a body or variables (logging.ts).
    logging: runtimeLogger(),
  });
}

export interface RunningGateway {
  url: string;
  port: number;
  runtime: GatewayRuntime;
  /** The HTTP server (tests count the bytes its sockets read). */
  server: Server;
  close(): Promise<void>;
}

/** How often a refused token may write a log line; the next line counts the refusals in between. */
export const REFUSED_TOKEN_LOG_INTERVAL_MS = 10_000;

/**
 * Whether this request must carry a valid token before the gateway reads its body: every
 * request the runtime would run as GraphQL. Not the explorer's page (a GET without a query),
 * /healthz, /readyz, CORS preflights; /metrics and the downloads are answered before this with
 * their own rules (metrics.ts, downloads.ts).
 */
export function needsToken(method: string | undefined, url: string | undefined, accept = '', explorer = true): boolean {
  if (method === 'OPTIONS') return false;
  if (method !== 'GET' && method !== 'HEAD') return true;
  // A browser opening the explorer, a query prefilled in its address (`?query=`): the runtime
  // renders the page and runs nothing; the page's own requests are POSTs, checked.
  if (explorer && accept.includes('text/html')) return false;
  const u = new URL(url ?? '/', 'http://gateway');
  return u.searchParams.has('query') || u.searchParams.has('documentId') || u.searchParams.has('extensions');
}

/**
 * Answers and closes the connection without having read the request body: the answer is
 * written at once, then the connection closes lingering (linger.ts): the client can read the
 * answer, and the gateway reads and drops at most LINGER_MAX_BYTES of the body, for at most
 * LINGER_MAX_MS, so a 24 MB body behind a refused request is never drained into the process
 * (ARCHITECTURE.md, "The edge").
 */
function refuseAndClose(
  req: import('node:http').IncomingMessage,
  res: import('node:http').ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  linger: LingerOptions = {},
) {
  refuseLingering(
    req,
    res,
    status,
    { 'content-type': 'application/json; charset=utf-8', ...headers },
    JSON.stringify(body),
    linger,
  );
}

export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const runtime = createGateway(opts);
  const maxBody = (opts.limits ?? DEFAULT_LIMITS).maxBodyBytes;
  const metrics = createMetrics('gateway');
  // How refused connections end (linger.ts): counted; those the time bound closed (the usual
  // end for a client sending as fast as it can: it stops reading at the byte bound and waits)
  // in one short line per interval however many (platform's log.ts).
  const lingerEnds = metrics.counter(
    'tiaokuai_gateway_refused_connections_total',
    "Refused requests' connections by how their lingering close ended",
    ['end'],
  );
  const lingerBytes = metrics.counter(
    'tiaokuai_gateway_refused_body_bytes_total',
    'Body bytes of refused requests read and dropped after the refusal',
  );
  const lingerBound = throttledLog('info', 'refused connection closed at the linger time bound', {
    intervalMs: REFUSED_TOKEN_LOG_INTERVAL_MS,
  });
  const linger: LingerOptions = {
    onClose: (end, discarded) => {
      lingerEnds.inc({ end });
      lingerBytes.inc(discarded);
      if (end === 'bytes' || end === 'time') lingerBound({ end, discarded });
    },
  };
  const refuse = (
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse,
    status: number,
    message: string,
    extensions: Record<string, unknown>,
  ) =>
    refuseAndClose(
      req,
      res,
      status,
      { errors: [{ message, extensions: { code: 'BAD_REQUEST', ...extensions } }] },
      {},
      linger,
    );
  // One short line per interval for refused tokens, however many arrive (platform's log.ts).
  const refusedToken = throttledLog('warn', 'token refused', { intervalMs: REFUSED_TOKEN_LOG_INTERVAL_MS });
  const unauthorized = (
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse,
    message: string,
    reason: string,
  ) => {
    refusedToken({ reason: reason.slice(0, 120) });
    refuseAndClose(
      req,
      res,
      401,
      { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] },
      { 'www-authenticate': 'Bearer' },
      linger,
    );
  };
  // The body limit is enforced before the runtime reads a byte: a POST must declare its
  // length (every GraphQL client and browser does), and one over the limit is refused.
  const files = downloads(runtime, { trustedDocuments: opts.trustedDocuments !== undefined });
  // Readiness: not ready while draining or while a subgraph of the supergraph is not (readiness.ts).
  const subgraphsReady = readinessCheck({
    ...opts.readiness,
    subgraphs: subgraphUrlsOf(
      withSubgraphUrls(opts.supergraphSdl ?? readFileSync(DEFAULT_SUPERGRAPH, 'utf8'), opts.subgraphUrls ?? {}),
    ),
  });
  const server: Server = createServer(async (req, res) => {
    // First: every answer below, refusals included, carries the CORS headers an allowed origin needs to read it.
    if (applyCors(req, res, opts.cors)) return;
    if (await metrics.serve(req, res)) return;
    if (req.url === '/readyz' || req.url?.startsWith('/readyz?')) {
      const report = drain.draining ? { ready: false, draining: true, down: {} } : await subgraphsReady();
      res.writeHead(report.ready ? 200 : 503, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(JSON.stringify({ status: report.ready ? 'ready' : 'not ready', ...report }));
      return;
    }
    if (DOWNLOAD_PREFIXES.some((p) => req.url?.startsWith(p))) {
      try {
        if (await files(req, res)) return;
      } catch (e) {
        log.error('download failed', {
          url: req.url?.replace(/token=[^&]*/, 'token=…'),
          error: String((e as Error)?.stack ?? e),
        });
        if (!res.headersSent) {
          res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
          res.end('文件生成失败\n');
        }
        return;
      }
    }
    if (needsToken(req.method, req.url, req.headers.accept, opts.explorer !== false)) {
      // Authentication before the body: nothing of it has been read yet (the verified token is
      // cached by the authenticator, so the runtime's own check below costs a lookup).
      const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
      if (!m) return unauthorized(req, res, '需要身份令牌：请求头 Authorization: Bearer <token>', 'no bearer token');
      try {
        (req as PreVerifiedRequest)[PRE_VERIFIED] = {
          authorization: req.headers.authorization!,
          identity: await opts.authenticator.verify(m[1]),
        };
      } catch (e) {
        if (e instanceof AuthFailure) return unauthorized(req, res, '身份令牌无效或已过期', e.message);
        // The keys could not be had (an identity provider down): not the caller's fault.
        log.error('token check failed', { error: String((e as Error)?.message ?? e) });
        return refuseAndClose(
          req,
          res,
          503,
          { errors: [{ message: '暂时无法验证身份令牌', extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
          {},
          linger,
        );
      }
    }
    if (req.method === 'POST') {
      const length = req.headers['content-length'];
      if (length === undefined) return refuse(req, res, 411, '请求须带 Content-Length', { field: 'content-length' });
      if (Number(length) > maxBody)
        return refuse(req, res, 413, `请求体过大：上限 LIMIT_MAX_BODY_BYTES = ${maxBody} 字节`, {
          field: 'body',
          limit: 'LIMIT_MAX_BODY_BYTES',
          max: maxBody,
        });
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
    url: `http://${opts.host === '0.0.0.0' ? 'localhost' : (opts.host ?? 'localhost')}:${port}/graphql`,
    port,
    runtime,
    server,
    close: async () => {
      // Graceful: refuse new connections, finish requests in flight (bounded), drop idle ones.
      const { cut } = await drain.close();
      if (cut > 0) log.error('shutdown: requests still unanswered at the deadline were cut', { cut });
      await runtime.dispose();
    },
  };
}
