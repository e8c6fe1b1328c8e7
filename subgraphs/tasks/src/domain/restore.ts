/**
 * A task's recorded assignments in the interchange file (docs/interchange.md "Round trip"; platform's restore.ts has
 * the mechanism). A hub's export writes each task with `assignments`, the units it reached when
 * it was issued and what became of each: settled ones with their `status` (WITHDRAWN, or MERGED
 * `into` another task's assignment of the same unit); active ones (ASSIGNED, IN_PROGRESS, DONE)
 * without one, since progress is not part of the file. A task given this way is a record accepted
 * at the time: its scope is not expanded again, and units today's org puts out of the issuer's
 * reach are restored, by a caller who may restore.
 */
import type { Problem } from './validate';

export type RecordedStatus = 'ACTIVE' | 'WITHDRAWN' | 'MERGED';

export interface RecordedAssignment {
  unit: string;
  status: RecordedStatus;
  /** For MERGED: the task (issuer and key) whose assignment of the same unit it was merged into. */
  into: { issuer: string; key: string } | null;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Splits a task entry's recorded `assignments` from the rest (what validateTask reads, with the
 * assigned units as its targets). `assignments: null` when the entry has none (a new task).
 */
export function recordedAssignments(
  raw: unknown,
  base: string,
): { rest: unknown; assignments: RecordedAssignment[] | null; problems: Problem[] } {
  if (!isObject(raw) || raw.assignments === undefined) return { rest: raw, assignments: null, problems: [] };
  const { assignments: list, ...rest } = raw;
  const problems: Problem[] = [];
  const bad = (path: string, message: string) => problems.push({ path: `${base}.${path}`, message });
  if (rest.targets !== undefined) bad('targets', '导出的任务以 assignments 记其分派的单位，不另给 targets');
  if (!Array.isArray(list) || list.length === 0) {
    bad('assignments', '应为非空列表 [{ unit, status?, into? }]');
    return { rest, assignments: null, problems };
  }
  const out: RecordedAssignment[] = [];
  const seen = new Map<string, number>();
  list.forEach((a, j) => {
    const p = `assignments[${j}]`;
    if (!isObject(a) || typeof a.unit !== 'string' || a.unit.trim() === '') {
      bad(`${p}.unit`, '需要单位代码');
      return;
    }
    if (seen.has(a.unit)) bad(`${p}.unit`, `与 assignments[${seen.get(a.unit)}] 重复：${a.unit}`);
    seen.set(a.unit, j);
    const status = a.status ?? 'ACTIVE';
    if (status !== 'ACTIVE' && status !== 'WITHDRAWN' && status !== 'MERGED') {
      bad(`${p}.status`, `应为 WITHDRAWN 或 MERGED（进行中的分派不写 status），实为 ${JSON.stringify(a.status)}`);
      return;
    }
    const into = a.into;
    if (status === 'MERGED' && !(isObject(into) && typeof into.issuer === 'string' && typeof into.key === 'string')) {
      bad(`${p}.into`, '合并的分派需要 into: { issuer, key }');
      return;
    }
    if (status !== 'MERGED' && into !== undefined) {
      bad(`${p}.into`, '只有 MERGED 的分派有 into');
      return;
    }
    out.push({
      unit: a.unit,
      status,
      into:
        status === 'MERGED'
          ? { issuer: (into as { issuer: string }).issuer, key: (into as { key: string }).key }
          : null,
    });
  });
  return { rest: { ...rest, targets: out.map((a) => a.unit) }, assignments: problems.length ? null : out, problems };
}

/** A stored assignment's status as the file writes it. */
export const recordedStatus = (status: string): RecordedStatus =>
  status === 'WITHDRAWN' || status === 'MERGED' ? status : 'ACTIVE';
