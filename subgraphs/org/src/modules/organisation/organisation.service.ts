/**
 * The whole organisation evaluated on one date (a snapshot): every unit's rule, detectors and
 * the cycles over the whole graph, from three statements (organisation.store.ts `loadAll`),
 * then memory. Jurisdictions, scopes, anomaly scans, shared units and exports start from it.
 */
import { type Db } from '@tiaokuai/platform';
import { groupBy, type Day } from '@tiaokuai/leadership';
import { detectCycles } from '../../domain/detectors';
import { evaluateUnit, superiorEdges, type Evaluation } from '../../domain/evaluate';
import { directoryOf } from '../../domain/party-building';
import type { Directory, Finding, UnitContext, UnitRecord } from '../../domain/types';
import { loadAll } from './organisation.store';

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
  const dir = directoryOf(byId);
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
