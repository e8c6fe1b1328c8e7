/**
 * The checks after the run (RELIABILITY.md), each invariant a function of what the run recorded
 * and what the database and the API hold afterwards; `checkInvariants` runs them in the
 * report's order.
 */
import { FINDINGS_LISTS, hostileRows, type HostileReport } from './hostile';
import { problems } from './faults';
import { UNIT_FROM } from './load';
import { effectCount, effectKey, type DbState } from './state';
import type { FaultEvent, Invariant, OpKind, RequestRecord } from './types';

/** A steady stretch (or a planned run's steady segment): what was sent in it and succeeded. */
export interface Stretch {
  name: string;
  ackedWrites: number;
  okReads: number;
}

export interface RunOutcome {
  records: RequestRecord[];
  faults: FaultEvent[];
  db: DbState;
  api: DbState;
  /** Why the API could not be read after the run (then `api` is empty). */
  apiError?: string;
  alive: Array<{ name: string; exit: number | string | null }>;
  stretches: Stretch[];
  /** The requests with a problem no fault explains. */
  unexpected: RequestRecord[];
  timeoutMs: number;
  killOrg: boolean;
  terminations: number;
  hostile?: HostileReport;
}

export type BurstStats = Record<string, { bursts: number; oneAcknowledged: number }>;

/** An invariant: holds when nothing is `bad`; otherwise the count and the first five. */
export function invariant(name: string, bad: string[], okDetail: string): Invariant {
  return {
    name,
    ok: bad.length === 0,
    detail: bad.length ? `${bad.length} violations, e.g. ${bad.slice(0, 5).join('; ')}` : okDetail,
  };
}

const at = (t: number) => (t / 1000).toFixed(1);

export function checkInvariants(o: RunOutcome): { invariants: Invariant[]; bursts: BurstStats } {
  const inv: Invariant[] = [processesRunning(o), apiAnswered(o)];
  const sources: Array<readonly ['database' | 'API', DbState]> = o.apiError
    ? [['database', o.db]]
    : [
        ['database', o.db],
        ['API', o.api],
      ];
  for (const [source, s] of sources) {
    inv.push(
      ackedOnce(o, source, s),
      ackedAudited(o, source, s),
      unackedAtMostOnce(o, source, s),
      nothingUnasked(o, source, s),
    );
  }
  if (!o.apiError) inv.push(apiAgrees(o.db, o.api));
  const bursts = burstStats(o);
  inv.push(
    bursts.invariant,
    noOverlaps(o.db),
    no5xx(o),
    noHang(o),
    noLeak(o),
    failuresExplained(o),
    recovered(o),
    faultsHappened(o),
  );
  if (o.hostile) inv.push(...hostileInvariants(o.hostile));
  return { invariants: inv, bursts: bursts.stats };
}

const writesOf = (o: RunOutcome) => o.records.filter((r) => r.write);
const ackedOf = (o: RunOutcome) => writesOf(o).filter((r) => r.acked);

function processesRunning(o: RunOutcome): Invariant {
  return invariant(
    'every process of the hub is still running when the load is over',
    o.alive.filter((p) => p.exit !== null).map((p) => `${p.name} exited (${p.exit})`),
    o.alive.map((p) => p.name).join(', '),
  );
}

function apiAnswered(o: RunOutcome): Invariant {
  return invariant(
    'the API answers the verification queries after the run',
    o.apiError ? [o.apiError] : [],
    'units, fact versions, links and the audit log read through the gateway',
  );
}

function ackedOnce(o: RunOutcome, source: string, s: DbState): Invariant {
  const acked = ackedOf(o);
  return invariant(
    `every acknowledged write is present exactly once (${source})`,
    acked
      .filter((r) => effectCount(s, r.target!) !== 1)
      .map((r) => `${r.id} ${effectKey(r.target!)} ×${effectCount(s, r.target!)}`),
    `${acked.length} acknowledged writes, each found once`,
  );
}

const auditMatches = (r: RequestRecord, e: { operation: string; target: string }) => {
  const t = r.target!;
  if (e.operation !== t.op) return false;
  return t.op === 'createLink' ? e.target.endsWith(`${t.from}→${t.to}`) : e.target === t.code;
};

function ackedAudited(o: RunOutcome, source: string, s: DbState): Invariant {
  const acked = ackedOf(o);
  return invariant(
    `every acknowledged write has exactly one audit record with its request id (${source})`,
    acked
      .filter((r) => {
        const a = s.audit.get(r.id) ?? [];
        return a.length !== 1 || !auditMatches(r, a[0]);
      })
      .map((r) => `${r.id} ${JSON.stringify(s.audit.get(r.id) ?? [])}`),
    `${acked.length} audit records, operation and target matching`,
  );
}

