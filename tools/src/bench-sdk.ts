/**
 * npm run bench:sdk: what @tiaokuai/client costs against a raw fetch for the same query. One
 * hub (PGlite, or DATABASE_URL), the demo loaded; the tour's first question asked through the
 * gateway, in turns (raw, SDK, raw, SDK, …) so that both meet the same machine state; the
 * client-side CPU of each side (process.cpuUsage) and the wall time per request, medians over
 * the rounds. Prints a Markdown section for BENCHMARKS.md.
 */
import { createClient, WhoLeadsDocument } from '@tiaokuai/client';
import { print } from 'graphql';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadDemoIfEmpty } from './demo';
import { startHub } from './launcher';

const ROUNDS = Number(process.env.BENCH_SDK_ROUNDS ?? 20);
const PER_ROUND = Number(process.env.BENCH_SDK_PER_ROUND ?? 50);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const hub = await startHub({
    port: 0,
    dataDir: 'memory://',
    databaseUrl: process.env.DATABASE_URL,
    env: { LOG_LEVEL: 'error' },
  });
  try {
    await loadDemoIfEmpty(hub.gatewayUrl, hub.operatorToken);
    const query = print(WhoLeadsDocument);
    const variables = { code: 'SC-DZJ' };
    const raw = async () => {
      const res = await fetch(hub.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${hub.operatorToken}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: { unit?: { name?: string } }; errors?: unknown[] };
      if (body.errors || !body.data?.unit?.name) throw new Error('raw: unexpected answer');
    };
    const sdk = createClient({ url: hub.gatewayUrl, token: hub.operatorToken });
    const viaSdk = async () => {
      const data = await sdk.request(WhoLeadsDocument, variables);
      if (!data.unit?.name) throw new Error('sdk: unexpected answer');
    };
    const measure = async (fn: () => Promise<void>) => {
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < PER_ROUND; i++) await fn();
      const wall = (performance.now() - t0) / PER_ROUND;
      const used = process.cpuUsage(cpu);
      return { wall, cpu: (used.user + used.system) / 1000 / PER_ROUND };
    };
    // Warm both paths.
    for (let i = 0; i < 20; i++) {
      await raw();
      await viaSdk();
    }
    const rawRuns: Array<{ wall: number; cpu: number }> = [];
    const sdkRuns: Array<{ wall: number; cpu: number }> = [];
    for (let r = 0; r < ROUNDS; r++) {
      rawRuns.push(await measure(raw));
      sdkRuns.push(await measure(viaSdk));
    }
    const rw = median(rawRuns.map((x) => x.wall));
    const sw = median(sdkRuns.map((x) => x.wall));
    const rc = median(rawRuns.map((x) => x.cpu));
    const sc = median(sdkRuns.map((x) => x.cpu));
    const db = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
    const date = new Date().toISOString().slice(0, 10);
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${os.platform()}`;
    console.log(`
## @tiaokuai/client against raw fetch (${date}, ${db})

\`node tools/dist/bench-sdk.js\` on ${machine}, one run: the tour's first question (\`WhoLeads\`, SC-DZJ) through the
gateway, ${ROUNDS} rounds of ${PER_ROUND} requests each way in turns, medians of the rounds.

| | raw fetch | SDK | SDK / raw |
|---|---|---|---|
| wall per request | ${rw.toFixed(2)} ms | ${sw.toFixed(2)} ms | ${(sw / rw).toFixed(2)} |
| client CPU per request (the hub runs in child processes) | ${rc.toFixed(3)} ms | ${sc.toFixed(3)} ms | ${(sc / rc).toFixed(2)} |
`);
  } finally {
    await hub.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
