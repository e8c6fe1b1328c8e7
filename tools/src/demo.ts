import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bearer, gql } from './launcher';

export const DEMO_FILE = path.resolve(__dirname, '..', 'demo', 'scenario.json');

export const IMPORT_MUTATION = `mutation Import($document: JSON!, $dryRun: Boolean) {
  importUnits(document: $document, dryRun: $dryRun) {
    ok dryRun created updated unchanged changedCodes
    units { created updated unchanged } links { created updated unchanged }
    problems { path message }
  }
}`;

/** Loads the demo scenario through the gateway when the hub holds no units yet. */
export async function loadDemoIfEmpty(gatewayUrl: string, operatorToken: string): Promise<{ loaded: boolean; report?: any }> {
  const count = await gql(gatewayUrl, '{ units(first: 1) { totalCount } }', undefined, bearer(operatorToken));
  if (count.errors) throw new Error(`cannot count units: ${JSON.stringify(count.errors)}`);
  if (count.data.units.totalCount > 0) return { loaded: false };
  const document = JSON.parse(readFileSync(DEMO_FILE, 'utf8'));
  const r = await gql(gatewayUrl, IMPORT_MUTATION, { document }, bearer(operatorToken));
  if (r.errors || !r.data.importUnits.ok) throw new Error(`demo import failed: ${JSON.stringify(r.errors ?? r.data.importUnits.problems, null, 2)}`);
  return { loaded: true, report: r.data.importUnits };
}
