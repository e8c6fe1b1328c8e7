import { startTestHub, type TestHub } from './hub';

let t: TestHub;
beforeAll(async () => { t = await startTestHub(); });
afterAll(async () => { await t?.close(); });

const Q = `{ units(first: 1) { totalCount } task(id: "1") { id } assessment(id: "1") { id } }`;

describe('a subgraph that is down', () => {
  it('the gateway answers the rest with an error naming the subgraph, then recovers when it is back', async () => {
    const healthy = await t.gql(Q);
    expect(healthy.errors).toBeUndefined();

    await t.hub.kill('tasks');
    const partial = await t.gql(Q);
    expect(partial.status).toBe(200);
    expect(partial.data).toEqual({ units: { totalCount: 0 }, task: null, assessment: null });
    expect(partial.errors).toHaveLength(1);
    expect(partial.errors![0]).toMatchObject({ path: ['task'], extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'tasks' } });
    // Nothing internal leaks: no address, no stack.
    expect(JSON.stringify(partial.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack/);
    expect((await fetch(t.url.replace('/graphql', '/healthz'))).status).toBe(200);

    await t.hub.restart('tasks');
    const back = await t.gql(Q);
    expect(back.errors).toBeUndefined();
  });

  it('with the org subgraph down, an org query fails cleanly and the gateway keeps serving', async () => {
    await t.hub.kill('org');
    const r = await t.gql(`{ unit(code: "X") { name } task(id: "1") { id } }`);
    expect(r.status).toBe(200);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'org' });
    expect(r.data?.task).toBeNull();
    await t.hub.restart('org');
    expect((await t.gql(`{ unit(code: "X") { name } }`)).errors).toBeUndefined();
  });
});
