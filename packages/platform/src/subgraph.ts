import 'reflect-metadata';
import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import {
  getNamedType,
  GraphQLError,
  GraphQLSchema,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type GraphQLFormattedError,
} from 'graphql';
import http from 'node:http';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { badVariableField, HubError } from './errors';
import { SERVICE_GRANTS, type Identity } from './identity';
import {
  GATEWAY_KEYID,
  RequestVerifier,
  STALE_SIGNATURE_HEADER,
  type Refusal,
  type VerifierOptions,
} from './signature';
import { signatureLimitsFromEnv } from './signature-env';
import { log, requestScope, throttledLog } from './log';
import { DateTimeISOScalar } from './scalars';
import { UpstreamError } from './service';
import { createMetrics } from './metrics';
import { drainable } from './shutdown';
import type { StartupPhases } from './startup';
import { topics, type EventBus, type WrittenEvent } from './events';
import { paramsOf, serveSubscription, subscriptionDocument } from './sse';
import os from 'node:os';

/** The federation version every subgraph links (composition 2.14 rejects v2.15). */
export const FEDERATION_URL = 'https://specs.apollo.dev/federation/v2.7';

export interface SubgraphDefinition<TContext> {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type name; batch through the request's DataLoaders. */
  references: Record<string, (representation: Record<string, unknown>, context: TContext) => unknown>;
  /** Federation directives used in the SDL, e.g. `@key`, `@shareable`. */
  federationImports: string[];
  /** Input types published with `@oneOf` (exactly one field given): type-graphql cannot mark them itself. */
  oneOfInputs?: string[];
}

/**
 * The feature `@oneOf` is linked from. Apollo composition 2.14 does not know the built-in `@oneOf`
 * ("Unknown directive"); a directive of a linked feature marked `@composeDirective` reaches the
 * supergraph, where graphql-js (16.9+) reads `@oneOf` by name and enforces it, in the gateway and here.
 */
export const ONE_OF_URL = 'https://specs.tiaokuai.dev/oneOf/v1.0';

/** Marks the named inputs `@oneOf` in printed SDL and links the directive for composition (see ONE_OF_URL). */
export function withOneOf(printed: string, inputs: string[]): { sdl: string; link: string; imports: string[] } {
  if (!inputs.length) return { sdl: printed, link: '', imports: [] };
  let sdl = printed;
  for (const name of inputs) {
    const head = new RegExp(`^input ${name} \\{`, 'm');
    if (!head.test(sdl)) throw new Error(`oneOfInputs: no input ${name} in the schema`);
    sdl = sdl.replace(head, `input ${name} @oneOf {`);
  }
  return {
    sdl: `directive @oneOf on INPUT_OBJECT\n\n${sdl}`,
    link: ` @link(url: "${ONE_OF_URL}", import: ["@oneOf"]) @composeDirective(name: "@oneOf")`,
    imports: ['@composeDirective'],
  };
}

const NO_PUBSUB = {
  publish: () => undefined,
  subscribe: (): never => {
    throw new Error('every @Subscription here names its own subscribe function (platform live.ts)');
  },
};

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph's SDL as composition sees it (checked in under schema/). */
  sdl: string;
}

/** type-graphql has no place for the root types' descriptions: every subgraph gets these. */
const ROOT_DESCRIPTIONS: Record<string, string> = {
  Query: '查询：读取的入口 (the queries: what can be read)',
  Mutation: '变更：写入的入口 (the mutations: what can be changed)',
  Subscription: '订阅：推送的入口 (the subscriptions: what is pushed)',
};

/**
 * type-graphql builds the schema from classes; graphql's own printer drops applied
 * directives (`@key`), so the SDL is printed with graphql-tools and rebuilt as a
 * federation subgraph with type-graphql's resolvers plus the reference resolvers.
 */
