/**
 * What the run wrote, read back after the load: from the database itself (the owner's view:
 * superuser, no row-level security) and through the API (the operator, through the gateway).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import postgres from 'postgres';
import { bearer, gql } from '../launcher';
import type { WriteTarget } from './types';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface DbState {
  units: Map<string, number>;
  facts: Map<string, number>;
  links: Map<string, number>;
  audit: Map<string, Array<{ operation: string; target: string }>>;
  /**
   * Pairs of fact versions of one unit, or of links with the same ends and kind, whose intervals overlap (database
   * only).
   */
  overlaps: string[];
}

export const emptyState = (): DbState => ({
  units: new Map(),
  facts: new Map(),
  links: new Map(),
  audit: new Map(),
  overlaps: [],
});

export const factKey = (code: string, validFrom: string) => `${code}|${validFrom}`;
export const linkKey = (from: string, to: string, kind: string, validFrom: string) =>
  `${from}|${to}|${kind}|${validFrom}`;

/** The key of the unit, fact version or link a write asked for. */
export const effectKey = (t: WriteTarget) =>
  t.op === 'createUnit'
    ? t.code
    : t.op === 'changeUnitFacts'
      ? factKey(t.code, t.validFrom)
      : linkKey(t.from, t.to, t.kind, t.validFrom);
/** How many times the write's effect is stored. */
export const effectCount = (s: DbState, t: WriteTarget) =>
  (t.op === 'createUnit' ? s.units : t.op === 'changeUnitFacts' ? s.facts : s.links).get(effectKey(t)) ?? 0;

export function stateQueries(unitPrefix: string, ridPrefix: string): Record<string, string> {
  if (!/^[A-Za-z0-9-]+$/.test(unitPrefix + ridPrefix)) throw new Error('unsafe prefix');
  return {
    units: `select code, count(*)::int as n from org.units where code like '${unitPrefix}%' group by code`,
    facts: `select u.code, f.valid_from::text as valid_from, count(*)::int as n from org.unit_facts f join org.units u on u.id = f.unit_id
      where u.code like '${unitPrefix}%' group by u.code, f.valid_from`,
    links: `select fu.code as from_code, tu.code as to_code, l.kind::text as kind, l.valid_from::text as valid_from, count(*)::int as n
      from org.links l join org.units fu on fu.id = l.from_id join org.units tu on tu.id = l.to_id
      where tu.code like '${unitPrefix}%' group by 1, 2, 3, 4`,
    audit: `select request_id, operation, target from org.audit_log where request_id like '${ridPrefix}%'`,
    overlaps: `select 'facts ' || u.code || ' ' || a.valid_from || '/' || b.valid_from as what from org.unit_facts a
        join org.unit_facts b on a.unit_id = b.unit_id and a.id < b.id join org.units u on u.id = a.unit_id
        where u.code like '${unitPrefix}%' and daterange(a.valid_from, a.valid_to, '[]') && daterange(b.valid_from, b.valid_to, '[]')
      union all
      select 'links ' || fu.code || '→' || tu.code || ' ' || a.kind || ' ' || a.valid_from || '/' || b.valid_from from org.links a
        join org.links b on a.from_id = b.from_id and a.to_id = b.to_id and a.kind = b.kind and a.id < b.id
        join org.units fu on fu.id = a.from_id join org.units tu on tu.id = a.to_id
        where tu.code like '${unitPrefix}%' and daterange(a.valid_from, a.valid_to, '[]') && daterange(b.valid_from, b.valid_to, '[]')`,
  };
}

function toState(rows: Record<string, Array<Record<string, unknown>>>): DbState {
  const s: DbState = {
    units: new Map(),
    facts: new Map(),
    links: new Map(),
    audit: new Map(),
    overlaps: rows.overlaps.map((r) => String(r.what)),
  };
  for (const r of rows.units) s.units.set(String(r.code), Number(r.n));
  for (const r of rows.facts) s.facts.set(factKey(String(r.code), String(r.valid_from)), Number(r.n));
  for (const r of rows.links)
    s.links.set(linkKey(String(r.from_code), String(r.to_code), String(r.kind), String(r.valid_from)), Number(r.n));
  for (const r of rows.audit) {
    const list = s.audit.get(String(r.request_id)) ?? [];
    list.push({ operation: String(r.operation), target: String(r.target) });
    s.audit.set(String(r.request_id), list);
  }
  return s;
}

