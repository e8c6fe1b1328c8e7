/**
 * Cross-origin access for browsers, on every path the gateway serves (GraphQL and the downloads): an allowlist of exact
 * origins, nothing reflected. An origin not on the list gets no CORS header at all (the browser then hides the answer),
 * and its preflight is refused with 403 and no body. Without credentials mode: the hub's browsers send a bearer token
 * in `Authorization`, never a cookie, so `access-control-allow-credentials` is never sent and a page on an allowed
 * origin cannot ride on cookies either.
 *
 * Environment: CORS_ORIGINS (comma-separated origins, e.g. `https://app.example.cn`; empty or unset = no cross-origin
 * access), CORS_MAX_AGE (seconds a browser may keep a preflight's answer; default 600).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface CorsSettings {
  /** Exact origins (scheme, host, port), as a browser sends them in `Origin`. */
  origins: readonly string[];
  /** `access-control-max-age` of a preflight's answer, in seconds. */
  maxAgeSeconds: number;
}

export const DEFAULT_CORS_MAX_AGE = 600;

/** What the hub's clients send: ours, and what Apollo Client, urql, graphql-request and the explorer add. */
export const CORS_ALLOW_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'x-request-id',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
  'graphql-preflight',
];
/** Readable by the page: the request id to quote in a report, a download's file name. */
export const CORS_EXPOSE_HEADERS = ['x-request-id', 'content-disposition'];
export const CORS_ALLOW_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'];

/** Settings from CORS_ORIGINS and CORS_MAX_AGE; throws naming the variable on a value that is not an origin. */
export function corsSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): CorsSettings {
  const origins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const o of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(o);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== o) {
      throw new Error(
        `CORS_ORIGINS: ${JSON.stringify(o)} is not an origin (scheme://host[:port], no path or trailing slash; "*" is not accepted)`,
      );
    }
  }
  const raw = env.CORS_MAX_AGE?.trim();
  const maxAgeSeconds = raw ? Number(raw) : DEFAULT_CORS_MAX_AGE;
  if (!Number.isInteger(maxAgeSeconds) || maxAgeSeconds < 0) {
    throw new Error(`CORS_MAX_AGE: ${JSON.stringify(raw)} is not a whole number of seconds`);
  }
  return { origins, maxAgeSeconds };
}

/**
 * Sets the CORS headers for this request on `res` (kept by the later `writeHead`, whoever writes it), and answers a
 * preflight itself: true when it did (the request is done), false when the request goes on.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, settings: CorsSettings | undefined): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  // The answer depends on Origin whether it is allowed or not: caches must keep them apart.
  res.setHeader('vary', 'origin');
  const allowed = settings !== undefined && settings.origins.includes(origin);
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  if (!allowed) {
    if (!preflight) return false;
    res.writeHead(403, { 'content-length': '0' });
    res.end();
    return true;
  }
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-expose-headers', CORS_EXPOSE_HEADERS.join(', '));
  if (!preflight) return false;
  res.writeHead(204, {
    'access-control-allow-methods': CORS_ALLOW_METHODS.join(', '),
    'access-control-allow-headers': CORS_ALLOW_HEADERS.join(', '),
    'access-control-max-age': String(settings.maxAgeSeconds),
    'content-length': '0',
  });
  res.end();
  return true;
}
