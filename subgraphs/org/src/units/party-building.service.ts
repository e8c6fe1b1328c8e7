/**
 * Who leads and who guides, for one unit (batched per request) or a whole scope (set-based).
 * The rules and detectors are pure (domain/); this module only gathers their inputs.
 */
import { compareKeys, type Db } from '@tiaokuai/platform';
import { groupBy, overlaps, type Day } from '@tiaokuai/leadership';
import { cyclePeriods, unitAnomalyPeriods } from '../domain/anomaly-periods';
import { detectCycles } from '../domain/detectors';
import { evaluateUnit, superiorEdges, timedSuperiorEdges, type Evaluation, type TimedEdge } from '../domain/evaluate';
import { anomalyKey } from '../domain/list-keys';
import { scopeOf } from '../domain/scope';
import type { Directory, Finding, UnitContext, UnitRecord } from '../domain/types';
import type { Loaders } from '../context';
import { ancestorEdges, loadAll } from './unit.store';

export interface PartyBuildingAnswer extends Evaluation {
  anomalies: Finding[];
}

class MapDirectory implements Directory {
  constructor(private readonly byId: Map<string, UnitRecord>) {}
  get(id: string) {
    return this.byId.get(id);
  }
}

/**
 * N units on one date in a constant number of statements: units, facts, incoming links,
 * the units they name, and one recursive query for the edges above them (cycles).
 */
export async function partyBuildingBatch(db: Db, loaders: Loaders, ids: string[], asOf: Day): Promise<Map<string, PartyBuildingAnswer>> {
  const [unitList, factLists, linkLists, edges] = await Promise.all([
    loaders.unitById.loadMany(ids),
    loaders.factsByUnit.loadMany(ids),
    loaders.linksInto.loadMany(ids),
    ancestorEdges(db, ids, asOf),
  ]);
  const referenced = new Set<string>();
  for (const list of linkLists) if (Array.isArray(list)) for (const l of list) referenced.add(l.fromId);
  for (const list of factLists) {
    if (!Array.isArray(list)) continue;
    for (const f of list) {
      if (f.localityId) referenced.add(f.localityId);
      if (f.competentDepartmentId) referenced.add(f.competentDepartmentId);
    }
  }
  for (const e of edges) referenced.add(e.superiorId);
  const known = new Map<string, UnitRecord>();
  for (const u of await loaders.unitById.loadMany([...referenced, ...ids])) if (u && !(u instanceof Error)) known.set(u.id, u);
  const dir = new MapDirectory(known);
  const cycles = detectCycles(edges, asOf, dir);
  const out = new Map<string, PartyBuildingAnswer>();
  ids.forEach((id, i) => {
    const unit = unitList[i];
    if (!unit || unit instanceof Error) return;
    const ctx: UnitContext = { unit, facts: factLists[i] as UnitContext['facts'], incoming: linkLists[i] as UnitContext['incoming'] };
    const ev = evaluateUnit(ctx, asOf, dir);
    out.set(id, { ...ev, anomalies: [...ev.findings, ...cycles.filter((c) => c.unitId === id)] });
  });
  return out;
}

/** The whole organisation evaluated on one date: 3 statements, then memory. */
export interface Snapshot {
  asOf: Day;
  dir: Directory;
  units: UnitRecord[];
  evaluations: Map<string, Evaluation>;
  cycles: Finding[];
}

export async function snapshot(db: Db, asOf: Day): Promise<Snapshot> {
  const all = await loadAll(db);
  const byId = new Map(all.units.map((u) => [u.id, u]));
  const dir = new MapDirectory(byId);
  const facts = groupBy(all.facts, (f) => f.unitId);
  const incoming = groupBy(all.links, (l) => l.toId);
  const evaluations = new Map<string, Evaluation>();
  const edges = [];
  for (const unit of all.units) {
    const ctx: UnitContext = { unit, facts: facts.get(unit.id) ?? [], incoming: incoming.get(unit.id) ?? [] };
    evaluations.set(unit.id, evaluateUnit(ctx, asOf, dir));
    edges.push(...superiorEdges(ctx, asOf));
  }
  return { asOf, dir, units: all.units, evaluations, cycles: detectCycles(edges, asOf, dir) };
}