export async function postgresState(url: string, queries: Record<string, string>): Promise<DbState> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    const rows: Record<string, Array<Record<string, unknown>>> = {};
    for (const [name, q] of Object.entries(queries)) rows[name] = [...(await sql.unsafe(q))];
    return toState(rows);
  } finally {
    await sql.end();
  }
}

/** PGlite, after the hub stopped, in a child process (PGlite needs ES modules, which jest's sandbox lacks). */
export function pgliteState(dataDir: string, queries: Record<string, string>): Promise<DbState> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'tools', 'dist', 'reliability-pglite.js')], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`reading the PGlite folder failed (exit ${code}): ${err.slice(-2000)}`));
      try {
        resolve(toState(JSON.parse(out)));
      } catch (e) {
        reject(e);
      }
    });
    child.stdin.end(JSON.stringify({ dataDir, queries }));
  });
}

/** The same facts through the API (the operator, through the gateway). */
export async function apiState(url: string, token: string, unitPrefix: string, ridPrefix: string): Promise<DbState> {
  const s = emptyState();
  const call = async (query: string, variables: Record<string, unknown>) => {
    const r = await gql(url, query, variables, bearer(token));
    if (r.status !== 200 || r.errors)
      throw new Error(`verification query failed (HTTP ${r.status}): ${JSON.stringify(r.errors).slice(0, 1000)}`);
    return r.data;
  };
  // `first` travels as a variable: the gateway's cost limit multiplies by a literal page size.
  let after: string | null = null;
  for (;;) {
    const d: any = await call(
      `query RelVerifyUnits($n: Int!, $after: String, $s: String!) {
      units(first: $n, after: $after, filter: { search: $s }) {
        nodes { code factVersions { validFrom } links(direction: IN, kinds: [BUSINESS]) { nodes { kind validFrom from { code } } pageInfo { hasNextPage } } }
        pageInfo { hasNextPage endCursor } } }`,
      { n: 500, after, s: unitPrefix },
    );
    for (const n of d.units.nodes) {
      if (!n.code.startsWith(unitPrefix)) continue;
      s.units.set(n.code, (s.units.get(n.code) ?? 0) + 1);
      for (const f of n.factVersions)
        s.facts.set(factKey(n.code, f.validFrom), (s.facts.get(factKey(n.code, f.validFrom)) ?? 0) + 1);
      // A unit's business links: a few, within the default page of 50 (checked, never cut short silently).
      if (n.links.pageInfo.hasNextPage)
        throw new Error(`verification: ${n.code} has more than one page of business links`);
      for (const l of n.links.nodes) {
        const k = linkKey(l.from?.code ?? '?', n.code, l.kind, l.validFrom);
        s.links.set(k, (s.links.get(k) ?? 0) + 1);
      }
    }
    if (!d.units.pageInfo.hasNextPage) break;
    after = d.units.pageInfo.endCursor;
  }
  after = null;
  for (;;) {
    const d: any = await call(
      `query RelVerifyAudit($n: Int!, $after: String) { auditLog(first: $n, after: $after) {
      nodes { id requestId operation target } pageInfo { hasNextPage endCursor } } }`,
      { n: 500, after },
    );
    for (const e of d.auditLog.nodes) {
      if (!e.requestId?.startsWith(ridPrefix)) continue;
      const list = s.audit.get(e.requestId) ?? [];
      list.push({ operation: e.operation, target: e.target });
      s.audit.set(e.requestId, list);
    }
    if (!d.auditLog.pageInfo.hasNextPage) break;
    after = d.auditLog.pageInfo.endCursor;
  }
  return s;
}
