import { addDays } from '@tiaokuai/common';
import { nameOf, period } from '../labels';
import { uncovered } from '../timeline';
import { finding, type Finding, type UnitKind } from '../types';
import type { UnitDetector } from './detector';

/** Kinds whose leader follows from versioned facts: a period without facts has no leader. */
const NEEDS_FACTS: ReadonlySet<UnitKind> = new Set(['GRASSROOTS_UNIT', 'ORGAN_PARTY_COMMITTEE']);

/**
 * MISSING_LEADER (都不管): nobody leads the unit. Now: the rule needed a fact the unit lacks
 * (DOMAIN.md: "that is MISSING_LEADER, not a guess"). In the past: each period of the unit's
 * life before `asOf` with no AFFILIATION (e.g. between two affiliations after a transfer,
 * 转隶空档) or, for kinds led by facts, with no fact version.
 */
export const detectMissingLeader: UnitDetector = ({ ctx, asOf, exists, outcome, declared, dir }) => {
  const out: Finding[] = [];
  const who = nameOf(dir, ctx.unit.id);
  if (exists && !outcome.root && !outcome.undefinedRule && outcome.leaders.length === 0) {
    out.push(finding('MISSING_LEADER', ctx.unit.id,
      `截至${asOf}，${who}无领导方：缺少${outcome.missingFacts.join('、') || '必要事实'}（规则${outcome.rule}）。`));
  } else if (exists && outcome.missingFacts.length > 0 && outcome.allowedLeaders > outcome.leaders.length) {
    // Dual leadership with one side missing (organ party committee without its party group).
    out.push(finding('MISSING_LEADER', ctx.unit.id,
      `截至${asOf}，${who}应由${outcome.allowedLeaders}方领导，但缺少${outcome.missingFacts.join('、')}，有领导方空缺（规则${outcome.rule}）。`));
  }
  if (outcome.root) return out;
  // Past gaps: only the part of the unit's life strictly before asOf (the present is above).
  const lifeEnd = ctx.unit.validTo !== null && ctx.unit.validTo < asOf ? ctx.unit.validTo : addDays(asOf, -1);
  if (lifeEnd < ctx.unit.validFrom) return out;
  // A gap that runs on into today is the present, reported by MISSING_AFFILIATION / above.
  const runsIntoToday = (to: string | null, coveredToday: boolean) => exists && !coveredToday && to === addDays(asOf, -1);
  const affiliations = ctx.incoming.filter((l) => l.kind === 'AFFILIATION');
  const affiliatedToday = declared.some((l) => l.kind === 'AFFILIATION');
  for (const gap of uncovered(ctx.unit.validFrom, lifeEnd, affiliations.map((l) => ({ from: l.validFrom, to: l.validTo })))) {
    if (runsIntoToday(gap.to, affiliatedToday)) continue;
    out.push(finding('MISSING_LEADER', ctx.unit.id,
      `${period(gap.from, gap.to)}，${who}没有隶属（党组织关系）上级，期间无人领导（如转隶空档）。`,
      { from: gap.from, to: gap.to, linkIds: affiliations.map((l) => l.id) }));
  }
  if (NEEDS_FACTS.has(ctx.unit.kind)) {
    const factsToday = ctx.facts.some((v) => v.validFrom <= asOf && (v.validTo === null || asOf <= v.validTo));
    for (const gap of uncovered(ctx.unit.validFrom, lifeEnd, ctx.facts.map((v) => ({ from: v.validFrom, to: v.validTo })))) {
      if (runsIntoToday(gap.to, factsToday)) continue;
      out.push(finding('MISSING_LEADER', ctx.unit.id,
        `${period(gap.from, gap.to)}，${who}没有事实版本（管理方式、属地、主管部门），期间无法判定领导方。`,
        { from: gap.from, to: gap.to }));
    }
  }
  return out;
};
