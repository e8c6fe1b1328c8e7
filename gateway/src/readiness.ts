/**
 * The gateway's readiness (`/readyz`, ARCHITECTURE.md "Supervision and readiness"): ready only
 * while every subgraph of the supergraph answers its own `/readyz` with 200. A load balancer
 * or systemd's health check then takes the gateway out while a subgraph it needs is down,
 * instead of sending it requests that can only fail.
 *
 * Each subgraph is asked with a short timeout, and the combined answer is kept for `cacheMs`,
 * with concurrent callers sharing one round of checks: a /readyz flood costs the subgraphs at
 * most one request each per `cacheMs`.
 */
export interface ReadinessOptions {
  /** Subgraph name → its GraphQL URL; `/readyz` is asked on the same origin. */
  subgraphs: Record<string, string>;
  /** Per-subgraph timeout (default 500 ms). */
  timeoutMs?: number;
  /** How long one round of answers is reused (default 1000 ms). */
  cacheMs?: number;
}

export interface ReadinessReport {
  ready: boolean;
  /** Subgraphs that did not answer 200 in time, with why. */
  down: Record<string, string>;
}

export type ReadinessCheck = () => Promise<ReadinessReport>;

/** Subgraph name → URL, as the supergraph's `@join__graph` directives declare them. */
export function subgraphUrlsOf(sdl: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of sdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g)) out[m[1]] = m[2];
  return out;
}

async function probe(url: string, timeoutMs: number): Promise<string | undefined> {
  try {
    const res = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer().catch(() => undefined);
    return res.status === 200 ? undefined : `HTTP ${res.status}`;
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
    return err.cause?.code ?? err.message;
  }
}

export function readinessCheck(opts: ReadinessOptions): ReadinessCheck {
  const timeoutMs = opts.timeoutMs ?? 500;
  const cacheMs = opts.cacheMs ?? 1000;
  let last: { at: number; report: Promise<ReadinessReport> } | undefined;
  const round = async (): Promise<ReadinessReport> => {
    const entries = await Promise.all(
      Object.entries(opts.subgraphs).map(async ([name, url]) => [name, await probe(url, timeoutMs)] as const),
    );
    const down = Object.fromEntries(entries.filter(([, why]) => why !== undefined)) as Record<string, string>;
    return { ready: Object.keys(down).length === 0, down };
  };
  return () => {
    const now = Date.now();
    // The round in progress or the last one, while fresh (timed from when it began).
    if (!last || now - last.at >= cacheMs) last = { at: now, report: round() };
    return last.report;
  };
}
