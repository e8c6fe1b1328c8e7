/**
 * What an assignment is worth (DOMAIN.md, Tasks: "the leader's tasks bind; a guide's are
 * advisory; an unrelated issuer is out of jurisdiction"), from the org subgraph's answer of who
 * led and guided each unit on each day (`leadershipTimeline`, RelationPeriod). Pure.
 *
 * On a day d, an issuer I relates to a unit U:
 * - LEADS when I leads U, or leads a body that leads U, and so on up ("directly, or as the
 *   body that leads its leader": 省委 → 省直机关工委 → 机关党委 → 党支部);
 * - GUIDES, failing that, when I guides U, or leads a body that guides U (guidance reaches one
 *   step: a guide does not reach the units below the one it guides, as in org's scope);
 * - NONE otherwise: U is outside I's reach, and a task from I to U is refused.
 * A binding task is BINDING only where I LEADS; where it GUIDES the assignment is ADVISORY
 * (and OVERREACH is reported); a task issued as advisory is ADVISORY everywhere.
 *
 * Which day: an assignment is judged on one day of its period, the day a question is about
 * (`judgedOn`): today while the task runs, its first day before it starts, its last day once it
 * has ended; for a finding about a window, the first day of the task inside the window.
 */
import type { Authority, RelationPeriod } from './types';

export type Relation = 'LEADS' | 'GUIDES' | 'NONE';

/** Unit id → its periods, sorted and disjoint; a day in no period: the unit did not exist. */
export type Timelines = ReadonlyMap<string, readonly RelationPeriod[]>;

/** How far up the chain of leaders is followed (the hierarchy has about six levels). */
const MAX_DEPTH = 32;

/** The period of `unitId` holding `day`, if any (binary search: periods are sorted). */
export function periodAt(timelines: Timelines, unitId: string, day: string): RelationPeriod | undefined {
  const list = timelines.get(unitId);
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = list[mid];
    if (day < p.from) hi = mid - 1;
    else if (day > p.to) lo = mid + 1;
    else return p;
  }
  return undefined;
}

/**
 * Answers "how does I relate to U on d" for many questions, remembering each unit's chain of
 * leaders per day: a scan of a province asks it hundreds of thousands of times.
 */
export class AuthorityIndex {
  private readonly leadersAbove = new Map<string, ReadonlySet<string>>();

  constructor(private readonly timelines: Timelines) {}

  /** Every body that leads `unitId` on `day`, directly or through the bodies it leads. */
  bindingBodies(unitId: string, day: string): ReadonlySet<string> {
    const key = `${unitId}|${day}`;
    const hit = this.leadersAbove.get(key);
    if (hit) return hit;
    const out = new Set<string>();
    let level = periodAt(this.timelines, unitId, day)?.leaders ?? [];
    for (let depth = 0; level.length > 0 && depth < MAX_DEPTH; depth++) {
      const next: string[] = [];
      for (const l of level) {
        if (out.has(l) || l === unitId) continue; // a cycle (org reports it as CYCLE) ends the walk
        out.add(l);
        next.push(...(periodAt(this.timelines, l, day)?.leaders ?? []));
      }
      level = next;
    }
    this.leadersAbove.set(key, out);
    return out;
  }

  /**
   * Is `issuerId` in bindingBodies(unitId, day)? The same walk up the leaders, stopped where it
   * meets the issuer and building no set: a scan asks it for every assignment, mostly of
   * different (unit, day) pairs, so remembering whole sets cost more than it saved.
   */
  leads(issuerId: string, unitId: string, day: string): boolean {
    const seen = this.walked;
    seen.clear();
    let level: readonly string[] = periodAt(this.timelines, unitId, day)?.leaders ?? [];
    for (let depth = 0; level.length > 0 && depth < MAX_DEPTH; depth++) {
      const next: string[] = [];
      for (const l of level) {
        if (seen.has(l) || l === unitId) continue; // a cycle (org reports it as CYCLE) ends the walk
        if (l === issuerId) return true;
        seen.add(l);
        const above = periodAt(this.timelines, l, day)?.leaders;
        if (above) for (const x of above) next.push(x);
      }
      level = next;
    }
    return false;
  }

  private readonly walked = new Set<string>();

  relation(issuerId: string, unitId: string, day: string): Relation {
    if (this.leads(issuerId, unitId, day)) return 'LEADS';
    const guides = periodAt(this.timelines, unitId, day)?.guides ?? [];
    for (const g of guides) if (g === issuerId || this.leads(issuerId, g, day)) return 'GUIDES';
    return 'NONE';
  }

  /** BINDING only where the issuer leads and asked for it; ADVISORY otherwise (null: out of reach). */
  authority(issuerId: string, unitId: string, day: string, binding: boolean): { relation: Relation; authority: Authority | null } {
    const relation = this.relation(issuerId, unitId, day);
    if (relation === 'NONE') return { relation, authority: null };
    return { relation, authority: relation === 'LEADS' && binding ? 'BINDING' : 'ADVISORY' };
  }

  /** The unit's direct leaders over [from, to] (for messages and MISSING's "who should assign"). */
  leadersDuring(unitId: string, from: string, to: string): string[] {
    const out = new Set<string>();
    for (const p of this.timelines.get(unitId) ?? []) if (p.from <= to && p.to >= from) for (const l of p.leaders) out.add(l);
    return [...out];
  }
}

/** The day an assignment is judged on when a question names one day (default today). */
export function judgedOn(task: { startsOn: string; dueOn: string }, day: string): string {
  return day < task.startsOn ? task.startsOn : day > task.dueOn ? task.dueOn : day;
}
