import type { Identity } from './identity';
import { decodeCursor, encodeCursor, keyedSorted, type PageArgs } from './paging';
import { callerKey, splitWalkKey, walkMaxAgeFromEnv, WalkStore, type WalkList } from './walks';

/**
 * The walk store (walks.ts): a walk's pages after the first are answered from the list its
 * first page computed, for the same caller and question only, within its age; everything else
 * computes the list again and still pages by item key. Counted by `computes`, never timed.
 */

const NS = 'things';
const ALICE = 'alice';
const BOB = 'bob';

/** A list whose content the test changes between pages (a "write"), and a clock the test moves. */
function fixture(opts: { capacity?: number; maxAgeMs?: number } = {}) {
  let items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  let clock = 1_000;
  const store = new WalkStore({ capacity: opts.capacity ?? 4, maxAgeMs: opts.maxAgeMs ?? 1_000, now: () => clock });
  const compute = async (): Promise<WalkList<string, { total: number }>> => ({
    items: keyedSorted(items, (s) => s),
    summary: { total: items.length },
  });
  const page = (page: PageArgs, caller = ALICE, question = 'scope=X') =>
    store.page({ namespace: NS, caller, question, page, compute, node: (s) => s.toUpperCase() });
  return {
    store,
    page,
    write: (next: string[]) => {
      items = next;
    },
    tick: (ms: number) => {
      clock += ms;
    },
  };
}

