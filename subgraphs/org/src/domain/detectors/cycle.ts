import type { Day } from '@tiaokuai/leadership';
import { nameOf } from '../labels';
import { finding, type Directory, type Finding } from '../types';

/**
 * superior → subordinate: a declared LEADERSHIP/GUIDANCE/AFFILIATION link or a fact (locality, competentDepartment).
 */
export interface Edge {
  superiorId: string;
  subordinateId: string;
}

/**
 * The strongly connected components with more than one unit (or a unit above itself):
 * Tarjan's algorithm, iterative so a deep hierarchy cannot overflow the stack; O(V + E).
 */
export function findCycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.superiorId);
    if (list) list.push(e.subordinateId);
    else next.set(e.superiorId, [e.subordinateId]);
  }
  const selfLoop = new Set(edges.filter((e) => e.superiorId === e.subordinateId).map((e) => e.superiorId));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const start of next.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; i: number }> = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter);
    counter++;
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const succ = next.get(frame.node) ?? [];
      if (frame.i < succ.length) {
        const w = succ[frame.i++];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter);
          counter++;
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, i: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(w);
        } while (w !== frame.node);
        if (scc.length > 1 || selfLoop.has(frame.node)) cycles.push(scc);
      }
    }
  }
  return cycles;
}

/**
 * CYCLE (谁领导谁指导 unclear): units that are, through declared links or facts, above
 * themselves. One finding per unit on a cycle, naming every member.
 */
export function detectCycles(edges: readonly Edge[], asOf: Day, dir: Directory): Finding[] {
  const out: Finding[] = [];
  for (const scc of findCycles(edges)) {
    const members = [...scc].sort((a, b) => (dir.get(a)?.code ?? a).localeCompare(dir.get(b)?.code ?? b));
    const names = members.map((id) => nameOf(dir, id)).join('、');
    for (const id of members) {
      out.push(
        finding(
          'CYCLE',
          id,
          `截至${asOf}，${nameOf(dir, id)}处在领导/指导/隶属关系的循环中（${names}）：上下级关系自相矛盾。`,
          { relatedUnitIds: members.filter((m) => m !== id) },
        ),
      );
    }
  }
  return out;
}
