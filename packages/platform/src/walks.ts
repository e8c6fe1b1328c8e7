/**
 * Walk snapshots: a page of a list computed by a scan costs a page, not another scan
 * (ARCHITECTURE.md "Bounded answers").
 *
 * A scope-wide list (a scope's task or assessment findings, the units two bodies share) is
 * computed whole before a page can be cut from it. Without this module every page of a walk
 * computed the whole list again: seventeen pages of a province were seventeen scans.
 *
 * - The first page (no `after`, no `before`) always computes the list fresh and keeps it here,
 *   keyed by an unguessable walk token (128 random bits) that every cursor it hands out
 *   carries: the cursor's key is `<token>.<item key>` (paging.ts still wraps it as
 *   `<namespace>:<key>`, so a cursor of another list is refused as before).
 * - A following page whose cursor names a walk still held, asked by the SAME caller (callerKey:
 *   subject, body, role, operator flag, calling service and grant) with the SAME arguments
 *   (`question`), is answered from what was kept: no scan, no call to another subgraph.
 * - Otherwise (the walk was evicted or expired, another replica made it, another caller or other
 *   arguments present it, or a cursor from before walks carries no token) the list is computed
 *   fresh, kept as a new walk, and the page continues by item key, as paging.ts always did.
 *   A token never shows one caller another's list: a mismatch is a miss, not an error.
 *
 * So a walk sees one consistent list as of its first page (items, totalCount, summary), at most
 * `maxAgeMs` old (WALK_MAX_AGE_MS, default 2 minutes); writes made during the walk show in the
 * next walk. Per process: several replicas each keep their own, and a page that lands on
 * another is still right, only not cheap.
 *
 * Memory: only what a page needs is kept (the keyed items and the summary, never the scan's
 * inputs), at most `capacity` walks (default 32), the least recently used dropped first;
 * expired walks are dropped when the next walk is kept or when asked for. A province's task
 * findings (8,377 in BENCHMARKS.md's synthetic province) are some 8 MB held (a finding with its
 * Chinese message and suggestion, its ids and its key, about 1 KB), so 32 province walks are
 * about 256 MB at worst; a unit's or a city's lists are a small fraction of that.
 */
import { randomBytes } from 'node:crypto';
import type { Identity } from './identity';
import { compareKeys, pageOfList, pageWindow, type Connection, type PageArgs } from './paging';

/** How long a walk is answered from its first page's list (ms), unless WALK_MAX_AGE_MS says otherwise. */
export const DEFAULT_WALK_MAX_AGE_MS = 120_000;
/** How many walks a process keeps at most. */
export const DEFAULT_WALK_CAPACITY = 32;

/** WALK_MAX_AGE_MS (a whole number of ms, 0 = every page computes its list), else the default. */
export function walkMaxAgeFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.WALK_MAX_AGE_MS;
  const v = Number(raw);
  return raw !== undefined && raw !== '' && Number.isInteger(v) && v >= 0 ? v : DEFAULT_WALK_MAX_AGE_MS;
}

/** Everything about a caller that can change what a list holds for them. */
export function callerKey(identity: Identity): string {
  return JSON.stringify([
    identity.subject,
    identity.body,
    identity.role,
    identity.hubAdmin,
    identity.service ?? null,
    identity.grant ?? null,
  ]);
}

/** A list computed whole: its items keyed and in key order (paging.ts keyedSorted), and figures about them all. */
export interface WalkList<T, S> {
  items: ReadonlyArray<{ key: string; item: T }>;
  summary: S;
}

/** A page of a walk: paging.ts's connection with the summary of the whole list. */
export type WalkPage<N, S> = Connection<N> & { summary: S };

export interface WalkQuestion<T, S, N> {
  /** The list's cursor namespace (paging.ts). */
  namespace: string;
  /** Who asks (callerKey). */
  caller: string;
  /** The list's arguments, paging aside (scope, dates, filters), as one string. */
  question: string;
  page: PageArgs;
  /** Computes the whole list (the scan). */
  compute: () => Promise<WalkList<T, S>>;
  /** Makes a page's node from an item. */
  node: (item: T) => N;
}

/** Whose walk it is: the list, the caller and the question. */
type WalkOwner = Pick<WalkQuestion<unknown, unknown, unknown>, 'namespace' | 'caller' | 'question'>;

interface Walk {
  token: string;
  namespace: string;
  caller: string;
  question: string;
  /** When its list was computed (the store's clock). */
  at: number;
  list: WalkList<unknown, unknown>;
}