function unackedAtMostOnce(o: RunOutcome, source: string, s: DbState): Invariant {
  const ackedTargets = new Set(ackedOf(o).map((r) => effectKey(r.target!)));
  const outside = writesOf(o).filter((r) => !r.acked && !r.burst);
  return invariant(
    `every unacknowledged write is present at most once, with its audit record if and only if it committed (${source})`,
    outside
      .filter((r) => {
        const n = effectCount(s, r.target!);
        const a = s.audit.get(r.id) ?? [];
        // A setup retried after a failure (a new request for the same unit): the effect may be
        // the retry's; this request then must simply have left no record of its own.
        if (ackedTargets.has(effectKey(r.target!))) return n > 1 || a.length > 0;
        return n > 1 || a.length > 1 || (n === 1) !== (a.length === 1) || (a.length === 1 && !auditMatches(r, a[0]));
      })
      .map((r) => `${r.id} effect ×${effectCount(s, r.target!)}, audit ×${(s.audit.get(r.id) ?? []).length}`),
    `${outside.length} unacknowledged writes outside the bursts: ${outside.filter((r) => effectCount(s, r.target!) === 1).length} committed anyway, the rest absent`,
  );
}

/**
 * Nothing the run did not ask for: no audit record of a read or an unknown id, no unit, fact version or link nobody
 * sent.
 */
function nothingUnasked(o: RunOutcome, source: string, s: DbState): Invariant {
  const writes = writesOf(o);
  const sent = new Map(writes.map((r) => [r.id, r]));
  const attempted = new Set(writes.map((r) => effectKey(r.target!)));
  const phantoms = [
    ...[...s.audit.keys()].filter((id) => !sent.has(id)).map((id) => `audit ${id}`),
    ...[...s.units.keys()].filter((k) => !attempted.has(k)).map((k) => `unit ${k}`),
    ...[...s.facts.keys()].filter((k) => !attempted.has(k) && !k.endsWith(`|${UNIT_FROM}`)).map((k) => `facts ${k}`),
    ...[...s.links.keys()].filter((k) => !attempted.has(k)).map((k) => `link ${k}`),
  ];
  return invariant(
    `nothing was written that no request asked for (${source})`,
    phantoms,
    'no audit record, unit, fact version or link without its request',
  );
}

function apiAgrees(db: DbState, api: DbState): Invariant {
  const diff = (a: Map<string, unknown>, b: Map<string, unknown>, what: string) =>
    [...new Set([...a.keys(), ...b.keys()])]
      .filter((k) => JSON.stringify(a.get(k)) !== JSON.stringify(b.get(k)))
      .map((k) => `${what} ${k}`);
  const auditCounts = (s: DbState) => new Map([...s.audit].map(([k, v]) => [k, v.length]));
  return invariant(
    'the API and the database agree',
    [
      ...diff(db.units, api.units, 'unit'),
      ...diff(db.facts, api.facts, 'facts'),
      ...diff(db.links, api.links, 'link'),
      ...diff(auditCounts(db), auditCounts(api), 'audit'),
    ],
    `${db.units.size} units, ${db.facts.size} fact versions, ${db.links.size} links, ${db.audit.size} audit records of the run`,
  );
}

/** Conflicting writes: at most one of each burst acknowledged and stored, audited exactly as stored. */
function burstStats(o: RunOutcome): { invariant: Invariant; stats: BurstStats } {
  const { db } = o;
  const byBurst = new Map<number, RequestRecord[]>();
  for (const r of o.records) if (r.burst) byBurst.set(r.burst, [...(byBurst.get(r.burst) ?? []), r]);
  const stats: BurstStats = {};
  const bad: string[] = [];
  for (const [b, rs] of byBurst) {
    const kind: OpKind = rs[0].kind;
    const stat = (stats[kind] ??= { bursts: 0, oneAcknowledged: 0 });
    stat.bursts++;
    const ackedN = rs.filter((r) => r.acked).length;
    if (ackedN === 1) stat.oneAcknowledged++;
    const stored = [...new Set(rs.map((r) => effectKey(r.target!)))].reduce(
      (a, k) => a + effectCount(db, rs.find((r) => effectKey(r.target!) === k)!.target!),
      0,
    );
    const audited = rs.reduce((a, r) => a + (db.audit.get(r.id)?.length ?? 0), 0);
    if (ackedN > 1 || stored > 1 || audited !== stored || (ackedN === 1 && stored !== 1)) {
      bad.push(`burst ${b} (${kind}): ${ackedN} acknowledged, ${stored} stored, ${audited} audit records`);
    }
  }
  return {
    stats,
    invariant: invariant(
      'of each burst of 8 concurrent conflicting writes at most one is acknowledged and stored, with its one audit record (database)',
      bad,
      Object.entries(stats)
        .map(([k, v]) => `${v.bursts} bursts of ${k}: ${v.oneAcknowledged} with one acknowledged, the others none`)
        .join('; ') || 'no bursts',
    ),
  };
}