export async function buildFederatedSchema<TContext>(def: SubgraphDefinition<TContext>): Promise<FederatedSchema> {
  const built = await buildSchema({
    resolvers: def.resolvers,
    orphanedTypes: def.orphanedTypes,
    skipCheck: true,
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeISOScalar }],
    // type-graphql asks for a PubSub once there is a @Subscription; ours each have their own `subscribe` (live.ts).
    pubSub: NO_PUBSUB,
  });
  for (const root of [built.getQueryType(), built.getMutationType(), built.getSubscriptionType()]) {
    if (root && !root.description) root.description = ROOT_DESCRIPTIONS[root.name];
  }
  const oneOf = withOneOf(printSchemaWithDirectives(built), def.oneOfInputs ?? []);
  const imports = [...def.federationImports, ...oneOf.imports].map((d) => JSON.stringify(d)).join(', ');
  const sdl = `extend schema @link(url: "${FEDERATION_URL}", import: [${imports}])${oneOf.link}\n\n${oneOf.sdl}\n`;
  const resolvers = createResolversMap(built) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolve] of Object.entries(def.references)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), __resolveReference: resolve };
  }
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as never }]);
  return { schema, sdl };
}

const PASS_THROUGH_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Errors are masked: a HubError or a GraphQL-level input error goes out as it is; anything
 * else (a bug, a database error with SQL text) is logged here and reaches the client only
 * as a generic message, never with a stack trace, SQL or an internal address.
 */
const NULL_ARGUMENT = /^Argument "([^"]+)" of non-null type "[^"]+" must not be null\.$/;

export function formatSubgraphError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof HubError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { ...original.extensions },
    };
  }
  const code = formatted.extensions?.code as string | undefined;
  if (code && PASS_THROUGH_CODES.has(code)) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    const field = code === 'BAD_USER_INPUT' && !extensions.field ? badVariableField(formatted.message) : undefined;
    return { ...formatted, extensions: field ? { ...extensions, field } : extensions };
  }
  // graphql-js's own argument coercion at execution: an explicit null from a nullable variable
  // for a non-null argument with a default (`dryRun: Boolean! = false` given `$v: Boolean` =
  // null), which validation lets through. No code of its own; the client's input is at fault.
  // (Located: the error of `executeField` wraps graphql-js's own, which has no cause.)
  const inner =
    error instanceof GraphQLError && error.originalError instanceof GraphQLError ? error.originalError : error;
  const nullArg = inner instanceof GraphQLError && !inner.originalError ? NULL_ARGUMENT.exec(inner.message) : null;
  if (nullArg) {
    return {
      message: `参数 ${nullArg[1]} 不能为 null（省略它即用默认值）`,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'BAD_USER_INPUT', field: nullArg[1] },
    };
  }
  if (original instanceof UpstreamError) {
    // Another subgraph this one depends on failed: name it (`dependency`), as the gateway does for its own subgraphs.
    log.error('dependency failed', {
      dependency: original.target,
      unavailable: original.unavailable,
      error: original.message,
      path: formatted.path,
    });
    return original.unavailable
      ? {
          message: `子图 ${original.target} 暂不可用`,
          path: formatted.path,
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', dependency: original.target },
        }
      : {
          message: `服务器内部错误（子图 ${original.target}）`,
          path: formatted.path,
          extensions: { code: 'INTERNAL_SERVER_ERROR', dependency: original.target },
        };
  }
  log.error('unexpected error', {
    error: original instanceof Error ? original.stack : String(original),
    path: formatted.path,
  });
  return { message: '服务器内部错误', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  /** Builds the request's context for the identity the gateway vouched for. */
  context: (req: http.IncomingMessage, identity: Identity) => Promise<TContext> | TContext;
  /**
   * This subgraph's secret shared with the gateway (SUBGRAPH_SECRET): a GraphQL request
   * without a valid signature under it (signature.ts, keyid `gateway`) gets 401, whatever it
   * asks (`_entities` included).
   */
  secret: string;
  /**
   * Other subgraphs allowed to call this one directly for reads (service name → the secret
   * they share with it, e.g. SERVICE_SECRET_TASKS on org). Their signatures name the service as
   * keyid; they may run queries only, and only the fields of the grant they name (SERVICE_GRANTS).
   */
  serviceSecrets?: Record<string, string>;
  /** Signature age, clock skew and nonce cache size; default from the environment (signatureLimitsFromEnv). */
  signatureLimits?: Pick<VerifierOptions, 'maxAgeMs' | 'skewMs' | 'maxNonces'>;
  /** Largest accepted request body; imports of a whole province are large. */
  maxBodyBytes?: number;
  /** Readiness check (database reachable). */
  ready?: () => Promise<boolean>;
  /**
   * Where the start's phases are marked (startup.ts): `server` (Apollo's start), `signatureSecond` (the wait for the
   * first whole second after the process's start, and the listen), then `readyCheck` (the first readiness check, run
   * once before this resolves, so the first `/readyz` finds the application's pool connected).
   */
  phases?: StartupPhases;
  /**
   * Where this subgraph announces its writes: after every mutation, a wake-up on
   * `tiaokuai.written.<name>` (events.ts), which this subgraph's live subscriptions (and, over
   * NATS, other processes') listen to. Without it nothing is announced.
   */
  events?: EventBus;
}

