/**
 * CHERRY_PICKING (DOMAIN.md, 都想管重点不想管一般: "both take the key tasks, nobody the routine ones": "key tasks duplicated
 * while required routine items are MISSING"): for one unit, at least one DUPLICATE finding whose assignments are all
 * KEY (looked up in `assignments`; an id not found there does not count as key) AND at least one MISSING finding. Then
 * one finding for the unit, listing the duplicated key assignments, their tasks and issuers (each once, in the order of
 * the duplicate findings); the message counts the pieces of key work duplicated (groups of assignments linked by
 * duplicate findings: three issuers sending the same work is one piece, three pairs) and the tasks involved, and names
 * the missing items (their codes, each once, in the order of the missing findings). Findings of other units are
 * ignored.
 *
 * Suggestion: the issuers hand the duplicated key work over to the leading body and take on the
 * missing routine items.
 */
import type { AssignmentFact, TaskFinding } from '../types';

export interface CherryPickingInput {
  unitId: string;
  duplicates: readonly TaskFinding[];
  missing: readonly TaskFinding[];
  assignments: readonly AssignmentFact[];
}

export function detectCherryPicking(input: CherryPickingInput): TaskFinding[] {
  const { unitId } = input;
  const byId = new Map(input.assignments.map((a) => [a.id, a] as const));
  const isKey = (id: string): boolean => byId.get(id)?.priority === 'KEY';
  const keyDuplicates = input.duplicates.filter(
    (f) => f.kind === 'DUPLICATE' && f.unitId === unitId && f.assignmentIds.length > 0 && f.assignmentIds.every(isKey),
  );
  const missing = input.missing.filter((f) => f.kind === 'MISSING' && f.unitId === unitId);
  if (keyDuplicates.length === 0 || missing.length === 0) return [];

  const duplicated = [...new Set(keyDuplicates.flatMap((f) => f.assignmentIds))].map(
    (id) => byId.get(id) as AssignmentFact,
  );
  const taskIds = [...new Set(duplicated.map((a) => a.taskId))];
  const works = countGroups(keyDuplicates.map((f) => f.assignmentIds));
  const items = [...new Set(missing.map((f) => f.requiredItemCode ?? f.requiredItemId).filter((c): c is string => !!c))]
    .map((c) => `「${c}」`)
    .join('、');
  return [
    {
      kind: 'CHERRY_PICKING',
      unitId,
      assignmentIds: duplicated.map((a) => a.id),
      taskIds,
      issuerIds: [...new Set(duplicated.map((a) => a.issuerId))],
      message: `${works}项重点工作被多个单位重复下达（涉及${taskIds.length}项任务），而责任清单事项${items}无人下达（都想管重点不想管一般）`,
      suggestion: `请各下达单位将重复下达的重点任务交由领导方统一下达，并把无人下达的一般性事项（${items}）分担落实`,
    },
  ];
}

/** How many groups the links make (union–find over the ids each link joins). */
function countGroups(links: readonly string[][]): number {
  const parent = new Map<string, string>();
  const root = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(x, r);
    return r;
  };
  for (const ids of links) {
    for (const id of ids) if (!parent.has(id)) parent.set(id, id);
    for (const id of ids.slice(1)) parent.set(root(id), root(ids[0]));
  }
  return [...parent.keys()].filter((x) => root(x) === x).length;
}
