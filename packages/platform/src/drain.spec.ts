import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import http from 'node:http';
import net from 'node:net';
import { HUB_OPERATOR } from './identity';
import { GATEWAY_KEYID, signRequest } from './signature';
import { drainable } from './shutdown';
import { startSubgraphServer, type RunningServer } from './subgraph';

const SECRET = 'drain-secret-0123456789';

/** A promise with its resolve handle: the test decides when things happen. */
function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function post(url: string, agent: http.Agent, query: string): Promise<Answer> {
  const body = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          ...signRequest(
            { method: 'POST', url, body },
            { keyid: GATEWAY_KEYID, secret: SECRET, target: 'drain', identity: HUB_OPERATOR },
          ),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          body += d;
        });
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Resolves with the error code of a fresh TCP connection attempt, or 'connected'. */
function connect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
}

/** A subgraph on the production server whose `slow` field waits for the test. */
async function slowSubgraph() {
  const entered = deferred();
  const gate = deferred<string>();
  const events: string[] = [];
  const schema = buildSubgraphSchema([
    {
      typeDefs: parse('type Query { slow: String fast: String }'),
      resolvers: {
        Query: {
          slow: async () => {
            entered.resolve();
            const v = await gate.promise;
            events.push('resolved');
            return v;
          },
          fast: () => 'fast',
        },
      },
    },
  ]);
  const server = await startSubgraphServer({ name: 'drain', schema, secret: SECRET, context: () => ({}) }, 0);
  return { server, entered, gate, events };
}

describe('graceful shutdown of a subgraph server', () => {
  let server: RunningServer | undefined;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  afterEach(async () => {
    delete process.env.SHUTDOWN_TIMEOUT_MS;
    agent.destroy();
  });

  it('finishes the request in flight, refuses new connections, drops idle keep-alive ones, and only then resolves close', async () => {
    const s = await slowSubgraph();
    server = s.server;
    // Two kept-alive connections, idle afterwards: they must not hold the shutdown up
    // (before the fix close waited for the 65 s keep-alive timeout).
    const warm = await Promise.all([post(server.url, agent, '{ fast }'), post(server.url, agent, '{ fast }')]);
    expect(warm.map((a) => a.status)).toEqual([200, 200]);

    const inflight = post(server.url, agent, '{ slow }');
    await s.entered.promise;
    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
      s.events.push('closed');
    });

    expect(await connect(server.port)).toBe('ECONNREFUSED');
    expect(closed).toBe(false);

    s.gate.resolve('done');
    const answer = await inflight;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { slow: 'done' } });
    expect(answer.headers.connection).toBe('close'); // the client will not reuse the connection
    await closing;
    expect(s.events).toEqual(['resolved', 'closed']);
  }, 20_000);

  it('is bounded: a request still unanswered at SHUTDOWN_TIMEOUT_MS is cut and close resolves', async () => {
    process.env.SHUTDOWN_TIMEOUT_MS = '300';
    const s = await slowSubgraph();
    server = s.server;
    const inflight = post(server.url, agent, '{ slow }').then(
      () => 'answered',
      (e: NodeJS.ErrnoException) => e.code ?? e.message,
    );
    await s.entered.promise;
    await server.close();
    expect(await inflight).toBe('ECONNRESET');
    s.gate.resolve('late'); // let the abandoned operation end
  }, 20_000);
});

describe('drainable', () => {
  it('closes a connection whose answer started before the drain (said keep-alive) once that answer ends', async () => {
    const gate = deferred();
    const started = deferred();
    const srv = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('part 1;');
      started.resolve();
      void gate.promise.then(() => res.end('part 2'));
    });
    srv.keepAliveTimeout = 60_000; // were the connection left to idle out, the test would time out
    const drain = drainable(srv);
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    const port = (srv.address() as net.AddressInfo).port;
    const agent = new http.Agent({ keepAlive: true });
    try {
      const answer = new Promise<Answer & { socketClosed: Promise<void> }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, agent }, (res) => {
            const socketClosed = new Promise<void>((r) => res.socket.once('close', () => r()));
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (d) => {
              body += d;
            });
            res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body, socketClosed }));
          })
          .on('error', reject);
      });
      await started.promise;
      expect(drain.draining).toBe(false);
      const closing = drain.close(10_000);
      expect(drain.draining).toBe(true);
      expect(await connect(port)).toBe('ECONNREFUSED');
      gate.resolve();
      const a = await answer;
      expect(a.headers.connection).toBe('keep-alive');
      expect(a.body).toBe('part 1;part 2');
      await a.socketClosed; // the server ended it, not the 5 s keep-alive timeout
      expect(await closing).toEqual({ cut: 0 });
    } finally {
      agent.destroy();
    }
  }, 20_000);
});
