import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readinessCheck, subgraphUrlsOf } from './readiness';

/** A stand-in subgraph: answers /readyz with `status` (or never, with 'hang'), counting probes. */
async function fakeSubgraph(status: number | 'hang') {
  const s = { status, probes: 0, url: '', close: async () => undefined as void };
  const server = http.createServer((req, res) => {
    if (req.url === '/readyz') s.probes++;
    if (s.status === 'hang') return; // never answers
    res.writeHead(s.status, { 'content-type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  s.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  s.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return s;
}

describe('gateway readiness (/readyz)', () => {
  it('reads the subgraph URLs from the supergraph', () => {
    const sdl =
      'enum join__Graph { ORG @join__graph(name: "org", url: "http://a:1/graphql") TASKS @join__graph(name: "tasks", url: "http://b:2/graphql") }';
    expect(subgraphUrlsOf(sdl)).toEqual({ org: 'http://a:1/graphql', tasks: 'http://b:2/graphql' });
  });

  it('ready only while every subgraph is; names the ones down and why', async () => {
    const org = await fakeSubgraph(200);
    const tasks = await fakeSubgraph(503);
    const hung = await fakeSubgraph('hang');
    const gone = await fakeSubgraph(200);
    await gone.close();
    try {
      const check = readinessCheck({
        subgraphs: { org: org.url, tasks: tasks.url, assessments: hung.url, extra: gone.url },
        timeoutMs: 200,
        cacheMs: 0,
      });
      const r = await check();
      expect(r.ready).toBe(false);
      expect(r.down).toEqual({ tasks: 'HTTP 503', assessments: 'no answer within 200 ms', extra: 'ECONNREFUSED' });
      const ok = readinessCheck({ subgraphs: { org: org.url }, cacheMs: 0 });
      expect(await ok()).toEqual({ ready: true, down: {} });
    } finally {
      await Promise.all([org.close(), tasks.close(), hung.close()]);
    }
  });

  it('a flood of probes costs each subgraph one request per cache period', async () => {
    const org = await fakeSubgraph(200);
    try {
      const check = readinessCheck({ subgraphs: { org: org.url }, cacheMs: 60_000 });
      const answers = await Promise.all(Array.from({ length: 50 }, () => check()));
      expect(answers.every((a) => a.ready)).toBe(true);
      expect(await check()).toEqual({ ready: true, down: {} });
      expect(org.probes).toBe(1);
      // A fresh round (cacheMs 0) asks again and sees the change.
      org.status = 503;
      expect(await readinessCheck({ subgraphs: { org: org.url }, cacheMs: 0 })()).toEqual({
        ready: false,
        down: { org: 'HTTP 503' },
      });
      expect(org.probes).toBe(2);
    } finally {
      await org.close();
    }
  });
});
