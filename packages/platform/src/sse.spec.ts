/**
 * Subscriptions on the production subgraph server (sse.ts): served as server-sent events after
 * the signature check, errors formatted as for queries, the iterator ended when the client goes;
 * a mutation announced on the event bus (events.ts).
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { NotFoundError } from './errors';
import { InProcessBus, topics, type WrittenEvent } from './events';
import { HUB_OPERATOR } from './identity';
import { GATEWAY_KEYID, signRequest } from './signature';
import { startSubgraphServer, type RunningServer } from './subgraph';

const SECRET = 'sse-secret-0123456789abc';
let server: RunningServer;
const bus = new InProcessBus();
let ended!: () => void;
let endedOnce = new Promise<void>((r) => (ended = r));

beforeAll(async () => {
  const schema = buildSubgraphSchema([
    {
      typeDefs: parse(`type Query { x: Int } type Mutation { poke: Int }
        type Subscription { ticks(n: Int!): Int! forever: Int! refused: Int! }`),
      resolvers: {
        Mutation: { poke: () => 1 },
        Subscription: {
          ticks: {
            subscribe: async function* (_: unknown, { n }: { n: number }) {
              for (let i = 1; i <= n; i++) yield { ticks: i };
            },
          },
          // Not a generator: a generator awaiting inside cannot be returned until it yields again.
          forever: {
            subscribe: () => {
              let sent = false;
              return {
                next: () => {
                  if (!sent) {
                    sent = true;
                    return Promise.resolve({ value: { forever: 1 }, done: false });
                  }
                  return new Promise(() => undefined);
                },
                return: () => {
                  ended();
                  return Promise.resolve({ value: undefined, done: true });
                },
                [Symbol.asyncIterator]() {
                  return this;
                },
              };
            },
          },
          refused: {
            subscribe: () => {
              throw new NotFoundError('scope', '未知单位代码：X');
            },
          },
        },
      } as never,
    },
  ]);
  server = await startSubgraphServer({ name: 'sse', schema, secret: SECRET, context: () => ({}), events: bus }, 0);
});
afterAll(async () => {
  await server?.close();
});

function signedGet(query: string, variables?: Record<string, unknown>, secret = SECRET) {
  const u = new URL(server.url);
  u.searchParams.set('query', query);
  if (variables) u.searchParams.set('variables', JSON.stringify(variables));
  const url = u.toString();
  const headers = {
    accept: 'text/event-stream',
    ...signRequest(
      { method: 'GET', url, body: '' },
      { keyid: GATEWAY_KEYID, secret, target: 'sse', identity: HUB_OPERATOR },
    ),
  };
  return { url, headers };
}

const events = (text: string) =>
  text
    .split('\n\n')
    .filter((m) => m.startsWith('event:'))
    .map((m) => {
      const [ev, data] = m.split('\n');
      const d = data.slice('data:'.length).trim();
      return { event: ev.slice('event:'.length).trim(), data: d ? JSON.parse(d) : null };
    });

describe('subscriptions over SSE on the subgraph server', () => {
  it('streams each result as `next`, then `complete` (GET, as the gateway asks)', async () => {
    const { url, headers } = signedGet('subscription($n: Int!) { ticks(n: $n) }', { n: 3 });
    const res = await fetch(url, { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(events(await res.text())).toEqual([
      { event: 'next', data: { data: { ticks: 1 } } },
      { event: 'next', data: { data: { ticks: 2 } } },
      { event: 'next', data: { data: { ticks: 3 } } },
      { event: 'complete', data: null },
    ]);
  });

  it("sends a refusal as a query's error (code and field), then completes", async () => {
    const { url, headers } = signedGet('subscription { refused }');
    const got = events(await (await fetch(url, { headers })).text());
    expect(got).toEqual([
      {
        event: 'next',
        data: {
          errors: [
            {
              message: '未知单位代码：X',
              locations: [{ line: 1, column: 16 }],
              path: ['refused'],
              extensions: { code: 'NOT_FOUND', field: 'scope' },
            },
          ],
        },
      },
      { event: 'complete', data: null },
    ]);
  });

  it('refuses an unsigned or wrongly signed SSE request with 401, as any request', async () => {
    const { url, headers } = signedGet('subscription { forever }', undefined, 'another-secret-0123456789');
    expect((await fetch(url, { headers })).status).toBe(401);
    expect((await fetch(url, { headers: { accept: 'text/event-stream' } })).status).toBe(401);
  });

  it("ends the subscription's iterator when the client disconnects", async () => {
    endedOnce = new Promise<void>((r) => (ended = r));
    const { url, headers } = signedGet('subscription { forever }');
    const ctrl = new AbortController();
    const res = await fetch(url, { headers, signal: ctrl.signal });
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('"forever":1');
    ctrl.abort();
    await endedOnce; // resolves only through the generator's finally: the iterator was returned
  });

  it('announces each mutation on the bus as a wake-up naming the subgraph, and nothing for a query', async () => {
    const got: WrittenEvent[] = [];
    const off = bus.subscribe(topics.written('sse'), (p) => got.push(p as WrittenEvent));
    const call = async (query: string) => {
      const body = JSON.stringify({ query });
      const res = await fetch(server.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...signRequest(
            { method: 'POST', url: server.url, body },
            { keyid: GATEWAY_KEYID, secret: SECRET, target: 'sse', identity: HUB_OPERATOR },
          ),
        },
        body,
      });
      expect(res.status).toBe(200);
      await res.text();
    };
    await call('{ x }');
    await call('mutation { poke }');
    await bus.flush();
    off();
    expect(got).toEqual([{ subgraph: 'sse', by: expect.stringContaining(`:${process.pid}`), at: expect.any(Number) }]);
  });
});
