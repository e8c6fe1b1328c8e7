import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withTimeout } from './index';

/**
 * A server that answers /ok at once; on /held, once `release()` is called (the requests held
 * so far are counted in `held()`); and on /stall sends its headers and half a body, then nothing.
 */
async function server(): Promise<{
  srv: Server;
  url: (path: string) => string;
  held: () => number;
  release: () => void;
}> {
  const waiting: Array<() => void> = [];
  const srv = createServer((req, res) => {
    if (req.url === '/ok') {
      res.setHeader('content-type', 'application/json');
      res.end('{"data":{}}');
      return;
    }
    if (req.url === '/held') {
      waiting.push(() => {
        res.setHeader('content-type', 'application/json');
        res.end('{"data":{}}');
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"data":');
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  return {
    srv,
    url: (p) => `http://127.0.0.1:${port}${p}`,
    held: () => waiting.length,
    release: () => {
      for (const answer of waiting.splice(0)) answer();
    },
  };
}

describe('the per-fetch subgraph timeout (withTimeout)', () => {
  let s: Awaited<ReturnType<typeof server>>;
  beforeAll(async () => {
    s = await server();
  });
  afterAll(() => {
    s.srv.closeAllConnections();
    s.srv.close();
  });

  it("leaves no listener on the caller's long-lived signal once each answer is read", async () => {
    const outer = new AbortController(); // the runtime's signal, alive as long as the gateway
    const timed = withTimeout(fetch, 30_000);
    for (let i = 0; i < 20; i++) {
      const res = await timed(s.url('/ok'), { method: 'POST', body: '{}', signal: outer.signal });
      expect(await res.text()).toBe('{"data":{}}');
    }
    expect(getEventListeners(outer.signal, 'abort')).toHaveLength(0);
  });

  it('fetches in flight together put one listener on the long-lived signal, not one each', async () => {
    // What the hostile runs saw: 11 fetches in flight to one subgraph, 11 listeners on the HTTP
    // executor's dispose signal, and Node's MaxListenersExceededWarning on stderr.
    const outer = new AbortController();
    const timed = withTimeout(fetch, 30_000);
    const answers = Array.from({ length: 30 }, () =>
      timed(s.url('/held'), { method: 'POST', body: '{}', signal: outer.signal }),
    );
    while (s.held() < 30) await new Promise((r) => setTimeout(r, 5)); // every request has reached the server
    expect(getEventListeners(outer.signal, 'abort')).toHaveLength(1);
    s.release();
    for (const res of await Promise.all(answers)) expect(await res.text()).toBe('{"data":{}}');
    expect(getEventListeners(outer.signal, 'abort')).toHaveLength(0);
  });

  it('an abort of the long-lived signal still reaches every fetch in flight', async () => {
    const outer = new AbortController();
    const timed = withTimeout(fetch, 30_000);
    const answers = Array.from({ length: 12 }, () =>
      timed(s.url('/held'), { method: 'POST', body: '{}', signal: outer.signal }).then(
        () => 'answered',
        (e: Error) => e.message,
      ),
    );
    while (s.held() < 12) await new Promise((r) => setTimeout(r, 5));
    outer.abort(new Error('gateway disposed'));
    expect(await Promise.all(answers)).toEqual(Array(12).fill('gateway disposed'));
    expect(getEventListeners(outer.signal, 'abort')).toHaveLength(0);
    s.release();
  });

  it('covers the body: an answer that stops half way is aborted as a timeout', async () => {
    const timed = withTimeout(fetch, 300);
    const res = await timed(s.url('/stall'), { method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it("the caller's signal still aborts the fetch", async () => {
    const outer = new AbortController();
    const timed = withTimeout(fetch, 30_000);
    const res = await timed(s.url('/stall'), { method: 'POST', body: '{}', signal: outer.signal });
    const reading = res.text();
    outer.abort(new Error('gateway disposed'));
    await expect(reading).rejects.toThrow('gateway disposed');
    expect(getEventListeners(outer.signal, 'abort')).toHaveLength(0);
  });
});
