/**
 * Who leads and who guides a batch of units on one day (the `partyBuilding` fields of one
 * request, batched by its loader in context.ts), pure: each unit's rule and detectors
 * (evaluate.ts), and CYCLE over the superior edges above the whole batch (DOMAIN.md).
 */
import { type Day } from '@tiaokuai/leadership';
import { detectCycles, type Edge } from './detectors';
import { evaluateUnit, type Evaluation } from './evaluate';
import type { Directory, FactVersion, Finding, LinkRecord, UnitContext, UnitRecord } from './types';

export interface PartyBuildingAnswer extends Evaluation {
  anomalies: Finding[];
}

/**
 * The units a batch's evaluation names besides its own: the superiors of its incoming links,
 * the localities and competent departments of its fact versions, and the superiors of the
 * edges above it. A list that failed to load (an Error) names none.
 */
export function unitsNamedBy(
  factLists: ReadonlyArray<readonly FactVersion[] | Error>,
  linkLists: ReadonlyArray<readonly LinkRecord[] | Error>,
  edges: readonly Edge[],
): Set<string> {
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
  return referenced;
}

/**
 * A batch as a request's loaders answer it: lists index for index with `ids`, an entry that failed to load an Error.
 */
export interface PartyBuildingBatch {
  ids: readonly string[];
  units: ReadonlyArray<UnitRecord | null | Error>;
  facts: ReadonlyArray<FactVersion[] | Error>;
  incoming: ReadonlyArray<LinkRecord[] | Error>;
  /** The units the evaluation names (`unitsNamedBy`) and the batch's own. */
  named: ReadonlyArray<UnitRecord | null | Error>;
}

/**
 * Each unit of the batch on `asOf` (an unknown id gets no answer), with its anomalies: those of
 * its own evaluation, then the cycles it is part of.
 */
export function evaluateBatch(
  batch: PartyBuildingBatch,
  edges: readonly Edge[],
  asOf: Day,
): Map<string, PartyBuildingAnswer> {
  const known = new Map<string, UnitRecord>();
  for (const u of batch.named) if (u && !(u instanceof Error)) known.set(u.id, u);
  const dir = directoryOf(known);
  const cycles = detectCycles(edges, asOf, dir);
  const out = new Map<string, PartyBuildingAnswer>();
  batch.ids.forEach((id, i) => {
    const unit = batch.units[i];
    if (!unit || unit instanceof Error) return;
    const ctx: UnitContext = {
      unit,
      facts: batch.facts[i] as UnitContext['facts'],
      incoming: batch.incoming[i] as UnitContext['incoming'],
    };
    const ev = evaluateUnit(ctx, asOf, dir);
    out.set(id, { ...ev, anomalies: [...ev.findings, ...cycles.filter((c) => c.unitId === id)] });
  });
  return out;
}

/** A directory of the units at hand. */
export const directoryOf = (byId: ReadonlyMap<string, UnitRecord>): Directory => ({ get: (id) => byId.get(id) });