/** A finding with its stable key (domain/list-keys.ts), which names it in cursors. */
export type KeyedFinding = Finding & { key: string };

/**
 * Every anomaly of the units in scope (all units when `scopeId` is absent), in the order of
 * their stable keys: by unit code, anomaly code, period, then the units and links involved.
 */
export function anomaliesIn(snap: Snapshot, scopeId: string | null): KeyedFinding[] {
  const inScope = scopeId ? scopeOf(scopeId, snap.evaluations) : null;
  const findings: Finding[] = [];
  for (const ev of snap.evaluations.values()) {
    if (inScope && !inScope.has(ev.unit.id)) continue;
    findings.push(...ev.findings);
  }
  for (const c of snap.cycles) if (!inScope || inScope.has(c.unitId)) findings.push(c);
  return inKeyOrder(findings, snap.dir);
}

/** Findings with their stable keys, in key order. */
function inKeyOrder(findings: readonly Finding[], dir: Directory): KeyedFinding[] {
  const code = (id: string) => dir.get(id)?.code ?? id;
  const keyed = findings.map((f) => ({ ...f, key: anomalyKey(f, code) })).sort((a, b) => compareKeys(a.key, b.key));
  // Keys are unique by construction (two findings with one key are one finding): drop a repeat
  // rather than serve a list whose cursors are ambiguous.
  return keyed.filter((f, i) => i === 0 || f.key !== keyed[i - 1].key);
}

/**
 * The period question (ARCHITECTURE.md, "Days and periods"): every anomaly of the units in
 * `members` (every unit when null) whose own period overlaps [from, to], each with that period
 * (domain/anomaly-periods.ts), in the order of their stable keys (the period's first day is part
 * of the key, so the same fault in two periods is two items). Three statements (loadAll), then
 * memory: each unit's history is cut where its inputs change, CYCLE over the whole graph.
 */
export async function anomalyPeriodsIn(db: Db, members: ReadonlySet<string> | null, from: Day, to: Day): Promise<{ findings: KeyedFinding[]; dir: Directory }> {
  const all = await loadAll(db);
  const dir = new MapDirectory(new Map(all.units.map((u) => [u.id, u])));
  const facts = groupBy(all.facts, (f) => f.unitId);
  const incoming = groupBy(all.links, (l) => l.toId);
  const touches = (f: Finding) => overlaps(f.from!, f.to, from, to) && (!members || members.has(f.unitId));
  const findings: Finding[] = [];
  const edges: TimedEdge[] = [];
  for (const unit of all.units) {
    const ctx: UnitContext = { unit, facts: facts.get(unit.id) ?? [], incoming: incoming.get(unit.id) ?? [] };
    edges.push(...timedSuperiorEdges(ctx));
    if (!members || members.has(unit.id)) findings.push(...unitAnomalyPeriods(ctx, dir).filter(touches));
  }
  findings.push(...cyclePeriods(edges, dir).filter(touches));
  return { findings: inKeyOrder(findings, dir), dir };
}

/**
 * Units where both `a` and `b` hold a party-building role (lead or guide) by the rules, or by
 * a declared LEADERSHIP / GUIDANCE link ("or both claim one").
 */
export function sharedBetween(snap: Snapshot, a: string, b: string): UnitRecord[] {
  const out: UnitRecord[] = [];
  for (const ev of snap.evaluations.values()) {
    if (!ev.exists) continue;
    const roles = new Set<string>();
    for (const r of [...ev.outcome.leaders, ...ev.outcome.guides]) roles.add(r.unitId);
    for (const l of ev.declared) if (l.kind === 'LEADERSHIP' || l.kind === 'GUIDANCE') roles.add(l.fromId);
    if (roles.has(a) && roles.has(b)) out.push(ev.unit);
  }
  return out.sort((x, y) => compareKeys(x.code, y.code));
}
