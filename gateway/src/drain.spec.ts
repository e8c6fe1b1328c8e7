import { ephemeralDevKey, signDevToken } from '@tiaokuai/platform/devkey';
import { exportSPKI } from 'jose';
import http from 'node:http';
import net from 'node:net';
import { createAuthenticator } from './auth';
import { startGateway, type RunningGateway } from './index';

const SECRETS = {
  org: 'org-secret-0123456789',
  tasks: 'tasks-secret-0123456789',
  assessments: 'assessments-secret-0123',
};

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

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

// The JS planner: the Rust planner's native module does not load inside jest's sandbox.
describe('graceful shutdown of the gateway', () => {
  let tasks: http.Server;
  let gateway: RunningGateway | undefined;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  afterAll(() => {
    agent.destroy();
    tasks?.closeAllConnections();
    tasks?.close();
  });

  it('finishes the request in flight (its subgraph answers late), refuses new connections, then resolves close', async () => {
    // A stand-in tasks subgraph that holds the request until the test lets it answer.
    const arrived = deferred();
    const gate = deferred();
    tasks = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        arrived.resolve();
        void gate.promise.then(() => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ data: { task: { id: '7' } } }));
        });
      });
    });
    await new Promise<void>((r) => tasks.listen(0, '127.0.0.1', () => r()));
    const key = await ephemeralDevKey();
    const authenticator = await createAuthenticator({
      publicKeyPem: await exportSPKI(key.publicKey),
      issuer: 'tiaokuai-hub-dev',
    });
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      queryPlanner: 'js',
      authenticator,
      subgraphSecrets: SECRETS,
      subgraphUrls: { tasks: `http://127.0.0.1:${(tasks.address() as net.AddressInfo).port}/graphql` },
    });
    const token = await signDevToken(key, { hubAdmin: true });
    const post = (query: string) =>
      new Promise<{ status: number; connection?: string; body: string }>((resolve, reject) => {
        const body = JSON.stringify({ query });
        const req = http.request(
          gateway!.url,
          {
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              authorization: `Bearer ${token}`,
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (d) => {
              text += d;
            });
            res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });

    // An idle kept-alive client connection must not hold the shutdown up.
    expect((await post('{ __typename }')).status).toBe(200);

    const inflight = post('{ task(id: "7") { id } }');
    await arrived.promise;
    let closed = false;
    const closing = gateway.close().then(() => {
      closed = true;
    });
    expect(await connect(gateway.port)).toBe('ECONNREFUSED');
    expect(closed).toBe(false);

    gate.resolve();
    const answer = await inflight;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { task: { id: '7' } }, extensions: { cost: expect.any(Object) } });
    expect(answer.connection).toBe('close');
    await closing; // resolves: nothing (the idle connection included) is left open
  }, 30_000);
});
