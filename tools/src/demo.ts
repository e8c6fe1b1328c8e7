import { readFileSync } from 'node:fs';
import path from 'node:path';
import { today } from '@tiaokuai/platform';
import { addDays } from '@tiaokuai/leadership';
import { bearer, gql } from './launcher';

export const DEMO_FILE = path.resolve(__dirname, '..', 'demo', 'scenario.json');
/** Progress reports the demo makes after the import (not part of the interchange format). */
export const DEMO_PROGRESS_FILE = path.resolve(__dirname, '..', 'demo', 'progress.json');
export const DEMO_ASSESSMENTS_FILE = path.resolve(__dirname, '..', 'demo', 'assessments.json');

const IMPORT_TASKS = `mutation ImportTasks($document: JSON!) {
  importTasks(document: $document) { ok tasks { created } requiredItems { created } problems { path message } }
}`;

interface DemoReport {
  unit: string;
  issuer: string;
  key: string;
  status?: string;
  progress?: number;
  value?: number;
  note?: string;
  on: string;
}

/** The demo's progress reports, through reportProgress with each assignment's current version. */
async function reportDemoProgress(gatewayUrl: string, token: string): Promise<number> {
  const { reports } = JSON.parse(readFileSync(DEMO_PROGRESS_FILE, 'utf8')) as { reports: DemoReport[] };
  const units = [...new Set(reports.map((r) => r.unit))];
  const PAGE = `pageInfo { hasNextPage endCursor } nodes { id version task { key issuer { code } } }`;
  const found = await gql(
    gatewayUrl,
    `query($codes: [String!]!) { unitsByCode(codes: $codes) { code assignments(from: "2026-01-01", to: "2026-12-31") { ${PAGE} } } }`,
    { codes: units },
    bearer(token),
  );
  if (found.errors) throw new Error(`demo progress: ${JSON.stringify(found.errors)}`);
  const assignments = new Map<string, { id: string; version: number }>();
  for (const u of found.data.unitsByCode) {
    if (!u) continue;
    // Assignments come a page at a time (Unit.assignments is a connection): the rest of a unit's, page by page.
    for (let page = u.assignments; ;) {
      for (const a of page.nodes) assignments.set(`${u.code}|${a.task.issuer.code}|${a.task.key}`, a);
      if (!page.pageInfo.hasNextPage) break;
      const more = await gql(
        gatewayUrl,
        `query($code: String!, $after: String) { unit(by: { code: $code }) { assignments(from: "2026-01-01", to: "2026-12-31", after: $after) { ${PAGE} } } }`,
        { code: u.code, after: page.pageInfo.endCursor },
        bearer(token),
      );
      if (more.errors) throw new Error(`demo progress: ${JSON.stringify(more.errors)}`);
      page = more.data.unit.assignments;
    }
  }
  let made = 0;
  for (const r of reports) {
    if (r.on > today()) continue; // HUB_TODAY set to an earlier day: that report is still in the future
    const a = assignments.get(`${r.unit}|${r.issuer}|${r.key}`);
    if (!a) throw new Error(`demo progress: no assignment of ${r.issuer}/${r.key} at ${r.unit}`);
    const { unit: _u, issuer: _i, key: _k, ...input } = r;
    const done = await gql(
      gatewayUrl,
      `mutation($i: ReportProgressInput!) { reportProgress(input: $i) { version } }`,
      { i: { ...input, assignment: a.id, version: a.version } },
      bearer(token),
    );
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
  schemes?: number;
  submissions?: number;
  inspections?: number;
}

/**
 * Loads the demo scenario through the gateway, stage by stage, each only when its part of the
 * hub is empty: units and links (no units yet), then the responsibility list, the tasks and the
 * units' progress reports (no responsibility list yet), then the year's assessments (no scheme
 * yet: demo/assessments.json). A start interrupted between stages
 * finishes the job on the next start instead of leaving the demo without its tasks.
 */
export async function loadDemoIfEmpty(gatewayUrl: string, operatorToken: string): Promise<DemoLoad> {
  const auth = bearer(operatorToken);
  const state = await gql(
    gatewayUrl,
    '{ units(first: 1) { totalCount } requiredItems(includeRetired: true, first: 1) { totalCount } }',
    undefined,
    auth,
  );
  if (state.errors) throw new Error(`cannot read the hub's state: ${JSON.stringify(state.errors)}`);
  const document = JSON.parse(readFileSync(DEMO_FILE, 'utf8'));
  const out: DemoLoad = { loaded: false };
  if (state.data.units.totalCount === 0) {
    const r = await gql(
      gatewayUrl,
      IMPORT_MUTATION,
      { document: { format: document.format, units: document.units, links: document.links } },
      auth,
    );
    if (r.errors || !r.data.importUnits.ok)
      throw new Error(`demo import failed: ${JSON.stringify(r.errors ?? r.data.importUnits.problems, null, 2)}`);
    Object.assign(out, {
      loaded: true,
      units: r.data.importUnits.units.created,
      links: r.data.importUnits.links.created,
    });
  } else if (!(await holdsDemo(gatewayUrl, auth, document))) {
    return out; // someone else's data: leave it alone
  }
  if (state.data.requiredItems.totalCount === 0) {
    const t = await gql(
      gatewayUrl,
      IMPORT_TASKS,
      { document: { format: document.format, requiredItems: document.requiredItems, tasks: document.tasks } },
      auth,
    );
    if (t.errors || !t.data.importTasks.ok)
      throw new Error(`demo tasks import failed: ${JSON.stringify(t.errors ?? t.data.importTasks.problems, null, 2)}`);
    Object.assign(out, {
      loaded: true,
      requiredItems: t.data.importTasks.requiredItems.created,
      tasks: t.data.importTasks.tasks.created,
    });
    out.progressReports = await reportDemoProgress(gatewayUrl, operatorToken);
  }
  const schemes = await gql(gatewayUrl, '{ schemes(first: 1) { totalCount } }', undefined, auth);
  if (schemes.errors) throw new Error(`cannot read the hub's schemes: ${JSON.stringify(schemes.errors)}`);
  const assessments = JSON.parse(readFileSync(DEMO_ASSESSMENTS_FILE, 'utf8')) as DemoAssessments;
  if (schemes.data.schemes.totalCount === 0)
    Object.assign(out, { loaded: true, ...(await loadDemoAssessments(gatewayUrl, auth, assessments)) });
  else if (await demoAssessmentsUnfinished(gatewayUrl, auth, assessments))
    Object.assign(out, { loaded: true, inspections: await finishDemoAssessments(gatewayUrl, auth, assessments) });
  return out;
}

interface DemoAssessments {
  format: string;
  assessments: { schemes: unknown[]; submissions: Array<{ on: string }> };
  inspections: Array<{
    inspector: string;
    units: string[];
    title: string;
    from: string;
    to: string;
    key: string;
    indicators?: unknown[];
    scheme?: { issuer: string; key: string };
  }>;
  jointInspections: Array<{ unit: string; on: string; note: string }>;
  lateTransfers: Array<{ unit: string; from: string; to: string; on: string; basis: string }>;
}

/**
 * The year's assessments: schemes and submissions (importAssessments), inspections of one unit
 * by two bodies in a quarter (one pair left open, one accepted as a joint inspection), and a
 * transfer recorded after the grading it invalidates (through org's API, as a late 转隶 would
 * be). Anything dated after today (HUB_TODAY set earlier) is left out.
 */
async function loadDemoAssessments(
  gatewayUrl: string,
  auth: Record<string, string>,
  demo: DemoAssessments,
): Promise<Pick<DemoLoad, 'schemes' | 'submissions' | 'inspections'>> {
  const now = today();
  const section = { ...demo.assessments, submissions: demo.assessments.submissions.filter((x) => x.on <= now) };
  const r = await gql(
    gatewayUrl,
    `mutation($d: JSON!) { importAssessments(document: $d) { ok schemes { created } submissions { created } problems { path message } } }`,
    { d: { format: demo.format, assessments: section } },
    auth,
  );
  if (r.errors || !r.data.importAssessments.ok)
    throw new Error(
      `demo assessments import failed: ${JSON.stringify(r.errors ?? r.data.importAssessments.problems, null, 2)}`,
    );
  const inspections = await finishDemoAssessments(gatewayUrl, auth, demo);
  return {
    schemes: r.data.importAssessments.schemes.created,
    submissions: r.data.importAssessments.submissions.created,
    inspections,
  };
}

/** The demo's schemes are there but not its inspections (a start stopped after the import). */
async function demoAssessmentsUnfinished(
  gatewayUrl: string,
  auth: Record<string, string>,
  demo: DemoAssessments,
): Promise<boolean> {
  const first = demo.inspections.find((i) => i.from <= today());
  if (!first) return false;
  const r = await gql(
    gatewayUrl,
    `query($c: String!, $y: Int!) { unit(by: { code: $c }) { inspections(year: $y) { key } } }`,
    { c: first.units[0], y: Number(first.from.slice(0, 4)) },
    auth,
  );
  return (
    !r.errors &&
    r.data.unit !== null &&
    !r.data.unit.inspections.some((i: { key: string | null }) => i.key === first.key)
  );
}

/**
 * The steps after the import, each safe to repeat: inspections (idempotent by key), the joint
 * inspection (skipped when already accepted), the late transfer (skipped when recorded).
 */
async function finishDemoAssessments(
  gatewayUrl: string,
  auth: Record<string, string>,
  demo: DemoAssessments,
): Promise<number> {
  const now = today();
  const ids = new Map<string, string>();
  const listed = await gql(gatewayUrl, '{ schemes { nodes { id key issuer { code } } } }', undefined, auth); // the demo defines a handful: one page
  for (const s of listed.data?.schemes.nodes ?? []) ids.set(`${s.issuer.code}|${s.key}`, s.id);
  let inspections = 0;
  for (const i of demo.inspections.filter((x) => x.from <= now)) {
    const { scheme, ...rest } = i;
    const done = await gql(
      gatewayUrl,
      `mutation($i: ScheduleInspectionInput!) { scheduleInspection(input: $i) { id } }`,
      { i: { ...rest, ...(scheme ? { scheme: ids.get(`${scheme.issuer}|${scheme.key}`) } : {}) } },
      auth,
    );
    if (done.errors) throw new Error(`demo inspection ${i.key}: ${JSON.stringify(done.errors)}`);
    inspections += done.data.scheduleInspection.length;
  }
  for (const j of demo.jointInspections.filter((x) => x.on <= now)) {
    const done = await gql(
      gatewayUrl,
      `mutation($i: AcceptJointInspectionInput!) { acceptJointInspection(input: $i) { id } }`,
      { i: j },
      auth,
    );
    // CONFLICT: nothing left to merge in that quarter (accepted by an earlier start).
    if (done.errors && done.errors[0]?.extensions?.code !== 'CONFLICT')
      throw new Error(`demo joint inspection at ${j.unit}: ${JSON.stringify(done.errors)}`);
  }
  for (const t of demo.lateTransfers.filter((x) => x.on <= now)) {
    // A unit's affiliations over time: a handful, well within one page (checked).
    const links = await gql(
      gatewayUrl,
      `query($c: String!) { unit(by: { code: $c }) { links(kinds: [AFFILIATION], direction: IN, first: 100) {
      nodes { id from { code } validFrom validTo } pageInfo { hasNextPage } } } }`,
      { c: t.unit },
      auth,
    );
    if (links.data?.unit?.links.pageInfo.hasNextPage)
      throw new Error(`demo transfer of ${t.unit}: more than 100 affiliations`);
    const all: Array<{ id: string; from: { code: string }; validFrom: string; validTo: string | null }> =
      links.data?.unit?.links.nodes ?? [];
    if (all.some((l) => l.from.code === t.to && l.validFrom === t.on)) continue; // recorded already
    const old = all.find((l) => l.from.code === t.from && l.validTo === null);
    if (old) {
      const ended = await gql(
        gatewayUrl,
        `mutation($id: ID!, $on: Date!) { endLink(id: $id, on: $on) { id } }`,
        { id: old.id, on: addDays(t.on, -1) },
        auth,
      );
      if (ended.errors) throw new Error(`demo transfer of ${t.unit}: ${JSON.stringify(ended.errors)}`);
    }
    const made = await gql(
      gatewayUrl,
      `mutation($i: CreateLinkInput!) { createLink(input: $i) { id } }`,
      { i: { from: t.to, to: t.unit, kind: 'AFFILIATION', validFrom: t.on, basis: t.basis } },
      auth,
    );
    if (made.errors) throw new Error(`demo transfer of ${t.unit}: ${JSON.stringify(made.errors)}`);
  }
  return inspections;
}

/** The hub's units are the demo's (its first unit is there): then the later stages may be loaded. */
async function holdsDemo(
  gatewayUrl: string,
  auth: Record<string, string>,
  document: { units: Array<{ code: string }> },
): Promise<boolean> {
  const r = await gql(
    gatewayUrl,
    'query($code: String!) { unit(by: { code: $code }) { id } }',
    { code: document.units[0].code },
    auth,
  );
  return !r.errors && r.data.unit !== null;
}
