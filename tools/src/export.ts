/**
 * npm run export -- [FILE] [--scope CODE]
 * Writes the hub's units and links, the responsibility list and tasks, and the assessments
 * section, as a tiaokuai/v1 file (stdout when FILE is absent). `npm run import` of that file
 * restores it into this hub (nothing changes) or into an empty one (whose export is the same
 * file), whatever changed in org since the records were made: docs/interchange.md.
 */
import { writeFileSync } from 'node:fs';
import { gql } from './launcher';

const QUERY =
  'query($scope: String) { exportUnits(scope: $scope) exportTasks(scope: $scope) exportAssessments(scope: $scope) }';

/** The whole file, as the caller (the token in `headers`) may see it; empty sections are left out. */
export async function exportHub(
  url: string,
  headers: Record<string, string>,
  scope: string | null = null,
): Promise<Record<string, unknown>> {
  const r = await gql(url, QUERY, { scope }, headers);
  if (r.errors) throw new Error(JSON.stringify(r.errors, null, 2));
  const tasks = r.data.exportTasks as { requiredItems: unknown[]; tasks: unknown[] };
  const assessments = r.data.exportAssessments as { schemes: unknown[]; submissions: unknown[] };
  return {
    ...r.data.exportUnits,
    ...(tasks.requiredItems.length ? { requiredItems: tasks.requiredItems } : {}),
    ...(tasks.tasks.length ? { tasks: tasks.tasks } : {}),
    ...(assessments.schemes.length || assessments.submissions.length ? { assessments } : {}),
  };
}

async function main() {
  const args = process.argv.slice(2);
  const scopeAt = args.indexOf('--scope');
  const scope = scopeAt >= 0 ? args[scopeAt + 1] : null;
  const file = args.find((a, i) => !a.startsWith('--') && (scopeAt < 0 || i !== scopeAt + 1));
  const url = process.env.GATEWAY_URL ?? 'http://localhost:4000/graphql';
  const headers: Record<string, string> = process.env.TOKEN ? { authorization: `Bearer ${process.env.TOKEN}` } : {};
  const text = JSON.stringify(await exportHub(url, headers, scope), null, 2) + '\n';
  if (file) writeFileSync(file, text);
  else process.stdout.write(text);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`export failed: ${(e as Error).message}`);
    process.exit(e instanceof Error && e.message.startsWith('[') ? 1 : 2);
  });
}
