/**
 * The orders and cursor keys of this subgraph's connections (packages/common/src/paging.ts;
 * ARCHITECTURE.md "Bounded answers"). Pure: no GraphQL, no database.
 *
 * - Assessment findings: by unit id, then kind, then the period, then a digest of what the
 *   finding is about (submissions, inspections, bodies). The same finding gets the same key from
 *   one scan to the next, so a page read after a cursor neither skips nor repeats a finding when
 *   others appear or are settled in between.
 * - A scheme's results and star rows: by rank, then unit id (equal results share a rank). The
 *   ranks are the whole list's, computed before the page is cut, so they stay right on every page.
 * - Schemes: newest year first, then by id.
 */
import { compareKeys, MAX_PAGE_SIZE, pageOfList, pageWindow, type Connection, type PageArgs } from '@tiaokuai/common';
import type { AssessmentFinding, AssessmentFindingKind } from '../domain/findings/types';

/** Cursor namespaces: one per kind of list (a cursor of one is refused by the others). */
export const NS = {
  findings: 'assessmentFindings',
  results: 'scheme.results',
  stars: 'scheme.stars',
  schemes: 'schemes',
} as const;

export const FINDING_KINDS: readonly AssessmentFindingKind[] = ['MULTIPLE_INSPECTIONS', 'EVALUATION_ONLY', 'GRADED_BY_NON_LEADER'];

/** A row id (or a rank), zero-padded so that keys compare as the numbers do. */
export const padId = (id: string | number): string => String(id).padStart(12, '0');

/**
 * A 53-bit digest of a string (cyrb53, a public-domain non-cryptographic hash), 11 base-36
 * characters: it only has to be stable and spread keys, and a scope's 100,000 findings are
 * digested several times faster than with sha256. Two findings about exactly the same things
 * share a digest, and `keyed` keeps their keys apart.
 */
export function digest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}

/** A finding's place in the list's order (see the module's doc). */
export function findingKey(f: AssessmentFinding): string {
  const about = [f.to, f.submissionIds.join(','), f.inspectionIds.join(','), f.bodyIds.join(',')].join('|');
  return `${padId(f.unitId)}|${FINDING_KINDS.indexOf(f.kind)}|${f.from}|${digest(about)}`;
}

/** A ranked row's place: rank, then unit id. */
export const rankKey = (r: { rank: number; unitId: string }): string => `${padId(r.rank)}|${padId(r.unitId)}`;

/** A scheme's place: newest year first, then id. */
export const schemeKey = (s: { year: number; id: string }): string => `${String(9999 - s.year).padStart(4, '0')}|${padId(s.id)}`;

/**
 * Items with their keys, sorted by key; two items with the same key keep their order and get
 * `~1`, `~2` appended, so keys stay unique.
 */
export function keyed<T>(items: readonly T[], keyOf: (t: T) => string): Array<{ key: string; item: T }> {
  const out = items.map((item) => ({ key: keyOf(item), item })).sort((a, b) => compareKeys(a.key, b.key));
  let base = '';
  let n = 0;
  for (const x of out) {
    if (x.key === base) x.key = `${base}~${++n}`;
    else { base = x.key; n = 0; }
  }
  return out;
}

/** Checks a page's arguments before any work is done (BAD_USER_INPUT naming the argument). */
export const checkPage = (namespace: string, args: PageArgs) => pageWindow(namespace, args, { max: MAX_PAGE_SIZE });

/** A page of a list held in memory, in the order its keys give; nodes made by `node`. */
export function pageOf<T, N>(namespace: string, items: readonly T[], keyOf: (t: T) => string, args: PageArgs, node: (t: T) => N): Connection<N> {
  const w = checkPage(namespace, args);
  const page = pageOfList(namespace, keyed(items, keyOf), (x) => x.key, compareKeys, w);
  const nodes = page.nodes.map((x) => node(x.item));
  return { ...page, nodes, edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i] })) };
}

/** Figures about every finding of a list, whatever the page: total and counts by kind. */
export function findingSummary(findings: readonly AssessmentFinding[]): { total: number; byKind: Array<{ kind: string; count: number }> } {
  const counts = new Map<string, number>(FINDING_KINDS.map((k) => [k, 0]));
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return { total: findings.length, byKind: [...counts].map(([kind, count]) => ({ kind, count })) };
}
