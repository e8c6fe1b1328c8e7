/**
 * A subgraph too busy to get to a request within SIGNATURE_MAX_AGE_MS refuses it as stale
 * before running anything (401 with platform's STALE_SIGNATURE_HEADER). Such a request is signed
 * afresh and sent again, safely for a mutation too since nothing ran, at most
 * `STALE_RESIGN_ATTEMPTS` times: on a saturated machine (the test suite beside another job, a
 * province import holding the subgraph's event loop) one more attempt was sometimes refused as
 * stale again, and the client was told UNAUTHENTICATED. A refusal for any other reason (a
 * replayed nonce, a bad digest) is passed on at once.
 */
import { refusedAsStale } from '@tiaokuai/platform/signature';

export const STALE_RESIGN_ATTEMPTS = 3;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FetchFn = (input: string, init?: any, ...rest: any[]) => Promise<Response> | Response;

/** `fetchFn`, sending a request refused as stale again with fresh signature headers from `sign`. */
export function resignWhenStale<F extends FetchFn>(
  fetchFn: F,
  sign: () => Record<string, string>,
  attempts = STALE_RESIGN_ATTEMPTS,
): F {
  return (async (input: string, init?: { headers?: unknown }, ...rest: unknown[]) => {
    let res = await fetchFn(input, init, ...rest);
    for (let n = 0; n < attempts && refusedAsStale(res); n++) {
      await res.arrayBuffer().catch(() => undefined);
      res = await fetchFn(
        input,
        { ...init, headers: { ...(init?.headers as Record<string, string>), ...sign() } },
        ...rest,
      );
    }
    return res;
  }) as F;
}
