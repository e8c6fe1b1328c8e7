import { within, type Day } from '@tiaokuai/common';
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
export function ruleOutcome(ctx: UnitContext, asOf: Day, declared: LinkRecord[] = linksAt(ctx.incoming, asOf), dir: Directory): RuleOutcome {
  return ruleFor(ctx.unit.kind).evaluate({
    unit: ctx.unit,
    asOf,
    facts: factsAt(ctx.facts, asOf),
    affiliations: declared.filter((l) => l.kind === 'AFFILIATION'),
    declaredLeadership: declared.filter((l) => l.kind === 'LEADERSHIP'),
    dir,
  });
}

/**
 * The unit's superiors on `asOf` for cycle detection: every declared LEADERSHIP, GUIDANCE or
 * AFFILIATION link and the facts naming a locality or competent department. The store's
 * recursive query walks exactly the same edges (see unit.store.ts `ancestorEdges`).
 */
export function superiorEdges(ctx: UnitContext, asOf: Day): Edge[] {
  const edges: Edge[] = [];
  const sub = ctx.unit.id;
  for (const l of linksAt(ctx.incoming, asOf)) {
    if (l.kind !== 'BUSINESS') edges.push({ superiorId: l.fromId, subordinateId: sub });
  }
  const f = factsAt(ctx.facts, asOf);
  if (f?.localityId) edges.push({ superiorId: f.localityId, subordinateId: sub });
  if (f?.competentDepartmentId) edges.push({ superiorId: f.competentDepartmentId, subordinateId: sub });
  return edges;
}