function noOverlaps(db: DbState): Invariant {
  return invariant(
    'no two fact versions of a unit overlap, nor two links with the same ends and kind (database)',
    db.overlaps,
    'none overlap',
  );
}

function no5xx(o: RunOutcome): Invariant {
  const http5xx = o.records.filter((r) => r.status >= 500);
  return invariant(
    'no HTTP 5xx from the gateway',
    http5xx.map((r) => `${r.id} HTTP ${r.status} at ${at(r.start)} s`),
    `${o.records.length} requests, none answered 5xx`,
  );
}

function noHang(o: RunOutcome): Invariant {
  return invariant(
    'no hanging request (client-side timeout)',
    o.records.filter((r) => r.failure === 'timeout').map((r) => `${r.id} ${r.kind} at ${at(r.start)} s`),
    `none took ${o.timeoutMs / 1000} s${o.hostile ? ` (a page of findings, two subgraph calls in a row: ${(2 * o.timeoutMs - 5_000) / 1000} s)` : ''}`,
  );
}

function noLeak(o: RunOutcome): Invariant {
  return invariant(
    'no stack trace, SQL or internal address in an error',
    o.records
      .filter((r) => r.errors.some((e) => e.code === 'LEAK'))
      .map((r) => `${r.id}: ${r.errors.find((e) => e.code === 'LEAK')!.message}`),
    'none',
  );
}

function failuresExplained(o: RunOutcome): Invariant {
  const { records, faults } = o;
  return invariant(
    'every failure is one a fault explains (SUBGRAPH_UNAVAILABLE naming the killed subgraph; a masked org error while org or its backends are down)',
    o.unexpected.map(
      (r) =>
        `${r.id} ${r.kind} at ${at(r.start)}–${at(r.end)} s: ${problems(r, faults)
          .filter((p) => !p.expected)
          .map((p) => p.label)
          .join(', ')}`,
    ),
    `${records.filter((r) => problems(r, faults).length > 0).length} failed requests, all inside a fault window and of an expected kind`,
  );
}

function recovered(o: RunOutcome): Invariant {
  return invariant(
    'writes are acknowledged and reads succeed before, between and after the faults (the hub recovered each time)',
    o.stretches
      .filter((p) => p.ackedWrites === 0 || p.okReads === 0)
      .map((p) => `${p.name}: ${p.ackedWrites} writes acknowledged, ${p.okReads} reads succeeded`),
    o.stretches
      .map((p) => `sent ${p.name}: ${p.ackedWrites} writes acknowledged, ${p.okReads} reads succeeded`)
      .join('; '),
  );
}

function faultsHappened(o: RunOutcome): Invariant {
  const { faults } = o;
  return invariant(
    'the planned faults happened',
    (o.killOrg && !faults.some((f) => f.target === 'org') ? ['org not killed'] : []).concat(
      o.terminations && !faults.some((f) => f.kind === 'terminate' && !/^0 /.test(f.detail))
        ? ['no backend terminated']
        : [],
    ),
    faults.map((f) => `${f.name} at ${at(f.start)} s`).join(', ') || 'none planned',
  );
}

function hostileInvariants(h: HostileReport): Invariant[] {
  const inv: Invariant[] = [];
  for (const row of hostileRows(h))
    if (row.ok !== null)
      inv.push(invariant(`hostile: ${row.figure} (target ${row.target})`, row.ok ? [] : [row.value], row.value));
  const b = h.bigBodies;
  // 0: the gateway answered 401 and closed while the body was still coming, and the reset
  // reached the client before it read the answer (RELIABILITY.md, "The hostile run").
  inv.push(
    invariant(
      'hostile: every big body without a token is refused (401, or the connection reset before the answer was read), none waits for an answer',
      [
        ...Object.entries(b.byStatus)
          .filter(([st]) => st !== '401' && st !== '0')
          .map(([st, n]) => `HTTP ${st} ×${n}`),
        ...(b.timedOut ? [`no answer within 30 s ×${b.timedOut}`] : []),
      ],
      `${b.sent} bodies: ${b.byStatus['401'] ?? 0} answered 401, ${b.byStatus['0'] ?? 0} reset before the client read an answer`,
    ),
  );
  const v = h.viewers;
  inv.push(
    invariant(
      'hostile: every page of findings is well formed, and each whole walk adds up to its total and summary',
      v.examples,
      `${v.pages} pages; whole walks: ${
        Object.entries(v.walksFinished)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ') || 'none'
      }`,
    ),
  );
  inv.push(
    invariant(
      'hostile: the VIEWERs walked every list to its end at least once',
      FINDINGS_LISTS.filter((l) => !v.walksFinished[l]).map((l) => `${l}: no whole walk`),
      Object.entries(v.findings)
        .map(([k, n]) => `${k}: ${n} items`)
        .join(', '),
    ),
  );
  return inv;
}
