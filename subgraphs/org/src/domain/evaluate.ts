import { within, type Day } from '@tiaokuai/leadership';
import { UNIT_DETECTORS, type Edge } from './detectors';
import { nameOf, period } from './labels';
import { ruleFor } from './rules';
import { outcome as makeOutcome } from './rules/rule';
import { factsAt, linksAt } from './timeline';
import type { Directory, Finding, LinkRecord, RuleOutcome, UnitContext, UnitRecord } from './types';

/** The answer to "who leads and who guides this unit's party-building on this date, and why". */
export interface Evaluation {
  unit: UnitRecord;
  asOf: Day;
  exists: boolean;
  outcome: RuleOutcome;
  /** Incoming links in force on `asOf` (what committees declared). */
  declared: LinkRecord[];
  /** Per-unit anomalies; CYCLE is added by the caller, which sees the graph. */
  findings: Finding[];
}

/**
 * Applies the rule for the unit's kind to its facts on `asOf`, then every per-unit detector.
 * Pure: the same context and date always give the same answer.
 */
export function evaluateUnit(ctx: UnitContext, asOf: Day, dir: Directory): Evaluation {
  const declared = linksAt(ctx.incoming, asOf);
  const exists = within(asOf, ctx.unit.validFrom, ctx.unit.validTo);
  const outcome = exists
    ? ruleOutcome(ctx, asOf, declared, dir)
    : makeOutcome({
        rule: 'NOT_IN_EXISTENCE',
        explanation: `${asOf}不在${nameOf(dir, ctx.unit.id)}的存续期（${period(ctx.unit.validFrom, ctx.unit.validTo)}）内，当日无领导方与指导方。`,
      });
  const input = { ctx, asOf, exists, outcome, declared, dir };
  const findings = UNIT_DETECTORS.flatMap((detect) => detect(input));
  return { unit: ctx.unit, asOf, exists, outcome, declared, findings };
}

/** The rule for the unit's kind applied on `asOf` (the unit exists then), without the detectors. */
export function ruleOutcome(
  ctx: UnitContext,
  asOf: Day,
  declared: LinkRecord[] = linksAt(ctx.incoming, asOf),
  dir: Directory,
): RuleOutcome {
  return ruleFor(ctx.unit.kind).evaluate({
    unit: ctx.unit,
    asOf,
    facts: factsAt(ctx.facts, asOf),
    affiliations: declared.filter((l) => l.kind === 'AFFILIATION'),
    declaredLeadership: declared.filter((l) => l.kind === 'LEADERSHIP'),
    dir,
  });
}

/** A superior edge with the interval it is in force (inclusive; `to` null: open). */
export interface TimedEdge extends Edge {
  from: Day;
  to: Day | null;
}

/**
 * The unit's superiors for cycle detection, each with its interval: every declared LEADERSHIP,
 * GUIDANCE or AFFILIATION link and the fact versions naming a locality or competent department.
 * The store's recursive query walks exactly the same edges (see
 * modules/organisation/organisation.store.ts `ancestorEdges`).
 */
export function timedSuperiorEdges(ctx: UnitContext): TimedEdge[] {
  const sub = ctx.unit.id;
  const edges: TimedEdge[] = [];
  for (const l of ctx.incoming)
    if (l.kind !== 'BUSINESS')
      edges.push({ superiorId: l.fromId, subordinateId: sub, from: l.validFrom, to: l.validTo });
  for (const f of ctx.facts) {
    for (const sup of [f.localityId, f.competentDepartmentId])
      if (sup) edges.push({ superiorId: sup, subordinateId: sub, from: f.validFrom, to: f.validTo });
  }
  return edges;
}

/** The unit's superiors on `asOf` (`timedSuperiorEdges` in force that day). */
export function superiorEdges(ctx: UnitContext, asOf: Day): Edge[] {
  return timedSuperiorEdges(ctx)
    .filter((e) => within(asOf, e.from, e.to))
    .map(({ superiorId, subordinateId }) => ({ superiorId, subordinateId }));
}
