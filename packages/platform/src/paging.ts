/**
 * Pages for every list that grows with a scope or with time: Relay cursor connections
 * (GraphQL Cursor Connections Specification, https://relay.dev/graphql/connections.htm), with
 * `first`/`after` forwards, `last`/`before` backwards, `pageInfo` both ways and `totalCount`.
 *
 * A cursor is opaque to clients: base64url of `<namespace>:<key>`, where the key is the item's
 * place in the list's fixed order (a row id for stored rows, a finding's stable key for lists
 * computed by a scan). Paging is by key, never by offset, so a page read after a cursor stays
 * right when items are added or removed before it, and a cursor of one list is refused by
 * another (its namespace differs).
 *
 * Two ways to make a page:
 * - `pageOfList`: the whole list is in memory, in its order (a scan's findings): exact
 *   `hasNextPage` and `hasPreviousPage` both ways.
 * - `connectionFromRows`: a store read at most `size + 1` rows past the cursor, in the
 *   direction asked: `hasNextPage` (forwards) or `hasPreviousPage` (backwards) is exact; the
 *   other is `true` when the page starts at a cursor, as the specification allows when it
 *   cannot be had cheaply.
 */
import { BadInputError } from './errors';

/** The largest page any list serves. */
export const MAX_PAGE_SIZE = 500;
/** The page served when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 50;

/** The paging arguments of a connection field, as GraphQL hands them over. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** What a page asks for, checked: keys already decoded from the cursors. */
export interface PageWindow {
  /** Only items after this key (exclusive); null = from the start. */
  after: string | null;
  /** Only items before this key (exclusive); null = to the end. */
  before: string | null;
  /** How many items at most. */
  size: number;
  /** `last`: the items nearest `before` (or the end), still returned in the list's order. */
  fromEnd: boolean;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  /** The edges' nodes, for clients that need no cursor per item. */
  nodes: T[];
  pageInfo: PageInfo;
  /** Items in the whole list (every page), not in this page. */
  totalCount: number;
}

export function encodeCursor(namespace: string, key: string): string {
  return Buffer.from(`${namespace}:${key}`, 'utf8').toString('base64url');
}

/** The key inside a cursor of this list; BAD_USER_INPUT naming `field` for anything else. */
export function decodeCursor(namespace: string, cursor: string, field: string): string {
  const raw =
    cursor.length <= 1024 && /^[A-Za-z0-9_-]*$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const prefix = `${namespace}:`;
  if (!raw.startsWith(prefix) || raw.length === prefix.length)
    throw new BadInputError(field, '游标无效：不是本列表给出的游标');
  return raw.slice(prefix.length);
}

export interface WindowOptions {
  /** Largest page (default MAX_PAGE_SIZE). */
  max?: number;
  /** Page when neither first nor last is given (default DEFAULT_PAGE_SIZE, at most `max`). */
  default?: number;
  /**
   * Checks a decoded key (for instance that it is a row id within int4); returns false for a key
   * this list never hands out, which is refused like a malformed cursor.
   */
  validKey?: (key: string) => boolean;
}

function checkSize(field: 'first' | 'last', value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new BadInputError(field, `${field} 应为 0 到 ${max} 之间的整数（每页至多 ${max} 条）`, { max });
  }
  return value;
}

/** Checks a connection's arguments; BAD_USER_INPUT naming the argument at fault. */
export function pageWindow(namespace: string, args: PageArgs, opts: WindowOptions = {}): PageWindow {
  const max = opts.max ?? MAX_PAGE_SIZE;
  if (args.first != null && args.last != null)
    throw new BadInputError('last', 'first 与 last 不能同时给出：向后翻页用 first/after，向前翻页用 last/before');
  const key = (field: 'after' | 'before', cursor: string | null | undefined): string | null => {
    if (cursor == null) return null;
    const k = decodeCursor(namespace, cursor, field);
    if (opts.validKey && !opts.validKey(k)) throw new BadInputError(field, '游标无效：不是本列表给出的游标');
    return k;
  };
  const fromEnd = args.last != null;
  const size =
    args.first != null
      ? checkSize('first', args.first, max)
      : args.last != null
        ? checkSize('last', args.last, max)
        : Math.min(opts.default ?? DEFAULT_PAGE_SIZE, max);
  return { after: key('after', args.after), before: key('before', args.before), size, fromEnd };
}

/** A key that names a row id (a positive int4), for `WindowOptions.validKey`. */
export const isRowIdKey = (key: string): boolean => /^[1-9]\d{0,9}$/.test(key) && Number(key) <= 2 ** 31 - 1;

