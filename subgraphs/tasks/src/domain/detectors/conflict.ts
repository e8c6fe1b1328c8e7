/**
 * CONFLICT (DOMAIN.md, 内容冲突: "incompatible requirements": "the same deliverable with
 * different deadlines, or tasks declared mutually exclusive"): two assignments of one unit, with
 * overlapping periods (periodsOverlap, both ends inclusive), that the unit cannot both satisfy:
 * (a) the same deliverable with different due dates, from the same issuer or from two; the
 *     deliverables are compared after NFKC (full-width → half-width), trimming and removing all
 *     whitespace; an empty or missing deliverable never matches;
 * (b) tasks declared incompatible: either side's incompatibleTaskIds names the other's taskId
 *     (a task is never incompatible with itself).
 * One finding per pair, even when both cases hold; pairs in order of start date, then id.
 *
 * Suggestion: keep the assignment that binds (its issuer leads the unit) and ask the other
 * issuer to align with it or withdraw; when both bind (都管) or both are advisory, the two
 * issuers coordinate; when one issuer sent both, it says which one stands. assignmentIds,
 * taskIds and issuerIds start with the assignment to keep; issuerIds holds each issuer once.
 */
import { overlappingPairs, type AssignmentFact, type TaskFinding } from '../types';

/** The deliverable as compared: NFKC, without any whitespace; '' when there is none. */
export function normaliseDeliverable(deliverable: string | null | undefined): string {
  if (!deliverable) return ''; // most tasks name none, and a scan compares millions of pairs
  return deliverable
    .normalize('NFKC')
    .trim()
    .replace(/[\s\p{Z}]+/gu, '');
}

export function detectConflicts(assignments: readonly AssignmentFact[]): TaskFinding[] {
  const findings: TaskFinding[] = [];
  // Only an assignment naming a deliverable, declaring an incompatibility or named in one can be
  // half of a pair: the others (most of a unit's dozens) are left out before pairing, which
  // changes neither the pairs found nor their order.
  const named = new Set<string>();
  for (const a of assignments) for (const t of a.incompatibleTaskIds ?? []) named.add(t);
  const candidates = assignments.filter(
    (a) =>
      normaliseDeliverable(a.deliverable) !== '' || (a.incompatibleTaskIds?.length ?? 0) > 0 || named.has(a.taskId),
  );
  for (const [a, b] of overlappingPairs(candidates, (x) => x.unitId)) {
    const d = normaliseDeliverable(a.deliverable);
    const sameDeliverable = d !== '' && d === normaliseDeliverable(b.deliverable) && a.dueOn !== b.dueOn;
    const incompatible =
      a.taskId !== b.taskId &&
      ((a.incompatibleTaskIds ?? []).includes(b.taskId) || (b.incompatibleTaskIds ?? []).includes(a.taskId));
    if (sameDeliverable || incompatible) findings.push(finding(a, b, sameDeliverable, incompatible));
  }
  return findings;
}

function finding(a: AssignmentFact, b: AssignmentFact, sameDeliverable: boolean, incompatible: boolean): TaskFinding {
  const [keep, other] = a.authority === 'ADVISORY' && b.authority === 'BINDING' ? [b, a] : [a, b];
  const deliverable = (keep.deliverable ?? '').trim();
  const reasons: string[] = [];
  if (sameDeliverable) reasons.push(`要求同一成果「${deliverable}」，截止日期却分别为${a.dueOn}和${b.dueOn}`);
  if (incompatible)
    reasons.push(`已被声明互不相容，却在重叠期间同时下达本单位（截止日期分别为${a.dueOn}和${b.dueOn}）`);
  const message = `「${a.title}」与「${b.title}」${reasons.join('；且')}（内容冲突）`;

  const what = sameDeliverable && !incompatible ? `「${deliverable}」的截止日期` : '保留哪一项任务';
  let suggestion: string;
  if (keep.issuerId === other.issuerId) {
    suggestion = `两项由同一下达单位下达：请其明确以「${keep.title}」还是「${other.title}」为准，更正或撤回另一项`;
  } else if (keep.authority !== other.authority) {
    suggestion =
      sameDeliverable && !incompatible
        ? `以领导方下达的「${keep.title}」为准（截止日期${keep.dueOn}），请另一下达单位将「${other.title}」的截止日期与之对齐，或撤回该任务`
        : `以领导方下达的「${keep.title}」为准，请另一下达单位撤回「${other.title}」，或调整为与之相容的要求`;
  } else if (keep.authority === 'BINDING') {
    suggestion = `两项均以领导关系下达（都管）：请两个下达单位协商确定${what}，并核查本单位的领导关系`;
  } else {
    suggestion = `两项均为指导性任务：请两个下达单位协商确定${what}`;
  }
  return {
    kind: 'CONFLICT',
    unitId: a.unitId,
    assignmentIds: [keep.id, other.id],
    taskIds: [keep.taskId, other.taskId],
    issuerIds: keep.issuerId === other.issuerId ? [keep.issuerId] : [keep.issuerId, other.issuerId],
    message,
    suggestion,
  };
}
