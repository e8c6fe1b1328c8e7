import postgres from 'postgres';
import { startTestHub, type TestHub } from './hub';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t?.close();
});

const Q = `{ units(first: 1) { totalCount } task(id: "1") { id } scheme(id: "1") { id } }`;

describe('a subgraph that is down', () => {
  it('the gateway answers the rest with an error naming the subgraph, then recovers when it is back', async () => {
    const healthy = await t.gql(Q);
    expect(healthy.errors).toBeUndefined();

    await t.hub.kill('tasks');
    const partial = await t.gql(Q);
    expect(partial.status).toBe(200);
    expect(partial.data).toEqual({ units: { totalCount: 0 }, task: null, scheme: null });
    expect(partial.errors).toHaveLength(1);
    expect(partial.errors![0]).toMatchObject({
      path: ['task'],
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'tasks' },
    });
    // Nothing internal leaks: no address, no stack.
    expect(JSON.stringify(partial.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack/);
    expect((await fetch(t.url.replace('/graphql', '/healthz'))).status).toBe(200);

    await t.hub.restart('tasks');
    const back = await t.gql(Q);
    expect(back.errors).toBeUndefined();
  });

  it('with the org subgraph down, an org query fails cleanly and the gateway keeps serving', async () => {
    await t.hub.kill('org');
    const r = await t.gql(`{ unit(by: { code: "X" }) { name } task(id: "1") { id } }`);
    expect(r.status).toBe(200);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'org' });
    expect(r.data?.task).toBeNull();
    await t.hub.restart('org');
    expect((await t.gql(`{ unit(by: { code: "X" }) { name } }`)).errors).toBeUndefined();
  });
});

// PostgreSQL only: PGlite runs inside the subgraph process and has no connections to kill.
(process.env.DATABASE_URL ? describe : describe.skip)('PostgreSQL connections killed under the services', () => {
  it('every backend of the hub is terminated; the next read and write succeed without restarting anything', async () => {
    expect((await t.gql(`{ units(first: 1) { totalCount } }`)).errors).toBeUndefined();
    const name = new URL(t.databaseUrl!).pathname.slice(1);
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => undefined });
    try {
      const killed =
        await admin`select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
      expect(killed.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    const read = await t.gql(`{ units(first: 1) { totalCount } }`);
    expect(read.errors).toBeUndefined();
    const write = await t.gql(
      `mutation { createUnit(input: { code: "PG-KILL-1", name: "断线后新建", kind: BRANCH, level: COUNTY, region: "510100", validFrom: "2024-01-01" }) { code } }`,
    );
    expect(write.errors).toBeUndefined();
    expect((await t.gql(`{ unit(by: { code: "PG-KILL-1" }) { name } }`)).data.unit.name).toBe('断线后新建');
  });
});
