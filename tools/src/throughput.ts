/**
 * Throughput under concurrent clients, for `npm run bench`: `clients` keep-alive connections
 * each send the same GraphQL request again as soon as its answer is read, until `requests`
 * answers have come back in all (bounded in count, and in time by `timeoutMs`). Requests/s
 * is answers over the wall-clock time of the whole run. Figures of one run compare with each
 * other only: the client shares the machine with the servers it measures.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { percentile } from './stats';

export interface LoadOptions {
  url: string;
  /**
   * The JSON body sent: the same every time, or the n-th request's. Prefer bodies that differ
   * (another unit each time): Hive's runtime merges identical requests in flight to a subgraph,
   * so the same body from 50 clients measures that merging, not the work.
   */
  body: string | ((n: number) => string);
  /** Headers for each request; a function is called per request (a fresh signature each time). */
  headers: Record<string, string> | ((body: string) => Record<string, string>);
  clients: number;
  /** Answers in all, warm-up excluded. */
  requests: number;
  /** Answers before measuring (spread over the clients), to open connections and warm JITs. */
  warmup?: number;
  /** Stops the run (it fails) after this long. */
  timeoutMs?: number;
  /** Checks each answer; a thrown error fails the run (the first one is reported). */
  check?: (status: number, text: string) => void;
  /**
   * The server's process id (Linux): its CPU time over the measured answers is reported per
   * answer. Unlike requests/s it barely moves when other work shares the machine, so two
   * servers' costs compare even on a busy machine.
   */
  cpuOf?: number;
}

export interface LoadResult {
  clients: number;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** CPU milliseconds of the `cpuOf` process per answer, when asked and readable. */
  cpuMsPerRequest?: number;
}

/** User + system CPU milliseconds in a /proc/<pid>/stat line (fields 14 and 15, in clock ticks of 10 ms). */
export function cpuMsOfStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    return cpuMsOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined; // not Linux, or the process is gone
  }
}

function once(
  agent: Agent,
  url: URL,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function load(o: LoadOptions): Promise<LoadResult> {
  const url = new URL(o.url);
  const agent = new Agent({ keepAlive: true, maxSockets: o.clients });
  const headers = typeof o.headers === 'function' ? o.headers : () => o.headers as Record<string, string>;
  const bodyOf = typeof o.body === 'function' ? o.body : () => o.body as string;
  let sent = 0;
  const deadline = Date.now() + (o.timeoutMs ?? 600_000);
  let failure: unknown;
  const run = async (total: number, latencies: number[] | null) => {
    let left = total;
    const client = async () => {
      while (left > 0 && failure === undefined) {
        left--;
        if (Date.now() > deadline) {
          failure = new Error(`load: no end within ${o.timeoutMs ?? 120_000} ms`);
          return;
        }
        const t0 = performance.now();
        try {
          const body = bodyOf(sent++);
          const { status, text } = await once(agent, url, body, headers(body));
          if (status !== 200) throw new Error(`HTTP ${status}: ${text.slice(0, 300)}`);
          o.check?.(status, text);
        } catch (e) {
          failure ??= e;
          return;
        }
        latencies?.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: o.clients }, client));
  };
  try {
    await run(o.warmup ?? o.clients * 4, null);
    const latencies: number[] = [];
    const cpu0 = cpuMs(o.cpuOf);
    const t0 = performance.now();
    await run(o.requests, latencies);
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = cpuMs(o.cpuOf);
    if (failure !== undefined) throw failure;
    return {
      clients: o.clients,
      requests: latencies.length,
      seconds,
      rps: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      ...(cpu0 !== undefined && cpu1 !== undefined ? { cpuMsPerRequest: (cpu1 - cpu0) / latencies.length } : {}),
    };
  } finally {
    agent.destroy();
  }
}
