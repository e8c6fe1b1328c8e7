import { createServer, type Server } from 'node:http';
import { cpuMsOfStat, load } from './throughput';

describe('load: concurrent keep-alive clients', () => {
  let server: Server;
  let url: string;
  let seen = 0;
  let concurrent = 0;
  let peak = 0;
  const bodies = new Set<string>();
  const auth = new Set<string>();
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen++;
      concurrent++;
      peak = Math.max(peak, concurrent);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        bodies.add(Buffer.concat(chunks).toString());
        auth.add(String(req.headers['x-sig']));
        // Answer on a later turn so that the clients' requests overlap.
        setImmediate(() => {
          concurrent--;
          res.writeHead(req.url === '/fail' ? 500 : 200);
          res.end('{"data":{}}');
        });
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const a = server.address();
    url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends exactly warm-up + requests, with the clients in flight together, headers made per request', async () => {
    seen = 0;
    peak = 0;
    bodies.clear();
    auth.clear();
    let n = 0;
    const r = await load({
      url: `${url}/graphql`,
      body: '{"query":"{ a }"}',
      headers: () => ({ 'x-sig': String(n++) }),
      clients: 8,
      requests: 200,
      warmup: 16,
    });
    expect(seen).toBe(216);
    expect(r.requests).toBe(200);
    expect(r.rps).toBeGreaterThan(0);
    expect(r.p99).toBeGreaterThanOrEqual(r.p50);
    expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(8);
    expect([...bodies]).toEqual(['{"query":"{ a }"}']);
    expect(auth.size).toBe(216);
  });

  it('sends the n-th body when bodies differ', async () => {
    bodies.clear();
    await load({
      url: `${url}/graphql`,
      body: (n) => `{"n":${n % 5}}`,
      headers: {},
      clients: 3,
      requests: 20,
      warmup: 0,
    });
    expect([...bodies].sort()).toEqual([0, 1, 2, 3, 4].map((n) => `{"n":${n}}`));
  });

  it('fails the run on an answer that is not 200, or that the check refuses', async () => {
    await expect(load({ url: `${url}/fail`, body: '{}', headers: {}, clients: 2, requests: 10 })).rejects.toThrow(
      /HTTP 500/,
    );
    await expect(
      load({
        url: `${url}/graphql`,
        body: '{}',
        headers: {},
        clients: 2,
        requests: 10,
        check: () => {
          throw new Error('wrong answer');
        },
      }),
    ).rejects.toThrow(/wrong answer/);
  });

  it('reports the CPU per answer of a process it is given (here this one, which serves them)', async () => {
    const r = await load({
      url: `${url}/graphql`,
      body: '{}',
      headers: {},
      clients: 4,
      requests: 50,
      warmup: 0,
      cpuOf: process.pid,
    });
    expect(Number.isFinite(r.cpuMsPerRequest)).toBe(true);
    expect(r.cpuMsPerRequest).toBeGreaterThanOrEqual(0);
    const without = await load({ url: `${url}/graphql`, body: '{}', headers: {}, clients: 4, requests: 10, warmup: 0 });
    expect(without.cpuMsPerRequest).toBeUndefined();
  });
});

describe('cpuMsOfStat', () => {
  it('reads utime + stime (clock ticks of 10 ms) after the command name, spaces and parentheses in it included', () => {
    const stat = '4242 (node (a) b) S 1 4242 4242 0 -1 4194560 5000 0 0 0 1234 567 0 0 20 0 11 0 100 1000 100';
    expect(cpuMsOfStat(stat)).toBe((1234 + 567) * 10);
  });
});
