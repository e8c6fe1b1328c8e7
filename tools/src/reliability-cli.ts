/**
 * npm run reliability [-- --clients 50 --seconds 30 --db pglite|postgres|both --scoped 0.5 --append --json out.json
 *                        --records all.json]
 *                     [--hostile [--units 20000 --assignments 400000 --assessments yes|no --big-mb 20]]
 * A mixed read/write load through the gateway with faults injected (reliability/), then the
 * exactly-once and error checks. `--db` defaults to postgres when DATABASE_URL is set (a
 * throw-away database is created on that server), else pglite; `both` uses DATABASE_URL or
 * postgres://postgres@127.0.0.1:5432/test for the PostgreSQL leg. `--append` adds the results
 * to RELIABILITY.md. `--hostile` is the hostile run (RELIABILITY.md, "The hostile run"): a
 * synthetic province of `--units` and `--assignments` loaded first (smaller for a quick run), and
 * among the clients 8 VIEWERs paging findings, 4 posting `--big-mb` MB bodies without a token
 * and 2 replaying captured signatures. Exits 1 when an invariant does not hold.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { reportMarkdown, runReliability, type ReliabilityReport } from './reliability';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const flag = (name: string) => process.argv.includes(`--${name}`);

async function main() {
  const clients = Number(arg('clients', '50'));
  const seconds = Number(arg('seconds', '30'));
  const pgUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const which = arg('db', process.env.DATABASE_URL ? 'postgres' : 'pglite');
  const legs = which === 'both' ? ['pglite', 'postgres'] : [which];
  const reports: ReliabilityReport[] = [];
  for (const leg of legs) {
    if (leg !== 'pglite' && leg !== 'postgres') throw new Error(`--db must be pglite, postgres or both, not ${leg}`);
    const r = await runReliability({
      clients,
      seconds,
      scopedShare: Number(arg('scoped', '0.5')),
      adminDatabaseUrl: leg === 'postgres' ? pgUrl : undefined,
      keepRecords: !!arg('records', ''),
      ...(flag('hostile')
        ? {
            hostile: {
              units: Number(arg('units', '20000')),
              assignments: Number(arg('assignments', '400000')),
              assessments: arg('assessments', 'yes') !== 'no',
              bigBodyBytes: Math.round(Number(arg('big-mb', '20')) * 2 ** 20),
            },
          }
        : {}),
      log: (l) => console.error(`[${leg}] ${l}`),
    });
    reports.push(r);
    const md = reportMarkdown(r);
    console.log(md);
    if (!r.ok) console.log(JSON.stringify({ unexpected: r.unexpected, logs: r.logs }, null, 2));
    if (flag('append')) appendFileSync(path.resolve(__dirname, '..', '..', 'RELIABILITY.md'), `\n${md}`);
  }
  const recs = arg('records', '');
  if (recs) writeFileSync(recs, JSON.stringify(reports.flatMap((r) => r.records ?? [])));
  for (const r of reports) delete r.records;
  const json = arg('json', '');
  if (json) writeFileSync(json, JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  process.exit(reports.every((r) => r.ok) ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
