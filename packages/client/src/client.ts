/**
 * A small fetch client for the hub's gateway: typed documents in, typed data out, a bearer
 * token (a string or an async getter, asked before every request), a request id on every
 * request, and errors thrown as `TiaokuaiError` with the `extensions.code` and `field` the hub
 * sets. Works wherever `fetch` does (browsers, Node 20, workers); no dependency but graphql.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';

/** A token, or a function that returns the current one (refreshing it if it must). */
export type TokenSource = string | (() => string | null | undefined | Promise<string | null | undefined>);

/** The `extensions.code` values the hub sends; other strings may come from newer hubs. */
export type TiaokuaiErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'GRAPHQL_PARSE_FAILED'
  | 'QUERY_TOO_COMPLEX'
  | 'RESPONSE_TOO_LARGE'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_DOCUMENT_NOT_FOUND'
  | 'PERSISTED_DOCUMENT_REQUIRED'
  | 'SUBGRAPH_UNAVAILABLE'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK_ERROR'
  | 'BAD_RESPONSE';

/** One error of a GraphQL answer, as the hub formats it. */
export interface GraphQLErrorPayload {
  message: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/**
 * An error answer (the first error's code, field and message; all of them in `errors`), a
 * transport failure (`NETWORK_ERROR`) or an answer that is not GraphQL (`BAD_RESPONSE`).
 */
export class TiaokuaiError extends Error {
  override readonly name = 'TiaokuaiError';
  /** `extensions.code` of the first error: BAD_USER_INPUT, NOT_FOUND, CONFLICT, UNAUTHENTICATED, … */
  readonly code: TiaokuaiErrorCode | (string & {});
  /** `extensions.field`: the input field or variable path at fault (`input.to`, `k[1]`), when the hub names one. */
  readonly field?: string;
  /** Every error of the answer. */
  readonly errors: readonly GraphQLErrorPayload[];
  /** What data came back beside the errors (a partial answer), if any. */
  readonly data?: unknown;
  /** The HTTP status (0 when no answer arrived). */
  readonly status: number;
  /** The request id (`x-request-id`) to quote when asking the hub's operators. */
  readonly requestId?: string;

  constructor(init: {
    message: string;
    code: string;
    field?: string;
    errors?: readonly GraphQLErrorPayload[];
    data?: unknown;
    status: number;
    requestId?: string;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.field = init.field;
    this.errors = init.errors ?? [];
    this.data = init.data;
    this.status = init.status;
    this.requestId = init.requestId;
  }

  /** The error of an answer's `errors` array (the first names code and field). */
  static fromErrors(
    errors: readonly GraphQLErrorPayload[],
    meta: { status: number; requestId?: string; data?: unknown },
  ): TiaokuaiError {
    const first = errors[0] ?? { message: 'unknown error' };
    return new TiaokuaiError({
      message: first.message,
      code: typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR',
      field: typeof first.extensions?.field === 'string' ? first.extensions.field : undefined,
      errors,
      ...meta,
    });
  }
}

export interface TiaokuaiClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string;
  /** The bearer token, or a getter asked before each request; absent = no Authorization header. */
  token?: TokenSource;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
  /** Makes each request's `x-request-id` (default: a random UUID). */
  requestId?: () => string;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** This request's `x-request-id` (else the client's generator makes one). */
  requestId?: string;
  /** Headers for this request only. */
  headers?: Record<string, string>;
}

/** The whole answer: data, the answer's `extensions` (the hub's `cost`), and the request id. */
export interface TiaokuaiResult<TData> {
  data: TData;
  extensions?: Record<string, unknown>;
  requestId?: string;
}

type VariablesArg<TVariables> =
  Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

function randomId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** The text of a document (typed documents are ASTs; strings pass through). */
export function documentText(document: DocumentNode | string): string {
  return typeof document === 'string' ? document : print(document);
}

/** Resolves a TokenSource to the header value, or undefined. */
export async function authorization(token: TokenSource | undefined): Promise<string | undefined> {
  const value = typeof token === 'function' ? await token() : token;
  if (!value) return undefined;
  return /^bearer /i.test(value) ? value : `Bearer ${value}`;
}

export class TiaokuaiClient {
  readonly url: string;
  private readonly options: TiaokuaiClientOptions;
  private readonly printed = new WeakMap<DocumentNode, string>();

  constructor(options: TiaokuaiClientOptions) {
    this.options = options;
    this.url = options.url;
  }

  /** The headers of a request: JSON, the token, the request id, the client's and the request's own. */
  async headers(requestId: string, extra?: Record<string, string>): Promise<Record<string, string>> {
    const auth = await authorization(this.options.token);
    return {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'x-request-id': requestId,
      ...(auth ? { authorization: auth } : {}),
      ...this.options.headers,
      ...extra,
    };
  }

  /** Runs a query or mutation and returns its data; any error in the answer throws TiaokuaiError. */
  async request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables> | string,
    ...[variables, options]: [...VariablesArg<TVariables>, options?: RequestOptions]
  ): Promise<TData> {
    return (await this.execute(document, variables as TVariables, options)).data;
  }

  /** As `request`, with the answer's extensions and the request id. */
  async execute<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables> | string,
    variables?: TVariables,
    options: RequestOptions = {},
  ): Promise<TiaokuaiResult<TData>> {
    const requestId = options.requestId ?? (this.options.requestId ?? randomId)();
    const fetchFn = this.options.fetch ?? globalThis.fetch;
    let text = typeof document === 'string' ? document : this.printed.get(document);
    if (text === undefined) {
      text = documentText(document as DocumentNode);
      this.printed.set(document as DocumentNode, text);
    }
    let response: Response;
    try {
      response = await fetchFn(this.url, {
        method: 'POST',
        headers: await this.headers(requestId, options.headers),
        body: JSON.stringify({ query: text, ...(variables ? { variables } : {}) }),
        signal: options.signal,
      });
    } catch (cause) {
      throw new TiaokuaiError({
        message: `the hub did not answer: ${(cause as Error)?.message ?? cause}`,
        code: 'NETWORK_ERROR',
        status: 0,
        requestId,
        cause,
      });
    }
    const answeredId = response.headers.get('x-request-id') ?? requestId;
    let body: { data?: TData | null; errors?: GraphQLErrorPayload[]; extensions?: Record<string, unknown> };
    try {
      body = (await response.json()) as typeof body;
    } catch (cause) {
      throw new TiaokuaiError({
        message: `the hub answered HTTP ${response.status} without a GraphQL body`,
        code: response.status === 401 ? 'UNAUTHENTICATED' : 'BAD_RESPONSE',
        status: response.status,
        requestId: answeredId,
        cause,
      });
    }
    if (body.errors?.length)
      throw TiaokuaiError.fromErrors(body.errors, { status: response.status, requestId: answeredId, data: body.data });
    if (body.data == null)
      throw new TiaokuaiError({
        message: `the hub answered HTTP ${response.status} with neither data nor errors`,
        code: 'BAD_RESPONSE',
        status: response.status,
        requestId: answeredId,
      });
    return { data: body.data, extensions: body.extensions, requestId: answeredId };
  }
}

/** A client for the hub at `url`: `createClient({ url, token })`. */
export function createClient(options: TiaokuaiClientOptions): TiaokuaiClient {
  return new TiaokuaiClient(options);
}
