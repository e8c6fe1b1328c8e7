/**
 * A subscriber over server-sent events through the gateway, with graphql-sse's client (distinct
 * connections mode), as a frontend would: it keeps every result and waits for one that matches.
 */
import { createClient, type Client } from 'graphql-sse';
import { sseFrames } from '@tiaokuai/tools';

export interface Subscriber {
  /** Every result received so far, in order. */
  results: Array<{ data?: any; errors?: any[] }>;
  /** Resolves with the first result (received or to come) that matches. */
  until(match: (r: { data?: any; errors?: any[] }) => boolean): Promise<{ data?: any; errors?: any[] }>;
  /** Resolves when the server completed the stream (or the client errored). */
  ended: Promise<unknown>;
  close(): void;
}

export function subscribe(url: string, token: string, query: string, variables?: Record<string, unknown>): Subscriber {
  const client: Client = createClient({
    url,
    headers: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const results: Subscriber['results'] = [];
  const waiters: Array<{ match: (r: any) => boolean; resolve: (r: any) => void }> = [];
  let end!: (v: unknown) => void;
  const ended = new Promise((r) => (end = r));
  const stop = client.subscribe(
    { query, variables },
    {
      next: (r) => {
        results.push(r as any);
        for (const w of [...waiters]) {
          if (w.match(r)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(r);
          }
        }
      },
      error: (e) => end(e),
      complete: () => end(undefined),
    },
  );
  return {
    results,
    ended,
    until: (match) => {
      const seen = results.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    close: () => {
      stop();
      client.dispose();
    },
  };
}

/**
 * A subscription straight to a subgraph's SSE endpoint (a replica the gateway does not send to), POSTing `body` with
 * the given (signed) headers; the same `Subscriber` as above, read with a plain SSE parser.
 */
export function subscribeDirect(url: string, body: string, headers: Record<string, string>): Subscriber {
  const results: Subscriber['results'] = [];
  const waiters: Array<{ match: (r: any) => boolean; resolve: (r: any) => void }> = [];
  const ctrl = new AbortController();
  const ended = (async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { ...headers, accept: 'text/event-stream', 'content-type': 'application/json' },
      body,
      signal: ctrl.signal,
    });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    for await (const msg of sseFrames(res.body!)) {
      const data = msg
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trim())
        .join('\n');
      if (msg.startsWith('event: complete')) return;
      if (!data) continue;
      const r = JSON.parse(data);
      results.push(r);
      for (const w of [...waiters]) {
        if (w.match(r)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(r);
        }
      }
    }
  })().catch((e: unknown) => e);
  return {
    results,
    ended,
    until: (match) => {
      const seen = results.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    close: () => ctrl.abort(),
  };
}
