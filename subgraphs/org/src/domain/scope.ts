import type { Evaluation } from './evaluate';
import type { RelationPeriod } from './relations';
import type { LinkRecord } from './types';

type Edges = Map<string, Set<string>>;
const add = (m: Edges, k: string, v: string) => {
  const s = m.get(k);
  if (s) s.add(v);
  else m.set(k, new Set([v]));
};

/**
 * A committee's scope on a date (CONTRACT.md, `leadershipAnomalies(scope)`): its whole subtree
 * by AFFILIATION and the units it leads, closed under "directly or through the bodies it
 * leads"; then every unit that any member of that set guides (guidance does not extend the
 * closure: a guide does not reach the units below the one it guides).
 * Leadership counts both by the rules and by declared LEADERSHIP links.
 */
export function scopeOf(rootId: string, evaluations: ReadonlyMap<string, Evaluation>): Set<string> {
  const below: Edges = new Map(); // superior → subordinates it leads or holds
  const guided: Edges = new Map();
  for (const ev of evaluations.values()) {
    if (!ev.exists) continue;
    const id = ev.unit.id;
    for (const r of ev.outcome.leaders) add(below, r.unitId, id);
    for (const r of ev.outcome.guides) add(guided, r.unitId, id);
    declaredEdges(id, ev.declared, below, guided);
  }
  return closure(rootId, below, guided);
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
  const below: Edges = new Map();
  const guided: Edges = new Map();
  for (const [id, periods] of timelines) {
    if (periods.length === 0) continue;
    for (const p of periods) {
      for (const l of p.leaders) add(below, l, id);
      for (const g of p.guides) add(guided, g, id);
    }
    const touching = (incoming.get(id) ?? []).filter((l) => l.validFrom <= to && (l.validTo === null || l.validTo >= from));
    declaredEdges(id, touching, below, guided);
  }
  return closure(rootId, below, guided);
}

function declaredEdges(id: string, declared: readonly LinkRecord[], below: Edges, guided: Edges): void {
  for (const l of declared) {
    if (l.kind === 'AFFILIATION' || l.kind === 'LEADERSHIP') add(below, l.fromId, id);
    if (l.kind === 'GUIDANCE') add(guided, l.fromId, id);
  }
}

function closure(rootId: string, below: Edges, guided: Edges): Set<string> {
  const scope = new Set<string>([rootId]);
  const queue = [rootId];
  while (queue.length > 0) {
    const next = queue.pop()!;
    for (const sub of below.get(next) ?? []) {
      if (!scope.has(sub)) {
        scope.add(sub);
        queue.push(sub);
      }
    }
  }
  for (const member of [...scope]) for (const g of guided.get(member) ?? []) scope.add(g);
  return scope;
}
