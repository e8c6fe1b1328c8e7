/**
 * Who led and who guided a unit over a period, as the rules answer it day by day, in as few
 * periods as possible: the answer the tasks and assessments subgraphs build authority on
 * (`Query.leadershipTimeline`). Pure.
 *
 * The rules' answer for a unit changes only on a day where one of its inputs changes: the
 * unit's own existence, a fact version, an incoming link (each starts on its validFrom and
 * stops the day after its validTo), and 2019-11-29 (the organ party committee's rule). So the
 * period is cut at those days, the rule is applied once per piece, and equal neighbours merge.
 * Days the unit did not exist belong to no period.
 */
import { addDays, type Day, type RelationPeriod as LeadershipPeriod } from '@tiaokuai/leadership';
import { ruleOutcome } from './evaluate';
import { DUAL_LEADERSHIP_FROM } from './rules/organ-party-committee';
import type { Directory, LeadershipFlavour, LinkRecord, UnitContext } from './types';

/**
 * leadership's RelationPeriod (one definition, shared with tasks and assessments) as org answers
 * it: each leader's flavour always given, as a LeadershipFlavour.
 */
export type RelationPeriod = Required<LeadershipPeriod<LeadershipFlavour>>;

const unique = (ids: string[]) => [...new Set(ids)];
const same = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function relationTimeline(ctx: UnitContext, from: Day, to: Day, dir: Directory): RelationPeriod[] {
  if (to < from) return [];
  const cuts = new Set<Day>([from]);
  const cut = (d: Day | null | undefined) => {
    if (d && d > from && d <= to) cuts.add(d);
  };
  const interval = (a: Day, b: Day | null) => {
    cut(a);
    if (b) cut(addDays(b, 1));
  };
  interval(ctx.unit.validFrom, ctx.unit.validTo);
  for (const f of ctx.facts) interval(f.validFrom, f.validTo);
  for (const l of ctx.incoming) interval(l.validFrom, l.validTo);
  cut(DUAL_LEADERSHIP_FROM);
  const days = [...cuts].sort();
  const out: RelationPeriod[] = [];
  days.forEach((day, i) => {
    if (day < ctx.unit.validFrom || (ctx.unit.validTo !== null && day > ctx.unit.validTo)) return;
    const end = i + 1 < days.length ? addDays(days[i + 1], -1) : to;
    const declared: LinkRecord[] = ctx.incoming.filter(
      (l) => l.validFrom <= day && (l.validTo === null || day <= l.validTo),
    );
    const o = ruleOutcome(ctx, day, declared, dir);
    const leaders = unique(o.leaders.map((r) => r.unitId));
    const guides = unique(o.guides.map((r) => r.unitId));
    const leaderFlavours = leaders.map((id) => o.leaders.find((r) => r.unitId === id && r.flavour)?.flavour ?? null);
    const last = out.at(-1);
    if (
      last &&
      last.to === addDays(day, -1) &&
      same(last.leaders, leaders) &&
      same(last.guides, guides) &&
      same(last.leaderFlavours, leaderFlavours)
    )
      last.to = end;
    else out.push({ from: day, to: end, leaders, guides, leaderFlavours });
  });
  return out;
}

/**
 * The units above `ids` over the periods given, for closing a set upwards: every leader and
 * guide named in any period.
 */
export function bodiesNamed(periods: Iterable<readonly RelationPeriod[]>): Set<string> {
  const out = new Set<string>();
  for (const list of periods)
    for (const p of list) {
      for (const l of p.leaders) out.add(l);
      for (const g of p.guides) out.add(g);
    }
  return out;
}
