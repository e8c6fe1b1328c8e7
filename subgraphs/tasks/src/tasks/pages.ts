/**
 * The orders and cursor keys of this subgraph's connections (packages/common/src/paging.ts;
 * ARCHITECTURE.md "Bounded answers"). Pure: no GraphQL, no database.
 *
 * - Task findings: by unit id, then kind, then a digest of what the finding is about (the
 *   assignments, tasks and issuers concerned, and for MISSING the item and its period). The
 *   same finding gets the same key from one scan to the next, so a page read after a cursor
 *   neither skips nor repeats a finding when others appear or are settled in between.
 * - Assignments: by id. Units' progress: by unit id. Measures (outliers): by unit id, measure,
 *   task id. Responsibility-list items: by code.
 */
import { compareKeys, MAX_PAGE_SIZE, pageOfList, pageWindow, type Connection, type PageArgs } from '@tiaokuai/common';
import type { TaskFinding, TaskFindingKind } from '../domain/types';

/** Cursor namespaces: one per kind of list (a cursor of one is refused by the others). */
export const NS = {
  taskConflicts: 'taskConflicts',
  assignments: 'assignments',
  requiredItems: 'requiredItems',
  unitProgress: 'workReport.units',
  outliers: 'workReport.outliers',
} as const;

export const FINDING_KINDS: readonly TaskFindingKind[] = ['DUPLICATE', 'CONFLICT', 'MISSING', 'OVERREACH', 'CHERRY_PICKING'];

/** A row id, zero-padded so that keys compare as the ids do. */
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
export function findingKey(f: TaskFinding): string {
  const about = [f.requiredItem ?? '', f.from ?? '', f.to ?? '', f.assignmentIds.join(','), f.taskIds.join(','), f.issuerIds.join(',')].join('|');
  return `${padId(f.unitId)}|${FINDING_KINDS.indexOf(f.kind)}|${digest(about)}`;
}

/**
 * Items with their keys, sorted by key; two items with the same key (two findings about
 * exactly the same things) keep their order and get `~1`, `~2` appended, so keys stay unique.
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
  const list = keyed(items, keyOf);
  const page = pageOfList(namespace, list, (x) => x.key, compareKeys, w);
  const nodes = page.nodes.map((x) => node(x.item));
  return { ...page, nodes, edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i] })) };
}

/** Figures about every finding of a list, whatever the page: total and counts by kind. */
export function findingSummary(findings: readonly TaskFinding[]): { total: number; byKind: Array<{ kind: string; count: number }> } {
  const counts = new Map<string, number>(FINDING_KINDS.map((k) => [k, 0]));
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return { total: findings.length, byKind: [...counts].map(([kind, count]) => ({ kind, count })) };
}
