import { readFileSync } from 'node:fs';
import path from 'node:path';
import { today } from '@tiaokuai/common';
import { bearer, gql } from './launcher';

export const DEMO_FILE = path.resolve(__dirname, '..', 'demo', 'scenario.json');
/** Progress reports the demo makes after the import (not part of the interchange format). */
export const DEMO_PROGRESS_FILE = path.resolve(__dirname, '..', 'demo', 'progress.json');

const IMPORT_TASKS = `mutation ImportTasks($document: JSON!) {
  importTasks(document: $document) { ok tasks { created } requiredItems { created } problems { path message } }
}`;

interface DemoReport { unit: string; issuer: string; key: string; status?: string; progress?: number; value?: number; note?: string; on: string }

/** The demo's progress reports, through reportProgress with each assignment's current version. */
async function reportDemoProgress(gatewayUrl: string, token: string): Promise<number> {
  const { reports } = JSON.parse(readFileSync(DEMO_PROGRESS_FILE, 'utf8')) as { reports: DemoReport[] };
  const units = [...new Set(reports.map((r) => r.unit))];
  const found = await gql(gatewayUrl, `query($codes: [String!]!) { unitsByCode(codes: $codes) { code assignments(from: "2026-01-01", to: "2026-12-31") { id version task { key issuer { code } } } } }`,
    { codes: units }, bearer(token));
  if (found.errors) throw new Error(`demo progress: ${JSON.stringify(found.errors)}`);
  const assignments = new Map<string, { id: string; version: number }>();
  for (const u of found.data.unitsByCode) {
    for (const a of u?.assignments ?? []) assignments.set(`${u.code}|${a.task.issuer.code}|${a.task.key}`, a);
  }
  let made = 0;
  for (const r of reports) {
    if (r.on > today()) continue; // HUB_TODAY set to an earlier day: that report is still in the future
    const a = assignments.get(`${r.unit}|${r.issuer}|${r.key}`);
    if (!a) throw new Error(`demo progress: no assignment of ${r.issuer}/${r.key} at ${r.unit}`);
    const { unit: _u, issuer: _i, key: _k, ...input } = r;
    const done = await gql(gatewayUrl, `mutation($i: ReportProgressInput!) { reportProgress(input: $i) { version } }`,
      { i: { ...input, assignment: a.id, version: a.version } }, bearer(token));
    if (done.errors) throw new Error(`demo progress for ${r.unit}: ${JSON.stringify(done.errors)}`);
    a.version = done.data.reportProgress.version;
    made++;
  }
  return made;
}

export const IMPORT_MUTATION = `mutation Import($document: JSON!, $dryRun: Boolean) {
  importUnits(document: $document, dryRun: $dryRun) {
    ok dryRun created updated unchanged changedCodes
    units { created updated unchanged } links { created updated unchanged }
    problems { path message }
  }
}`;

export interface DemoLoad {
  /** Something was loaded (false: the hub already held the whole demo, or other data). */
  loaded: boolean;
  units?: number;
  links?: number;
  requiredItems?: number;
  tasks?: number;
  progressReports?: number;
}

/**
 * Loads the demo scenario through the gateway, stage by stage, each only when its part of the
 * hub is empty: units and links (no units yet), then the responsibility list, the tasks and the
 * units' progress reports (no responsibility list yet). A start interrupted between stages
 * finishes the job on the next start instead of leaving the demo without its tasks.
 */
export async function loadDemoIfEmpty(gatewayUrl: string, operatorToken: string): Promise<DemoLoad> {
  const auth = bearer(operatorToken);
  const state = await gql(gatewayUrl, '{ units(first: 1) { totalCount } requiredItems(includeRetired: true) { code } }', undefined, auth);
  if (state.errors) throw new Error(`cannot read the hub's state: ${JSON.stringify(state.errors)}`);
  const document = JSON.parse(readFileSync(DEMO_FILE, 'utf8'));
  const out: DemoLoad = { loaded: false };
  if (state.data.units.totalCount === 0) {
    const r = await gql(gatewayUrl, IMPORT_MUTATION, { document: { format: document.format, units: document.units, links: document.links } }, auth);
    if (r.errors || !r.data.importUnits.ok) throw new Error(`demo import failed: ${JSON.stringify(r.errors ?? r.data.importUnits.problems, null, 2)}`);
    Object.assign(out, { loaded: true, units: r.data.importUnits.units.created, links: r.data.importUnits.links.created });
  } else if (!(await holdsDemo(gatewayUrl, auth, document))) {
    return out; // someone else's data: leave it alone
  }
  if (state.data.requiredItems.length === 0) {
    const t = await gql(gatewayUrl, IMPORT_TASKS, { document: { format: document.format, requiredItems: document.requiredItems, tasks: document.tasks } }, auth);
    if (t.errors || !t.data.importTasks.ok) throw new Error(`demo tasks import failed: ${JSON.stringify(t.errors ?? t.data.importTasks.problems, null, 2)}`);
    Object.assign(out, { loaded: true, requiredItems: t.data.importTasks.requiredItems.created, tasks: t.data.importTasks.tasks.created });
    out.progressReports = await reportDemoProgress(gatewayUrl, operatorToken);
  }
  return out;
}

/** The hub's units are the demo's (its first unit is there): then the later stages may be loaded. */
async function holdsDemo(gatewayUrl: string, auth: Record<string, string>, document: { units: Array<{ code: string }> }): Promise<boolean> {
  const r = await gql(gatewayUrl, 'query($code: String!) { unit(code: $code) { id } }', { code: document.units[0].code }, auth);
  return !r.errors && r.data.unit !== null;
}
