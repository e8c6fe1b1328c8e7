/**
 * One subgraph asking another directly (tasks → org for leadership, for instance), without a
 * round trip through the gateway. Each attempt is signed afresh over the request itself
 * (signature.ts: method, path, body digest, identity, request id; new nonce and time), under a
 * secret the two services share (the caller's SERVICE_SECRET for the target, the target's
 * SERVICE_SECRET_<CALLER>), with the calling service as `keyid`.
 *
 * The call acts for the END USER the caller is serving (their identity, plus the calling service
 * and a grant), never as the hub's operator. The grant (identity.ts SERVICE_GRANTS) names what
 * the call may read: `jurisdiction` under the user's own visibility; `leadership-facts` or
 * `assignment-activity` for facts the caller needs whatever the user may see (who leads an
 * issuer), and only those fields. The target refuses anything else, and every write (subgraph.ts).
 */
import { HubError } from './errors';
import { HUB_OPERATOR, type Identity, type ServiceGrant } from './identity';
import { log } from './log';
import { GATEWAY_KEYID, refusedAsStale, signRequest } from './signature';

export interface ServiceClientOptions {
  /** The calling service (`tasks`). */
  service: string;
  /** The target subgraph (`org`) and its GraphQL URL. */
  target: string;
  url: string;
  /** The secret the target holds as SERVICE_SECRET_<SERVICE>. */
  secret: string;
  /** Per attempt; a read that times out or cannot connect is tried again (twice). */
  timeoutMs?: number;
}

export interface ServiceClient {
  /** Asks the target for the user `onBehalfOf` serves, under `grant`. */
  query<T>(document: string, variables: Record<string, unknown>, onBehalfOf: Identity, grant: ServiceGrant): Promise<T>;
}

const ATTEMPTS = 3;

/**
 * Raised when the target could not answer: the field that needed it fails, the rest stands.
 * `unavailable`: not reachable (after retries) or timed out, reported to clients as
 * SUBGRAPH_UNAVAILABLE naming the target; otherwise the target failed or refused us (a
 * configuration fault), reported as an internal error of the target. Either way the client
 * learns which subgraph is at fault (formatSubgraphError sets `dependency`, the gateway turns
 * it into `serviceName`), never the details.
 */
export class UpstreamError extends Error {
  constructor(
    message: string,
    readonly target: string,
    readonly unavailable = false,
  ) {
    super(message);
  }
}

export function serviceClient(opts: ServiceClientOptions): ServiceClient {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  return {
    async query<T>(
      document: string,
      variables: Record<string, unknown>,
      onBehalfOf: Identity,
      grant: ServiceGrant,
    ): Promise<T> {
      const identity: Identity = { ...onBehalfOf, service: opts.service, grant };
      const body = JSON.stringify({ query: document, variables });
      let lastError: unknown;
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        let res: Response;
        try {
          res = await fetch(opts.url, {
            method: 'POST',
            // Signed per attempt: a retry is a new request (new nonce, new time), never a replay.
            headers: {
              'content-type': 'application/json',
              ...signRequest(
                { method: 'POST', url: opts.url, body },
                { keyid: opts.service, secret: opts.secret, target: opts.target, identity },
              ),
            },
            body,
            signal: AbortSignal.timeout(timeoutMs),
          });
        } catch (e) {
          // Not connected or no answer in time: a read is safe to send again.
          lastError = e;
          if (attempt < ATTEMPTS) await new Promise((r) => setTimeout(r, 100 * attempt));
          continue;
        }
        const text = await res.text();
        // Too old by the time the target got to it (busy): nothing ran; the next attempt is signed afresh.
        if (refusedAsStale(res) && attempt < ATTEMPTS) {
          lastError = new Error(`${opts.target} found the signature stale`);
          continue;
        }
        // Refused at the door (bad secret, a write): a configuration fault of ours, not the user's.
        if (res.status === 401 || res.status === 403)
          throw new UpstreamError(
            `${opts.target} refused the service call (${res.status}): ${text.slice(0, 200)}`,
            opts.target,
          );
        let parsed: { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
        try {
          parsed = JSON.parse(text);
        } catch {
          throw new UpstreamError(`${opts.target} answered ${res.status} without JSON`, opts.target, res.status >= 502);
        }
        const first = parsed.errors?.[0];
        if (first) {
          const code = first.extensions?.code;
          // The target's client errors are this request's (a bad argument passed on).
          if (code === 'BAD_USER_INPUT' || code === 'NOT_FOUND' || code === 'FORBIDDEN' || code === 'CONFLICT') {
            throw new HubError(code, first.message, { ...first.extensions, code });
          }
          throw new UpstreamError(`${opts.target}: ${first.message}`, opts.target);
        }
        if (!parsed.data) throw new UpstreamError(`${opts.target} answered ${res.status} without data`, opts.target);
        return parsed.data;
      }
      log.error('service call failed', { target: opts.target, error: String(lastError) });
      throw new UpstreamError(
        `${opts.target} unreachable: ${String((lastError as Error)?.message ?? lastError)}`,
        opts.target,
        true,
      );
    },
  };
}

/* eslint-disable @typescript-eslint/no-explicit-any -- a test reads the answer in whatever shape it asked for */
/**
 * Calls a subgraph as the gateway would (signed with the gateway's secret, as the hub's operator
 * unless told otherwise): queries and mutations alike. For test harnesses that seed a subgraph
 * through its own API; throws on any GraphQL error.
 */
export function gatewayCaller(url: string, secret: string, subgraph: string, identity: Identity = HUB_OPERATOR) {
  return async (query: string, variables?: Record<string, unknown>): Promise<Record<string, any>> => {
    const body = JSON.stringify({ query, variables });
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signRequest({ method: 'POST', url, body }, { keyid: GATEWAY_KEYID, secret, target: subgraph, identity }),
      },
      body,
    });
    const answer = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
    if (answer.errors?.length) throw new Error(`${subgraph} errors: ${JSON.stringify(answer.errors)}`);
    return answer.data!;
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
