/**
 * Throughput beside latency (`npm run bench`, and `npm run bench -- --throughput` alone on the
 * demo): 50 clients send the same `partyBuilding` query, in turn, through the hub's gateway,
 * Hive Gateway's bare runtime, a plain HTTP forwarder and straight to org (gateway/src/floor.ts
 * explains the stand-ins); then a query joining org and tasks through the gateway and the bare
 * runtime. The figure that matters is a ratio within one run: the hub's requests/s over the
 * bare runtime's, on the same subgraphs and machine.
 */
import { bearer, type RunningHub } from './launcher';
import { median } from './stats';
import { load, type LoadResult } from './throughput';

export const PARTY_BUILDING = `query($id: ID!) { unit(by: { id: $id }) { code partyBuilding { rule leaders { code name } guides { code name } explanation anomalies { code message } } } }`;
/** org (the unit, its leaders) and tasks (its calendar) in one answer. */
export const JOINED = `query($id: ID!) { unit(by: { id: $id }) { code name partyBuilding { rule leaders { code name } } calendar(year: 2026) { uid title dueOn } } }`;

export interface ThroughputRow extends LoadResult {
  route: string;
  query: 'partyBuilding' | 'joined';
  /**
   * Over the rounds: each figure above is the median of the rounds'. `ratios` holds, per round,
   * this route's requests/s over the bare runtime's measured right beside it (same query).
   */
  rounds: number;
  ratios: number[];
}

export interface ThroughputOptions {
  /** Units asked about in turn, so that no two requests in flight are the same. */
  unitIds: string[];
  clients?: number;
  requests?: number;
  /**
   * Each route is measured this many times, the routes taking turns (3 by default). On a shared
   * machine one route's requests/s moves by half from one minute to the next; the median of
   * ratios measured side by side moves far less.
   */
  rounds?: number;
}

const noErrors = (_status: number, text: string) => {
  if (text.includes('"errors"')) throw new Error(`GraphQL errors: ${text.slice(0, 300)}`);
};

/**
 * One row per route from the rounds' results (`perRound[i]` holds round i's result of every
 * route, in the routes' order): the median of each figure, and each round's ratio to the bare
 * runtime's result of the same round and query.
 */
export function summarizeRounds(
  routes: ReadonlyArray<Pick<ThroughputRow, 'route' | 'query'>>,
  perRound: ReadonlyArray<ReadonlyArray<LoadResult>>,
): ThroughputRow[] {
  const bareIndex = (q: string) => routes.findIndex((r) => r.query === q && r.route === 'bare Hive runtime');
  return routes.map((r, i) => {
    const results = perRound.map((round) => round[i]);
    const b = bareIndex(r.query);
    const cpus = results.map((x) => x.cpuMsPerRequest).filter((x): x is number => x !== undefined);
    return {
      route: r.route,
      query: r.query,
      clients: results[0].clients,
      requests: results[0].requests,
      seconds: median(results.map((x) => x.seconds)),
      rps: median(results.map((x) => x.rps)),
      p50: median(results.map((x) => x.p50)),
      p99: median(results.map((x) => x.p99)),
      ...(cpus.length === results.length ? { cpuMsPerRequest: median(cpus) } : {}),
      rounds: results.length,
      ratios: b < 0 ? [] : perRound.map((round) => round[i].rps / round[b].rps),
    };
  });
}

export async function measureThroughput(hub: RunningHub, o: ThroughputOptions): Promise<ThroughputRow[]> {
  const clients = o.clients ?? 50;
  const requests = o.requests ?? 5000;
  const [bare, proxy] = [await hub.floor('bare'), await hub.floor('proxy')];
  const org = hub.processes.get('org')!.url;
  const operator = bearer(hub.operatorToken);
  const body = (query: string) => (n: number) =>
    JSON.stringify({ query, variables: { id: o.unitIds[n % o.unitIds.length] } });
  // The process whose CPU per answer is reported beside each route: the one in front.
  const pid = (name: string) => hub.processes.get(name)?.child.pid;
  const routes: Array<{
    route: string;
    query: ThroughputRow['query'];
    url: string;
    headers: Record<string, string> | ((b: string) => Record<string, string>);
    cpuOf?: number;
  }> = [
    { route: 'hub gateway', query: 'partyBuilding', url: hub.gatewayUrl, headers: operator, cpuOf: pid('gateway') },
    { route: 'bare Hive runtime', query: 'partyBuilding', url: bare, headers: {}, cpuOf: pid('floor-bare') },
    { route: 'plain HTTP forwarder', query: 'partyBuilding', url: proxy, headers: {}, cpuOf: pid('floor-proxy') },
    {
      route: 'straight to org',
      query: 'partyBuilding',
      url: org,
      headers: (b) => hub.subgraphHeaders('org', b),
      cpuOf: pid('org'),
    },
    { route: 'hub gateway', query: 'joined', url: hub.gatewayUrl, headers: operator, cpuOf: pid('gateway') },
    { route: 'bare Hive runtime', query: 'joined', url: bare, headers: {}, cpuOf: pid('floor-bare') },
  ];
  const perRound: LoadResult[][] = [];
  for (let round = 0; round < (o.rounds ?? 3); round++) {
    const results: LoadResult[] = [];
    for (const r of routes) {
      // The first round warms each route's JIT and connections more than the next ones need.
      const result = await load({
        url: r.url,
        body: body(r.query === 'joined' ? JOINED : PARTY_BUILDING),
        headers: r.headers,
        clients,
        requests,
        warmup: clients * (round === 0 ? 10 : 2),
        check: noErrors,
        cpuOf: r.cpuOf,
      }).catch((e: Error) => {
        throw new Error(`throughput, ${r.route}, ${r.query}, round ${round + 1}: ${e.message}`);
      });
      results.push(result);
    }
    perRound.push(results);
  }
  return summarizeRounds(routes, perRound);
}

/** The markdown table of one run, with the ratios to the bare runtime. */
export function throughputTable(rows: ThroughputRow[]): string[] {
  const bareOf = (q: string) => rows.find((r) => r.query === q && r.route === 'bare Hive runtime');
  const f = (x: number) => x.toFixed(1);
  const cpu = (r: ThroughputRow) => {
    const b = bareOf(r.query)?.cpuMsPerRequest;
    if (r.cpuMsPerRequest === undefined) return '–';
    return `${r.cpuMsPerRequest.toFixed(2)}${b ? ` (${(b / r.cpuMsPerRequest).toFixed(2)})` : ''}`;
  };
  const ratio = (r: ThroughputRow) => {
    if (r.ratios.length === 0) return '–';
    const m = median(r.ratios).toFixed(2);
    return r.ratios.length === 1 ? m : `${m} (${r.ratios.map((x) => x.toFixed(2)).join(', ')})`;
  };
  return [
    `Each figure is the median of ${rows[0]?.rounds ?? 0} rounds, the routes taking turns; "÷ bare runtime" is the median of each round's ratio to the bare runtime measured beside it (the rounds' ratios in brackets).`,
    '',
    '| query | route | requests/s | ÷ bare runtime | p50 / p99 (ms) | CPU ms per answer of the process in front (bare ÷ this) |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) => `| ${r.query} | ${r.route} | ${Math.round(r.rps)} | ${ratio(r)} | ${f(r.p50)} / ${f(r.p99)} | ${cpu(r)} |`,
    ),
  ];
}
