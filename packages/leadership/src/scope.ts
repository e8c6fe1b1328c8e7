/**
 * The scope closure: which units a body reaches, asked downward ("which units are in B's
 * scope?", org's scope of a committee) or upward ("how does B relate to U?", the
 * LeadershipIndex of tasks and assessments). One edge definition and one closure rule serve
 * both questions, so they cannot disagree (scope.property.spec.ts: for every B ≠ U,
 * U ∈ scope(B) ⇔ relation(B, U) ≠ NONE, and LEADS exactly on B's led closure).
 *
 * Edges, superior → subordinate (DOMAIN.md "Units and the kinds of link between them" and "The
 * resolution rules: who leads, who guides"): B → U LEADS when B leads U (by the rules or by a
 * declared LEADERSHIP link; org's scope also counts the AFFILIATION parent, the body holding U's
 * party organisation relation); B → U GUIDES when B guides U.
 *
 * The closure (ARCHITECTURE.md "Rules and anomalies", Scope):
 * - B's led closure is B and every unit reached from it along LEADS edges, any number of steps
 *   ("directly or through the bodies it leads": 省委 → 省直机关工委 → 机关党委 → 党支部);
 * - B's scope is its led closure and every unit a member of it GUIDES. Guidance reaches one
 *   step and does not extend the closure: a guide may advise, not bind (DOMAIN.md, GUIDANCE),
 *   and does not reach the units below the one it guides.
 * Read upward, on one day: B LEADS U (U ≠ B) when B is in U's chain of leaders; failing that,
 * B GUIDES U when B guides U or leads a body that guides U; NONE otherwise.
 *
 * A cycle of leaders (org reports it as CYCLE) ends either walk where it closes. The upward walk
 * also stops after MAX_DEPTH levels (the hierarchy has about six); the two agree on every
 * hierarchy shallower than that.
 */
import { periodAt, type RelationPeriod, type Timelines } from './relation-periods';

export type Relation = 'LEADS' | 'GUIDES' | 'NONE';

/** How far up the chain of leaders the upward walk follows (the hierarchy has about six levels). */
const MAX_DEPTH = 32;

// ---------------------------------------------------------------------------------------
// Downward: the edges from superior to subordinate, and the scope of one body

const add = (m: Map<string, Set<string>>, k: string, v: string) => {
  const s = m.get(k);
  if (s) s.add(v);
  else m.set(k, new Set([v]));
};

/** LEADS and GUIDES edges, superior → subordinate, for the downward question. */
export class ScopeGraph {
  private readonly led = new Map<string, Set<string>>();
  private readonly guided = new Map<string, Set<string>>();

  /** `leaderId` → `unitId` LEADS: it leads the unit (or, in org's scope, holds its affiliation). */
  lead(leaderId: string, unitId: string): void {
    add(this.led, leaderId, unitId);
  }

  /** `guideId` → `unitId` GUIDES. */
  guide(guideId: string, unitId: string): void {
    add(this.guided, guideId, unitId);
  }

  /** The edges a relation period of `unitId` names: each leader leads it, each guide guides it. */
  period(unitId: string, p: RelationPeriod): void {
    for (const l of p.leaders) this.lead(l, unitId);
    for (const g of p.guides) this.guide(g, unitId);
  }

  /** The units `id` leads directly. */
  ledBy(id: string): ReadonlySet<string> | undefined {
    return this.led.get(id);
  }

  /** The units `id` guides directly. */
  guidedBy(id: string): ReadonlySet<string> | undefined {
    return this.guided.get(id);
  }
}

/** `rootId` and every unit it leads, directly or through the bodies it leads (root first). */
export function ledClosure(rootId: string, graph: ScopeGraph): Set<string> {
  const closure = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length > 0) {
    const next = stack.pop()!;
    for (const sub of graph.ledBy(next) ?? []) {
      if (!closure.has(sub)) {
        closure.add(sub);
        stack.push(sub);
      }
    }
  }
  return closure;
}

/** `rootId`'s scope: its led closure, then every unit any member of it guides (one step). */
export function scopeClosure(rootId: string, graph: ScopeGraph): Set<string> {
  const scope = ledClosure(rootId, graph);
  for (const member of [...scope]) for (const g of graph.guidedBy(member) ?? []) scope.add(g);
  return scope;
}

/** The edges of `timelines` on `day`: each unit's period holding it. */
export function graphOn(timelines: Timelines, day: string): ScopeGraph {
  const graph = new ScopeGraph();
  for (const id of timelines.keys()) {
    const p = periodAt(timelines, id, day);
    if (p) graph.period(id, p);
  }
  return graph;
}

// ---------------------------------------------------------------------------------------
// Upward: the same edges read from the subordinate, one unit at a time

/** A unit's direct leaders (or guides), on the day asked; undefined when it has none. */
export type Neighbours = (unitId: string) => readonly string[] | undefined;

/**
 * Walks up `unitId`'s chain of leaders, level by level (at most MAX_DEPTH), calling `visit` on
 * every body reached, each once and never `unitId` itself; returns true as soon as `visit` does
 * (the walk stops there), false once the chain is exhausted. `seen` is the walk's memory,
 * cleared first: a hot caller passes one to reuse.
 */
export function reachUp(
  unitId: string,
  leadersOf: Neighbours,
  visit: (bodyId: string) => boolean | void,
  seen: Set<string> = new Set(),
): boolean {
  seen.clear();
  let level: readonly string[] = leadersOf(unitId) ?? [];
  for (let depth = 0; level.length > 0 && depth < MAX_DEPTH; depth++) {
    const next: string[] = [];
    for (const l of level) {
      if (seen.has(l) || l === unitId) continue; // a cycle ends the walk
      if (visit(l) === true) return true;
      seen.add(l);
      const above = leadersOf(l);
      if (above) for (const x of above) next.push(x);
    }
    level = next;
  }
  return false;
}

/** Is `bodyId` in `unitId`'s chain of leaders (the led closure of `bodyId` holds `unitId`, `unitId` ≠ `bodyId`)? */
export function leadsUp(bodyId: string, unitId: string, leadersOf: Neighbours, seen?: Set<string>): boolean {
  return reachUp(unitId, leadersOf, (b) => b === bodyId, seen);
}

/** How `bodyId` relates to `unitId` (see the top of this file), given each unit's leaders and guides on one day. */
export function relationUp(
  bodyId: string,
  unitId: string,
  leadersOf: Neighbours,
  guidesOf: Neighbours,
  seen?: Set<string>,
): Relation {
  if (leadsUp(bodyId, unitId, leadersOf, seen)) return 'LEADS';
  for (const g of guidesOf(unitId) ?? []) if (g === bodyId || leadsUp(bodyId, g, leadersOf, seen)) return 'GUIDES';
  return 'NONE';
}
