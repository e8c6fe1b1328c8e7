/** Walking a connection through the gateway, page by page (docs/api.md "Lists come in pages"). */
import type { TestHub } from './hub';

interface Page {
  nodes: any[];
  pageInfo: {
    hasNextPage?: boolean;
    hasPreviousPage?: boolean;
    startCursor?: string | null;
    endCursor?: string | null;
  };
}

/**
 * Every node of a connection: forwards `query` takes `$after: String`, backwards
 * (`backwards: true`) `$before: String`, and the nodes come back in the list's order either way.
 * `pick` finds the connection in the answer. Throws on any error.
 */
export async function allNodes(
  t: TestHub,
  query: string,
  variables: Record<string, unknown>,
  pick: (data: any) => Page,
  opts: { token?: string; backwards?: boolean } = {},
): Promise<any[]> {
  const pages: any[][] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 10_000; i++) {
    const r = await t.gql(query, { ...variables, [opts.backwards ? 'before' : 'after']: cursor }, opts.token);
    if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors).slice(0, 2000)}`);
    const c = pick(r.data);
    pages.push(c.nodes);
    if (!(opts.backwards ? c.pageInfo.hasPreviousPage : c.pageInfo.hasNextPage))
      return (opts.backwards ? pages.reverse() : pages).flat();
    cursor = (opts.backwards ? c.pageInfo.startCursor : c.pageInfo.endCursor) ?? null;
  }
  throw new Error('more than 10,000 pages');
}
