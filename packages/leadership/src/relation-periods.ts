/**
 * Who leads and who guides a unit over time, as org answers it (`leadershipTimeline`: each unit's
 * periods with its direct leaders and guides). Pure data and its lookup; the closure over it is
 * scope.ts, the questions other subgraphs ask of it leadership.ts.
 */
import type { Day } from './days';

/**
 * One period of a unit's leadership, cut where org's answer changes (inclusive days). `Flavour`
 * narrows the flavours' type where it is known (org's LeadershipFlavour).
 */
export interface RelationPeriod<Flavour extends string = string> {
  from: Day;
  to: Day;
  /** Unit ids, in the rule's order, without repeats. */
  leaders: string[];
  guides: string[];
  /**
   * Each leader's flavour, index for index with `leaders` (统一领导 UNIFIED / 具体领导 SPECIFIC, null
   * where the rule names none): the tasks subgraph tells a list arriving by unified leadership
   * from one arriving by specific leadership (DOMAIN.md "Tasks (任务)": a list duplicate under
   * dual leadership). org always gives it; absent in answers built by hand (tests), read as all null.
   */
  leaderFlavours?: Array<Flavour | null>;
}

/** Unit id → its periods, sorted and disjoint; a day in no period: the unit did not exist. */
export type Timelines = ReadonlyMap<string, readonly RelationPeriod[]>;

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
