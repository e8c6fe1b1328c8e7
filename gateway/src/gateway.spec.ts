import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { createGateway, DEFAULT_SUPERGRAPH, withSubgraphUrls } from './index';

/** A subgraph that accepts connections and never answers. */
async function hangingServer(): Promise<Server> {
  const srv = createServer(() => undefined);
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  return srv;
}

// The JS planner here: the Rust planner's native module does not load inside jest's module
// sandbox. The end-to-end tests (test/) run the real gateway process with the Rust planner.
describe('gateway', () => {
  it('a subgraph that never answers times out into SUBGRAPH_UNAVAILABLE, and the rest of the answer comes back', async () => {
    const hang = await hangingServer();
    const port = (hang.address() as { port: number }).port;
    const sdl = withSubgraphUrls(readFileSync(DEFAULT_SUPERGRAPH, 'utf8'), {
      tasks: `http://127.0.0.1:${port}/graphql`,
      org: 'http://127.0.0.1:9/graphql', // nothing listens on the discard port
    });
    const gateway = createGateway({ port: 0, supergraphSdl: sdl, upstreamTimeoutMs: 200, queryPlanner: 'js' });
    try {
      const res = await gateway.fetch('http://gateway/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ task(id: "1") { id } assessment(id: "1") { id } }' }),
      });
      const body = await res.json();
      expect(res.status).toBe(200);
      expect(body.errors).toHaveLength(2); // tasks hangs, assessments is unreachable (default loopback port, not running)
      expect(body.errors.map((e: any) => e.extensions)).toEqual(expect.arrayContaining([
        { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'tasks' },
      ]));
      expect(body.data).toEqual({ task: null, assessment: null });
    } finally {
      await gateway.dispose();
      hang.closeAllConnections();
      hang.close();
    }
  });
});
