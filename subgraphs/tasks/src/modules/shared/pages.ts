/**
 * The orders and cursor keys of this subgraph's connections (packages/platform/src/paging.ts;
 * ARCHITECTURE.md "Bounded answers"). Pure: no GraphQL, no database.
 *
 * - Task findings: by unit id, then kind, then a digest of what the finding is about (the
 *   assignments, tasks and issuers concerned, and for MISSING the item and its period). The
 *   same finding gets the same key from one scan to the next, so a page read after a cursor
 *   neither skips nor repeats a finding when others appear or are settled in between.
 * - Assignments: by id. Units' progress: by unit id. Measures (outliers): by unit id, measure,
 *   task id. Responsibility-list items: by code. An assignment's progress reports: by version (oldest first).
 *
 * The key helpers (padKey, keyDigest, keyedSorted, pageOfItems) are platform's paging.ts, re-exported
 * here under this module's names.
 */
import {
  aboutDigest,
  countsByKind,
  keyDigest as digest,
  padKey as padId,
  sortedIds,
  toGlobalId,
} from '@tiaokuai/platform';
import type { TaskFinding, TaskFindingKind } from '../../domain/types';

export {
  checkPage,
  keyDigest as digest,
  keyedSorted as keyed,
  padKey as padId,
  pageOfItems as pageOf,
} from '@tiaokuai/platform';

/** Cursor namespaces: one per kind of list (a cursor of one is refused by the others). */
export const NS = {
  taskConflicts: 'taskConflicts',
  assignments: 'assignments',
  requiredItems: 'requiredItems',
  responsibilityList: 'responsibilityList',
  unitProgress: 'workReport.units',
  outliers: 'workReport.outliers',
  progressReports: 'progressReports',
} as const;

export const FINDING_KINDS: readonly TaskFindingKind[] = [
  'DUPLICATE',
  'CONFLICT',
  'MISSING',
  'OVERREACH',
  'CHERRY_PICKING',
];

/** A finding's place in the list's order (see the module's doc). */
export function findingKey(f: TaskFinding): string {
  // A hub-wide item by its code, as before lists had owners (cursors survive the migration); an owner's by owner and
  // code.
  const item = f.requiredItemOwnerId
    ? `${f.requiredItemOwnerId}/${f.requiredItemCode}`
    : (f.requiredItemCode ?? f.requiredItemId ?? '');
  const about =
    [item, f.from ?? '', f.to ?? '', f.assignmentIds.join(','), f.taskIds.join(','), f.issuerIds.join(',')].join('|') +
    (f.itemIds ? `|items:${f.itemIds.join(',')}` : ''); // only list-level duplicates: other findings keep their cursors
  return `${padId(f.unitId)}|${FINDING_KINDS.indexOf(f.kind)}|${digest(about)}`;
}

/** Figures about every finding of a list, whatever the page: total and counts by kind. */
export const findingSummary = (findings: readonly TaskFinding[]) =>
  countsByKind(findings, FINDING_KINDS, (f) => f.kind);

/**
 * A list item's place in `requiredItems` and in a unit's responsibility list: hub-wide first
 * (owner ''), then by owner id, then code.
 */
export const itemKey = (r: { ownerId?: string | null; code: string }) =>
  r.ownerId ? `1|${padId(r.ownerId)}|${r.code}` : `0|${r.code}`;

/** The window a question asked about (`taskConflicts(from, to)`), inclusive. */
export interface Window {
  from: string;
  to: string;
}

/**
 * A task finding's global id (docs/api.md "Ids"): its unit, its kind, a window it is found in (a
 * MISSING finding's own period; for the others, which concern assignments, the window asked
 * about), and a digest of what it is about: the item, its period, the assignments, tasks,
 * issuers and list items concerned, ids sorted. The same finding in the same window gets the
 * same id from one scan to the next; `node(id)` scans that unit over that window again.
 */
export function conflictId(f: TaskFinding, asked: Window): string {
  const w = f.from && f.to ? { from: f.from, to: f.to } : asked;
  const item = f.requiredItemOwnerId
    ? `${f.requiredItemOwnerId}/${f.requiredItemCode}`
    : (f.requiredItemCode ?? f.requiredItemId ?? '');
  const about = aboutDigest([
    item,
    f.from ?? '',
    f.to ?? '',
    ...[f.assignmentIds, f.taskIds, f.issuerIds, f.itemIds ?? []].map((ids) => sortedIds(ids).join(',')),
  ]);
  return toGlobalId('TaskConflict', f.unitId, f.kind, w.from, w.to, about);
}

/** The unit and window a task finding's id parts name, or null when they are not a task finding's. */
export function conflictQuestionOf(parts: readonly string[]): { unitId: string; window: Window } | null {
  if (parts.length !== 5) return null;
  const [unitId, , from, to] = parts;
  const day = /^\d{4}-\d{2}-\d{2}$/;
  return /^\d+$/.test(unitId) && day.test(from) && day.test(to) ? { unitId, window: { from, to } } : null;
}
