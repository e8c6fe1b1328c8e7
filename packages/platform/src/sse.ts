/**
 * Subscriptions served by a subgraph over server-sent events, the "distinct connections" mode of
 * GraphQL over SSE (the graphql-sse protocol): one request per subscription, answered with
 * `text/event-stream`, each result an `event: next` with its JSON in `data:`, then
 * `event: complete`. This is what Hive Gateway's HTTP transport asks a subgraph for when it plans
 * a subscription (the HTTP executor sends `accept: text/event-stream`). Apollo Server does not
 * serve subscriptions over HTTP; graphql-js's `subscribe` runs them with the same schema here,
 * after the same signature check as any request (subgraph.ts).
 *
 * Backpressure: the next result is taken from the subscription only once the socket has drained
 * the last (a slow client's changes wait in its bounded queue, live.ts). A disconnect ends the
 * subscription's iterator (its watch is left, its bus subscriptions dropped). A comment line every
 * `keepAliveMs` keeps proxies from closing an idle stream.
 */
import type http from 'node:http';
import { GraphQLError, parse, subscribe, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';

export interface GraphQLParams {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

/** The request's GraphQL parameters, from the JSON body (POST) or the query string (GET). */
export function paramsOf(body: unknown, url: URL): GraphQLParams {
  if (body && typeof body === 'object') return body as GraphQLParams;
  const json = (name: string) => {
    const v = url.searchParams.get(name);
    if (v == null) return undefined;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  };
  return {
    query: url.searchParams.get('query') ?? undefined,
    variables: json('variables'),
    operationName: url.searchParams.get('operationName') ?? undefined,
  };
}

/** The document, when the request asks for a subscription (else undefined: Apollo serves it). */
export function subscriptionDocument(params: GraphQLParams): DocumentNode | undefined {
  if (typeof params.query !== 'string' || !/\bsubscription\b/.test(params.query)) return undefined;
  let document: DocumentNode;
  try {
    document = parse(params.query);
  } catch {
    return undefined;
  }
  const ops = document.definitions.filter((d) => d.kind === 'OperationDefinition');
  const op =
    typeof params.operationName === 'string'
      ? ops.find((o) => o.kind === 'OperationDefinition' && o.name?.value === params.operationName)
      : ops.length === 1
        ? ops[0]
        : undefined;
  return op && op.kind === 'OperationDefinition' && op.operation === 'subscription' ? document : undefined;
}

export interface ServeSubscriptionOptions {
  schema: GraphQLSchema;
  document: DocumentNode;
  params: GraphQLParams;
  contextValue: unknown;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  keepAliveMs?: number;
  /** Streams open in this server (ended on shutdown). */
  open: Set<http.ServerResponse>;
}

const formatResult = (r: ExecutionResult, format: ServeSubscriptionOptions['formatError']) => ({
  ...(r.data !== undefined ? { data: r.data } : {}),
  ...(r.errors ? { errors: r.errors.map((e) => format(e.toJSON(), e)) } : {}),
});

export async function serveSubscription(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  opts: ServeSubscriptionOptions,
): Promise<void> {
  const variables = opts.params.variables;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) {
    throw new GraphQLError('variables 须为对象', { extensions: { code: 'BAD_REQUEST', field: 'variables' } });
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
  opts.open.add(res);
  let closed = false;
  let iterator: AsyncIterator<ExecutionResult> | undefined;
  const onClose = () => {
    closed = true;
    void iterator?.return?.();
  };
  req.once('close', onClose);
  res.once('close', onClose);
  const keepAlive = setInterval(() => {
    if (!closed) res.write(':\n\n');
  }, opts.keepAliveMs ?? 15_000);
  keepAlive.unref();
  const write = async (result: ExecutionResult) => {
    if (closed) return;
    const ok = res.write(`event: next\ndata: ${JSON.stringify(formatResult(result, opts.formatError))}\n\n`);
    if (!ok && !closed) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  };
  try {
    const result = await subscribe({
      schema: opts.schema,
      document: opts.document,
      variableValues: (variables ?? undefined) as Record<string, unknown> | undefined,
      operationName: typeof opts.params.operationName === 'string' ? opts.params.operationName : undefined,
      contextValue: opts.contextValue,
    });
    if (Symbol.asyncIterator in result) {
      iterator = result[Symbol.asyncIterator]();
      if (closed) await iterator.return?.();
      while (!closed) {
        const next = await iterator.next();
        if (next.done) break;
        await write(next.value);
      }
    } else {
      await write(result);
    }
  } catch (e) {
    await write({
      errors: [e instanceof GraphQLError ? e : new GraphQLError(String(e), { originalError: e as Error })],
    });
  } finally {
    clearInterval(keepAlive);
    opts.open.delete(res);
    if (!closed) res.end('event: complete\ndata:\n\n');
  }
}
