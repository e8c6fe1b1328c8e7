/**
 * Who leads and who guides a unit on a day, from the org subgraph's answer (`leadershipTimeline`:
 * each unit's periods with its direct leaders and guides). Pure; shared by the subgraphs that
 * judge by leadership (tasks: authority of an assignment; assessments: who may grade).
 *
 * On a day d, a body B relates to a unit U:
 * - LEADS when B leads U, or leads a body that leads U, and so on up (省委 → 省直机关工委 →
 *   机关党委 → 党支部);
 * - GUIDES, failing that, when B guides U, or leads a body that guides U (guidance reaches one
 *   step: a guide does not reach the units below the one it guides, as in org's scope);
 * - NONE otherwise.
 */

/** One period of a unit's leadership, cut where org's answer changes (inclusive days). */
export interface RelationPeriod {
  from: string;
  to: string;
  leaders: string[];
  guides: string[];
  /**
   * Each leader's flavour, index for index with `leaders` (UNIFIED 统一领导, SPECIFIC 具体领导,
   * null where org names none); absent in answers built by hand (tests), read as all null.
   */
  leaderFlavours?: ReadonlyArray<string | null>;
}

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
export class LeadershipIndex {
  private readonly leadersAbove = new Map<string, ReadonlySet<string>>();

  constructor(protected readonly timelines: Timelines) {}

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

  /** The unit's direct leaders over [from, to] (for messages and MISSING's "who should assign"). */
  leadersDuring(unitId: string, from: string, to: string): string[] {
    const out = new Set<string>();
    for (const p of this.timelines.get(unitId) ?? []) if (p.from <= to && p.to >= from) for (const l of p.leaders) out.add(l);
    return [...out];
  }
}
