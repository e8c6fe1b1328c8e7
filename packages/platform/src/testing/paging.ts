/**
 * Test support for connections (paging.ts): walking one page by page through any transport, and
 * the checks every connection's spec makes. Used by the subgraphs' paging specs, inside jest
 * (`expect` is jest's).
 */
import { encodeCursor } from '../paging';
/** A connection as a query answers it (packages/platform/src/paging.ts). */
export interface Page<N> {
  nodes: N[];
  edges: Array<{ cursor: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/**
 * Walks a connection page by page, `size` at a time: forwards with first/after until
 * hasNextPage is false, then backwards with last/before until hasPreviousPage is false.
 * Checks each page as it goes (size, cursors, totalCount) and stops after `maxPages` pages,
 * so a connection that never ends fails instead of hanging.
 */
export async function walkPages<N>(
  fetch: (args: { first?: number; after?: string | null; last?: number; before?: string | null }) => Promise<Page<N>>,
  size: number,
  maxPages = 1000,
): Promise<{ forwards: N[]; backwards: N[]; pages: number; totalCount: number }> {
  const check = (p: Page<N>, totalCount: number) => {
    if (p.nodes.length > size) throw new Error(`a page of ${p.nodes.length} items, asked for ${size}`);
    if (p.edges.length !== p.nodes.length) throw new Error('edges and nodes differ in length');
    if (p.totalCount !== totalCount) throw new Error(`totalCount changed from ${totalCount} to ${p.totalCount}`);
    if (
      (p.pageInfo.startCursor ?? null) !== (p.edges[0]?.cursor ?? null) ||
      (p.pageInfo.endCursor ?? null) !== (p.edges.at(-1)?.cursor ?? null)
    )
      throw new Error("pageInfo cursors are not the edges'");
  };
  const forwards: N[] = [];
  let first = await fetch({ first: size });
  const totalCount = first.totalCount;
  let pages = 1;
  for (;;) {
    check(first, totalCount);
    forwards.push(...first.nodes);
    if (!first.pageInfo.hasNextPage) break;
    if (++pages > maxPages) throw new Error(`more than ${maxPages} pages`);
    first = await fetch({ first: size, after: first.pageInfo.endCursor });
  }
  const backwards: N[] = [];
  let last = await fetch({ last: size });
  for (let n = 1; ; n++) {
    check(last, totalCount);
    backwards.unshift(...last.nodes);
    if (!last.pageInfo.hasPreviousPage) break;
    if (n > maxPages) throw new Error(`more than ${maxPages} pages`);
    last = await fetch({ last: size, before: last.pageInfo.startCursor });
  }
  return { forwards, backwards, pages, totalCount };
}

type Run = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }>;

/**
 * A page over 500, first with last, and a cursor of another list (well formed, another list's
 * namespace) are refused with BAD_USER_INPUT naming the argument.
 */
export async function expectPageRefusals(
  run: Run,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<void> {
  const foreign = encodeCursor('someOtherList', '000000000001');
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ first: 501 }, 'first'],
    [{ last: 501 }, 'last'],
    [{ first: 1, last: 1 }, 'last'],
    [{ first: 1, after: foreign }, 'after'],
    [{ last: 1, before: foreign }, 'before'],
  ];
  for (const [args, field] of cases) {
    const r = await run(query, { ...variables, ...args });
    expect({ args, code: r.errors?.[0].extensions?.code, field: r.errors?.[0].extensions?.field }).toEqual({
      args,
      code: 'BAD_USER_INPUT',
      field,
    });
  }
}

/** Walks with pages of `size`; both ways give `whole` (one page of 500) exactly, once each. */
export async function expectWalks<N>(
  fetch: (args: Record<string, unknown>) => Promise<Page<N>>,
  size: number,
  show: (n: N) => string = (n) => JSON.stringify(n),
): Promise<Page<N>> {
  const whole = await fetch({ first: 500 });
  expect(whole.pageInfo.hasNextPage).toBe(false);
  expect(whole.nodes).toHaveLength(whole.totalCount);
  const walked = await walkPages(fetch, size);
  expect(walked.forwards.map(show)).toEqual(whole.nodes.map(show));
  expect(walked.backwards.map(show)).toEqual(whole.nodes.map(show));
  expect(new Set(whole.edges.map((e) => e.cursor)).size).toBe(whole.nodes.length);
  expect(walked.pages).toBe(Math.max(1, Math.ceil(whole.totalCount / size)));
  return whole;
}
