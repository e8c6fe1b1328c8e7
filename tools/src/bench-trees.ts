/**
 * Two built trees of the hub, measured in one run over one database (BENCHMARKS.md "Before and
 * after the module reshaping"): the trees take turns (ABBA…), each round starts the tree's own
 * hub on the same PostgreSQL database, asks one GraphQL question `samples` times after a warm-up,
 * and records the wall time and the CPU time each process of the hub spent on it (from /proc).
 * Figures from two separate bench runs moved by 20% on this shared machine; figures taken in
 * turns within one run are what a before/after claim rests on.
 *
 *   node tools/dist/bench-trees.js --before /path/to/old/tree --after /path/to/new/tree \
 *     --database postgres://postgres@127.0.0.1:5432/kept_bench_db [--rounds 6] [--samples 5] \
 *     [--query '{ … }']
 *
 * The database is one kept by `npm run bench -- --keep` (both trees must read its schema: run
 * this only across changes without a migration). The default question is the bench's province
 * assessment findings.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { median } from './stats';

const DEFAULT_QUERY =
  '{ assessmentFindings(scope: "ZY", year: 2026, first: 500) { totalCount nodes { kind unit { id } bodies { id } } } }';

const arg = (name: string, def?: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};

type Launcher = typeof import('./launcher');

/** CPU milliseconds (user + system) spent so far by a process, from /proc/<pid>/stat. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // Fields 14 and 15 of stat (utime, stime), in clock ticks of 10 ms; index 11 and 12 after the name.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface TreeFigures {
  wallMs: number[];
  cpuMs: Map<string, number[]>;
}

async function measureTree(
  launcher: Launcher,
  database: string,
  query: string,
  samples: number,
  into: TreeFigures,
): Promise<number[]> {
  const hub = await launcher.startHub({
    port: 0,
    dataDir: 'memory://',
    databaseUrl: database,
    env: { LOG_LEVEL: 'error' },
  });
  try {
    const cpuNow = () => new Map([...hub.processes].map(([name, p]) => [name, cpuMs(p.child.pid!)]));
    const walls: number[] = [];
    for (let i = 0; i <= samples; i++) {
      const before = cpuNow();
      const t = process.hrtime.bigint();
      const r = await launcher.gql(hub.gatewayUrl, query, undefined, launcher.bearer(hub.operatorToken));
      if (r.errors) throw new Error(JSON.stringify(r.errors).slice(0, 2000));
      const wall = Number(process.hrtime.bigint() - t) / 1e6;
      if (i === 0) continue; // the warm-up
      walls.push(wall);
      for (const [name, c] of cpuNow()) {
        const list = into.cpuMs.get(name) ?? [];
        list.push(c - (before.get(name) ?? 0));
        into.cpuMs.set(name, list);
      }
    }
    into.wallMs.push(...walls);
    return walls;
  } finally {
    await hub.stop();
  }
}

async function main() {
  const trees = { before: arg('before'), after: arg('after') };
  const database = arg('database');
  if (!trees.before || !trees.after || !database)
    throw new Error(
      'usage: bench-trees --before DIR --after DIR --database URL [--rounds N] [--samples N] [--query Q]',
    );
  const rounds = Number(arg('rounds', '6'));
  const samples = Number(arg('samples', '5'));
  const query = arg('query', DEFAULT_QUERY)!;
  const figures: Record<'before' | 'after', TreeFigures> = {
    before: { wallMs: [], cpuMs: new Map() },
    after: { wallMs: [], cpuMs: new Map() },
  };
  for (let r = 0; r < rounds; r++) {
    // ABBA: neither tree always goes first.
    for (const name of r % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const)) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the tree to measure is known at run time only
      const launcher = require(path.resolve(trees[name]!, 'tools', 'dist', 'launcher.js')) as Launcher;
      const walls = await measureTree(launcher, database, query, samples, figures[name]);
      console.log(`round ${r + 1} ${name}: ${walls.map((w) => w.toFixed(0)).join(' ')} ms`);
    }
  }
  const f = (x: number) => x.toFixed(1);
  console.log('\n| figure | before | after | after ÷ before |\n|---|---|---|---|');
  const row = (label: string, b: number[], a: number[]) =>
    console.log(`| ${label} | ${f(median(b))} | ${f(median(a))} | ${(median(a) / median(b)).toFixed(2)} |`);
  row(`wall time, median of ${figures.before.wallMs.length} (ms)`, figures.before.wallMs, figures.after.wallMs);
  for (const [name, list] of figures.after.cpuMs) {
    const b = figures.before.cpuMs.get(name) ?? [];
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    row(`${name} CPU per answer, median (ms)`, b, list);
    console.log(`| ${name} CPU, total (ms) | ${sum(b)} | ${sum(list)} | ${(sum(list) / sum(b)).toFixed(2)} |`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
