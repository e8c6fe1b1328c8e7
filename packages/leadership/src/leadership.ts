/**
 * Who leads and who guides a unit on a day, from the org subgraph's answer (`leadershipTimeline`:
 * each unit's periods with its direct leaders and guides). Pure; shared by the subgraphs that
 * judge by leadership (tasks: authority of an assignment; assessments: who may grade).
 *
 * On a day d, a body B relates to a unit U as scope.ts's closure read upward:
 * - LEADS when B leads U, or leads a body that leads U, and so on up (省委 → 省直机关工委 →
 *   机关党委 → 党支部);
 * - GUIDES, failing that, when B guides U, or leads a body that guides U (guidance reaches one
 *   step: a guide does not reach the units below the one it guides, as in org's scope);
 * - NONE otherwise.
 */
import { periodAt, type Timelines } from './relation-periods';
import { leadsUp, reachUp, relationUp, type Neighbours, type Relation } from './scope';

/**
 * Answers "how does I relate to U on d" for many questions, remembering each unit's chain of
 * leaders per day: a scan of a province asks it hundreds of thousands of times.
 */
export class LeadershipIndex {
  private readonly leadersAbove = new Map<string, ReadonlySet<string>>();
  /** The upward walk's memory, reused by every `leads` and `relation` (they never nest). */
  private readonly walked = new Set<string>();

  constructor(protected readonly timelines: Timelines) {}

  /** Each unit's direct leaders on `day`. */
  private leadersOn(day: string): Neighbours {
    return (id) => periodAt(this.timelines, id, day)?.leaders;
  }

  /** Every body that leads `unitId` on `day`, directly or through the bodies it leads. */
  bindingBodies(unitId: string, day: string): ReadonlySet<string> {
    const key = `${unitId}|${day}`;
    const hit = this.leadersAbove.get(key);
    if (hit) return hit;
    const out = new Set<string>();
    reachUp(unitId, this.leadersOn(day), (b) => {
      out.add(b);
    });
    this.leadersAbove.set(key, out);
    return out;
  }

  /**
   * Is `issuerId` in bindingBodies(unitId, day)? The same walk up the leaders, stopped where it
   * meets the issuer and building no set: a scan asks it for every assignment, mostly of
   * different (unit, day) pairs, so remembering whole sets cost more than it saved.
   */
  leads(issuerId: string, unitId: string, day: string): boolean {
    return leadsUp(issuerId, unitId, this.leadersOn(day), this.walked);
  }

  relation(issuerId: string, unitId: string, day: string): Relation {
    const guidesOf: Neighbours = (id) => periodAt(this.timelines, id, day)?.guides;
    return relationUp(issuerId, unitId, this.leadersOn(day), guidesOf, this.walked);
  }

  /** The unit's direct leaders over [from, to] (for messages and MISSING's "who should assign"). */
  leadersDuring(unitId: string, from: string, to: string): string[] {
    const out = new Set<string>();
    for (const p of this.timelines.get(unitId) ?? []) {
      if (p.from <= to && p.to >= from) for (const l of p.leaders) out.add(l);
    }
    return [...out];
  }
}
