/**
 * MULTIPLE_INSPECTIONS (多头检查, DOMAIN.md "Assessments (考核评价)"): several bodies inspect or assess one
 * unit in one period. The period is the calendar quarter in which a visit begins (inspections are
 * planned by quarter; a grading submission counts as a one-day visit on its day, a guide's
 * opinion does not: it is part of the leader's assessment). Two or more distinct
 * bodies visiting in one quarter is a finding, with a proposal for one joint inspection
 * (基层一次迎检): organised by the unit's leader among the bodies (else the first to come),
 * in the days all visits share (else the organiser's own window), over every indicator any of
 * them asked for, each once.
 *
 * Settled visits are left out: an inspection already merged into a joint inspection, and a
 * grading by a body that takes part in a joint inspection of the unit accepted for that quarter.
 * A later inspection outside the accepted joint inspection (by a newcomer, or again by one of
 * its bodies) is a new visit and can make a new finding.
 */
import type { AssessmentFinding, JointProposal, Names, Visit } from './types';

export interface AcceptedJoint {
  unitId: string;
  from: string;
  bodyIds: readonly string[];
}

export const quarterOf = (day: string): { label: string; from: string; to: string } => {
  const y = day.slice(0, 4);
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const lastDay = ['03-31', '06-30', '09-30', '12-31'][q];
  return { label: `${y}-Q${q + 1}`, from: `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`, to: `${y}-${lastDay}` };
};

export function multipleInspections(
  visits: readonly (Visit & { jointId?: string | null })[],
  accepted: readonly AcceptedJoint[],
  leads: (bodyId: string, unitId: string, day: string) => boolean,
  names: Names,
): AssessmentFinding[] {
  const covered = new Set(accepted.flatMap((j) => j.bodyIds.map((b) => `${j.unitId}|${quarterOf(j.from).label}|${b}`)));
  const groups = new Map<string, Visit[]>();
  for (const v of visits) {
    if (v.jointId) continue;
    const q = quarterOf(v.from).label;
    // A grading by a body of the joint inspection was part of it; a new inspection is a new visit.
    if (v.kind === 'SUBMISSION' && covered.has(`${v.unitId}|${q}|${v.bodyId}`)) continue;
    const k = `${v.unitId}|${q}`;
    groups.set(k, [...(groups.get(k) ?? []), v]);
  }
  const out: AssessmentFinding[] = [];
  for (const list of groups.values()) {
    const sorted = [...list].sort((a, b) => a.from.localeCompare(b.from) || a.id.localeCompare(b.id));
    const bodies = [...new Set(sorted.map((v) => v.bodyId))];
    if (bodies.length < 2) continue;
    const unitId = sorted[0].unitId;
    const quarter = quarterOf(sorted[0].from);
    const proposal = propose(sorted, bodies, (b, day) => leads(b, unitId, day));
    out.push({
      kind: 'MULTIPLE_INSPECTIONS',
      unitId,
      bodyIds: bodies,
      from: quarter.from,
      to: quarter.to,
      submissionIds: sorted.filter((v) => v.kind === 'SUBMISSION').map((v) => v.id),
      inspectionIds: sorted.filter((v) => v.kind === 'INSPECTION').map((v) => v.id),
      proposal,
      explanation: `${quarter.label} 有 ${bodies.length} 个单位先后检查或考核 ${names(unitId)}：${sorted.map((v) => `${names(v.bodyId)}（${v.from === v.to ? v.from : `${v.from}—${v.to}`}）`).join('、')}`,
      suggestion: `合并为一次联合检查（基层一次迎检）：由 ${names(proposal.leadId)} 牵头，${proposal.from === proposal.to ? proposal.from : `${proposal.from} 至 ${proposal.to}`}，合并指标 ${proposal.indicators.length} 项，${bodies
        .filter((b) => b !== proposal.leadId)
        .map(names)
        .join('、')} 参加`,
    });
  }
  return out;
}

function propose(
  visits: readonly Visit[],
  bodies: readonly string[],
  leads: (bodyId: string, day: string) => boolean,
): JointProposal {
  const leadId = bodies.find((b) => visits.some((v) => v.bodyId === b && leads(b, v.from))) ?? visits[0].bodyId;
  const from = visits.reduce((a, v) => (v.from > a ? v.from : a), visits[0].from);
  const to = visits.reduce((a, v) => (v.to < a ? v.to : a), visits[0].to);
  const own = visits.find((v) => v.bodyId === leadId)!;
  const window = from <= to ? { from, to } : { from: own.from, to: own.to };
  const indicators = new Map<string, { code: string; name: string; bodyIds: string[] }>();
  for (const v of visits) {
    for (const k of v.indicators) {
      const hit = indicators.get(k.code) ?? { code: k.code, name: k.name, bodyIds: [] };
      if (!hit.bodyIds.includes(v.bodyId)) hit.bodyIds.push(v.bodyId);
      indicators.set(k.code, hit);
    }
  }
  return { leadId, ...window, indicators: [...indicators.values()] };
}
