/**
 * GRADED_BY_NON_LEADER (DOMAIN.md "Assessments (考核评价)": "Only the leading body grades"): a
 * grading submission whose assessor, by org's answer today about the day it was made, did not
 * lead the unit on that day. A submission is accepted as grading only from a leader (org's
 * answer at the time), so this appears when org's history changed afterwards: a transfer
 * (转隶) recorded late, a link ended or corrected back to before the assessment.
 */
import type { AssessmentFinding, Names } from './types';

export interface GradingFact {
  id: string;
  unitId: string;
  assessorId: string;
  assessedOn: string;
}

export function gradedByNonLeader(
  gradings: readonly GradingFact[],
  leads: (bodyId: string, unitId: string, day: string) => boolean,
  leadersOn: (unitId: string, day: string) => string[],
  names: Names,
): AssessmentFinding[] {
  const out: AssessmentFinding[] = [];
  for (const g of gradings) {
    if (leads(g.assessorId, g.unitId, g.assessedOn)) continue;
    const leaders = leadersOn(g.unitId, g.assessedOn);
    const who = leaders.length ? leaders.map(names).join('、') : '（无：该日没有领导单位）';
    out.push({
      kind: 'GRADED_BY_NON_LEADER',
      unitId: g.unitId,
      bodyIds: [g.assessorId],
      from: g.assessedOn,
      to: g.assessedOn,
      submissionIds: [g.id],
      inspectionIds: [],
      proposal: null,
      explanation: `${names(g.assessorId)} 于 ${g.assessedOn} 对 ${names(g.unitId)} 作出评定，但按现有组织关系，该日领导 ${names(g.unitId)} 的是 ${who}（例如转隶后补录的关系）`,
      suggestion: leaders.length
        ? `由 ${leaders.map(names).join('、')} 重新评定；${names(g.assessorId)} 的评定改作参考意见`
        : `先在组织关系中明确 ${names(g.unitId)} 的领导单位，再由其评定`,
    });
  }
  return out;
}
