/**
 * DUPLICATE (DOMAIN.md, 任务交叉重叠: "the same work assigned twice by two issuers"): two
 * assignments of one unit from different issuers, with overlapping periods, the same category
 * and similar titles (similarity.ts: character bigrams, thresholds documented there).
 *
 * Suggestion: keep the assignment that binds (its issuer leads the unit) and turn the other into
 * a reference; when both bind (both sides claim to lead, 都管) or neither does, keep one and
 * merge the other into it, and look at the unit's leadership (DUPLICATE_LEADER).
 */
import { similarity } from '../similarity';
import { overlappingPairs, type AssignmentFact, type TaskFinding } from '../types';

export function detectDuplicates(assignments: readonly AssignmentFact[]): TaskFinding[] {
  const findings: TaskFinding[] = [];
  for (const [a, b] of overlappingPairs(assignments, (x) => `${x.unitId}|${x.category}`)) {
    if (a.issuerId !== b.issuerId && similarity(a.title, b.title).similar) findings.push(finding(a, b));
  }
  return findings;
}

function finding(a: AssignmentFact, b: AssignmentFact): TaskFinding {
  const [keep, other] = a.authority === 'ADVISORY' && b.authority === 'BINDING' ? [b, a] : [a, b];
  const suggestion =
    keep.authority !== other.authority
      ? `保留领导方下达的「${keep.title}」，将指导方的「${other.title}」转为参考，不重复落实`
      : keep.authority === 'BINDING'
        ? `两项均以领导关系下达（都管）：保留「${keep.title}」，将「${other.title}」合并其中，并核查本单位的领导关系`
        : `两项均为指导性任务：合并为一项落实`;
  return {
    kind: 'DUPLICATE',
    unitId: a.unitId,
    assignmentIds: [keep.id, other.id],
    taskIds: [keep.taskId, other.taskId],
    issuerIds: [keep.issuerId, other.issuerId],
    message: `「${a.title}」与「${b.title}」内容相近、同属一类、时间重叠，由两个单位分别下达（任务交叉重叠）`,
    suggestion,
  };
}
