/**
 * npm run bench [-- --units N --samples N --only pglite|postgres --planner js|rust]
 * Generates a synthetic province, starts the real hub on PGlite and on PostgreSQL
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test as admin connection),
 * and measures: import through the gateway, the full-scope anomaly scan, and p50/p99 of a
 * `unit { partyBuilding }` query through the gateway beside the same query sent straight to
 * the org subgraph. Appends the results to BENCHMARKS.md with date and machine.
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { bearer, gql as rawGql, startHub, type RunningHub } from './launcher';
import { IMPORT_MUTATION } from './demo';
import { syntheticProvince } from './synthetic';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const r = await f();
  return [r, Number(process.hrtime.bigint() - t) / 1e6];
}

interface Result {
  db: string;
  importMs: number;
  scanMs: number[];
  anomalies: number;
  gateway: { p50: number; p99: number };
  direct: { p50: number; p99: number };
}

const PB = `query($id: ID!) { unit(id: $id) { code partyBuilding { rule leaders { code name } guides { code name } explanation anomalies { code message } } } }`;

async function measure(db: string, hub: RunningHub, doc: ReturnType<typeof syntheticProvince>, samples: number): Promise<Result> {
  const url = hub.gatewayUrl;
  const org = hub.processes.get('org')!.url;
  // Through the gateway as the operator; straight to org with the envelope the gateway would send.
  const gql = (target: string, query: string, variables?: Record<string, unknown>) =>
    rawGql(target, query, variables, target === org ? hub.subgraphHeaders('org') : bearer(hub.operatorToken));
  const [imp, importMs] = await timed(() => gql(url, IMPORT_MUTATION, { document: { format: doc.format, units: doc.units, links: doc.links } }));
  if (imp.errors || !imp.data.importUnits.ok) throw new Error(`import failed: ${JSON.stringify(imp.errors ?? imp.data.importUnits.problems).slice(0, 2000)}`);
  const scanMs: number[] = [];
  let anomalies = 0;
  for (let i = 0; i < 5; i++) {
    const [r, ms] = await timed(() => gql(url, `{ leadershipAnomalies { code unit { code } } }`));
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    anomalies = r.data.leadershipAnomalies.length;
    scanMs.push(ms);
  }
  // Sample unit ids, then the same query alternately through the gateway and straight to org.
  const page = await gql(url, `{ units(first: 500) { nodes { id } } }`);
  const ids: string[] = page.data.units.nodes.map((n: { id: string }) => n.id);
  const viaGateway: number[] = [];
  const direct: number[] = [];
  for (let i = 0; i < 50; i++) { await gql(url, PB, { id: ids[i % ids.length] }); await gql(org, PB, { id: ids[i % ids.length] }); } // warm-up
  for (let i = 0; i < samples; i++) {
    const id = ids[(i * 7) % ids.length];
    viaGateway.push((await timed(() => gql(url, PB, { id })))[1]);
    direct.push((await timed(() => gql(org, PB, { id })))[1]);
  }
  viaGateway.sort((a, b) => a - b);
  direct.sort((a, b) => a - b);
  return {
    db, importMs, scanMs: scanMs.sort((a, b) => a - b), anomalies,
    gateway: { p50: pct(viaGateway, 50), p99: pct(viaGateway, 99) },
    direct: { p50: pct(direct, 50), p99: pct(direct, 99) },
  };
}

async function main() {
  const n = Number(arg('units', '20000'));
  const samples = Number(arg('samples', '500'));
  const only = arg('only', '');
  const planner = arg('planner', process.env.GATEWAY_QUERY_PLANNER ?? 'rust');
  const doc = syntheticProvince({ units: n });
  console.log(`synthetic province: ${doc.units.length} units, ${doc.links.length} links, planted ${JSON.stringify(doc.planted)}`);
  const results: Result[] = [];
  const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  for (const db of ['pglite', 'postgres']) {
    if (only && only !== db) continue;
    let databaseUrl: string | undefined;
    const name = `tk_bench_${Date.now()}`;
    if (db === 'postgres') {
      const a = postgres(admin, { max: 1, onnotice: () => undefined });
      await a.unsafe(`create database ${name}`);
      await a.end();
      const u = new URL(admin);
      u.pathname = `/${name}`;
      databaseUrl = u.toString();
    }
    const hub = await startHub({ port: 0, dataDir: 'memory://', databaseUrl, env: { LOG_LEVEL: 'error', GATEWAY_QUERY_PLANNER: planner } });
    try {
      const r = await measure(db, hub, doc, samples);
      results.push(r);
      console.log(JSON.stringify(r));
    } finally {
      await hub.stop();
      if (db === 'postgres') {
        const a = postgres(admin, { max: 1, onnotice: () => undefined });
        await a.unsafe(`drop database if exists ${name} with (force)`);
        await a.end();
      }
    }
  }
  const file = path.resolve(__dirname, '..', '..', 'BENCHMARKS.md');
  if (!existsSync(file)) writeFileSync(file, '# Benchmarks\n\nResults of `npm run bench`, newest last. Each run: a synthetic province (tools/src/synthetic.ts) imported through the gateway into a fresh hub, then measured through the gateway and straight to the org subgraph.\n');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const f = (x: number) => x.toFixed(1);
  const lines = [
    '',
    `## ${new Date().toISOString().slice(0, 10)}: ${doc.units.length} units, ${doc.links.length} links`,
    '',
    `Machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}. Gateway query planner: ${planner}. ${samples} sequential samples per latency figure; client, gateway and subgraphs share the machine.`,
    '',
    '| database | import (s) | full anomaly scan, median of 5 (ms) | anomalies | partyBuilding via gateway p50 / p99 (ms) | direct to org p50 / p99 (ms) | gateway adds at p50 (ms) |',
    '|---|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.db} | ${(r.importMs / 1000).toFixed(2)} | ${f(r.scanMs[2])} | ${r.anomalies} | ${f(r.gateway.p50)} / ${f(r.gateway.p99)} | ${f(r.direct.p50)} / ${f(r.direct.p99)} | ${f(r.gateway.p50 - r.direct.p50)} |`),
    '',
  ];
  appendFileSync(file, lines.join('\n'));
  console.log(lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
