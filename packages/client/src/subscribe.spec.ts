import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TiaokuaiError } from './client';
import { subscribe } from './subscribe';

/**
 * A tiny server speaking graphql-sse's "distinct connections mode": a POST with
 * `accept: text/event-stream` opens a stream of `next` events and one `complete`. What it sends
 * is set per test; it records each connection's headers and body and whether the client closed it.
 */
interface Connection {
  headers: IncomingHttpHeaders;
  body: { query: string; variables?: Record<string, unknown> };
  closed: boolean;
}
let server: Server;
let url: string;
let connections: Connection[] = [];
let script: (send: (event: string, data: unknown) => void, end: () => void, status: (code: number) => boolean) => void;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const conn: Connection = { headers: req.headers, body: JSON.parse(raw || '{}'), closed: false };
      connections.push(conn);
      res.on('close', () => (conn.closed = true));
      let started = false;
      const start = () => {
        if (started) return;
        started = true;
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        res.flushHeaders();
      };
      script(
        (event, data) => {
          start();
          res.write(`event: ${event}\ndata: ${data === undefined ? '' : JSON.stringify(data)}\n\n`);
        },
        () => {
          start();
          res.end('event: complete\ndata:\n\n');
        },
        (code) => {
          res.writeHead(code, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: `HTTP ${code}` }] }));
          return true;
        },
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => (connections = []));

const SUB = 'subscription ($scope: String!) { anomalyChanged(scope: $scope) { code } }';

it('yields each event’s data until complete, with the token and the variables on the connection', async () => {
  script = (send, end) => {
    send('next', { data: { anomalyChanged: { code: 'CYCLE' } } });
    send('next', { data: { anomalyChanged: { code: 'MISSING_LEADER' } } });
    end();
  };
  const got: unknown[] = [];
  for await (const data of subscribe({ url, token: async () => 'tok', requestId: 'sub-1' }, SUB, { scope: 'SC-JGGW' }))
    got.push(data);
  expect(got).toEqual([{ anomalyChanged: { code: 'CYCLE' } }, { anomalyChanged: { code: 'MISSING_LEADER' } }]);
  expect(connections).toHaveLength(1);
  expect(connections[0].headers.authorization).toBe('Bearer tok');
  expect(connections[0].headers['x-request-id']).toBe('sub-1');
  expect(connections[0].headers.accept).toContain('text/event-stream');
  expect(connections[0].body).toEqual({ query: SUB, variables: { scope: 'SC-JGGW' } });
});

it('an event with errors ends the loop with a TiaokuaiError carrying its code and field', async () => {
  script = (send) => {
    send('next', { data: { anomalyChanged: { code: 'CYCLE' } } });
    send('next', { errors: [{ message: 'scope：不存在', extensions: { code: 'NOT_FOUND', field: 'scope' } }] });
  };
  const got: unknown[] = [];
  const error = await (async () => {
    for await (const data of subscribe({ url }, SUB, { scope: 'NOPE' })) got.push(data);
  })().catch((e: unknown) => e);
  expect(got).toEqual([{ anomalyChanged: { code: 'CYCLE' } }]);
  expect(error).toBeInstanceOf(TiaokuaiError);
  expect(error).toMatchObject({ code: 'NOT_FOUND', field: 'scope', message: 'scope：不存在' });
});

it('a refused connection (401) is UNAUTHENTICATED, without retrying', async () => {
  script = (_send, _end, status) => status(401);
  const error = await (async () => {
    for await (const _ of subscribe({ url }, SUB, { scope: 'SC-JGGW' })) void _;
  })().catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'TiaokuaiError', code: 'UNAUTHENTICATED', status: 401 });
  expect(connections).toHaveLength(1);
});

it('leaving the loop closes the connection', async () => {
  script = (send) => send('next', { data: { anomalyChanged: { code: 'CYCLE' } } }); // and never completes
  for await (const data of subscribe({ url }, SUB, { scope: 'SC-JGGW' })) {
    expect(data).toEqual({ anomalyChanged: { code: 'CYCLE' } });
    break;
  }
  // The server sees the close once the socket's end reaches it: wait for that event, no timer.
  await new Promise<void>((resolve) => {
    const poll = () => (connections[0].closed ? resolve() : setImmediate(poll));
    poll();
  });
  expect(connections[0].closed).toBe(true);
});

it('aborting the signal ends the loop', async () => {
  script = (send) => send('next', { data: { anomalyChanged: { code: 'CYCLE' } } });
  const abort = new AbortController();
  const got: unknown[] = [];
  for await (const data of subscribe({ url, signal: abort.signal }, SUB, { scope: 'SC-JGGW' })) {
    got.push(data);
    abort.abort();
  }
  expect(got).toHaveLength(1);
});
