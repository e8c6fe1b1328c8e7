/**
 * The answer-size cap (LIMIT_MAX_RESPONSE_BYTES; ARCHITECTURE.md, "The edge"). The runtime has no
 * hook between building an answer and serialising it, and by then the answer is in memory.
 * So the cap is counted where the memory comes from: the bytes each subgraph sends for one
 * client request, summed over all its subgraph calls, as they stream in. A subgraph answer that
 * declares a length over what is left is refused before its body is read; one that streams past
 * it is cut there. Either way the client gets one error, RESPONSE_TOO_LARGE naming the limit,
 * and no data (half an answer would look complete).
 *
 * What the gateway adds to the subgraphs' bytes (a unit repeated under every row that names it)
 * can make the answer larger than they are: when the subgraphs sent at least an eighth of the
 * cap, the serialised answer is measured as well before it is sent.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ExecutionResult } from 'graphql';

export const RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE';

export function responseTooLarge(max: number): GraphQLError {
  return new GraphQLError(`应答超过上限 LIMIT_MAX_RESPONSE_BYTES = ${max} 字节：请分页或缩小范围`, {
    extensions: { code: RESPONSE_TOO_LARGE, limit: 'LIMIT_MAX_RESPONSE_BYTES', max },
  });
}

class TooLarge extends Error {
  constructor() {
    super('subgraph answer over LIMIT_MAX_RESPONSE_BYTES');
  }
}

interface Tally {
  bytes: number;
  over: boolean;
}

/** Runtime plugin: counts subgraph bytes per client request and refuses the answer over `max`. */
export function responseSizePlugin(max: number): GatewayPlugin {
  const tallies = new WeakMap<Request, Tally>();
  const tallyOf = (request: Request): Tally => {
    let t = tallies.get(request);
    if (!t) tallies.set(request, (t = { bytes: 0, over: false }));
    return t;
  };
  return {
    onFetch({ executionRequest }) {
      const request = (executionRequest?.context as { request?: Request } | undefined)?.request;
      if (!request) return;
      const tally = tallyOf(request);
      return ({ response, setResponse }) => {
        const declared = Number(response.headers.get('content-length') ?? NaN);
        if (tally.over || (Number.isFinite(declared) && tally.bytes + declared > max)) {
          tally.over = true;
          void response.body?.cancel().catch(() => undefined);
          setResponse(
            new Response(JSON.stringify({ errors: [{ message: 'response too large' }] }), {
              status: 502,
              headers: { 'content-type': 'application/json' },
            }),
          );
          return;
        }
        if (!response.body) return;
        // A declared length is what the body will be (the HTTP parser reads no more), so it is
        // counted as it stands: no stream per subgraph answer (a TransformStream and a new
        // Response cost more than the rest of this plugin, BENCHMARKS.md "Throughput").
        if (Number.isFinite(declared)) {
          tally.bytes += declared;
          return;
        }
        const counted = response.body.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              tally.bytes += chunk.byteLength;
              if (tally.bytes > max) {
                tally.over = true;
                controller.error(new TooLarge());
                return;
              }
              controller.enqueue(chunk);
            },
          }),
        );
        setResponse(
          new Response(counted, {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers,
          }),
        );
      };
    },
    onResultProcess({ request, result, setResult }) {
      const tally = tallies.get(request);
      if (!tally) return;
      // The error is made only when refusing (a GraphQLError per answer was 1% of the gateway's time).
      const refused = (): ExecutionResult => ({ errors: [responseTooLarge(max)] });
      if (tally.over) return setResult(refused());
      // Measured only when it could matter: serialising twice costs what the answer costs.
      if (tally.bytes * 8 >= max && !isAsyncIterable(result) && Buffer.byteLength(JSON.stringify(result)) > max) {
        setResult(refused());
      }
    },
  };
}

const isAsyncIterable = (v: unknown): boolean =>
  v != null && typeof (v as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
