/**
 * The real hub as a browser meets it (docs/api.md, "From a browser"): the CORS allowlist on GraphQL and on the
 * downloads, preflights included, the request id readable; automatic persisted queries; each answer's cost in its
 * extensions; and the graphql-http audits still passing with CORS_ORIGINS set.
 */
import { DEMO_FILE, IMPORT_MUTATION, type RunningHub } from '@tiaokuai/tools';
import { serverAudits } from 'graphql-http';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startTestHub, type TestHub } from './hub';

const APP = 'http://localhost:5173';
const OTHER = 'https://elsewhere.example.com';
const MAX_COST = 3000;

let t: TestHub;
let hub: RunningHub;
let base: string;
beforeAll(async () => {
  t = await startTestHub({
    CORS_ORIGINS: `https://app.example.cn,${APP}`,
    CORS_MAX_AGE: '120',
    LIMIT_MAX_COST: String(MAX_COST),
  });
  hub = t.hub;
  base = t.url.replace(/\/graphql$/, '');
  const r = await t.gql(IMPORT_MUTATION, { document: JSON.parse(readFileSync(DEMO_FILE, 'utf8')) });
  expect(r.data.importUnits.ok).toBe(true);
});
afterAll(async () => {
  await t?.close();
});

const accessControl = (res: Response) => {
  const names: string[] = [];
  res.headers.forEach((_value, name) => names.push(name));
  return names.filter((k) => k.startsWith('access-control-'));
};
const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${hub.operatorToken}`, ...headers },
    body: JSON.stringify(body),
  });

describe('CORS', () => {
  it('preflights from an allowed origin on GraphQL and both downloads: 204, the clients’ headers, max-age', async () => {
    for (const path of ['/graphql', '/calendar/SC-DZJ/2026.ics', '/assessments/1/results.csv']) {
      const res = await fetch(`${base}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: APP,
          'access-control-request-method': path === '/graphql' ? 'POST' : 'GET',
          'access-control-request-headers': 'authorization,content-type,x-apollo-operation-name',
        },
      });
      expect([path, res.status]).toEqual([path, 204]);
      expect(res.headers.get('access-control-allow-origin')).toBe(APP);
      expect(res.headers.get('access-control-max-age')).toBe('120');
      expect(res.headers.get('access-control-allow-headers')).toEqual(
        expect.stringContaining('x-apollo-operation-name'),
      );
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('a query from an allowed origin: its origin back, vary, x-request-id exposed and readable', async () => {
    const res = await post(
      { query: '{ unit(by: { code: "SC-DZJ" }) { name } }' },
      { origin: APP, 'x-request-id': 'page-42' },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('vary')?.toLowerCase()).toContain('origin');
    expect(res.headers.get('access-control-expose-headers')?.split(/,\s*/)).toContain('x-request-id');
    expect(res.headers.get('x-request-id')).toBe('page-42');
    expect(((await res.json()) as { data: unknown }).data).toEqual({ unit: { name: '四川省地震局' } });
  });

  it('a download with the bearer header from an allowed origin: the file, with CORS headers', async () => {
    const viewer = await hub.token({ body: 'SC-JGGW', role: 'VIEWER' });
    const res = await fetch(`${base}/calendar/SC-DZJ/2026.ics`, {
      headers: { origin: APP, authorization: `Bearer ${viewer}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(await res.text()).toContain('BEGIN:VCALENDAR');
  });

  it('another origin: no CORS header on an answer, its preflight refused without a body', async () => {
    const res = await post({ query: '{ unit(by: { code: "SC-DZJ" }) { name } }' }, { origin: OTHER });
    expect(accessControl(res)).toEqual([]);
    for (const path of ['/graphql', '/assessments/1/results.xlsx']) {
      const pre = await fetch(`${base}${path}`, {
        method: 'OPTIONS',
        headers: { origin: OTHER, 'access-control-request-method': 'POST' },
      });
      expect([path, pre.status, accessControl(pre), await pre.text()]).toEqual([path, 403, [], '']);
    }
  });
});

describe('automatic persisted queries', () => {
  const query = 'query ApqUnit { unit(by: { code: "SC-DZJ" }) { name } }';
  const hash = createHash('sha256').update(query).digest('hex');
  const persisted = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });
  type Answer = { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };

  it('not found → registered with its text → the hash alone runs', async () => {
    const miss = (await (await post({ extensions: persisted(hash) })).json()) as Answer;
    expect(miss.errors?.[0]).toMatchObject({
      message: 'PersistedQueryNotFound',
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
    });
    const register = (await (await post({ query, extensions: persisted(hash) })).json()) as Answer;
    expect(register.data).toEqual({ unit: { name: '四川省地震局' } });
    const hit = (await (await post({ extensions: persisted(hash), operationName: 'ApqUnit' })).json()) as Answer;
    expect(hit).toMatchObject({ data: { unit: { name: '四川省地震局' } } });
    expect(hit.errors).toBeUndefined();
  });

  it('a hash that is not the text’s: PERSISTED_QUERY_HASH_MISMATCH, and nothing runs', async () => {
    const res = await post({
      query: '{ unit(by: { code: "SC-JGGW" }) { name } }',
      extensions: persisted(hash.replace(/^./, 'f')),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Answer;
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
  });
});

describe('cost in the extensions', () => {
  it('a paged list counts its page: the answer says so, beside the limit', async () => {
    const small = (await (await post({ query: '{ units(first: 2) { nodes { code } } }' })).json()) as {
      extensions?: { cost?: { requested: number; limit: number } };
    };
    const large = (await (await post({ query: '{ units(first: 200) { nodes { code } } }' })).json()) as {
      extensions?: { cost?: { requested: number; limit: number } };
    };
    expect(small.extensions?.cost?.limit).toBe(MAX_COST);
    expect(large.extensions?.cost?.requested).toBeGreaterThan(small.extensions!.cost!.requested);
  });
});

describe('GraphQL over HTTP with CORS on', () => {
  it('passes every graphql-http server audit, from an allowed origin', async () => {
    const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) =>
      fetch(input, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          authorization: `Bearer ${hub.operatorToken}`,
          origin: APP,
        },
      });
    const failed: string[] = [];
    let ran = 0;
    for (const audit of serverAudits({ url: t.url, fetchFn })) {
      const result = await audit.fn();
      ran++;
      if (result.status !== 'ok') failed.push(`${result.status}: ${audit.name}: ${result.reason}`);
    }
    expect(ran).toBeGreaterThan(50);
    expect(failed).toEqual([]);
  });
});
