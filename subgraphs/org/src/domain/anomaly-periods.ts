/**
 * "A day is a day" (ARCHITECTURE.md, "Days and periods"): the anomalies of a day are what is
 * wrong ON that day (evaluate.ts, the detectors); the anomalies of a period are the day
 * answers merged into the periods they held. Pure.
 *
 * A unit's day answer changes only on a day where one of its inputs changes: its own existence, a fact version, an
 * incoming link (each starts on its validFrom and stops the day after its validTo), the existence of a link's other end
 * (OUTDATED_LINK), and, for an organ party committee, 2019-11-29 (its rule, and its party group's guidance turning
 * outdated). So the unit's whole life is cut at those days, the detectors run once per piece, and a finding found on
 * consecutive pieces is one finding whose period runs from its first day to its last (null: still in force, no end
 * recorded). The periods are the findings' own, not cut at the window asked about: a window selects the findings whose
 * period overlaps it (both bounds inclusive, like every interval here).
 *
 * CYCLE depends on the whole graph: the candidates are the strongly connected components of
 * every superior edge the unit ever had (a cycle on some day lies inside one of them), and
 * only the edges inside a component are evaluated, on the days one of them starts or stops.
 */
import { addDays, type Day } from '@tiaokuai/leadership';
import { detectCycles, findCycles } from './detectors';
import { evaluateUnit, type TimedEdge } from './evaluate';
import { DUAL_LEADERSHIP_FROM } from './rules/organ-party-committee';
import type { Directory, Finding, UnitContext } from './types';

/** A finding with the period it held: inclusive bounds; `to` null while it still holds. */
export type PeriodFinding = Finding & { from: Day };

/** One piece of time with the same day answer: [from, to], `to` null for "from then on". */
interface Piece {
  from: Day;
  to: Day | null;
  findings: Finding[];
}

/** What a finding is about, without its period: two days' findings with this identity are one finding. */
function identity(f: Finding): string {
  const ids = (xs: string[]) => [...xs].sort().join(',');
  return [f.code, f.unitId, ids(f.relatedUnitIds), ids(f.linkIds)].join('|');
}

/** The first days of the pieces `interval` cuts, sorted. */
function cutDays(add: (interval: (from: Day, to: Day | null) => void) => void): Day[] {
  const days = new Set<Day>();
  add((from, to) => {
    days.add(from);
    if (to) days.add(addDays(to, 1));
  });
  return [...days].sort();
}

/** Evaluates `answer` on each cut day and merges a finding found on consecutive pieces into one period. */
function piecewise(days: readonly Day[], answer: (day: Day) => Finding[]): PeriodFinding[] {
  const pieces: Piece[] = days.map((from, i) => ({
    from,
    to: i + 1 < days.length ? addDays(days[i + 1], -1) : null,
    findings: answer(from),
  }));
  const out: PeriodFinding[] = [];
  let open = new Map<string, PeriodFinding>();
  for (const piece of pieces) {
    const next = new Map<string, PeriodFinding>();
    for (const f of piece.findings) {
      const id = identity(f);
      if (next.has(id)) continue;
      const running = open.get(id);
      if (running) running.to = piece.to;
      else out.push({ ...f, from: piece.from, to: piece.to });
      next.set(id, running ?? out[out.length - 1]);
    }
    open = next;
  }
  return out;
}

/**
 * Every per-unit anomaly of the unit over its whole history, each with its period (CYCLE aside:
 * `cyclePeriods`). The message is the one of the period's first day.
 */
export function unitAnomalyPeriods(ctx: UnitContext, dir: Directory): PeriodFinding[] {
  const days = cutDays((interval) => {
    interval(ctx.unit.validFrom, ctx.unit.validTo);
    for (const f of ctx.facts) interval(f.validFrom, f.validTo);
    for (const l of ctx.incoming) {
      interval(l.validFrom, l.validTo);
      const other = dir.get(l.fromId);
      if (other) interval(other.validFrom, other.validTo);
    }
    // Only the organ party committee's rule and its outdated guidance change on 2019-11-29.
    if (ctx.unit.kind === 'ORGAN_PARTY_COMMITTEE') interval(DUAL_LEADERSHIP_FROM, null);
  });
  return piecewise(days, (day) => evaluateUnit(ctx, day, dir).findings);
}

/** CYCLE over time: one finding per unit on a cycle, per period the same cycle held. */
export function cyclePeriods(edges: readonly TimedEdge[], dir: Directory): PeriodFinding[] {
  const component = new Map<string, number>();
  findCycles(edges).forEach((scc, i) => {
    for (const id of scc) component.set(id, i);
  });
  if (component.size === 0) return [];
  const inside = edges.filter(
    (e) => component.has(e.superiorId) && component.get(e.superiorId) === component.get(e.subordinateId),
  );
  const days = cutDays((interval) => {
    for (const e of inside) interval(e.from, e.to);
  });
  const inForce = (day: Day) => inside.filter((e) => e.from <= day && (e.to === null || day <= e.to));
  return piecewise(days, (day) => detectCycles(inForce(day), day, dir));
}
