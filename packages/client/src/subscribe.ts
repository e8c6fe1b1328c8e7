/**
 * Subscriptions over Server-Sent Events, the graphql-sse protocol in its "distinct connections
 * mode" (one HTTP request per subscription, `POST` with `accept: text/event-stream`): what the
 * gateway serves for `subscription` operations. Built on the `graphql-sse` client, so it runs
 * in browsers and in Node 20 (global fetch and ReadableStream).
 *
 *     for await (const data of subscribe(hub, OnAnomaly, { scope: 'SC-JGGW' })) render(data);
 *
 * Each item is the operation's typed data; an answer with errors, or a refused connection,
 * ends the loop with a TiaokuaiError (`code` from `extensions.code`, or UNAUTHENTICATED for a
 * 401). Leaving the loop (`break`, `return`) or aborting `signal` closes the connection.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createClient as createSseClient, NetworkError } from 'graphql-sse';
import { authorization, documentText, TiaokuaiError, type GraphQLErrorPayload, type TokenSource } from './client.js';

export interface SubscribeOptions {
  /** The gateway's GraphQL endpoint (the same URL as queries). */
  url: string;
  /** The bearer token, or a getter asked at each (re)connection. */
  token?: TokenSource;
  /** Extra headers on the connection. */
  headers?: Record<string, string>;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
  /** Reconnections after a dropped connection (default 0: the loop ends with the error). */
  retryAttempts?: number;
  /** Closes the subscription. */
  signal?: AbortSignal;
  /** This subscription's `x-request-id`. */
  requestId?: string;
}

function statusOf(error: unknown): number {
  return error instanceof NetworkError && error.response ? error.response.status : 0;
}

/** The data of each event of a subscription, until it completes, fails or is left. */
export async function* subscribe<TData, TVariables extends Record<string, unknown>>(
  options: SubscribeOptions,
  document: TypedDocumentNode<TData, TVariables> | string,
  variables?: TVariables,
): AsyncGenerator<TData, void, undefined> {
  const o = options;
  const client = createSseClient({
    url: o.url,
    singleConnection: false,
    retryAttempts: o.retryAttempts ?? 0,
    ...(o.fetch ? { fetchFn: o.fetch } : {}),
    headers: async () => {
      const auth = await authorization(o.token);
      return {
        ...(auth ? { authorization: auth } : {}),
        ...(o.requestId ? { 'x-request-id': o.requestId } : {}),
        ...o.headers,
      };
    },
  });
  const iterator = client.iterate<TData>({
    query: documentText(document),
    ...(variables ? { variables } : {}),
  });
  const stop = () => void iterator.return?.();
  o.signal?.addEventListener('abort', stop, { once: true });
  try {
    while (!o.signal?.aborted) {
      let step: IteratorResult<{ data?: TData | null; errors?: readonly GraphQLErrorPayload[] }>;
      try {
        step = await iterator.next();
      } catch (error) {
        if (error instanceof TiaokuaiError) throw error;
        const status = statusOf(error);
        throw new TiaokuaiError({
          message: `subscription failed: ${(error as Error)?.message ?? String(error)}`,
          code: status === 401 ? 'UNAUTHENTICATED' : status ? 'BAD_RESPONSE' : 'NETWORK_ERROR',
          status,
          requestId: o.requestId,
          cause: error,
        });
      }
      if (step.done) return;
      const result = step.value;
      if (result.errors?.length)
        throw TiaokuaiError.fromErrors(result.errors, { status: 200, requestId: o.requestId, data: result.data });
      if (result.data != null) yield result.data;
    }
  } finally {
    o.signal?.removeEventListener('abort', stop);
    await iterator.return?.();
    client.dispose();
  }
}
