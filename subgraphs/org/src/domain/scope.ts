/**
 * A committee's scope (ARCHITECTURE.md "Rules and anomalies", Scope; CONTRACT.md,
 * `leadershipAnomalies(scope)`), on a day or over a period: the edges come from org's own
 * evaluations, the closure is leadership's (scope.ts), the one the other subgraphs' relation
 * questions read upward.
 */
import { ScopeGraph, scopeClosure } from '@tiaokuai/leadership';
import type { Evaluation } from './evaluate';
import type { RelationPeriod } from './relations';
import type { LinkRecord } from './types';

/**
 * A committee's scope on a date: its whole subtree by AFFILIATION and the units it leads,
 * closed under "directly or through the bodies it leads"; then every unit that any member of
 * that set guides (guidance does not extend the closure: a guide does not reach the units
 * below the one it guides). Leadership counts both by the rules and by declared LEADERSHIP links.
 */
export function scopeOf(rootId: string, evaluations: ReadonlyMap<string, Evaluation>): Set<string> {
  const graph = new ScopeGraph();
  for (const ev of evaluations.values()) {
    if (!ev.exists) continue;
    const id = ev.unit.id;
    for (const r of ev.outcome.leaders) graph.lead(r.unitId, id);
    for (const r of ev.outcome.guides) graph.guide(r.unitId, id);
    declaredEdges(id, ev.declared, graph);
  }
  return scopeClosure(rootId, graph);
}

/**
 * The same scope over a period instead of a day: a unit belongs if it belonged on any day of
 * it (`timelines`: unit id → relationTimeline over the period; `incoming`: each unit's
 * declared links, of which those touching the period count).
 */
export function scopeOverPeriod(
  rootId: string,
  timelines: ReadonlyMap<string, readonly RelationPeriod[]>,
  incoming: ReadonlyMap<string, readonly LinkRecord[]>,
  from: string,
  to: string,
): Set<string> {
  const graph = new ScopeGraph();
  for (const [id, periods] of timelines) {
    if (periods.length === 0) continue;
    for (const p of periods) graph.period(id, p);
    const touching = (incoming.get(id) ?? []).filter(
      (l) => l.validFrom <= to && (l.validTo === null || l.validTo >= from),
    );
    declaredEdges(id, touching, graph);
  }
  return scopeClosure(rootId, graph);
}

/** Declared links as edges: AFFILIATION and LEADERSHIP lead (the subtree by affiliation), GUIDANCE guides. */
function declaredEdges(id: string, declared: readonly LinkRecord[], graph: ScopeGraph): void {
  for (const l of declared) {
    if (l.kind === 'AFFILIATION' || l.kind === 'LEADERSHIP') graph.lead(l.fromId, id);
    if (l.kind === 'GUIDANCE') graph.guide(l.fromId, id);
  }
}
