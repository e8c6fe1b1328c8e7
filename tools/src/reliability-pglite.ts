/**
 * Reads an org PGlite folder for the reliability check (reliability/state.ts), after the hub has
 * stopped: `{ dataDir, queries: { name: sql } }` on stdin, `{ name: rows }` on stdout. A process
 * of its own because PGlite loads ES modules, which jest's module sandbox refuses.
 */
import { openDatabase } from '@tiaokuai/platform';
import path from 'node:path';

async function main() {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const { dataDir, queries } = JSON.parse(input) as { dataDir: string; queries: Record<string, string> };
  // As the connecting user (PGlite's superuser): the whole table, row-level security aside.
  const database = await openDatabase({
    dataDir,
    schemaName: 'org',
    migrationsFolder: path.resolve(__dirname, '..', '..', 'subgraphs', 'org', 'migrations'),
  });
  try {
    const out: Record<string, unknown[]> = {};
    for (const [name, sql] of Object.entries(queries)) {
      const r = (await database.db.execute(sql)) as unknown;
      out[name] = Array.isArray(r) ? r : (r as { rows: unknown[] }).rows;
    }
    process.stdout.write(JSON.stringify(out));
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
