/**
 * The explorer: GraphiQL from @graphql-yoga/render-graphiql (offline, no CDN), opened the way a
 * newcomer needs it. Its tab and the page are titled with the product, the Headers pane holds
 * the Authorization template to paste the token into, the query pane holds the tour's first
 * question (README, step 1), and the schema (the Docs pane, completion) is fetched as soon as
 * a token is in the Headers pane, without a manual "re-fetch".
 *
 * Two small things run in the page beside GraphiQL (explorerScript): an `onEditHeaders`
 * handler that asks GraphiQL to introspect again once the headers hold a token (debounced, and
 * once per distinct headers), and a guard in front of `fetch` that answers an introspection
 * sent without a token from the page itself with an explanation, instead of a 401 from the hub.
 */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

export const EXPLORER_TITLE = 'Tiaokuai Hub 条块';

/** What the Headers pane opens with: the token goes after "Bearer ". */
export const EXPLORER_TOKEN_PLACEHOLDER = '<paste the token that npm start printed>';
export const EXPLORER_HEADERS = JSON.stringify({ Authorization: `Bearer ${EXPLORER_TOKEN_PLACEHOLDER}` }, null, 2);

/** The tour's first question (README, step 1), named so that GraphiQL's tab is named after it. */
export const EXPLORER_QUERY = `# ${EXPLORER_TITLE}: who leads a unit's party-building, who guides it, and why.
# 1. Paste your token into the Headers pane below (npm start prints one; npm run token makes another).
# 2. Run this query (Ctrl-Enter). More in README.md ("A guided tour") and docs/tour.md.
query WhoLeads {
  unit(by: { code: "SC-DZJ" }) {
    name
    partyBuilding {
      rule
      leaders { code name }
      guides { code name }
      explanation
      anomalies { code message }
    }
  }
}
`;

/** The explorer's GraphiQL options (the runtime adds its logo; ours win). */
export const EXPLORER_OPTIONS = {
  title: EXPLORER_TITLE,
  defaultQuery: EXPLORER_QUERY,
  headers: EXPLORER_HEADERS,
};

/**
 * The page's own script (a function expression, serialised into the page): wraps fetch and
 * returns the props to merge into GraphiQL's options.
 */
export function explorerScript(placeholder: string): { onEditHeaders: (headers: string) => void } {
  /** The Authorization header of the Headers pane's text, if it holds a real token. */
  const tokenOf = (text: string | null | undefined): string | undefined => {
    try {
      const headers = JSON.parse(text || '{}') as Record<string, unknown>;
      const entry = Object.entries(headers).find(([k]) => k.toLowerCase() === 'authorization');
      const value = typeof entry?.[1] === 'string' ? entry[1].trim() : '';
      if (!value || value.includes(placeholder) || /^bearer\s*$/i.test(value)) return undefined;
      return value;
    } catch {
      return undefined;
    }
  };
  const originalFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    if (body.includes('"operationName":"IntrospectionQuery"')) {
      const headers = new Headers(init?.headers);
      const auth = headers.get('authorization') ?? '';
      if (!auth.trim() || auth.includes(placeholder) || /^bearer\s*$/i.test(auth.trim())) {
        const message =
          'No token yet: paste it into the Headers pane as {"Authorization": "Bearer <token>"}; ' +
          'the schema loads as soon as it is there. 尚未提供令牌：请在 Headers 中填写。';
        return new Response(JSON.stringify({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      }
    }
    return originalFetch(input, init);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let introspectedWith: string | undefined;
  return {
    onEditHeaders(text: string) {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const token = tokenOf(text);
        if (!token || token === introspectedWith) return;
        const refetch = document.querySelector<HTMLButtonElement>('button[aria-label^="Re-fetch GraphQL schema"]');
        if (!refetch) return;
        introspectedWith = token;
        refetch.click();
      }, 400);
    },
  };
}

/**
 * GraphiQL's page with explorerScript's props merged into its options. Throws if the page no
 * longer has the shape this relies on (a renderYogaGraphiQL call with the options as JSON).
 */
export function renderExplorer(opts: Parameters<typeof renderGraphiQL>[0]): string {
  const html = renderGraphiQL(opts);
  const json = JSON.stringify(opts ?? {});
  const call = `YogaGraphiQL.renderYogaGraphiQL(`;
  const at = html.lastIndexOf(json);
  if (at < 0 || html.lastIndexOf(call) < 0 || html.lastIndexOf(call) > at)
    throw new Error('render-graphiql changed: the explorer cannot add its header handling');
  const merged = `Object.assign(${json}, (${explorerScript.toString()})(${JSON.stringify(EXPLORER_TOKEN_PLACEHOLDER)}))`;
  return html.slice(0, at) + merged + html.slice(at + json.length);
}
