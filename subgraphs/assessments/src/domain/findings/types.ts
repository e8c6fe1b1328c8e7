/**
 * Assessment findings (DOMAIN.md "What goes wrong today"; ARCHITECTURE.md "Assessments: who grades, findings,
 * results"): what each detector reports. Units and bodies are org unit ids; `names` turns them into text for
 * explanations.
 */
export type AssessmentFindingKind = 'MULTIPLE_INSPECTIONS' | 'EVALUATION_ONLY' | 'GRADED_BY_NON_LEADER';

/** One body's visit to a unit: an announced inspection, or a submission (a one-day assessment). */
export interface Visit {
  kind: 'INSPECTION' | 'SUBMISSION';
  id: string;
  bodyId: string;
  unitId: string;
  from: string;
  to: string;
  indicators: ReadonlyArray<{ code: string; name: string }>;
}

export interface JointProposal {
  /** The body that organises the single visit: the unit's leader among those involved, else the first. */
  leadId: string;
  from: string;
  to: string;
  /** Every indicator any of the bodies asked for, once, with the bodies that asked for it. */
  indicators: Array<{ code: string; name: string; bodyIds: string[] }>;
}

export interface AssessmentFinding {
  kind: AssessmentFindingKind;
  unitId: string;
  /** The assessors or inspectors concerned. */
  bodyIds: string[];
  /** The period the finding is about (inclusive). */
  from: string;
  to: string;
  submissionIds: string[];
  inspectionIds: string[];
  proposal: JointProposal | null;
  explanation: string;
  suggestion: string;
}

export type Names = (id: string) => string;
