import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, TiaokuaiError } from './client';
import { WhoLeadsDocument } from './gql/graphql';

/** A stand-in gateway: records each request, answers what the test queued. */
interface Seen {
  headers: IncomingHttpHeaders;
  body: { query: string; variables?: Record<string, unknown> };
}
let server: Server;
let url: string;
let seen: Seen[] = [];
let answers: Array<{ status: number; body: string; headers?: Record<string, string> }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      seen.push({ headers: req.headers, body: JSON.parse(raw) });
      const a = answers.shift() ?? { status: 500, body: 'nothing queued' };
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
      res.end(a.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen = [];
  answers = [];
});

const UNIT = { id: 'u1', code: 'SC-DZJ', name: '四川省地震局', partyBuilding: null };

it('sends the typed document, its variables, the token and a request id; returns the data', async () => {
  answers.push({ status: 200, body: JSON.stringify({ data: { unit: UNIT } }), headers: { 'x-request-id': 'r-1' } });
  const hub = createClient({ url, token: 'abc', requestId: () => 'r-1' });
  const data = await hub.request(WhoLeadsDocument, { code: 'SC-DZJ' });
  expect(data.unit?.name).toBe('四川省地震局');
  expect(seen).toHaveLength(1);
  expect(seen[0].headers.authorization).toBe('Bearer abc');
  expect(seen[0].headers['x-request-id']).toBe('r-1');
  expect(seen[0].headers['content-type']).toBe('application/json');
  expect(seen[0].body.variables).toEqual({ code: 'SC-DZJ' });
  expect(seen[0].body.query).toMatch(/^query WhoLeads\(\$code: String!, \$asOf: Date\)/);
});

it('asks an async token getter before every request, and sends no header when it has none', async () => {
  const tokens = ['t1', 'Bearer t2', undefined];
  const hub = createClient({ url, token: async () => tokens.shift() });
  for (let i = 0; i < 3; i++) answers.push({ status: 200, body: JSON.stringify({ data: { unit: null } }) });
  for (let i = 0; i < 3; i++) await hub.request(WhoLeadsDocument, { code: 'X' });
  expect(seen.map((s) => s.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2', undefined]);
  // Without a generator each request gets its own id.
  const ids = seen.map((s) => s.headers['x-request-id']);
  expect(new Set(ids).size).toBe(3);
});

it('throws TiaokuaiError with code and field from the first error, keeping all errors and partial data', async () => {
  const errors = [
    { message: 'input.to：关系不能指向自身（SC-DZJ）', extensions: { code: 'BAD_USER_INPUT', field: 'input.to' } },
    { message: 'second', extensions: { code: 'CONFLICT' } },
  ];
  answers.push({ status: 200, body: JSON.stringify({ data: null, errors }), headers: { 'x-request-id': 'r-9' } });
  const hub = createClient({ url, token: 't' });
  const error = await hub.request(WhoLeadsDocument, { code: 'SC-DZJ' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TiaokuaiError);
  expect(error).toMatchObject({
    name: 'TiaokuaiError',
    code: 'BAD_USER_INPUT',
    field: 'input.to',
    message: 'input.to：关系不能指向自身（SC-DZJ）',
    status: 200,
    requestId: 'r-9',
    errors,
    data: null,
  });
});

it('a 401 without a GraphQL body is UNAUTHENTICATED; an unreachable hub is NETWORK_ERROR', async () => {
  answers.push({ status: 401, body: 'no token' });
  const hub = createClient({ url });
  await expect(hub.request(WhoLeadsDocument, { code: 'X' })).rejects.toMatchObject({
    code: 'UNAUTHENTICATED',
    status: 401,
  });
  const closed = createClient({ url: 'http://127.0.0.1:1/graphql' });
  await expect(closed.request(WhoLeadsDocument, { code: 'X' })).rejects.toMatchObject({
    code: 'NETWORK_ERROR',
    status: 0,
  });
});

it('a GraphQL error answered with HTTP 400 keeps its own code', async () => {
  answers.push({
    status: 400,
    body: JSON.stringify({
      errors: [{ message: 'Cannot query field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    }),
  });
  const hub = createClient({ url });
  await expect(hub.request('{ nope }')).rejects.toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', status: 400 });
  expect(seen[0].body).toEqual({ query: '{ nope }' });
});
