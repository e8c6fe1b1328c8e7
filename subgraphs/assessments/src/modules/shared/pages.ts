/**
 * The orders and cursor keys of this subgraph's connections (packages/platform/src/paging.ts;
 * ARCHITECTURE.md "Bounded answers"). Pure: no GraphQL, no database.
 *
 * - Assessment findings: by unit id, then kind, then the period, then a digest of what the
 *   finding is about (submissions, inspections, bodies). The same finding gets the same key from
 *   one scan to the next, so a page read after a cursor neither skips nor repeats a finding when
 *   others appear or are settled in between.
 * - A scheme's results and star rows: by rank, then unit id (equal results share a rank). The
 *   ranks are the whole list's, computed before the page is cut, so they stay right on every page.
 * - Schemes: newest year first, then by id. A submission's revisions: by version, oldest first.
 * - A scheme's score outliers: by unit id, then measure.
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
import type { AssessmentFinding, AssessmentFindingKind } from '../../domain/findings/types';

export {
  checkPage,
  keyDigest as digest,
  keyedSorted as keyed,
  padKey as padId,
  pageOfItems as pageOf,
} from '@tiaokuai/platform';

/** Cursor namespaces: one per kind of list (a cursor of one is refused by the others). */
export const NS = {
  findings: 'assessmentFindings',
  results: 'scheme.results',
  stars: 'scheme.stars',
  schemes: 'schemes',
  revisions: 'submission.revisions',
  outliers: 'scheme.outliers',
} as const;

export const FINDING_KINDS: readonly AssessmentFindingKind[] = [
  'MULTIPLE_INSPECTIONS',
  'EVALUATION_ONLY',
  'GRADED_BY_NON_LEADER',
];

/** A finding's place in the list's order (see the module's doc). */
export function findingKey(f: AssessmentFinding): string {
  const about = [f.to, f.submissionIds.join(','), f.inspectionIds.join(','), f.bodyIds.join(',')].join('|');
  return `${padId(f.unitId)}|${FINDING_KINDS.indexOf(f.kind)}|${f.from}|${digest(about)}`;
}

/** A ranked row's place: rank, then unit id. */
export const rankKey = (r: { rank: number; unitId: string }): string => `${padId(r.rank)}|${padId(r.unitId)}`;

/** A scheme's place: newest year first, then id. */
export const schemeKey = (s: { year: number; id: string }): string =>
  `${String(9999 - s.year).padStart(4, '0')}|${padId(s.id)}`;

/** Figures about every finding of a list, whatever the page: total and counts by kind. */
export const findingSummary = (findings: readonly AssessmentFinding[]) =>
  countsByKind(findings, FINDING_KINDS, (f) => f.kind);

/**
 * An assessment finding's global id (docs/api.md "Ids"): its unit, its kind, the assessment
 * year it was found in (a finding's period may run into the next year), its period, and a digest
 * of the submissions, inspections and bodies concerned (ids sorted). The same finding gets the
 * same id from one scan to the next; `node(id)` scans that unit's year again.
 */
export function findingId(f: AssessmentFinding, year: number): string {
  const about = aboutDigest([f.submissionIds, f.inspectionIds, f.bodyIds].map((ids) => sortedIds(ids).join(',')));
  return toGlobalId('AssessmentFinding', f.unitId, f.kind, String(year), f.from, f.to, about);
}

/** The unit and year an assessment finding's id parts name, or null when they are not a finding's. */
export function findingQuestionOf(parts: readonly string[]): { unitId: string; year: number } | null {
  if (parts.length !== 6) return null;
  const [unitId, , year] = parts;
  return /^\d+$/.test(unitId) && /^\d{4}$/.test(year) ? { unitId, year: Number(year) } : null;
}
