import type { TestHub } from './hub';

/**
 * Every node of a connection, page after page: `query` takes `$after` and selects the
 * connection (with `pageInfo { hasNextPage endCursor }` and `nodes`) at `field` of its data.
 * At most `maxPages` pages, so a connection that never ends fails the test instead of hanging.
 */
export async function allNodes<N = any>(t: TestHub, query: string, field: string, variables: Record<string, unknown> = {}, maxPages = 200): Promise<N[]> {
  const out: N[] = [];
  let after: string | null = null;
  for (let n = 0; n < maxPages; n++) {
    const r = await t.gql(query, { ...variables, after });
    if (r.errors) throw new Error(`${field}: ${JSON.stringify(r.errors)}`);
    const page = r.data[field];
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
  throw new Error(`${field}: more than ${maxPages} pages`);
}
