/**
 * The anomalies of a scope on a date (from a snapshot) or over a period (each unit's history
 * cut where its inputs change, CYCLE over the whole graph), in the order of their stable keys
 * (domain/list-keys.ts). What anomaly.cache.ts computes and keeps.
 */
import { compareKeys, type Db } from '@tiaokuai/platform';
import { groupBy, overlaps, type Day } from '@tiaokuai/leadership';
import { cyclePeriods, unitAnomalyPeriods } from '../../domain/anomaly-periods';
import { timedSuperiorEdges, type TimedEdge } from '../../domain/evaluate';
import { anomalyKey } from '../../domain/list-keys';
import { directoryOf } from '../../domain/party-building';
import { scopeOf } from '../../domain/scope';
import type { Directory, Finding, UnitContext } from '../../domain/types';
import type { Snapshot } from '../organisation/organisation.service';
import { loadAll } from '../organisation/organisation.store';

/** A finding with its stable key (domain/list-keys.ts), which names it in cursors. */
export type KeyedFinding = Finding & {
  key: string;
  /** The day asked about, on a day's question (anomaly.cache.ts `scan`): part of the anomaly's id. */
  asOf?: Day;
};

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
export async function anomalyPeriodsIn(
  db: Db,
  members: ReadonlySet<string> | null,
  from: Day,
  to: Day,
): Promise<{ findings: KeyedFinding[]; dir: Directory }> {
  const all = await loadAll(db);
  const dir = directoryOf(new Map(all.units.map((u) => [u.id, u])));
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
