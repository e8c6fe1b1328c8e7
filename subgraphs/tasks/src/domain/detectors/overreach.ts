/**
 * OVERREACH (DOMAIN.md, "a guide assigning binding work | overreach": "assignments from a
 * GUIDANCE body are advisory, never binding"): an assignment the issuer sent as binding
 * (binding === true) to a unit it only guides (relation 'GUIDES'). Its authority has already been
 * downgraded to ADVISORY (authority.ts); the finding tells both sides. One finding per
 * assignment, in input order. An issuer with no relation to the unit (NONE) is refused upstream,
 * out of jurisdiction, and is not reported here.
 *
 * Suggestion: the task stays advisory (指导意见); the guide should send it as advisory, or ask
 * the leading body to issue it.
 */
import type { AssignmentFact, TaskFinding } from '../types';

export function detectOverreach(assignments: readonly AssignmentFact[]): TaskFinding[] {
  return assignments
    .filter((a) => a.binding && a.relation === 'GUIDES')
    .map((a): TaskFinding => ({
      kind: 'OVERREACH',
      unitId: a.unitId,
      assignmentIds: [a.id],
      taskIds: [a.taskId],
      issuerIds: [a.issuerId],
      message: `「${a.title}」由对本单位只有指导关系的单位作为约束性任务下达，指导方不能下达约束性任务（越权下达），已按指导意见处理`,
      suggestion: `「${a.title}」仅作为指导意见，不作为必须落实的任务；请指导方改以指导意见下发，或提请领导方以领导关系下达`,
    }));
}
