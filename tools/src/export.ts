/**
 * npm run export -- [FILE] [--scope CODE]
 * Writes the hub's units and links, and the assessments section, as a tiaokuai/v1 file (stdout
 * when FILE is absent). Tasks are not exported yet.
 */
import { writeFileSync } from 'node:fs';
import { gql } from './launcher';

async function main() {
  const args = process.argv.slice(2);
  const scopeAt = args.indexOf('--scope');
  const scope = scopeAt >= 0 ? args[scopeAt + 1] : null;
  const file = args.find((a, i) => !a.startsWith('--') && (scopeAt < 0 || i !== scopeAt + 1));
  const url = process.env.GATEWAY_URL ?? 'http://localhost:4000/graphql';
  const headers: Record<string, string> = process.env.TOKEN ? { authorization: `Bearer ${process.env.TOKEN}` } : {};
  const r = await gql(url, 'query($scope: String) { exportUnits(scope: $scope) exportAssessments(scope: $scope) }', { scope }, headers);
  if (r.errors) {
    console.error(JSON.stringify(r.errors, null, 2));
    process.exit(1);
  }
  const assessments = r.data.exportAssessments as { schemes: unknown[]; submissions: unknown[] };
  const doc = { ...r.data.exportUnits, ...(assessments.schemes.length || assessments.submissions.length ? { assessments } : {}) };
  const text = JSON.stringify(doc, null, 2) + '\n';
  if (file) writeFileSync(file, text);
  else process.stdout.write(text);
}

main().catch((e) => {
  console.error(`export failed: ${(e as Error).message}`);
  process.exit(2);
});
