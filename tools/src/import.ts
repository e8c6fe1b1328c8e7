/**
 * npm run import -- FILE [--dry-run]
 * Sends a tiaokuai/v1 file to a running hub through the gateway (GATEWAY_URL, default
 * http://localhost:4000/graphql; TOKEN: bearer token) and prints the report. Exits 1 when
 * the file was refused, 2 on a usage or connection error.
 */
import { readFileSync } from 'node:fs';
import { IMPORT_MUTATION } from './demo';
import { gql } from './launcher';

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: npm run import -- FILE [--dry-run]');
    process.exit(2);
  }
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`cannot read ${file} as JSON: ${(e as Error).message}`);
    process.exit(1);
  }
  const url = process.env.GATEWAY_URL ?? 'http://localhost:4000/graphql';
  const headers: Record<string, string> = process.env.TOKEN ? { authorization: `Bearer ${process.env.TOKEN}` } : {};
  const r = await gql(url, IMPORT_MUTATION, { document, dryRun: args.includes('--dry-run') }, headers);
  if (r.errors) {
    console.error(JSON.stringify(r.errors, null, 2));
    process.exit(1);
  }
  const report = r.data.importUnits;
  console.log(JSON.stringify(report, null, 2));
  process.exit(report.ok ? 0 : 1);
}

main().catch((e) => {
  console.error(`import failed: ${(e as Error).message}`);
  process.exit(2);
});