export interface WalkStoreOptions {
  capacity?: number;
  /** Default WALK_MAX_AGE_MS (walkMaxAgeFromEnv). */
  maxAgeMs?: number;
  /** The clock, in ms (tests inject one). */
  now?: () => number;
}

/** A walk's token: 16 random bytes, base64url (22 characters, never a '.'). */
const TOKEN = /^([A-Za-z0-9_-]{22})\.([\s\S]+)$/;

/** A cursor key split into its walk token (null for a cursor without one) and item key. */
export function splitWalkKey(key: string): { token: string | null; key: string } {
  const m = TOKEN.exec(key);
  return m ? { token: m[1], key: m[2] } : { token: null, key };
}

/** The walks a process keeps (see the module's doc). One per subgraph process, shared by its lists. */
export class WalkStore {
  private readonly walks = new Map<string, Walk>();
  private readonly capacity: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private computed = 0;

  constructor(opts: WalkStoreOptions = {}) {
    this.capacity = opts.capacity ?? DEFAULT_WALK_CAPACITY;
    this.maxAgeMs = opts.maxAgeMs ?? walkMaxAgeFromEnv();
    this.now = opts.now ?? Date.now;
  }

  /** How many lists this store has had computed (for tests: a page answered from a walk adds none). */
  get computes(): number {
    return this.computed;
  }

  /** Walks held now (expired ones included until dropped). */
  get size(): number {
    return this.walks.size;
  }

  /**
   * A page of the list `q` names: from the walk its cursor carries when that walk is held for
   * this caller and question, else from a fresh computation kept as a new walk. The paging
   * arguments are checked before any work (BAD_USER_INPUT naming the argument).
   */
  async page<T, S, N>(q: WalkQuestion<T, S, N>): Promise<WalkPage<N, S>> {
    const w = pageWindow(q.namespace, q.page);
    const after = w.after === null ? null : splitWalkKey(w.after);
    const before = w.before === null ? null : splitWalkKey(w.before);
    const token = after && before && after.token !== before.token ? null : (after?.token ?? before?.token ?? null);
    let walk = token === null ? undefined : this.held(token, q);
    if (!walk) {
      this.computed++;
      const list = await q.compute();
      walk = this.keep(q, list as WalkList<unknown, unknown>);
    }
    const held = walk;
    const items = held.list.items as ReadonlyArray<{ key: string; item: T }>;
    const page = pageOfList(
      q.namespace,
      items,
      (x) => x.key,
      compareKeys,
      { ...w, after: after?.key ?? null, before: before?.key ?? null },
      (key) => `${held.token}.${key}`,
    );
    const nodes = page.nodes.map((x) => q.node(x.item));
    return {
      ...page,
      nodes,
      edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i] })),
      summary: held.list.summary as S,
    };
  }

  /** The walk `token` names if it is held, fresh, and was made for this caller and question. */
  private held(token: string, q: WalkOwner): Walk | undefined {
    const walk = this.walks.get(token);
    if (!walk) return undefined;
    if (this.expired(walk)) {
      this.walks.delete(token);
      return undefined;
    }
    if (walk.namespace !== q.namespace || walk.caller !== q.caller || walk.question !== q.question) return undefined;
    this.walks.delete(token);
    this.walks.set(token, walk); // most recently used
    return walk;
  }

  private expired(walk: Walk): boolean {
    return this.now() - walk.at >= this.maxAgeMs;
  }

  private keep(q: WalkOwner, list: WalkList<unknown, unknown>): Walk {
    const walk: Walk = {
      token: randomBytes(16).toString('base64url'),
      namespace: q.namespace,
      caller: q.caller,
      question: q.question,
      at: this.now(),
      list,
    };
    if (this.maxAgeMs <= 0) return walk; // kept by nobody: every page computes its list
    for (const [token, w] of this.walks) if (this.expired(w)) this.walks.delete(token);
    this.walks.set(walk.token, walk);
    while (this.walks.size > this.capacity) this.walks.delete(this.walks.keys().next().value as string);
    return walk;
  }
}

const storesByOwner = new WeakMap<object, WalkStore>();

/**
 * The walk store of one database in this process (tests open many databases, and a walk of one
 * must not answer for another): made on first use with the environment's settings.
 */
export function walkStoreOf(owner: object): WalkStore {
  let store = storesByOwner.get(owner);
  if (!store) storesByOwner.set(owner, (store = new WalkStore()));
  return store;
}