describe('WalkStore: a walk pages one list', () => {
  it('computes the first page, answers the following pages from it both ways, nodes made by `node`', async () => {
    const f = fixture();
    const p1 = await f.page({ first: 3 });
    expect(p1.nodes).toEqual(['A', 'B', 'C']);
    expect(p1.totalCount).toBe(7);
    expect(p1.summary).toEqual({ total: 7 });
    const p2 = await f.page({ first: 3, after: p1.pageInfo.endCursor });
    const p3 = await f.page({ first: 3, after: p2.pageInfo.endCursor });
    expect([p2.nodes, p3.nodes]).toEqual([['D', 'E', 'F'], ['G']]);
    expect(p3.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const back = await f.page({ last: 2, before: p3.pageInfo.startCursor });
    expect(back.nodes).toEqual(['E', 'F']);
    expect(f.store.computes).toBe(1);
  });

  it('every first page computes afresh, and is a new walk', async () => {
    const f = fixture();
    const a = await f.page({ first: 2 });
    const b = await f.page({ first: 2 });
    const c = await f.page({ last: 2 });
    expect(f.store.computes).toBe(3);
    const tokens = [a, b, c].map((p) => splitWalkKey(decodeCursor(NS, p.pageInfo.endCursor!, 'after')).token);
    expect(new Set(tokens).size).toBe(3);
    expect(f.store.size).toBe(3);
  });

  it("a cursor carries the walk token and the item key inside the list's namespace", async () => {
    const f = fixture();
    const p = await f.page({ first: 1 });
    const { token, key } = splitWalkKey(decodeCursor(NS, p.edges[0].cursor, 'after'));
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(key).toBe('a');
    expect(() => decodeCursor('otherList', p.edges[0].cursor, 'after')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });

  it('a write between pages does not change the walk (items, totalCount, summary); a new walk sees it', async () => {
    const f = fixture();
    const p1 = await f.page({ first: 3 });
    f.write(['a', 'b', 'c', 'cc', 'e', 'f', 'g', 'h']); // d settled, cc and h appear
    const p2 = await f.page({ first: 3, after: p1.pageInfo.endCursor });
    expect(p2.nodes).toEqual(['D', 'E', 'F']);
    expect([p2.totalCount, p2.summary.total]).toEqual([7, 7]);
    const fresh = await f.page({ first: 500 });
    expect(fresh.nodes).toEqual(['A', 'B', 'C', 'CC', 'E', 'F', 'G', 'H']);
    expect(fresh.summary.total).toBe(8);
    expect(f.store.computes).toBe(2);
  });
});

describe('WalkStore: a token answers only its own walk', () => {
  it.each<[string, { caller?: string; question?: string }]>([
    ['another caller', { caller: BOB }],
    ['other arguments', { question: 'scope=Y' }],
  ])("%s presenting a walk's cursor gets a fresh list, paged by item key", async (_, other) => {
    const f = fixture();
    const p1 = await f.page({ first: 3 });
    f.write(['a', 'b', 'c', 'd', 'e', 'x']);
    const p2 = await f.page(
      { first: 3, after: p1.pageInfo.endCursor },
      other.caller ?? ALICE,
      other.question ?? 'scope=X',
    );
    expect(p2.nodes).toEqual(['D', 'E', 'X']); // the fresh list, after item 'c'
    expect(p2.totalCount).toBe(6);
    expect(f.store.computes).toBe(2);
    // The owner's walk is still whole.
    expect((await f.page({ first: 3, after: p1.pageInfo.endCursor })).nodes).toEqual(['D', 'E', 'F']);
    expect(f.store.computes).toBe(2);
  });

  it('the fresh list another caller got is a new walk of theirs: its next page is answered from it', async () => {
    const f = fixture();
    const p1 = await f.page({ first: 2 });
    const bob2 = await f.page({ first: 2, after: p1.pageInfo.endCursor }, BOB);
    await f.page({ first: 2, after: bob2.pageInfo.endCursor }, BOB);
    expect(f.store.computes).toBe(2);
    await f.page({ first: 2, after: bob2.pageInfo.endCursor }, ALICE); // Bob's token, Alice's request
    expect(f.store.computes).toBe(3);
  });

  it('a cursor without a token (before walks), or with an unknown token, pages by item key on a fresh list', async () => {
    const f = fixture();
    const plain = await f.page({ first: 2, after: encodeCursor(NS, 'b') });
    expect(plain.nodes).toEqual(['C', 'D']);
    const unknown = await f.page({ first: 2, after: encodeCursor(NS, `${'A'.repeat(22)}.d`) });
    expect(unknown.nodes).toEqual(['E', 'F']);
    expect(f.store.computes).toBe(2);
  });

  it('after and before of two different walks compute afresh', async () => {
    const f = fixture();
    const one = await f.page({ first: 2 });
    const two = await f.page({ last: 2 });
    await f.page({ first: 5, after: one.pageInfo.endCursor, before: two.pageInfo.startCursor });
    expect(f.store.computes).toBe(3);
  });

  it("refuses garbage and other lists' cursors with BAD_USER_INPUT before computing", async () => {
    const f = fixture();
    await expect(f.page({ first: 1, after: 'not a cursor' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
    await expect(f.page({ last: 1, before: encodeCursor('other', 'a') })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'before' },
    });
    expect(f.store.computes).toBe(0);
  });
});

describe('WalkStore: bounded', () => {
  it('a walk expires maxAgeMs after its first page (injected clock): then the list is computed afresh', async () => {
    const f = fixture({ maxAgeMs: 1_000 });
    const p1 = await f.page({ first: 2 });
    f.tick(999);
    const p2 = await f.page({ first: 2, after: p1.pageInfo.endCursor });
    expect(f.store.computes).toBe(1); // pages do not extend a walk's life
    f.tick(1);
    f.write(['a', 'b', 'c', 'z']);
    const p3 = await f.page({ first: 2, after: p2.pageInfo.endCursor });
    expect(p3.nodes).toEqual(['Z']);
    expect(f.store.computes).toBe(2);
  });

  it('expired walks are dropped when the next walk is kept', async () => {
    const f = fixture({ maxAgeMs: 1_000 });
    await f.page({ first: 1 });
    await f.page({ first: 1 });
    f.tick(1_000);
    await f.page({ first: 1 });
    expect(f.store.size).toBe(1);
  });

  it('holds at most `capacity` walks, the least recently used dropped first', async () => {
    const f = fixture({ capacity: 2 });
    const a = await f.page({ first: 1 });
    const b = await f.page({ first: 1 });
    await f.page({ first: 1, after: a.pageInfo.endCursor }); // a used: b is now the oldest
    await f.page({ first: 1 }); // c: b dropped
    expect(f.store.size).toBe(2);
    expect(f.store.computes).toBe(3);
    await f.page({ first: 1, after: a.pageInfo.endCursor });
    expect(f.store.computes).toBe(3);
    await f.page({ first: 1, after: b.pageInfo.endCursor });
    expect(f.store.computes).toBe(4);
  });

  it('maxAgeMs 0 keeps nothing: every page computes', async () => {
    const f = fixture({ maxAgeMs: 0 });
    const p1 = await f.page({ first: 2 });
    const p2 = await f.page({ first: 2, after: p1.pageInfo.endCursor });
    expect(p2.nodes).toEqual(['C', 'D']);
    expect([f.store.computes, f.store.size]).toEqual([2, 0]);
  });
});

describe('walk settings and callers', () => {
  it.each<[string | undefined, number]>([
    [undefined, 120_000],
    ['', 120_000],
    ['5000', 5_000],
    ['0', 0],
    ['-1', 120_000],
    ['1.5', 120_000],
    ['soon', 120_000],
  ])('WALK_MAX_AGE_MS=%p is %p ms', (raw, ms) => {
    expect(walkMaxAgeFromEnv(raw === undefined ? {} : { WALK_MAX_AGE_MS: raw })).toBe(ms);
  });

  it('callerKey tells apart everything that changes what a caller sees', () => {
    const base: Identity = { subject: 's', body: 'B', role: 'VIEWER', hubAdmin: false };
    const variants: Identity[] = [
      base,
      { ...base, subject: 't' },
      { ...base, body: 'C' },
      { ...base, role: 'ADMIN' },
      { ...base, hubAdmin: true },
      { ...base, service: 'tasks', grant: 'jurisdiction' },
      { ...base, service: 'tasks', grant: 'leadership-facts' },
    ];
    expect(new Set(variants.map(callerKey)).size).toBe(variants.length);
    expect(callerKey({ ...base, requestId: 'r1' })).toBe(callerKey({ ...base, requestId: 'r2' }));
  });
});