/** Index of the first item whose key is not before `key` in the list's order (binary search). */
function lowerBound<T>(
  items: readonly T[],
  keyOf: (t: T) => string,
  compare: (a: string, b: string) => number,
  key: string,
): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(keyOf(items[mid]), key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A page of a list held whole in memory, which must already be in its order: `compare` orders
 * keys the same way (keys unique). A cursor whose item has left the list still pages from
 * where that item would be. `cursorKey` makes the key a cursor carries from the item's key
 * (walks.ts adds its walk's token); the window's keys are item keys.
 */
export function pageOfList<T>(
  namespace: string,
  items: readonly T[],
  keyOf: (t: T) => string,
  compare: (a: string, b: string) => number,
  w: PageWindow,
  cursorKey: (key: string) => string = (key) => key,
): Connection<T> {
  let lo = 0;
  let hi = items.length;
  if (w.after !== null) {
    lo = lowerBound(items, keyOf, compare, w.after);
    if (lo < items.length && compare(keyOf(items[lo]), w.after) === 0) lo++;
  }
  if (w.before !== null) hi = Math.max(lo, lowerBound(items, keyOf, compare, w.before));
  const start = w.fromEnd ? Math.max(lo, hi - w.size) : lo;
  const end = w.fromEnd ? hi : Math.min(hi, lo + w.size);
  const nodes = items.slice(start, end);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(namespace, cursorKey(keyOf(node))), node }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: items.length,
  };
}

/**
 * A page from rows a store read by key: at most `w.size + 1` rows strictly past the cursor, in
 * the direction asked (the list's order for `first`, the reverse for `last`); the extra row
 * only says that there is more. Returned in the list's order.
 */
export function connectionFromRows<T>(
  namespace: string,
  rows: readonly T[],
  keyOf: (t: T) => string,
  w: PageWindow,
  totalCount: number,
): Connection<T> {
  const more = rows.length > w.size;
  const taken = rows.slice(0, w.size);
  const nodes = w.fromEnd ? taken.reverse() : taken;
  const edges = nodes.map((node) => ({ cursor: encodeCursor(namespace, keyOf(node)), node }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: w.fromEnd ? w.before !== null : more,
      hasPreviousPage: w.fromEnd ? more : w.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}

/** Compares keys that are decimal row ids, as numbers. */
export const compareNumericKeys = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** Compares string keys by code unit (the same order on every machine, unlike localeCompare). */
export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A row id (or a rank), zero-padded to 12 digits so that keys compare as the numbers do. */
export const padKey = (id: string | number): string => String(id).padStart(12, '0');

/**
 * A 53-bit digest of a string (cyrb53, a public-domain non-cryptographic hash), 11 base-36
 * characters, for the part of a finding's key that says what it is about: it only has to be
 * stable and spread keys, and a scope's 100,000 findings are digested several times faster than
 * with sha256. Two findings about exactly the same things share a digest; `keyedSorted` keeps
 * their keys apart.
 */
export function keyDigest(text: string): string {
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

/**
 * Items with their keys, sorted by key; two items with the same key keep their order and get
 * `~1`, `~2` appended, so keys stay unique.
 */
export function keyedSorted<T>(items: readonly T[], keyOf: (t: T) => string): Array<{ key: string; item: T }> {
  const out = items.map((item) => ({ key: keyOf(item), item })).sort((a, b) => compareKeys(a.key, b.key));
  let base = '';
  let n = 0;
  for (const x of out) {
    if (x.key === base) x.key = `${base}~${++n}`;
    else {
      base = x.key;
      n = 0;
    }
  }
  return out;
}

/** Checks a page's arguments before any work is done (BAD_USER_INPUT naming the argument). */
export const checkPage = (namespace: string, args: PageArgs): PageWindow =>
  pageWindow(namespace, args, { max: MAX_PAGE_SIZE });

/** A page of a list held in memory in any order, sorted by `keyOf` (keyedSorted); nodes made by `node`. */
export function pageOfItems<T, N>(
  namespace: string,
  items: readonly T[],
  keyOf: (t: T) => string,
  args: PageArgs,
  node: (t: T) => N,
): Connection<N> {
  const page = pageOfList(namespace, keyedSorted(items, keyOf), (x) => x.key, compareKeys, checkPage(namespace, args));
  const nodes = page.nodes.map((x) => node(x.item));
  return { ...page, nodes, edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i] })) };
}

/**
 * Figures about a whole list, whatever the page: its total and a count for every kind (zeros included, in `kinds`'
 * order).
 */
export function countsByKind<T, K extends string>(
  items: readonly T[],
  kinds: readonly K[],
  kindOf: (t: T) => K,
): { total: number; byKind: Array<{ kind: K; count: number }> } {
  const counts = new Map<K, number>(kinds.map((k) => [k, 0]));
  for (const x of items) counts.set(kindOf(x), (counts.get(kindOf(x)) ?? 0) + 1);
  return { total: items.length, byKind: [...counts].map(([kind, count]) => ({ kind, count })) };
}