export interface RunningServer {
  url: string;
  port: number;
  /**
   * Graceful stop: new connections are refused, requests in flight finish (at most
   * `SHUTDOWN_TIMEOUT_MS`), idle keep-alive connections are closed; then Apollo stops.
   */
  close(): Promise<void>;
}

/**
 * Why a service call may not run here (null: it may): it must name a grant this subgraph serves
 * to that service, and be a query whose every field is one of the grant's (ARCHITECTURE.md,
 * "Security"). Checked on the parsed document with the schema's types, fragments included.
 */
export function serviceCallRefusal(
  schema: GraphQLSchema,
  subgraph: string,
  identity: Identity,
  body: unknown,
  url: URL,
): string | null {
  const grant = identity.grant && SERVICE_GRANTS[identity.grant];
  if (!grant || grant.target !== subgraph || !(grant.services as readonly string[]).includes(identity.service ?? '')) {
    return `服务 ${identity.service} 未获授权读取 ${subgraph}（授权：${identity.grant ?? '无'}）`;
  }
  const text = (body as { query?: unknown } | undefined)?.query ?? url.searchParams.get('query');
  if (typeof text !== 'string') return `服务 ${identity.service} 的请求没有查询`;
  let document;
  try {
    document = parse(text);
  } catch {
    return null; // unparsable: Apollo answers it with GRAPHQL_PARSE_FAILED, nothing runs
  }
  if (document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation !== 'query')) {
    return `服务 ${identity.service} 只能查询，不能修改`;
  }
  const allowed = new Set<string>(grant.fields);
  const typeInfo = new TypeInfo(schema);
  let outside: string | null = null;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (outside || node.name.value === '__typename') return;
        const parent = typeInfo.getParentType();
        const coordinate = `${parent ? getNamedType(parent).name : '?'}.${node.name.value}`;
        if (!allowed.has(coordinate)) outside = coordinate;
      },
    }),
  );
  return outside ? `授权 ${identity.grant} 不含字段 ${outside}` : null;
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw Object.assign(new Error('request body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/**
 * Serves a subgraph over plain node:http: `/graphql`, `/healthz` (liveness) and `/readyz`
 * (readiness). Apollo Server runs behind `executeHTTPGraphQLRequest`, so the HTTP layer
 * stays ours (body limits, health endpoints, later the gateway's signature check).
 */
/**
 * Apollo's default plugins a subgraph turns off (also in the test harnesses, so tests run what
 * production runs): federated tracing, and cache control. No cache hints are used, and the
 * cache-control plugin would wrap every field's resolver to compute a policy (a province's scan
 * resolves some 60,000 fields); responses say no-store themselves.
 */
export const subgraphPlugins = () => [
  ApolloServerPluginInlineTraceDisabled(),
  ApolloServerPluginCacheControlDisabled(),
];

/** The Apollo plugin announcing each mutation this subgraph ran (a wake-up; events.ts). */
function announceWrites(subgraph: string, bus: EventBus) {
  const by = `${os.hostname()}:${process.pid}`;
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc: { operation?: { operation: string } | null }) {
          if (rc.operation?.operation !== 'mutation') return;
          const event: WrittenEvent = { subgraph, by, at: Date.now() };
          bus.publish(topics.written(subgraph), event);
        },
      };
    },
  };
}

