import type { Evaluation } from './evaluate';

/**
 * A committee's scope on a date (CONTRACT.md, `leadershipAnomalies(scope)`): its whole subtree
 * by AFFILIATION and the units it leads, closed under "directly or through the bodies it
 * leads"; then every unit that any member of that set guides (guidance does not extend the
 * closure: a guide does not reach the units below the one it guides).
 * Leadership counts both by the rules and by declared LEADERSHIP links.
 */
export function scopeOf(rootId: string, evaluations: ReadonlyMap<string, Evaluation>): Set<string> {
  const below = new Map<string, Set<string>>(); // superior → subordinates it leads or holds
  const guided = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, v: string) => {
    const s = m.get(k);
    if (s) s.add(v);
    else m.set(k, new Set([v]));
  };
  for (const ev of evaluations.values()) {
    if (!ev.exists) continue;
    const id = ev.unit.id;
    for (const r of ev.outcome.leaders) add(below, r.unitId, id);
    for (const r of ev.outcome.guides) add(guided, r.unitId, id);
    for (const l of ev.declared) {
      if (l.kind === 'AFFILIATION' || l.kind === 'LEADERSHIP') add(below, l.fromId, id);
      if (l.kind === 'GUIDANCE') add(guided, l.fromId, id);
    }
  }
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
