import { badVariableField } from '@tiaokuai/platform/errors';
import { GraphQLError } from 'graphql';
import { LIMIT_CODE, limitError } from './limits';
import { RESPONSE_TOO_LARGE } from './response-size';
import { TRUSTED_DOCUMENT_CODES } from './trusted-documents';

/**
 * Codes a client may see as they come from a subgraph, with their data: `field`, `problems`,
 * `units` (the unit codes a FORBIDDEN names), and what a CONFLICT points at: `currentVersion`
 * (a stale update: the version to start again from), `submission` / `scheme` (the record
 * already holding a key).
 */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  // A subgraph's live subscriptions full (LIVE_MAX_SUBSCRIBERS): try later.
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_HASH_MISMATCH',
  LIMIT_CODE,
  RESPONSE_TOO_LARGE,
  ...TRUSTED_DOCUMENT_CODES,
]);
// `http` carries a status (401 for UNAUTHENTICATED) to the HTTP layer, which strips it from the body.
// `limit`, `max`, `found`: which limit refused a request (limits.ts, response-size.ts).
const KEPT_EXTENSIONS = [
  'code',
  'field',
  'problems',
  'units',
  'currentVersion',
  'submission',
  'scheme',
  'serviceName',
  'http',
  'limit',
  'max',
  'found',
];
const UNAVAILABLE_CODES = new Set(['SUBREQUEST_HTTP_ERROR', 'TIMEOUT_ERROR', 'DOWNSTREAM_SERVICE_ERROR']);

/** The request part a runtime BAD_REQUEST message is about: `body`, `query`, `variables`, ... */
export function badRequestField(message: string): string | undefined {
  const named = /"(\w{1,40})" param|Unexpected parameter "(\w{1,40})"/.exec(message);
  if (named) return named[1] ?? named[2];
  if (/query string/i.test(message)) return 'query';
  if (/JSON|body/i.test(message)) return 'body';
  return undefined;
}

function keep(extensions: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(extensions).filter(([k]) => KEPT_EXTENSIONS.includes(k)));
}

function isFormattedError(
  e: unknown,
): e is { message: string; path?: unknown; extensions: Record<string, unknown> & { code: string } } {
  if (!e || typeof e !== 'object' || e instanceof Error) return false;
  const { message, extensions } = e as { message?: unknown; extensions?: { code?: unknown } };
  return (
    typeof message === 'string' && !!extensions && typeof extensions === 'object' && typeof extensions.code === 'string'
  );
}

/**
 * The gateway's error mask. What reaches a client: the subgraphs' domain errors unchanged
 * (code, field, problems); a subgraph that is down or too slow as SUBGRAPH_UNAVAILABLE naming
 * it (the rest of the answer still comes back); anything else as a generic internal error.
 * Never a stack trace, SQL text or an internal URL.
 */
export function maskError(error: unknown): Error {
  // A subscription's results carry their subgraph's errors as plain objects (the SSE event's JSON), not GraphQLErrors:
  // judged the same way once made one.
  if (!(error instanceof GraphQLError) && isFormattedError(error)) {
    error = new GraphQLError(error.message, {
      path: Array.isArray(error.path) ? error.path : undefined,
      extensions: error.extensions,
    });
  }
  if (error instanceof GraphQLError) {
    const ext = (error.extensions ?? {}) as Record<string, unknown>;
    const code = typeof ext.code === 'string' ? ext.code : undefined;
    const service = typeof ext.serviceName === 'string' ? ext.serviceName : undefined;
    if (code === 'BAD_REQUEST' && !service) {
      // A request the server cannot read (malformed JSON, no body, a parameter of the wrong
      // type): 400 whatever the client accepts. The runtime marks some of these `spec`, which
      // keeps 200 for `accept: application/json`; GraphQL over HTTP prefers 400 there too
      // (ARCHITECTURE.md, "The edge"). The error is the runtime's own, made for this request:
      // changed in place, because the runtime logs every error the mask replaces, and a
      // client's malformed request is not the server's error.
      const http = ext.http as { spec?: boolean; status?: number } | undefined;
      if (http) {
        delete http.spec;
        http.status = 400;
      } else (error.extensions as Record<string, unknown>).http = { status: 400 };
      if (ext.field === undefined) {
        const field = badRequestField(error.message);
        if (field) (error.extensions as Record<string, unknown>).field = field;
      }
      if (Object.keys(ext).every((k) => KEPT_EXTENSIONS.includes(k))) return error;
    }
    if (code && CLIENT_CODES.has(code)) {
      return new GraphQLError(error.message, { nodes: error.nodes, path: error.path, extensions: keep(ext) });
    }
    // A subgraph's own dependency failed (tasks could not reach org): name the dependency.
    const dependency =
      typeof ext.dependency === 'string' && /^[a-z][a-z0-9_-]{0,40}$/.test(ext.dependency) ? ext.dependency : undefined;
    if (service && dependency && (code === 'SUBGRAPH_UNAVAILABLE' || code === 'INTERNAL_SERVER_ERROR')) {
      const message =
        code === 'SUBGRAPH_UNAVAILABLE'
          ? `子图 ${dependency} 暂不可用，其余数据照常返回`
          : `服务器内部错误（子图 ${dependency}）`;
      return new GraphQLError(message, {
        nodes: error.nodes,
        path: error.path,
        extensions: { code, serviceName: dependency },
      });
    }
    const message = error.message ?? '';
    const variable = !service && !code ? badVariableField(message) : undefined;
    if (variable) {
      // A value in `variables` the schema refuses (an unknown enum value, a bad Date): the
      // caller's input, not a fault. `field` is the variable path, e.g. `filter.kinds[0]`.
      return new GraphQLError(message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT', field: variable } });
    }
    if (
      service &&
      (UNAVAILABLE_CODES.has(code ?? '') ||
        /ECONNREFUSED|ECONNRESET|socket hang up|timed? ?out|aborted|fetch failed/i.test(message))
    ) {
      return new GraphQLError(`子图 ${service} 暂不可用，其余数据照常返回`, {
        nodes: error.nodes,
        path: error.path,
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: service },
      });
    }
    const limited = !service && !code ? limitError(error) : undefined;
    if (limited) return limited;
    if (!error.originalError && !code && !service) {
      // Errors the gateway itself raised about the request (validation, unknown fields).
      return new GraphQLError(error.message, { nodes: error.nodes, path: error.path, extensions: keep(ext) });
    }
    return new GraphQLError(service ? `服务器内部错误（子图 ${service}）` : '服务器内部错误', {
      nodes: error.nodes,
      path: error.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(service ? { serviceName: service } : {}) },
    });
  }
  return new GraphQLError('服务器内部错误', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