export async function startSubgraphServer<TContext extends BaseContext>(
  opts: SubgraphServerOptions<TContext>,
  port: number,
  host = '127.0.0.1',
): Promise<RunningServer> {
  const apollo = new ApolloServer<TContext>({
    schema: opts.schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatSubgraphError,
    plugins: [...subgraphPlugins(), ...(opts.events ? [announceWrites(opts.name, opts.events)] : [])],
    // Our onShutdown (shutdown.ts) owns SIGTERM/SIGINT. Apollo's own handlers (on by default
    // outside NODE_ENV=test) started a second stop() on the same signal, and Apollo 5 never
    // wakes a stop() that waits for one in progress: our close then hung until the deadline
    // whenever it reached apollo.stop() first (the assessments process, idle, every time).
    stopOnTerminationSignals: false,
  });
  if (!opts.secret || opts.secret.length < 16) {
    throw new Error(
      `subgraph ${opts.name}: SUBGRAPH_SECRET (at least 16 characters) is required: a subgraph trusts only the gateway`,
    );
  }
  // The readiness check's first run (its pool's first connection) overlaps Apollo's start.
  const firstCheck = opts.ready ? opts.ready().catch(() => false) : Promise.resolve(true);
  await apollo.start();
  const limit = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  const metrics = createMetrics(opts.name);
  const keys: Record<string, string> = { [GATEWAY_KEYID]: opts.secret };
  for (const [service, secret] of Object.entries(opts.serviceSecrets ?? {})) {
    if (service === GATEWAY_KEYID) throw new Error(`subgraph ${opts.name}: no service may be called ${GATEWAY_KEYID}`);
    keys[service] = secret;
  }
  // Nothing signed before this process started: its predecessor's nonces are gone (signature.ts
  // `notBefore`). A service process counts from its origin; a server started in a test's process, from now.
  const verifier = new RequestVerifier({
    target: opts.name,
    keys,
    notBefore: opts.phases?.startedAt ?? Date.now(),
    ...(opts.signatureLimits ?? signatureLimitsFromEnv()),
  });
  // One short line per refused signature, at most 10 a second (one per 100 ms), each carrying
  // the count of those not written: a flood of forged requests cannot multiply log lines.
  const refused = throttledLog('warn', 'signature refused', { intervalMs: 100 });
  const refuse = (res: http.ServerResponse, reason: Refusal, keyid?: string) => {
    refused({ subgraph: opts.name, reason, ...(keyid ? { keyid } : {}) });
    if (reason === 'nonce cache full') {
      res.setHeader('retry-after', '1');
      return sendJson(res, 503, {
        errors: [{ message: '签名校验繁忙，请稍后重试', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      });
    }
    res.setHeader('www-authenticate', 'Signature');
    if (reason === 'stale') res.setHeader(STALE_SIGNATURE_HEADER, 'stale');
    return sendJson(res, 401, {
      errors: [{ message: '只接受经网关签名的请求', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  };
  // Subscriptions' event streams open now: ended (with `complete`) first at shutdown, or the drain would wait for them.
  const streams = new Set<http.ServerResponse>();
  const server = http.createServer(async (req, res) => {
    const started = process.hrtime.bigint();
    try {
      if (await metrics.serve(req, res)) return;
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok', subgraph: opts.name });
      if (url.pathname === '/readyz') {
        if (drain.draining) return sendJson(res, 503, { status: 'draining', subgraph: opts.name });
        const ok = opts.ready ? await opts.ready().catch(() => false) : true;
        return sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready', subgraph: opts.name });
      }
      if (url.pathname !== '/graphql' && url.pathname !== '/') return sendJson(res, 404, { error: 'not found' });
      // The request's signature (signature.ts), before its body is read: an unsigned request costs nothing more.
      const checked = await verifier.verifyHeaders({
        method: req.method ?? 'GET',
        url: `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`,
        headers: req.headers,
      });
      if (!checked.ok) return refuse(res, checked.reason);
      const { identity } = checked.verified;
      // From here on every log line of this request names it (and who asked).
      return await requestScope.run({ requestId: identity.requestId, subgraph: opts.name }, async () => {
        res.once('finish', () =>
          log.info('request', {
            subject: identity.subject,
            body: identity.body,
            ...(identity.service ? { service: identity.service } : {}),
            status: res.statusCode,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          }),
        );
        // The digest is checked over the bytes received, before anything parses them.
        const raw = await readBody(req, limit);
        const refusal = verifier.verifyBody(checked.verified, raw);
        if (refusal) return refuse(res, refusal, checked.verified.keyid);
        let body: unknown = undefined;
        if (raw.length > 0) {
          try {
            body = JSON.parse(raw.toString('utf8'));
          } catch {
            return sendJson(res, 400, {
              errors: [{ message: '请求体不是有效的 JSON', extensions: { code: 'BAD_REQUEST' } }],
            });
          }
        }
        const denied = identity.service ? serviceCallRefusal(opts.schema, opts.name, identity, body, url) : null;
        if (denied) return sendJson(res, 403, { errors: [{ message: denied, extensions: { code: 'FORBIDDEN' } }] });
        // A subscription (asked for as server-sent events): served here, not by Apollo (sse.ts).
        if ((req.headers.accept ?? '').includes('text/event-stream')) {
          const params = paramsOf(body, url);
          const document = subscriptionDocument(params);
          if (document) {
            const contextValue = await opts.context(req, identity);
            return await serveSubscription(req, res, {
              schema: opts.schema,
              document,
              params,
              contextValue,
              formatError: formatSubgraphError,
              open: streams,
            });
          }
        }
        const headers = new HeaderMap();
        for (const [k, v] of Object.entries(req.headers)) {
          if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
        }
        const result = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
          context: async () => opts.context(req, identity),
        });
        res.statusCode = result.status ?? 200;
        res.setHeader('cache-control', 'no-store');
        for (const [k, v] of result.headers) res.setHeader(k, v);
        if (result.body.kind === 'complete') {
          res.end(result.body.string);
        } else {
          for await (const chunk of result.body.asyncIterator) res.write(chunk);
          res.end();
        }
      });
    } catch (e) {
      const status = (e as { status?: number }).status ?? 500;
      if (status === 500) log.error('request failed', { subgraph: opts.name, error: (e as Error).stack });
      if (!res.headersSent)
        sendJson(res, status, {
          errors: [
            {
              message: status === 413 ? '请求体过大' : '服务器内部错误',
              extensions: { code: status === 413 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' },
            },
          ],
        });
      else res.end();
    }
  });
  server.keepAliveTimeout = 65_000;
  const drain = drainable(server);
  // The port opens once the first whole second after the start has come: every request served
  // was then signed after the start, and one signed before it (captured from the predecessor,
  // within its start's own second) is refused (signature.ts `notBefore`). At most a second, and
  // usually less: the start itself has taken most of it.
  const untilNotBefore = verifier.notBefore - Date.now();
  opts.phases?.mark('server');
  if (untilNotBefore > 0) await new Promise((r) => setTimeout(r, untilNotBefore));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  opts.phases?.mark('signatureSecond');
  await firstCheck;
  opts.phases?.mark('readyCheck');
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}/graphql`,
    port: actualPort,
    close: async () => {
      for (const stream of streams) stream.end('event: complete\ndata:\n\n');
      // What the shutdown budget leaves for draining (shutdown.ts), the rest is for closing.
      const { cut } = await drain.close();
      if (cut > 0)
        log.error('shutdown: requests still unanswered at the deadline were cut', { subgraph: opts.name, cut });
      await apollo.stop();
    },
  };
}
